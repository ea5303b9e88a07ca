import { LIMITS } from '../contract/limits.js';

/** The password rule, shared so the setup and account forms warn before the core refuses. */
export function passwordProblem(password: string, username: string): 'too_short' | 'needs_letters_and_digits' | 'same_as_username' | null {
  if (password.length < LIMITS.passwordMin) return 'too_short';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'needs_letters_and_digits';
  if (password.toLowerCase() === username.trim().toLowerCase()) return 'same_as_username';
  return null;
}
