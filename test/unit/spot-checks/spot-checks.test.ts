import { describe, expect, it } from 'vitest';
import type { CaseFields } from '../../../shared/contract/cases-dto.js';
import { seededDraw } from '../../../shared/rules/seeded-draw.js';
import { approvalsOffice } from '../../support/approvals.js';
import { pageTexts, squeeze } from '../../support/pdf.js';
import { appPerTest, codeOf, scratch } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();

/**
 * The disc case (penalty, open) plus a ledger to draw from: eight penalty and coercion cases that
 * closed in November, one that closed in October, one still open and an inspection (whose hazards
 * nobody has entered yet, so it waits off the ledger).
 */
async function ledgerOffice() {
  const o = await approvalsOffice(await open(), dir('rr-spot-src-'));
  const { t, token } = o;
  const file = async (n: number, fields: Partial<CaseFields>) =>
    t.call(
      'cases.create',
      {
        fields: {
          caseNo: `峡综执罚〔2026〕${n}号`,
          kind: 'penalty',
          cause: `占道经营 ${n}`,
          parties: [{ kind: 'person', name: '王某某', idType: '', idNumber: '', contact: '' }],
          handlerIds: [o.li.id, o.wang.id],
          filedOn: '2026-10-08',
          decidedOn: null,
          closedOn: null,
          archivedOn: null,
          status: 'open',
          ...fields,
        },
      },
      token,
    );
  const november = [];
  for (let n = 20; n < 28; n++) november.push(await file(n, { status: 'closed', closedOn: `2026-11-${String(n - 10).padStart(2, '0')}`, kind: n % 3 === 0 ? 'coercion' : 'penalty' }));
  const october = await file(40, { status: 'closed', closedOn: '2026-10-31' });
  const inspection = await file(41, { kind: 'inspection', filedOn: '2026-11-05' });
  const supervisor = await o.as('county');
  return { ...o, november, october, inspection, supervisor };
}

describe('the spot check', () => {
  it('draws from the ledger of the period by its seed, takes findings, closes once and prints the report', async () => {
    const o = await ledgerOffice();
    const { t, supervisor } = o;
    const check = await t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 3, seed: 20261124 }, supervisor);
    // The ledger holds the eight November cases, by id; the seed picks the same ones the rule does.
    expect(check.candidates).toBe(8);
    expect(check.cases.map((c) => c.caseId)).toEqual(seededDraw(o.november.map((c) => c.id), 3, 20261124));
    expect(check).toMatchObject({ number: '2026-C0001', requested: 3, drawn: 3, seed: 20261124, drawnBy: '县局周某', closedAt: null, unchecked: 3 });
    for (const c of check.cases) expect(c.ledgerDay).toBe(o.november.find((n) => n.id === c.caseId)?.closedOn);

    // Anyone repeats it: the same period, size and seed draw the same cases, in the same order.
    const again = await t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 3, seed: 20261124 }, supervisor);
    expect(again.cases.map((c) => c.caseId)).toEqual(check.cases.map((c) => c.caseId));
    expect(again.number).toBe('2026-C0002');
    // Without a seed the core picks one, and keeps it.
    const fresh = await t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 3 }, supervisor);
    expect((await t.call('spotChecks.get', { id: fresh.id }, o.token)).seed).toBe(fresh.seed);

    const [first, second] = check.cases;
    if (!first || !second) throw new Error('three cases drawn');
    await t.call('spotChecks.addFinding', { id: check.id, caseId: first.caseId, verdict: 'problem', text: '文字说明缺取证地点' }, supervisor);
    // A later finding on the same case is appended after the first, never over it.
    await t.call('spotChecks.addFinding', { id: check.id, caseId: first.caseId, verdict: 'pass', text: '已补正，复核合格' }, supervisor);
    const judged = await t.call('spotChecks.addFinding', { id: check.id, caseId: second.caseId, verdict: 'problem', text: '光盘未做检查' }, supervisor);
    expect(judged.cases[0]?.findings.map((f) => [f.verdict, f.text, f.by])).toEqual([
      ['problem', '文字说明缺取证地点', '县局周某'],
      ['pass', '已补正，复核合格', '县局周某'],
    ]);
    expect(judged).toMatchObject({ passed: 1, problems: 1, unchecked: 1 });

    // Only a drawn case takes a finding; the keeper and leaders read, never judge.
    expect(await codeOf(() => t.call('spotChecks.addFinding', { id: check.id, caseId: o.october.id, verdict: 'pass', text: '—' }, supervisor))).toBe('CASE_NOT_DRAWN');
    expect(await codeOf(() => t.call('spotChecks.addFinding', { id: check.id, caseId: first.caseId, verdict: 'pass', text: '   ' }, supervisor))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('spotChecks.addFinding', { id: check.id, caseId: first.caseId, verdict: 'pass', text: '可以' }, o.token))).toBe('FORBIDDEN');
    const leader = await o.as('liu');
    expect(await codeOf(() => t.call('spotChecks.close', { id: check.id }, leader))).toBe('FORBIDDEN');

    const closed = await t.call('spotChecks.close', { id: check.id, note: '抽查 3 件，1 件有问题已通知整改' }, supervisor);
    expect(closed.closedBy).toBe('县局周某');
    expect(await codeOf(() => t.call('spotChecks.addFinding', { id: check.id, caseId: first.caseId, verdict: 'pass', text: '再记' }, supervisor))).toBe('SPOT_CHECK_CLOSED');
    expect(await codeOf(() => t.call('spotChecks.close', { id: check.id }, supervisor))).toBe('SPOT_CHECK_CLOSED');
    expect((await t.call('spotChecks.get', { id: check.id }, o.token)).cases[0]?.findings).toHaveLength(2);

    const report = await t.call('spotChecks.report', { id: check.id }, o.token);
    const text = squeeze(pageTexts(report.path).join(''));
    for (const c of check.cases) expect(text).toContain(squeeze(c.caseNo));
    for (const words of ['执法案卷抽查记录', '2026-C0001', '峡口镇综合行政执法办公室', '随机种子', '20261124', '2026-11-01至2026-11-30', '台账案件数8件', '【有问题】文字说明缺取证地点', '【合格】已补正，复核合格', '（未记录）', '抽查结束时', '被抽查单位']) {
      expect(text).toContain(squeeze(words));
    }

    const audit = (await t.call('audit.list', { limit: 50 }, o.token)).events.filter((e) => e.action.startsWith('spot_check.'));
    expect(audit.map((e) => e.action).sort()).toEqual(['spot_check.closed', 'spot_check.drawn', 'spot_check.drawn', 'spot_check.drawn', 'spot_check.finding', 'spot_check.finding', 'spot_check.finding']);
    expect(audit.find((e) => e.action === 'spot_check.drawn' && e.target === `spot_check:${check.id}`)?.details).toMatchObject({ seed: 20261124, candidates: 8, caseIds: check.cases.map((c) => c.caseId) });
  });

  it('takes the whole ledger when the sample is larger, and refuses an empty one, storing nothing', async () => {
    const o = await ledgerOffice();
    const { t, supervisor } = o;
    const all = await t.call('spotChecks.draw', { from: '2026-10-01', to: '2026-11-11', size: 10, seed: 5 }, supervisor);
    // October's case and the two that closed by 11-11; the open case and the waiting inspection are not on it.
    expect(all).toMatchObject({ requested: 10, drawn: 3, candidates: 3 });
    expect(all.cases.map((c) => c.caseNo).sort()).toEqual(['峡综执罚〔2026〕20号', '峡综执罚〔2026〕21号', '峡综执罚〔2026〕40号'].sort());

    expect(await codeOf(() => t.call('spotChecks.draw', { from: '2026-12-01', to: '2026-12-31', size: 3 }, supervisor))).toBe('NO_CANDIDATES');
    expect(await codeOf(() => t.call('spotChecks.draw', { from: '2026-11-30', to: '2026-11-01', size: 3 }, supervisor))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 0 }, supervisor))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 3, seed: 2 ** 32 }, supervisor))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 3 }, o.token))).toBe('FORBIDDEN');
    expect((await t.call('spotChecks.list', {}, o.token)).map((c) => c.number)).toEqual([all.number]);
  });

  it('keeps draws and findings in SQL as they were made', async () => {
    const o = await ledgerOffice();
    const { t, supervisor } = o;
    const check = await t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 2, seed: 1 }, supervisor);
    await t.call('spotChecks.addFinding', { id: check.id, caseId: check.cases[0]?.caseId ?? 0, verdict: 'pass', text: '齐全' }, supervisor);
    const { db } = t.app.core;
    expect(() => db.prepare("UPDATE spot_check_findings SET verdict = 'problem'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM spot_check_cases').run()).toThrow(/never changed/);
    expect(() => db.prepare('UPDATE spot_checks SET seed = 2').run()).toThrow(/only ever closed/);
    expect(() => db.prepare('DELETE FROM spot_checks').run()).toThrow(/never deleted/);
  });

  it("leaves out a case the checker handled, unless asked to keep it, and then flags it", async () => {
    const o = await ledgerOffice();
    const { t, supervisor } = o;
    // Handlers are officers today; a catalogue from before that rule may still name a supervisor.
    const me = await t.call('auth.me', {}, supervisor);
    const own = o.november[2]!;
    t.app.core.db.prepare('INSERT INTO case_handlers (case_id, officer_id) VALUES (?, ?)').run(own.id, me.id);
    const check = await t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 8, seed: 7 }, supervisor);
    expect(check.candidates).toBe(7);
    expect(check.cases.map((c) => c.caseId)).not.toContain(own.id);
    expect(check.cases.every((c) => !c.checkerHandles)).toBe(true);
    const kept = await t.call('spotChecks.draw', { from: '2026-11-01', to: '2026-11-30', size: 8, seed: 7, keepOwnCases: true }, supervisor);
    expect(kept.candidates).toBe(8);
    expect(kept.cases.filter((c) => c.checkerHandles).map((c) => c.caseId)).toEqual([own.id]);
    const drawn = (await t.call('audit.list', { action: 'spot_check.drawn', limit: 5 }, o.token)).events.map((e) => e.details.ownCases);
    expect(drawn).toEqual(['kept', [own.id]]);
  });
});
