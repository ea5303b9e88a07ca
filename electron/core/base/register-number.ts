import type { Db } from '../db/open.js';

/**
 * The next number of a register that counts per year, as offices number paper registers:
 * `2026-G0007` (the year, the register's letter, a running number that never repeats within
 * the year). `table` is one of the app's own register tables, never user input.
 */
export function nextRegisterNumber(db: Db, table: 'discs' | 'access_requests' | 'loans' | 'destruction_lists' | 'spot_checks', letter: string, year: string | number): string {
  const prefix = `${year}-${letter}`;
  const last = db.prepare(`SELECT number FROM ${table} WHERE number LIKE ? ORDER BY number DESC LIMIT 1`).get(`${prefix}%`) as { number: string } | undefined;
  return `${prefix}${String(last ? Number(last.number.slice(prefix.length)) + 1 : 1).padStart(4, '0')}`;
}
