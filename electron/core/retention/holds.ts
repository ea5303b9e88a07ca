import type { RequestItem } from '../../../shared/contract/requests-dto.js';
import type { HoldKind } from '../../../shared/rules/retention.js';
import { recordsOf } from '../approvals/request-items.js';
import type { Db } from '../db/open.js';
import { RECORDS_UNDER_ALARM } from '../record-state/alarms.js';
import { RECORDS_GRANTED } from '../record-state/grants.js';

/**
 * The holds on records right now, read live from the tables that own them (so a hold starts and
 * ends the moment its cause does): a case still open or decided that the record is linked to, an
 * approval pending or not yet over that names it, a loan out that carries it (a disc with it on,
 * its case file), an open integrity alarm, a hold set by hand. Asked for the records given, or
 * for every held record when `ids` is null.
 */
export function holdsOn(db: Db, now: string, ids: readonly number[] | null): Map<number, HoldKind[]> {
  const held = new Map<number, HoldKind[]>();
  const wanted = ids ? new Set(ids) : null;
  const add = (kind: HoldKind, recordIds: Iterable<number>) => {
    for (const id of recordIds) {
      if (wanted && !wanted.has(id)) continue;
      const kinds = held.get(id) ?? [];
      if (!kinds.includes(kind)) held.set(id, [...kinds, kind]);
    }
  };
  // Asked about a few records (one record's page, a proposal), the tables are read for those alone.
  const only = ids ? JSON.stringify([...new Set(ids)]) : null;
  const column = (sql: string, recordColumn: string) =>
    (db.prepare(`${sql}${only ? ` AND ${recordColumn} IN (SELECT value FROM json_each(@only))` : ''}`).all({ now, ...(only ? { only } : {}) }) as { id: number }[]).map((r) => r.id);

  add('case_open', column(`SELECT DISTINCT l.record_id AS id FROM record_links l JOIN cases c ON c.id = l.case_id WHERE l.unlinked_at IS NULL AND c.status IN ('open', 'decided')`, 'l.record_id'));
  add('request', column(RECORDS_GRANTED, 'record_id'));
  for (const r of db.prepare("SELECT items FROM access_requests WHERE state = 'pending'").all() as { items: string }[]) {
    for (const item of JSON.parse(r.items) as RequestItem[]) add('request', recordsOf(db, item));
  }
  for (const l of db.prepare('SELECT item_kind AS kind, item_id AS id FROM loans WHERE returned_at IS NULL').all() as RequestItem[]) add('loan', recordsOf(db, l));
  add('alarm', column(RECORDS_UNDER_ALARM, 'record_id'));
  add('manual', column('SELECT DISTINCT record_id AS id FROM retention_holds WHERE lifted_at IS NULL', 'record_id'));
  return held;
}
