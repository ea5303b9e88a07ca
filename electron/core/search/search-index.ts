import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/open.js';
import { RecordRetention } from '../retention/record-retention.js';
import { textGrams } from './grams.js';
import { INTEGRITY_STATE, SEARCH_ROW_SELECT } from './search-sql.js';

/**
 * Keeps record_search, record_text, record_grams and record_retention current: whoever changes a fact a record is found by calls
 * `refresh` with the records concerned, inside its own transaction.
 */
export class SearchIndex {
  private readonly retention: RecordRetention;

  constructor(
    private readonly db: Db,
    audit: AuditLog,
  ) {
    this.retention = new RecordRetention(db, audit);
  }

  refresh(recordIds: Iterable<number>): void {
    const ids = [...new Set(recordIds)];
    if (ids.length === 0) return;
    const row = this.db.prepare(`${SEARCH_ROW_SELECT} WHERE r.id = ?`);
    const put = this.db.prepare(
      `INSERT OR REPLACE INTO record_search (record_id, media_type, officer_id, device_no, recorded_at, late, important, linked, integrity)
       VALUES (@record_id, @media_type, @officer_id, @device_no, @recorded_at, @late, @important, @linked, @integrity)`,
    );
    const drop = this.db.prepare('DELETE FROM record_text WHERE rowid = ?');
    const text = this.db.prepare('INSERT INTO record_text (rowid, body) VALUES (?, ?)');
    const dropGrams = this.db.prepare('DELETE FROM record_grams WHERE rowid = ?');
    const grams = this.db.prepare('INSERT INTO record_grams (rowid, grams) VALUES (?, ?)');
    for (const id of ids) {
      const r = row.get(id) as { record_id: number; body: string } | undefined;
      if (!r) continue;
      put.run(r);
      drop.run(id);
      text.run(id, r.body);
      dropGrams.run(id);
      grams.run(id, textGrams(r.body));
    }
    // A record's retention hangs on the same facts (its links, its cases' archive dates).
    this.retention.refresh(ids);
  }

  /**
   * Only the integrity column, after a fixity check: a check touches every record in turn, and
   * rewriting each one's full-text entry for it would be work for nothing.
   */
  refreshIntegrity(recordId: number): void {
    this.db.prepare(`UPDATE record_search SET integrity = (SELECT ${INTEGRITY_STATE} FROM records r WHERE r.id = record_search.record_id) WHERE record_id = ?`).run(recordId);
  }

  /** All records of the cases given: a case's number, cause or parties changed. */
  refreshCase(caseId: number): void {
    this.refresh((this.db.prepare('SELECT record_id FROM record_links WHERE case_id = ?').all(caseId) as { record_id: number }[]).map((r) => r.record_id));
  }
}
