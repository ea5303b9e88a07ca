import { describe, expect, it } from 'vitest';
import { seedDemoOffice } from '../../../electron/core/app/demo-office.js';
import { DEMO_PASSWORD } from '../../../shared/demo-accounts.js';
import { WS, appPerTest } from '../../support/test-app.js';

const apps = appPerTest();

describe('the demo office', () => {
  it('comes with real recordings: an interrupted patrol, a late one, an important one, a proxy, a case with evidence', async () => {
    const t = await apps.open({ setup: false });
    await seedDemoOffice(t.dispatcher, WS);
    await t.app.core.media.idle();
    await t.app.core.derive.idle();
    const keeper = await t.login('keeper', DEMO_PASSWORD);
    const { records, total } = await t.call('records.list', { limit: 50 }, keeper);
    expect(total).toBe(10);
    // The three-days-late clip, and the old card's three items, explained.
    const late = records.filter((r) => r.timeliness && r.timeliness.secondsLate > 0);
    expect(late.map((r) => r.attribution.device)).toEqual(['T002', 'T002', 'T002', 'T002']);
    expect(late.filter((r) => r.timeliness?.explanation).length).toBe(3);
    expect(records.filter((r) => r.attribution.important).map((r) => r.attribution.device)).toEqual(['T002']);
    expect(records.filter((r) => r.derived.proxy === 'ready').map((r) => r.media?.videoCodec)).toEqual(['hevc']);
    expect(new Set(records.map((r) => r.officer?.name))).toEqual(new Set(['李建国', '张伟']));
    const day = await t.call('records.timeline', { deviceNo: 'T001' }, keeper);
    expect(day.clips.some((c) => c.interrupted)).toBe(true);
    const { cases } = await t.call('cases.list', {}, keeper);
    const kase = await t.call('cases.get', { id: cases.find((c) => c.status === 'open')?.id ?? 0 }, keeper);
    expect(kase.links.filter((l) => l.role === 'evidence')).toHaveLength(2);
    expect(kase.links.filter((l) => l.role === 'other')).toHaveLength(1);
    // Officer 1 sees his own patrol and the case he handles; the other officer's late clip is not his.
    const officer = await t.login('officer1', DEMO_PASSWORD);
    expect((await t.call('records.list', { limit: 50 }, officer)).total).toBe(3);
    // Something for every page: the old items are past their term, last month's ledger has cases
    // to fill in and to draw a spot check from.
    expect((await t.call('retention.review', {}, keeper)).items).toHaveLength(3);
    const penalties = await t.call('ledgers.get', { kind: 'penalty' }, keeper);
    expect(penalties.rows).toHaveLength(5);
    expect(penalties.rows.some((r) => r.gaps > 0)).toBe(true);
    const supervisor = await t.login('supervisor', DEMO_PASSWORD);
    const { from, to } = penalties;
    expect((await t.call('spotChecks.draw', { from, to, size: 3 }, supervisor)).drawn).toBe(3);
  }, 120_000);
});
