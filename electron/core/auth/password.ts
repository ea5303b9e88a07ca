import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { LIMITS } from '../../../shared/contract/limits.js';
import { passwordProblem } from '../../../shared/rules/password.js';

const KEY_LENGTH = 32;
/** scrypt, memory-hard: N=2^15, r=8 uses 32 MiB per hash. Available in Node and in Electron alike. */
const DEFAULT_COST = { logN: 15, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function options(logN: number, r: number, p: number): ScryptOptions {
  return { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
}

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, options(cost.logN, cost.r, cost.p));
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), options(Number(logN), Number(r), Number(p)));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Spent on unknown usernames so that their answer takes as long as a wrong password's. */
let decoy: Promise<string> | null = null;
export async function burnDecoyVerify(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-0');
  await verifyPassword(password, await decoy);
}

export function assertPasswordAcceptable(password: string, username: string): void {
  if (passwordProblem(password, username) !== null) {
    throw new AppError('PASSWORD_TOO_WEAK', 'password does not meet the rule', { min: LIMITS.passwordMin });
  }
}
