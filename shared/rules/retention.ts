import { wallClockOf } from './deadline.js';

/**
 * Retention periods (REQUIREMENTS §4): evidence is kept long-term (长期), everything else no less
 * than 3 years (000 art.22), and nothing is destroyed inside its period or while something holds
 * it. Periods are counted in the office's calendar days: a record is kept through the anniversary
 * of the day its clock started (the last day of February when that day was 29 February and the
 * anniversary year has none), and may be destroyed from the day after.
 */

export const RETENTION_CLASSES = ['standard', 'evidence'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

/** Long-term (长期) in the archive rules is 30 years; no setting may go below it, or below 3 years for the rest. */
export const RETENTION_MIN = { standardYears: 3, evidenceYears: 30 } as const;
export const RETENTION_MAX_YEARS = 100;

export interface RetentionPeriods {
  standardYears: number;
  evidenceYears: number | 'permanent';
}

export interface RetentionPolicy extends RetentionPeriods {
  /** Whether approving a destruction list must name a second witness (监销人) to watch it carried out. */
  witnessRequired: boolean;
}

export const DEFAULT_RETENTION: RetentionPolicy = { standardYears: 3, evidenceYears: 30, witnessRequired: false };

export type RetentionPolicyProblem = 'standard_too_short' | 'evidence_too_short' | 'too_long' | 'not_whole_years';

/** Why a policy is refused, or null: shorter than the rules allow, absurdly long, or not in whole years. */
export function retentionPolicyProblem(p: RetentionPeriods): RetentionPolicyProblem | null {
  const years = [p.standardYears, ...(p.evidenceYears === 'permanent' ? [] : [p.evidenceYears])];
  if (years.some((y) => !Number.isInteger(y))) return 'not_whole_years';
  if (p.standardYears < RETENTION_MIN.standardYears) return 'standard_too_short';
  if (p.evidenceYears !== 'permanent' && p.evidenceYears < RETENTION_MIN.evidenceYears) return 'evidence_too_short';
  if (years.some((y) => y > RETENTION_MAX_YEARS)) return 'too_long';
  return null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The same calendar day `years` later; 29 February becomes 28 February in a year without one. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = parts(day);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return iso(y + years, m, Math.min(d, last));
}

export function dayAfter(day: string): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b, c] = parts(from);
  const [x, y, z] = parts(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000);
}

/**
 * Where a record's clock starts. Evidence counts from its case's archive date (the latest, when
 * it is evidence in several cases); until every such case is archived it hasn't started. Any
 * other record counts from its recording day: the camera's when its clock was trusted, else the
 * day it was imported.
 */
export type RetentionBasis = { class: 'standard'; from: string; clock: 'camera' | 'import' } | { class: 'evidence'; archivedOn: string | null };

/** The office day an instant falls on: an import at 00:30 in Shanghai is that day, not the UTC day before. */
export function officeDay(instant: string | Date, timeZone: string): string {
  return wallClockOf(new Date(instant), timeZone).slice(0, 10);
}

/** A record that is not evidence: from its camera's day when the camera's clock was trusted, else its import's office day. */
export function standardBasis(r: { cameraTime: string | null; cameraTrusted: boolean; importedAt: string }, timeZone: string): RetentionBasis {
  return r.cameraTime && r.cameraTrusted ? { class: 'standard', from: r.cameraTime.slice(0, 10), clock: 'camera' } : { class: 'standard', from: officeDay(r.importedAt, timeZone), clock: 'import' };
}

/** The rule that produced a term, for the screen and the audit log to name. */
export type RetentionRule =
  | { code: 'standard_years'; years: number; from: string; clock: 'camera' | 'import' }
  | { code: 'evidence_years'; years: number; from: string }
  | { code: 'evidence_permanent' }
  | { code: 'evidence_not_archived'; years: number | 'permanent' };

export interface RetentionTerm {
  class: RetentionClass;
  /** The last day the record must be kept; null while it has no end (permanent, or its case not yet archived). */
  keptThrough: string | null;
  rule: RetentionRule;
}

export function retentionTerm(basis: RetentionBasis, policy: RetentionPeriods): RetentionTerm {
  if (basis.class === 'standard') {
    return { class: 'standard', keptThrough: addYears(basis.from, policy.standardYears), rule: { code: 'standard_years', years: policy.standardYears, from: basis.from, clock: basis.clock } };
  }
  if (policy.evidenceYears === 'permanent') return { class: 'evidence', keptThrough: null, rule: { code: 'evidence_permanent' } };
  if (!basis.archivedOn) return { class: 'evidence', keptThrough: null, rule: { code: 'evidence_not_archived', years: policy.evidenceYears } };
  return { class: 'evidence', keptThrough: addYears(basis.archivedOn, policy.evidenceYears), rule: { code: 'evidence_years', years: policy.evidenceYears, from: basis.archivedOn } };
}

/**
 * What stops the clock: an open case the record is in, a pending or live approval naming it, an
 * item lent out that carries it, an integrity alarm, or a hold set by hand with a reason.
 */
export const HOLD_KINDS = ['case_open', 'request', 'loan', 'alarm', 'manual'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

export type RetentionStatus = 'no_end' | 'running' | 'held' | 'expired';

/** Days from `today` until the first day a record kept through `keptThrough` may be destroyed (0 or less: it may be now). */
export function daysUntilDestroyable(keptThrough: string, today: string): number {
  return daysBetween(today, dayAfter(keptThrough));
}

/**
 * Where a record stands today: its period has no end yet, is running (and how many days are left
 * until it may be destroyed), has ended, or is held — a hold wins over everything, so a held record
 * never shows as expired however old it is.
 */
export function retentionStatus(term: RetentionTerm, holds: readonly HoldKind[], today: string): { status: RetentionStatus; daysLeft: number | null } {
  const daysLeft = term.keptThrough === null ? null : daysUntilDestroyable(term.keptThrough, today);
  if (holds.length > 0) return { status: 'held', daysLeft };
  if (daysLeft === null) return { status: 'no_end', daysLeft };
  return { status: daysLeft <= 0 ? 'expired' : 'running', daysLeft };
}

/** The dashboard warns 30, 7 and 1 days ahead of records becoming destroyable. */
export const EXPIRY_WARNINGS = [30, 7, 1] as const;
