import { importOptionsSchema, type ImportItemDto, type ImportJobDto, type ImportSummary } from '../../../shared/contract/records-dto.js';
import type { Db } from '../db/open.js';

interface JobRow {
  id: number;
  source: string;
  state: ImportJobDto['state'];
  started_at: string;
  finished_at: string | null;
  summary: string | null;
  options: string | null;
  started_by_name: string;
}

const MAX_ITEMS = 1000;

/** SQL for import jobs, their per-file outcomes and the records they created. */
export class ImportRepo {
  constructor(private readonly db: Db) {}

  job(id: number): Omit<ImportJobDto, 'progress'> | null {
    const row = this.db
      .prepare('SELECT j.*, a.display_name AS started_by_name FROM import_jobs j JOIN accounts a ON a.id = j.started_by WHERE j.id = ?')
      .get(id) as JobRow | undefined;
    if (!row) return null;
    const items = this.db
      .prepare(
        `SELECT i.relative_path AS relativePath, i.size, i.outcome, i.reason, i.record_id AS recordId, c.cleared, c.reason AS clearReason
         FROM import_items i LEFT JOIN import_clearances c ON c.job_id = i.job_id AND c.relative_path = i.relative_path WHERE i.job_id = ?
         ORDER BY CASE i.outcome WHEN 'failed' THEN 0 WHEN 'skipped' THEN 1 WHEN 'duplicate' THEN 2 ELSE 3 END, i.seq LIMIT ?`,
      )
      .all(id, MAX_ITEMS) as (Omit<ImportItemDto, 'cleared'> & { cleared: 0 | 1 | null })[];
    return {
      id: row.id,
      source: row.source,
      state: row.state,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      startedBy: row.started_by_name,
      summary: row.summary ? (JSON.parse(row.summary) as ImportSummary) : null,
      // Jobs from before import options existed ran with none.
      options: importOptionsSchema.parse(row.options ? JSON.parse(row.options) : {}),
      items: items.map((i) => ({ ...i, cleared: i.cleared === null ? null : i.cleared === 1 })),
    };
  }

  recentJobIds(limit = 20): number[] {
    return (this.db.prepare('SELECT id FROM import_jobs ORDER BY id DESC LIMIT ?').all(limit) as { id: number }[]).map((r) => r.id);
  }

  recordIdBySha(sha256: string): number | null {
    return (this.db.prepare('SELECT id FROM records WHERE sha256 = ?').get(sha256) as { id: number } | undefined)?.id ?? null;
  }
}
