import os from 'node:os';
import { DEFAULT_RETENTION, retentionTerm, standardBasis, type RetentionPolicy, type RetentionTerm } from '../../../shared/rules/retention.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/open.js';
import { maxRecordId } from '../media/record-range.js';
import { DEFAULT_TIMELINESS, readSetting } from '../settings/settings-service.js';

/**
 * What a record's period is counted from: its camera's time (trusted unless the import caught
 * the clock running ahead), its import, and — when it is live evidence in cases — whether every
 * such case is archived and the latest archive date.
 */
const BASIS = `SELECT r.id, r.imported_at, t.recorded_at AS camera, coalesce(t.clock_flagged, 1) = 0 AS trusted,
    count(l.id) AS evidence, CASE WHEN count(l.id) = count(c.archived_on) THEN max(c.archived_on) END AS archived_on
  FROM records r LEFT JOIN record_timeliness t ON t.record_id = r.id
  LEFT JOIN record_links l ON l.record_id = r.id AND l.unlinked_at IS NULL AND l.role = 'evidence'
  LEFT JOIN cases c ON c.id = l.case_id
  WHERE r.id = ? GROUP BY r.id`;

interface BasisRow {
  id: number;
  imported_at: string;
  camera: string | null;
  trusted: number;
  evidence: number;
  archived_on: string | null;
}

/** Records per slice when filling missing terms: a few milliseconds of the event loop each. */
const FILL_SLICE = 2_000;

/**
 * Keeps record_retention current: the search index calls `refresh` for the records whose facts
 * changed (a link, a case's archive date), in the caller's transaction. A change of class or end
 * date of a record that had one is an audit event naming the rule that produced it; a record's
 * first term (at import) is not a change.
 */
export class RecordRetention {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog | null,
  ) {}

  policy(): RetentionPolicy {
    return readSetting(this.db, 'retention', DEFAULT_RETENTION);
  }

  refresh(recordIds: Iterable<number>): void {
    const policy = this.policy();
    const zone = readSetting(this.db, 'timeliness', DEFAULT_TIMELINESS).timeZone;
    const old = this.db.prepare('SELECT class, kept_through FROM record_retention WHERE record_id = ?');
    const put = this.db.prepare('INSERT OR REPLACE INTO record_retention (record_id, class, kept_through, rule) VALUES (?, ?, ?, ?)');
    for (const id of new Set(recordIds)) {
      const term = this.compute(id, policy, zone);
      if (!term) continue;
      const before = old.get(id) as { class: string; kept_through: string | null } | undefined;
      put.run(id, term.class, term.keptThrough, JSON.stringify(term.rule));
      if (this.audit && before && (before.class !== term.class || before.kept_through !== term.keptThrough)) {
        this.audit.append({
          // The change that caused it (a link, an archive date) is its own event, with who made it.
          actor: { id: null, name: null },
          workstation: os.hostname(),
          action: 'retention.changed',
          target: `record:${id}`,
          details: { old: { class: before.class, keptThrough: before.kept_through }, new: { class: term.class, keptThrough: term.keptThrough }, rule: term.rule },
        });
      }
    }
  }

  /** Records without a term yet (the first start after this version, or after a restore), in batches. */
  async fillMissing(): Promise<number> {
    // Started after the import recovery settles: a command-line run may have closed the app by then.
    if (!this.db.open) return 0;
    const missing = this.db.prepare('SELECT r.id FROM records r WHERE r.id > ? AND r.id <= ? AND NOT EXISTS (SELECT 1 FROM record_retention x WHERE x.record_id = r.id)').pluck();
    const last = maxRecordId(this.db);
    let filled = 0;
    // In slices with a turn of the event loop between: a first start on a large catalogue must not
    // hold every call while a million terms are computed.
    for (let after = 0; after < last && this.db.open; after += FILL_SLICE) {
      const ids = missing.all(after, after + FILL_SLICE) as number[];
      if (ids.length > 0) this.db.transaction(() => this.refresh(ids))();
      filled += ids.length;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return filled;
  }

  private compute(id: number, policy: RetentionPolicy, zone: string): RetentionTerm | null {
    const b = this.db.prepare(BASIS).get(id) as BasisRow | undefined;
    if (!b) return null;
    const basis = b.evidence > 0 ? { class: 'evidence' as const, archivedOn: b.archived_on } : standardBasis({ cameraTime: b.camera, cameraTrusted: b.trusted === 1, importedAt: b.imported_at }, zone);
    return retentionTerm(basis, policy);
  }
}
