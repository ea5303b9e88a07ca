import { evidenceFactsSchema, type EvidenceFacts } from '../../../shared/contract/cases-dto.js';
import type { DISC_BLOCKS } from '../../../shared/contract/discs-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { OPEN_ALARMS } from '../record-state/alarms.js';
import { DESTROYED } from '../record-state/disposition.js';

export type DiscBlock = (typeof DISC_BLOCKS)[number];

/** One live evidence link of a case with what a disc and its written description need of it. */
export interface DiscEvidence {
  linkId: number;
  recordId: number;
  name: string;
  size: number;
  sha256: string;
  sm3: string;
  recordedAt: string | null;
  durationSeconds: number | null;
  deviceNo: string | null;
  officer: string | null;
  facts: EvidenceFacts | null;
  /** What keeps it off a disc, and which written-description fields are missing. */
  blocks: DiscBlock[];
  missing: string[];
}

interface Row {
  link_id: number;
  record_id: number;
  original_name: string;
  size: number;
  sha256: string;
  sm3: string;
  recorded_at: string | null;
  duration: number | null;
  device_no: string | null;
  officer_name: string | null;
  officer_no: string | null;
  facts: string | null;
  alarms: number;
  destroyed: 0 | 1;
}

const FACT_FIELDS = ['collectors', 'collectedAt', 'place', 'statement'] as const;

/**
 * A case's evidence in recording order (some of it when `recordIds` is given: each must be live
 * evidence of the case). Facts are checked against the same schema a link is made with, so facts
 * written by an older version, or by hand, are caught before they reach a signed paper.
 */
export function caseEvidence(db: Db, caseId: number, recordIds?: number[]): DiscEvidence[] {
  const rows = db
    .prepare(
      `SELECT l.id AS link_id, r.id AS record_id, r.original_name, r.size, r.sha256, r.sm3, l.facts,
         s.recorded_at, m.duration_seconds AS duration, s.device_no, a.display_name AS officer_name, a.officer_no,
         ${OPEN_ALARMS('r.id')} AS alarms,
         ${DESTROYED('r.id')} AS destroyed
       FROM record_links l JOIN records r ON r.id = l.record_id JOIN record_search s ON s.record_id = r.id
       LEFT JOIN record_media m ON m.record_id = r.id LEFT JOIN accounts a ON a.id = s.officer_id
       WHERE l.case_id = ? AND l.role = 'evidence' AND l.unlinked_at IS NULL
       ORDER BY s.recorded_at IS NULL, s.recorded_at, r.id`,
    )
    .all(caseId) as Row[];
  if (rows.length === 0) throw new AppError('CASE_NO_EVIDENCE', 'the case has no evidence', { caseId });
  const wanted = recordIds ? new Set(recordIds) : null;
  if (wanted) {
    const unknown = [...wanted].filter((id) => !rows.some((r) => r.record_id === id));
    if (unknown.length) throw new AppError('VALIDATION_FAILED', 'not evidence of this case', { recordIds: unknown });
  }
  return rows.filter((r) => !wanted || wanted.has(r.record_id)).map(toEvidence);
}

function toEvidence(r: Row): DiscEvidence {
  const raw = r.facts ? (JSON.parse(r.facts) as Record<string, unknown>) : {};
  const parsed = evidenceFactsSchema.safeParse(raw);
  const missing = parsed.success ? [] : FACT_FIELDS.filter((f) => !evidenceFactsSchema.shape[f].safeParse(raw[f]).success);
  const blocks: DiscBlock[] = [];
  // Destroyed under a destruction list: its original is gone, so no disc can carry it.
  if (r.destroyed === 1) blocks.push('destroyed');
  if (r.alarms > 0) blocks.push('integrity_alarm');
  if (!parsed.success) blocks.push('facts_incomplete');
  if (!r.officer_name) blocks.push('no_officer');
  return {
    linkId: r.link_id,
    recordId: r.record_id,
    name: r.original_name,
    size: r.size,
    sha256: r.sha256,
    sm3: r.sm3,
    recordedAt: r.recorded_at,
    durationSeconds: r.duration,
    deviceNo: r.device_no,
    officer: r.officer_name ? `${r.officer_name}${r.officer_no ? `（${r.officer_no}）` : ''}` : null,
    facts: parsed.success ? parsed.data : null,
    blocks,
    missing,
  };
}
