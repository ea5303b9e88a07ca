import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, addYears, dayAfter, daysBetween, officeDay, retentionPolicyProblem, retentionStatus, retentionTerm, standardBasis } from '../../../shared/rules/retention.js';

const SHANGHAI = 'Asia/Shanghai';

describe('retention dates', () => {
  it('counts whole calendar years, and 29 February ends on the last day of February', () => {
    expect(addYears('2026-11-20', 3)).toBe('2029-11-20');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-02-28', 1)).toBe('2024-02-28');
    expect(addYears('2026-12-31', 30)).toBe('2056-12-31');
    expect(dayAfter('2027-02-28')).toBe('2027-03-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2027-03-01', '2027-02-28')).toBe(-1);
  });

  it('takes the office day, not the UTC day, and the camera only when its clock was trusted', () => {
    // 16:30 UTC on the last of February is 00:30 on 1 March in Shanghai.
    expect(officeDay('2027-02-28T16:30:00Z', SHANGHAI)).toBe('2027-03-01');
    expect(officeDay('2027-02-28T15:59:59Z', SHANGHAI)).toBe('2027-02-28');
    expect(officeDay('2027-02-28T16:30:00Z', 'UTC')).toBe('2027-02-28');
    expect(standardBasis({ cameraTime: '2024-02-29T23:50:00', cameraTrusted: true, importedAt: '2024-03-01T02:00:00Z' }, SHANGHAI)).toEqual({ class: 'standard', from: '2024-02-29', clock: 'camera' });
    expect(standardBasis({ cameraTime: '2019-01-01T00:00:00', cameraTrusted: false, importedAt: '2024-02-29T17:00:00Z' }, SHANGHAI)).toEqual({ class: 'standard', from: '2024-03-01', clock: 'import' });
  });
});

describe('retention terms', () => {
  it('keeps a recording 3 years from its day, and may destroy it from the day after', () => {
    const term = retentionTerm({ class: 'standard', from: '2024-02-29', clock: 'camera' }, DEFAULT_RETENTION);
    expect(term).toEqual({ class: 'standard', keptThrough: '2027-02-28', rule: { code: 'standard_years', years: 3, from: '2024-02-29', clock: 'camera' } });
    expect(retentionStatus(term, [], '2027-02-28')).toEqual({ status: 'running', daysLeft: 1 });
    expect(retentionStatus(term, [], '2027-03-01')).toEqual({ status: 'expired', daysLeft: 0 });
    expect(retentionStatus(term, [], '2030-01-01').status).toBe('expired');
  });

  it('keeps evidence 30 years from its case’s archive date, not at all before it, or for ever', () => {
    expect(retentionTerm({ class: 'evidence', archivedOn: '2026-12-01' }, DEFAULT_RETENTION)).toMatchObject({ keptThrough: '2056-12-01', rule: { code: 'evidence_years', years: 30 } });
    const open = retentionTerm({ class: 'evidence', archivedOn: null }, DEFAULT_RETENTION);
    expect(open).toMatchObject({ keptThrough: null, rule: { code: 'evidence_not_archived', years: 30 } });
    expect(retentionStatus(open, [], '2099-01-01')).toEqual({ status: 'no_end', daysLeft: null });
    const forever = retentionTerm({ class: 'evidence', archivedOn: '2026-12-01' }, { standardYears: 3, evidenceYears: 'permanent' });
    expect(forever).toEqual({ class: 'evidence', keptThrough: null, rule: { code: 'evidence_permanent' } });
    expect(retentionStatus(forever, [], '2999-01-01').status).toBe('no_end');
  });

  it('lets a hold win while it lasts: held however old, expired again once it ends', () => {
    const term = retentionTerm({ class: 'standard', from: '2020-05-01', clock: 'import' }, DEFAULT_RETENTION);
    expect(retentionStatus(term, ['manual'], '2026-12-02')).toEqual({ status: 'held', daysLeft: daysBetween('2026-12-02', '2023-05-02') });
    expect(retentionStatus(term, ['case_open', 'loan'], '2026-12-02').status).toBe('held');
    // A hold that starts inside the period holds it past its end; when it lifts, the record is due.
    expect(retentionStatus(term, ['alarm'], '2023-05-02').status).toBe('held');
    expect(retentionStatus(term, [], '2023-05-02').status).toBe('expired');
  });
});

describe('retention settings', () => {
  it('refuses anything shorter than the rules allow', () => {
    expect(retentionPolicyProblem(DEFAULT_RETENTION)).toBeNull();
    expect(retentionPolicyProblem({ standardYears: 10, evidenceYears: 'permanent' })).toBeNull();
    expect(retentionPolicyProblem({ standardYears: 2, evidenceYears: 30 })).toBe('standard_too_short');
    expect(retentionPolicyProblem({ standardYears: 3, evidenceYears: 29 })).toBe('evidence_too_short');
    expect(retentionPolicyProblem({ standardYears: 3.5, evidenceYears: 30 })).toBe('not_whole_years');
    expect(retentionPolicyProblem({ standardYears: 3, evidenceYears: 101 })).toBe('too_long');
  });
});
