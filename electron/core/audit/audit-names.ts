import type { Db } from '../db/open.js';
import { ALARM_NAMES } from '../record-state/alarms.js';

/**
 * The audit log keeps ids ("record:3", officerId 5), as it must: names change, ids don't. A
 * reader needs the names, so a listed event carries them, looked up when it is listed.
 */

/** How each kind of reference reads; a reference to a row that no longer exists keeps its id. */
const LOOKUPS = {
  record: 'SELECT id, original_name AS name FROM records WHERE id IN',
  case: 'SELECT id, case_no AS name FROM cases WHERE id IN',
  account: 'SELECT id, display_name AS name FROM accounts WHERE id IN',
  device: 'SELECT id, device_no AS name FROM devices WHERE id IN',
  backup: 'SELECT id, label AS name FROM backup_targets WHERE id IN',
  disc: 'SELECT id, number AS name FROM discs WHERE id IN',
  request: 'SELECT id, number AS name FROM access_requests WHERE id IN',
  destruction: 'SELECT id, number AS name FROM destruction_lists WHERE id IN',
  spot_check: 'SELECT id, number AS name FROM spot_checks WHERE id IN',
  // An alarm reads as the record it is about; alarms on no record (a stray file) stay unnamed.
  alarm: ALARM_NAMES,
} as const;
type Kind = keyof typeof LOOKUPS;

const REF = /^(record|case|account|device|backup|alarm|disc|request|destruction|spot_check):(\d+)$/;

/** Detail keys that hold ids of another kind, as recorded by the services. */
const ID_KEYS: Record<string, Kind> = {
  officerId: 'account',
  recordId: 'record',
  recordIds: 'record',
  caseId: 'case',
  caseIds: 'case',
  discId: 'disc',
  discIds: 'disc',
  decidedBy: 'account',
  witnessId: 'account',
  replaces: 'disc',
  // record.officer_assigned keeps the officer before as `previous` (a number); elsewhere `previous` is text and skipped.
  previous: 'account',
};

/** Every "kind:id" an event mentions: its target and the ids in its details (also one level down, for old/new pairs). */
export function referencesOf(target: string | null, details: Record<string, unknown>): string[] {
  const refs = new Set<string>();
  if (target && REF.test(target)) refs.add(target);
  const visit = (obj: Record<string, unknown>, depth: number) => {
    for (const [key, value] of Object.entries(obj)) {
      const kind = ID_KEYS[key];
      if (kind && typeof value === 'number') refs.add(`${kind}:${value}`);
      if (kind && Array.isArray(value)) for (const v of value) if (typeof v === 'number') refs.add(`${kind}:${v}`);
      if (depth === 0 && value && typeof value === 'object' && !Array.isArray(value)) visit(value as Record<string, unknown>, 1);
    }
  };
  visit(details, 0);
  return [...refs];
}

/** Names for a set of references, in as many queries as there are kinds. */
export function lookUpNames(db: Db, refs: Iterable<string>): Map<string, string> {
  const ids = new Map<Kind, Set<number>>();
  for (const ref of refs) {
    const m = REF.exec(ref);
    if (!m) continue;
    const kind = m[1] as Kind;
    if (!ids.has(kind)) ids.set(kind, new Set());
    ids.get(kind)?.add(Number(m[2]));
  }
  const names = new Map<string, string>();
  for (const [kind, set] of ids) {
    const list = [...set];
    const rows = db.prepare(`${LOOKUPS[kind]} (${list.map(() => '?').join(',')})`).all(...list) as { id: number; name: string }[];
    for (const row of rows) names.set(`${kind}:${row.id}`, row.name);
  }
  return names;
}
