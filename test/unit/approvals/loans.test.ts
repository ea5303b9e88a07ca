import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { approvalsOffice, hours } from '../../support/approvals.js';
import { KEEPER, appPerTest, codeOf, scratch } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();

describe('lending a case file or a disc', () => {
  it('lends only what an approval covers, once at a time, and counts the days overdue until it is back', async () => {
    const o = await approvalsOffice(await open(), dir('rr-loan-src-'));
    const { t } = o;
    const window = { from: o.window.from, to: hours(24 * 10, t.clock.now()) };
    const asked = await t.call('requests.create', { kind: 'lend_item', caseId: o.caseId, requester: { name: '赵科长', department: '镇司法所', idType: '', idNumber: '', relation: '', contact: '0570-1234567' }, items: [{ kind: 'case', id: o.caseId }], purpose: '行政复议', content: '纸质案卷', window }, o.token);
    const item = { kind: 'case' as const, id: o.caseId };
    expect(await codeOf(() => t.call('loans.lend', { requestId: asked.id, item, dueOn: '2026-11-27' }, o.token))).toBe('NOT_APPROVED');
    await t.call('requests.decide', { id: asked.id, outcome: 'approved' }, await o.as('liu'));
    expect(await codeOf(() => t.call('loans.lend', { requestId: asked.id, item: { kind: 'case', id: 999 }, dueOn: '2026-11-27' }, o.token))).toBe('NOT_FOUND');
    expect(await codeOf(() => t.call('loans.lend', { requestId: asked.id, item, dueOn: '2026-12-31' }, o.token))).toBe('VALIDATION_FAILED');
    const loan = await t.call('loans.lend', { requestId: asked.id, item, dueOn: '2026-11-27' }, o.token);
    expect(loan).toMatchObject({ number: '2026-J0001', approvalNumber: asked.number, item: { label: '峡综执罚〔2026〕12号' }, borrower: { name: '赵科长', department: '镇司法所' }, overdueDays: 0 });
    expect(await codeOf(() => t.call('loans.lend', { requestId: asked.id, item, dueOn: '2026-11-27' }, o.token))).toBe('ITEM_OUT');
    const receipt = await t.call('loans.receipt', { loanId: loan.id }, o.token);
    expect(execFileSync('pdftotext', ['-layout', receipt.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('2026-J0001');

    t.clock.advanceMinutes(5 * 24 * 60);
    expect((await t.call('loans.list', { out: true }, await o.as('county')))[0]).toMatchObject({ id: loan.id, overdueDays: 2 });
    const keeper = await t.login(KEEPER.username, KEEPER.password);
    const back = await t.call('loans.return', { loanId: loan.id, condition: '完好' }, keeper);
    // Back two days late, and the register keeps it so.
    expect(back).toMatchObject({ condition: '完好', receivedBy: '王秀兰', overdueDays: 2 });
    expect(await codeOf(() => t.call('loans.return', { loanId: loan.id, condition: '完好' }, keeper))).toBe('ALREADY_RETURNED');
    expect(await t.call('loans.list', { out: true }, keeper)).toEqual([]);
    expect((await t.call('audit.list', { action: 'loan.returned', limit: 5 }, keeper)).events[0]?.details).toMatchObject({ overdueDays: 2, condition: '完好' });
    // Back once means used: lending it again on the same approval is refused; every refusal is in the audit log.
    expect(await codeOf(() => t.call('loans.lend', { requestId: asked.id, item, dueOn: '2026-12-05' }, keeper))).toBe('APPROVAL_USED');
    const refused = (await t.call('audit.list', { action: 'request.refused', limit: 20 }, keeper)).events.map((e) => `${String(e.details.step)}:${String(e.details.code)}`);
    expect(refused).toEqual(['lend:APPROVAL_USED', 'return:ALREADY_RETURNED', 'lend:ITEM_OUT', 'lend:VALIDATION_FAILED', 'lend:NOT_FOUND', 'lend:NOT_APPROVED']);
  });
});
