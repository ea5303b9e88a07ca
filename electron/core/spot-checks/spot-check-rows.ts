import type { DrawnCaseDto, FindingDto, SpotCheckSummaryDto } from '../../../shared/contract/spot-checks-dto.js';
import type { Db } from '../db/open.js';

/** A drawn case's verdict is its latest finding's (a later finding corrects an earlier one by coming after it). */
const LATEST_VERDICT = `(SELECT f.verdict FROM spot_check_findings f WHERE f.spot_check_id = k.spot_check_id AND f.case_id = k.case_id ORDER BY f.id DESC LIMIT 1)`;
const COUNT_CASES = (condition: string) => `(SELECT COUNT(*) FROM spot_check_cases k WHERE k.spot_check_id = s.id AND ${condition})`;

export const SELECT_CHECKS = `SELECT s.id, s.number, s.period_from, s.period_to, s.requested, s.seed, s.candidates, s.drawn_at, s.closed_at, s.closing_note,
    a.display_name AS drawn_by_name, b.display_name AS closed_by_name,
    ${COUNT_CASES('1')} AS drawn,
    ${COUNT_CASES(`${LATEST_VERDICT} = 'pass'`)} AS passed,
    ${COUNT_CASES(`${LATEST_VERDICT} = 'problem'`)} AS problems
  FROM spot_checks s JOIN accounts a ON a.id = s.drawn_by LEFT JOIN accounts b ON b.id = s.closed_by`;

export interface CheckRow {
  id: number;
  number: string;
  period_from: string;
  period_to: string;
  requested: number;
  seed: number;
  candidates: number;
  drawn_at: string;
  closed_at: string | null;
  closing_note: string | null;
  drawn_by_name: string;
  closed_by_name: string | null;
  drawn: number;
  passed: number;
  problems: number;
}

export function summaryOf(r: CheckRow): SpotCheckSummaryDto {
  return {
    id: r.id,
    number: r.number,
    from: r.period_from,
    to: r.period_to,
    requested: r.requested,
    drawn: r.drawn,
    seed: r.seed,
    candidates: r.candidates,
    drawnAt: r.drawn_at,
    drawnBy: r.drawn_by_name,
    closedAt: r.closed_at,
    passed: r.passed,
    problems: r.problems,
    unchecked: r.drawn - r.passed - r.problems,
  };
}

/** The check's cases in the order drawn, each with its findings, oldest first. */
export function drawnCases(db: Db, checkId: number): DrawnCaseDto[] {
  const cases = db
    .prepare(
      `SELECT k.position, k.case_id, k.ledger_day, c.case_no, c.kind, c.cause,
         EXISTS (SELECT 1 FROM case_handlers h JOIN spot_checks s ON s.id = k.spot_check_id WHERE h.case_id = k.case_id AND h.officer_id = s.drawn_by) AS checker_handles
       FROM spot_check_cases k JOIN cases c ON c.id = k.case_id
       WHERE k.spot_check_id = ? ORDER BY k.position`,
    )
    .all(checkId) as { position: number; case_id: number; ledger_day: string; case_no: string; kind: DrawnCaseDto['kind']; cause: string; checker_handles: number }[];
  const findings = db
    .prepare(
      `SELECT f.id, f.case_id, f.verdict, f.text, f.recorded_at, a.display_name AS by_name FROM spot_check_findings f JOIN accounts a ON a.id = f.recorded_by
       WHERE f.spot_check_id = ? ORDER BY f.id`,
    )
    .all(checkId) as { id: number; case_id: number; verdict: FindingDto['verdict']; text: string; recorded_at: string; by_name: string }[];
  return cases.map((c) => ({
    position: c.position,
    caseId: c.case_id,
    caseNo: c.case_no,
    kind: c.kind,
    cause: c.cause,
    ledgerDay: c.ledger_day,
    checkerHandles: c.checker_handles === 1,
    findings: findings.filter((f) => f.case_id === c.case_id).map((f) => ({ id: f.id, verdict: f.verdict, text: f.text, at: f.recorded_at, by: f.by_name })),
  }));
}
