import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fullMonth, growthRate, HORIZON_YEARS } from '../../../electron/core/ledgers/statistics-storage.js';
import { approvalsOffice, hours } from '../../support/approvals.js';
import { FACTS } from '../../support/discs.js';
import { make } from '../../support/media.js';
import { KEEPER, appPerTest, codeOf, scratch, type TestApp } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();
const GIB = 1024 ** 3;
const OCT_NOV = { from: '2026-10-01', to: '2026-11-30' };

/**
 * Two officers' cameras, imported on the fake clock's 2026-11-24 16:00 (office time) under the
 * 24-hour rule: on T001 (李建国) three clips of 11-20, the third after a five-minute gap, all
 * between three and seven days late; on T002 (张伟) one clip of 11-24 (on time), one of 11-23
 * 08:00 (eight hours late) and one of 10-15 (more than a week late). Each clip has its own length:
 * identical clips would be one record.
 */
async function office(t: TestApp) {
  const token = await t.login(KEEPER.username, KEEPER.password);
  const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
  const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000456' }, token);
  const src = dir('rr-stats-src-');
  make.h264(path.join(src, 'T001_000123_20261120093000_0001.MP4'), 2);
  make.h264(path.join(src, 'T001_000123_20261120093003_0002.MP4'), 1);
  make.h264(path.join(src, 'T001_000123_20261120093500_0003.MP4'), 3);
  make.h264(path.join(src, 'T002_000456_20261124090000_0001.MP4'), 4);
  make.h264(path.join(src, 'T002_000456_20261123080000_0002.MP4'), 5);
  make.h264(path.join(src, 'T002_000456_20261015100000_0003.MP4'), 6);
  await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
  await t.app.core.media.idle();
  const records = (await t.call('records.list', { limit: 50 }, token)).records;
  const named = (prefix: string) => records.filter((r) => r.originalName.startsWith(prefix));
  const one = (prefix: string) => named(prefix)[0]!;
  const seconds = (prefix: string) => named(prefix).reduce((sum, r) => sum + (r.media?.durationSeconds ?? 0), 0);
  const bytes = (prefix: string) => named(prefix).reduce((sum, r) => sum + r.size, 0);
  return { token, li, zhang, src, one, seconds, bytes };
}

describe('statistics over the catalogue', () => {
  it('counts recordings and hours per month, officer and camera, and follows a record given to another officer', async () => {
    const t = await open();
    const o = await office(t);
    const byMonth = await t.call('statistics.get', { chart: 'recordings', ...OCT_NOV }, o.token);
    expect(byMonth.categories).toEqual(['2026-10', '2026-11']);
    expect(byMonth.series.find((s) => s.key === 'records')?.values).toEqual([1, 5]);
    const hours = byMonth.series.find((s) => s.key === 'hours')?.values ?? [];
    expect(hours[0]).toBeCloseTo(o.seconds('T002_000456_202610') / 3600, 9);
    expect(hours[1]).toBeCloseTo((o.seconds('T') - o.seconds('T002_000456_202610')) / 3600, 9);

    // The 11-23 clip was 李建国's, on 张伟's camera: it moves to him, and its hours with it.
    await t.call('records.assignOfficer', { recordId: o.one('T002_000456_20261123').id, officerId: o.li.id }, o.token);
    const byOfficer = await t.call('statistics.get', { chart: 'recordings', groupBy: 'officer', ...OCT_NOV }, o.token);
    expect(byOfficer.categories).toEqual(['李建国', '张伟']);
    expect(byOfficer.series.find((s) => s.key === 'records')?.values).toEqual([4, 2]);
    expect(byOfficer.series.find((s) => s.key === 'hours')?.values[0]).toBeCloseTo((o.seconds('T001') + o.seconds('T002_000456_20261123')) / 3600, 9);
    const byCamera = await t.call('statistics.get', { chart: 'recordings', groupBy: 'camera', from: '2026-11-01', to: '2026-11-30' }, o.token);
    expect(byCamera.categories).toEqual(['T001', 'T002']);
    expect(byCamera.series.find((s) => s.key === 'records')?.values).toEqual([3, 2]);

    // Nothing given: the twelve months up to today (the fake clock's 2026-11-24).
    const year = await t.call('statistics.get', { chart: 'recordings' }, o.token);
    expect([year.from, year.to, year.categories.length, year.categories[0]]).toEqual(['2025-12-01', '2026-11-24', 12, '2025-12']);
    expect(year.series.find((s) => s.key === 'records')?.values.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('says how many records came late and how late, and how many no case uses', async () => {
    const t = await open();
    const o = await office(t);
    const timeliness = await t.call('statistics.get', { chart: 'timeliness', ...OCT_NOV }, o.token);
    expect(timeliness.series).toEqual([
      { key: 'onTime', values: [0, 1] },
      { key: 'late', values: [1, 4] },
      { key: 'lateShare', values: [100, 80] },
    ]);
    const lateness = await t.call('statistics.get', { chart: 'lateness', ...OCT_NOV }, o.token);
    expect(lateness.categories).toEqual(['lateDay', 'late3Days', 'lateWeek', 'lateMore']);
    expect(lateness.series).toEqual([{ key: 'late', values: [1, 0, 3, 1] }]);

    const kase = await t.call(
      'cases.create',
      { fields: { caseNo: '峡综执罚〔2026〕12号', kind: 'penalty', cause: '占道经营', parties: [{ kind: 'person', name: '王某某', idType: '', idNumber: '', contact: '' }], handlerIds: [o.li.id, o.zhang.id], filedOn: null, decidedOn: null, closedOn: null, archivedOn: null, status: 'open' } },
      o.token,
    );
    const linked = [o.one('T001_000123_20261120093000').id, o.one('T002_000456_20261015').id];
    const withLinks = await t.call('cases.link', { caseId: kase.id, recordIds: linked, role: 'evidence', facts: FACTS }, o.token);
    expect((await t.call('statistics.get', { chart: 'unlinked', ...OCT_NOV }, o.token)).series).toEqual([
      { key: 'unlinked', values: [0, 4] },
      { key: 'linked', values: [1, 1] },
    ]);
    const october = withLinks.links.find((l) => l.recordId === linked[1])!;
    await t.call('cases.unlink', { linkId: october.id, reason: '误关联' }, o.token);
    expect((await t.call('statistics.get', { chart: 'unlinked', ...OCT_NOV }, o.token)).series[0]).toEqual({ key: 'unlinked', values: [1, 4] });
  });

  it('counts interruptions per camera, and counts a camera day again when a clip arrives in it', async () => {
    const t = await open();
    const o = await office(t);
    // The start-up warm-up counts the last twelve months' camera days before anyone asks.
    const counted = () => t.app.core.db.prepare('SELECT count(*) FROM statistics_interruptions').pluck().get();
    expect(counted()).toBe(0);
    await t.app.core.statistics.warm();
    expect(counted()).toBeGreaterThan(0);
    const first = await t.call('statistics.get', { chart: 'interruptions', ...OCT_NOV }, o.token);
    expect(first.categories).toEqual(['T001', 'T002']);
    expect(first.series).toEqual([
      { key: 'interruptions', values: [1, 0] },
      { key: 'videos', values: [3, 3] },
    ]);
    // Ten minutes after T002's 09:00 clip ended: an interrupted recording on a day already counted.
    const more = dir('rr-stats-more-');
    make.h264(path.join(more, 'T002_000456_20261124091000_0004.MP4'), 7);
    await t.app.core.imports.wait((await t.call('import.start', { source: more }, o.token)).jobId);
    await t.app.core.media.idle();
    const again = await t.call('statistics.get', { chart: 'interruptions', ...OCT_NOV }, o.token);
    expect(again.categories).toEqual(['T001', 'T002']);
    expect(again.series).toEqual([
      { key: 'interruptions', values: [1, 1] },
      { key: 'videos', values: [3, 4] },
    ]);
  });

  it("counts viewings and loans in the office's month, not UTC's", async () => {
    const o = await approvalsOffice(await open(), dir('rr-stats-lending-'));
    const { t } = o;
    const stranger = { department: '', idType: '', idNumber: '', relation: '', contact: '' };
    const approve = async (input: Parameters<typeof t.call<'requests.create'>>[1], keeper: string) => {
      const asked = await t.call('requests.create', input, keeper);
      await t.call('requests.decide', { id: asked.id, outcome: 'approved' }, await o.as('liu'));
      return asked;
    };
    const window = { from: t.clock.now().toISOString(), to: hours(24 * 10, t.clock.now()) };
    // 11-24 16:00 office time: a party views a clip.
    const party = await approve({ kind: 'party_view', caseId: o.caseId, requester: { ...stranger, name: '王某某', relation: '本人' }, items: [{ kind: 'record', id: o.clipA.id }], purpose: '了解处罚依据', content: '现场录像', window }, o.token);
    const desk = await t.login(KEEPER.username, KEEPER.password);
    await t.call('viewings.open', { requestId: party.id, idCheck: '核对居民身份证' }, desk);
    await t.call('viewings.unlock', { password: KEEPER.password }, desk);
    // 2026-11-30 17:30 UTC is 12-01 01:30 in the office: the loan is December's.
    t.clock.advanceMinutes(6 * 24 * 60 + 9 * 60 + 30);
    const keeper = await t.login(KEEPER.username, KEEPER.password);
    const lend = await approve({ kind: 'lend_item', caseId: o.caseId, requester: { ...stranger, name: '赵科长', department: '镇司法所' }, items: [{ kind: 'case', id: o.caseId }], purpose: '行政复议', content: '纸质案卷', window }, keeper);
    await t.call('loans.lend', { requestId: lend.id, item: { kind: 'case', id: o.caseId }, dueOn: '2026-12-03' }, keeper);

    const lending = await t.call('statistics.get', { chart: 'lending', from: '2026-10-01', to: '2026-12-31' }, keeper);
    expect(lending.categories).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(lending.series).toEqual([
      { key: 'viewings', values: [0, 1, 0] },
      { key: 'loans', values: [0, 0, 1] },
    ]);
  });

  it('says what the store holds, what each month added and when the drive is full at that rate', async () => {
    const t = await open();
    const o = await office(t);
    const storage = await t.call('statistics.get', { chart: 'storage', ...OCT_NOV }, o.token);
    const october = o.bytes('T002_000456_202610');
    expect(storage.series[0]?.key).toBe('gib');
    expect(storage.series[0]?.values[0]).toBeCloseTo(october / GIB, 12);
    expect(storage.series[0]?.values[1]).toBeCloseTo((o.bytes('T') - october) / GIB, 12);
    const s = storage.storage!;
    expect(s.usedBytes).toBe(o.bytes('T'));
    // November is still running on the fake clock: the rate is October's alone.
    expect(s.growthPerMonthBytes).toBe(october);
    expect(s.freeBytes).toBeGreaterThan(0);
    expect(s.fullMonth).toBe(fullMonth(s.freeBytes!, october, '2026-11'));
  });

  it('projects the full month linearly, and says "not within the horizon" when nothing grows', () => {
    expect(fullMonth(1000, 100, '2026-11')).toBe('2027-09');
    expect(fullMonth(1001, 100, '2026-11')).toBe('2027-10');
    expect(fullMonth(HORIZON_YEARS * 12 * 100, 100, '2026-11')).toBe('2036-11');
    expect(fullMonth(HORIZON_YEARS * 12 * 100 + 1, 100, '2026-11')).toBeNull();
    expect(fullMonth(1000, 0, '2026-11')).toBeNull();
    // The last six whole months; the month in progress left out.
    expect(growthRate(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'], [1000, 60, 60, 60, 60, 60, 120, 5], '2026-11')).toBe(70);
    // Nothing but the month in progress (or empty months before it): no rate yet, rather than 0 B a month.
    expect(growthRate(['2026-11'], [5], '2026-11')).toBeNull();
    expect(growthRate(['2026-09', '2026-10', '2026-11'], [0, 0, 5], '2026-11')).toBeNull();
    // The empty months before recording began are no growth: they don't dilute the rate.
    expect(growthRate(['2026-08', '2026-09', '2026-10', '2026-11'], [0, 0, 90, 5], '2026-11')).toBe(90);
  });

  it('exports a chart as a spreadsheet with its headings and rows, audited, and refuses a period that ends before it starts', async () => {
    const t = await open();
    const o = await office(t);
    const doc = await t.call('statistics.export', { chart: 'recordings', groupBy: 'camera', ...OCT_NOV }, o.token);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(doc.path);
    const sheet = book.worksheets[0]!;
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
    expect(String(rows[0]?.[0])).toContain('执法音像记录数量与时长统计');
    expect(String(rows[1]?.[0])).toContain('2026-10-01 至 2026-11-30');
    const heading = rows.findIndex((r) => r[0] === '执法记录仪编号');
    expect(rows[heading]).toEqual(['执法记录仪编号', '记录数', '时长（小时）']);
    expect(rows.slice(heading + 1).map((r) => r.slice(0, 2))).toEqual([
      ['T001', 3],
      ['T002', 3],
    ]);
    const exported = (await t.call('audit.list', { action: 'statistics.exported' }, o.token)).events;
    expect(exported.map((e) => e.details)).toEqual([{ chart: 'recordings', from: '2026-10-01', to: '2026-11-30', groupBy: 'camera', rows: 2 }]);

    expect(await codeOf(() => t.call('statistics.export', { chart: 'recordings', from: '2026-11-30', to: '2026-10-01' }, o.token))).toBe('VALIDATION_FAILED');
    // Only a first day, after today: the period would end before it starts.
    expect(await codeOf(() => t.call('statistics.get', { chart: 'lending', from: '2027-01-01' }, o.token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('statistics.get', { chart: 'recordings', from: '2000-01-01', to: '2026-11-30' }, o.token))).toBe('VALIDATION_FAILED');
    expect((await t.call('audit.list', { action: 'statistics.exported' }, o.token)).events).toHaveLength(1);
  });
});
