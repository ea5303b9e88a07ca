import type { DestructionListDto, DestructionState, DestructionSummaryDto } from '../../../shared/contract/destruction-dto.js';
import type { RetentionRule } from '../../../shared/rules/retention.js';
import type { Db } from '../db/open.js';
import { DESTROYED_AT_UNDER } from '../record-state/disposition.js';

export interface ListRow {
  id: number;
  number: string;
  reason: string;
  proposed_at: string;
  proposed_by: number;
  proposed_by_name: string;
  state: DestructionState;
  decided_at: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decision_source: 'app' | 'paper' | null;
  recorded_by_name: string | null;
  paper_scan: string | null;
  decision_reason: string | null;
  witness_name: string | null;
  head_seq: number | null;
  head_hash: string | null;
  executed_at: string | null;
  item_count: number;
}

export const SELECT_LISTS = `SELECT l.*, p.display_name AS proposed_by_name, d.display_name AS decided_by_name, k.display_name AS recorded_by_name, w.display_name AS witness_name,
    (SELECT count(*) FROM destruction_items i WHERE i.list_id = l.id) AS item_count
  FROM destruction_lists l JOIN accounts p ON p.id = l.proposed_by LEFT JOIN accounts d ON d.id = l.decided_by
  LEFT JOIN accounts k ON k.id = l.recorded_by LEFT JOIN accounts w ON w.id = l.witness_id`;

export function summaryOf(r: ListRow): DestructionSummaryDto {
  return {
    id: r.id,
    number: r.number,
    reason: r.reason,
    proposedAt: r.proposed_at,
    proposedBy: r.proposed_by_name,
    proposedById: r.proposed_by,
    state: r.state,
    decision:
      r.decided_at && r.decided_by !== null && r.decided_by_name && r.decision_source
        ? {
            outcome: r.state === 'rejected' ? 'rejected' : 'approved',
            at: r.decided_at,
            by: r.decided_by_name,
            byId: r.decided_by,
            source: r.decision_source,
            recordedBy: r.recorded_by_name,
            reason: r.decision_reason,
            paperScanSha256: r.paper_scan,
            witness: r.witness_name,
            chainHead: { seq: r.head_seq ?? 0, hash: r.head_hash ?? '' },
          }
        : null,
    executedAt: r.executed_at,
    itemCount: r.item_count,
  };
}

/** A list with its frozen items, in the order they were proposed. */
export function listWithItems(db: Db, r: ListRow): DestructionListDto {
  const items = db
    .prepare(
      `SELECT i.record_id, i.name, i.officer, i.recorded_at, i.sha256, i.size, i.kept_through, i.rule, ${DESTROYED_AT_UNDER('i.record_id', 'i.list_id')} AS destroyed_at
       FROM destruction_items i WHERE i.list_id = ? ORDER BY i.id`,
    )
    .all(r.id) as { record_id: number; name: string; officer: string | null; recorded_at: string | null; sha256: string; size: number; kept_through: string; rule: string; destroyed_at: string | null }[];
  return {
    ...summaryOf(r),
    items: items.map((i) => ({ recordId: i.record_id, name: i.name, officer: i.officer, recordedAt: i.recorded_at, sha256: i.sha256, size: i.size, keptThrough: i.kept_through, rule: JSON.parse(i.rule) as RetentionRule, destroyedAt: i.destroyed_at })),
  };
}
