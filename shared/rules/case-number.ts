/**
 * Case numbers (案号) as offices write them on decisions: an office prefix, the year in 〔〕
 * (or [] / 【】 typed on a plain keyboard), a serial, 号 — e.g. 峡综执罚〔2026〕12号. Offices
 * with another scheme set their own pattern in Settings.
 */
export const DEFAULT_CASE_NUMBER_PATTERN = '^[\\p{Script=Han}A-Za-z0-9-]{1,20}[〔\\[【]\\d{4}[〕\\]】]\\d{1,6}号$';

/**
 * Case-number schemes an office can pick instead of writing an expression; `example` fits it.
 * The first is the default.
 */
export const CASE_NUMBER_PRESETS = [
  { id: 'document', pattern: DEFAULT_CASE_NUMBER_PATTERN, example: '峡综执罚〔2026〕12号' },
  { id: 'year_serial', pattern: '^\\d{4}-\\d{1,6}$', example: '2026-0012' },
  { id: 'prefix_year_serial', pattern: '^[A-Za-z]{1,8}\\d{4}\\d{3,6}$', example: 'XKZF2026012' },
  { id: 'any', pattern: '^.{1,40}$', example: '任意编号 12' },
] as const;

/**
 * One spelling per case number: the year brackets typed as [] or 【】 become 〔〕 and full-width
 * digits become ASCII, so 峡综执罚[2026]12号 and 峡综执罚〔2026〕12号 are the same case.
 */
export function normalizeCaseNo(caseNo: string): string {
  return caseNo
    .trim()
    .replace(/[[【]/g, '〔')
    .replace(/[\]】]/g, '〕')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export function casePatternProblem(pattern: string): 'invalid' | null {
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch {
    return 'invalid';
  }
}

export function fitsCasePattern(caseNo: string, pattern: string): boolean {
  return casePatternProblem(pattern) === null && new RegExp(pattern, 'u').test(caseNo);
}

/** The three ledgers of the county notice (004): administrative penalty, inspection, coercive measure. */
export const CASE_KINDS = ['penalty', 'inspection', 'coercion'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** A case moves forward: filed, decided, closed, archived. */
export const CASE_STATUSES = ['open', 'decided', 'closed', 'archived'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Linking to a case that is closed or archived changes a finished file: it needs a stated reason. */
export function linkNeedsReason(status: CaseStatus): boolean {
  return status === 'closed' || status === 'archived';
}
