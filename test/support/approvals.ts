import { caseWithEvidence } from './discs.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'Officer2026';
export const hours = (n: number, from: Date): string => new Date(from.getTime() + n * 3_600_000).toISOString();

/** The disc case of support/discs.ts, plus an officer who does not handle it, both leaders and a supervisor. */
export async function approvalsOffice(t: TestApp, src: string) {
  const made = await caseWithEvidence(t, src);
  const { token } = made;
  const add = (username: string, displayName: string, role: string) => t.call('accounts.create', { username, displayName, role: role as 'officer', isAdmin: false, password: PASSWORD }, token);
  const wang = await add('wang', '王强', 'officer');
  const liu = await add('liu', '刘分管', 'responsible_leader');
  const sun = await add('sun', '孙主要', 'principal_leader');
  await add('county', '县局周某', 'supervisor');
  const as = async (username: string) => t.login(username, PASSWORD);
  const [clipA, clipB] = made.records.filter((r) => r.mediaType === 'video');
  const now = t.clock.now();
  return { t, ...made, wang, liu, sun, as, clipA: clipA as NonNullable<typeof clipA>, clipB: clipB as NonNullable<typeof clipB>, window: { from: now.toISOString(), to: hours(2, now) } };
}
