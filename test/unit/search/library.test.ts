import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { make } from '../../support/media.js';
import { KEEPER, openTestApp, scratch, type TestApp } from '../../support/test-app.js';

let t: TestApp | null = null;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the library: filters that combine, and Chinese text search', () => {
  it('finds records by officer, device, day, case, type, link, lateness, mark, integrity and text', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
    const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000456' }, token);
    const src = scratchDir('rr-lib-');
    make.random(path.join(src, 'T001_000123_20261120093000_0001.mp4'), 40_001);
    make.random(path.join(src, 'T001_000123_20261121100000_0002.mp4'), 40_002);
    make.random(path.join(src, 'T002_000456_20261124090000_0001.mp4'), 40_003);
    make.wav(path.join(src, '重点', 'T002_000456_20261124091000_0002.wav'));
    make.jpeg(path.join(src, 'IMG_0001.jpg'));
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    const all = (await t.call('records.list', { limit: 10 }, token)).records;
    const id = (name: string) => all.find((r) => r.originalName.startsWith(name))?.id ?? 0;
    const names = async (filter: Record<string, unknown>) =>
      (await t!.call('records.list', { limit: 50, ...filter }, token)).records.map((r) => r.originalName.slice(0, 12)).sort();

    const kase = await t.call(
      'cases.create',
      { fields: { caseNo: '峡综执罚〔2026〕12号', kind: 'penalty', cause: '占道经营', parties: [{ kind: 'person', name: '王某某', idType: '', idNumber: '', contact: '' }], handlerIds: [li.id, zhang.id], filedOn: null, decidedOn: null, closedOn: null, archivedOn: null, status: 'open' } },
      token,
    );
    await t.call('cases.link', { caseId: kase.id, recordIds: [id('T001_000123_20261120')], role: 'evidence', facts: { collectors: ['李建国'], collectedAt: '2026-11-20T09:30:00', place: '集贸市场东门', statement: '当事人在人行道摆摊' } }, token);
    await t.call('records.assignOfficer', { recordId: id('IMG_0001'), officerId: zhang.id }, token);
    await t.call('records.explainLate', { recordId: id('T001_000123_20261121'), reason: '在水库巡查，返回后上交' }, token);

    expect(await names({ officerId: li.id })).toEqual(['T001_000123_', 'T001_000123_']);
    // An officer's library: their own recordings and those of cases they handle (张伟 co-handles the case).
    const asZhang = await t.login('zhang', 'Officer2026');
    const zhangs = (await t.call('records.list', { limit: 50 }, asZhang)).records.map((r) => r.originalName.slice(0, 12)).sort();
    expect(zhangs).toEqual(['IMG_0001.jpg', 'T001_000123_', 'T002_000456_', 'T002_000456_']);
    expect((await t.call('records.posters', { ids: [id('T001_000123_20261121')] }, asZhang))).toEqual([]);
    expect(await names({ officerId: zhang.id })).toEqual(['IMG_0001.jpg', 'T002_000456_', 'T002_000456_']);
    expect(await names({ deviceNo: 'T002' })).toEqual(['T002_000456_', 'T002_000456_']);
    expect(await names({ from: '2026-11-21', to: '2026-11-21' })).toEqual(['T001_000123_']);
    expect(await names({ caseId: kase.id })).toEqual(['T001_000123_']);
    expect(await names({ linked: 'unlinked', mediaType: 'video' })).toEqual(['T001_000123_', 'T002_000456_']);
    expect(await names({ important: true })).toEqual(['T002_000456_']);
    expect(await names({ late: true, officerId: li.id })).toEqual(['T001_000123_', 'T001_000123_']);
    expect(await names({ late: false })).toEqual(['IMG_0001.jpg', 'T002_000456_', 'T002_000456_']);

    // Chinese text: case cause and party, the evidence statement, a late explanation, the officer's name; two characters too.
    expect(await names({ text: '占道经营' })).toEqual(['T001_000123_']);
    expect(await names({ text: '王某某' })).toEqual(['T001_000123_']);
    expect(await names({ text: '人行道摆摊' })).toEqual(['T001_000123_']);
    expect(await names({ text: '水库巡查' })).toEqual(['T001_000123_']);
    expect(await names({ text: '张伟' })).toEqual(['IMG_0001.jpg', 'T002_000456_', 'T002_000456_']);
    expect(await names({ text: '〔2026〕12' })).toEqual(['T001_000123_']);
    expect(await names({ text: 'IMG_00' })).toEqual(['IMG_0001.jpg']);
    expect(await names({ text: '100%"' })).toEqual([]);
    // One or two characters read the bigram index: a surname, a character inside a word, a digit
    // pair; a short search with punctuation in it still finds by scanning.
    expect(await names({ text: '王' })).toEqual(['T001_000123_']);
    expect(await names({ text: '摊' })).toEqual(['T001_000123_']);
    expect(await names({ text: 'jp' })).toEqual(['IMG_0001.jpg']);
    expect(await names({ text: 'Im' })).toEqual(['IMG_0001.jpg']);
    expect(await names({ text: '〕1' })).toEqual(['T001_000123_']);
    expect(await names({ text: 'G_' })).toEqual(['IMG_0001.jpg']);
    expect(await names({ text: '某乙' })).toEqual([]);

    // Integrity is a filter too: after a check, and after a tampered original.
    expect(await names({ integrity: 'unchecked' })).toHaveLength(5);
    const victim = all.find((r) => r.originalName === 'IMG_0001.jpg');
    const file = path.join(t.dir, 'store', 'objects', victim?.sha256.slice(0, 2) ?? '', victim?.sha256.slice(2, 4) ?? '', victim?.sha256 ?? '');
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'x');
    await t.app.core.fixity.wait((await t.call('integrity.check', { scope: { kind: 'all' } }, token)).runId);
    expect(await names({ integrity: 'alarm' })).toEqual(['IMG_0001.jpg']);
    expect(await names({ integrity: 'ok' })).toHaveLength(4);

    const page = await t.call('records.list', { limit: 2, officerId: zhang.id }, token);
    expect(page).toMatchObject({ total: 3, totalCapped: false });
    const rest = await t.call('records.list', { limit: 2, officerId: zhang.id, beforeId: page.nextBeforeId ?? 0 }, token);
    expect(rest.records).toHaveLength(1);
    expect(rest.nextBeforeId).toBeNull();
  });

  it('filters by retention class and by periods ended or ending, in the office’s days', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
    const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000456' }, token);
    const src = scratchDir('rr-lib-ret-');
    make.random(path.join(src, 'T001_000123_20220301093000_0001.mp4'), 41_001); // kept through 2025-03-01: expired
    make.random(path.join(src, 'T001_000123_20231123093000_0002.mp4'), 41_002); // through 2026-11-23: expired on the office's 24th
    make.random(path.join(src, 'T001_000123_20231124093000_0003.mp4'), 41_003); // through 2026-11-24: its last day, expiring
    make.random(path.join(src, 'T001_000123_20231223093000_0004.mp4'), 41_004); // through 2026-12-23: the 30th day, expiring
    make.random(path.join(src, 'T001_000123_20231224093000_0005.mp4'), 41_005); // through 2026-12-24: 31 days away
    make.random(path.join(src, 'T001_000123_20261120093000_0006.mp4'), 41_006); // evidence in an open case: no end yet
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    const all = (await t.call('records.list', { limit: 10 }, token)).records;
    const id = (seq: string) => all.find((r) => r.originalName.endsWith(`_${seq}.mp4`))?.id ?? 0;
    const kase = await t.call(
      'cases.create',
      { fields: { caseNo: '峡综执罚〔2026〕13号', kind: 'penalty', cause: '占道经营', parties: [{ kind: 'person', name: '王某某', idType: '', idNumber: '', contact: '' }], handlerIds: [li.id, zhang.id], filedOn: null, decidedOn: null, closedOn: null, archivedOn: null, status: 'open' } },
      token,
    );
    await t.call('cases.link', { caseId: kase.id, recordIds: [id('0006')], role: 'evidence', facts: { collectors: ['李建国'], collectedAt: '2026-11-20T09:30:00', place: '集贸市场东门', statement: '当事人在人行道摆摊' } }, token);
    const seqs = async (filter: Record<string, unknown>) => (await t!.call('records.list', { limit: 50, ...filter }, token)).records.map((r) => r.originalName.slice(-8, -4)).sort();

    // Every record carries its class and end date, wherever it is listed.
    const listed = (await t.call('records.list', { limit: 10 }, token)).records;
    expect(listed.find((r) => r.id === id('0001'))?.retention).toEqual({ class: 'standard', keptThrough: '2025-03-01' });
    expect(listed.find((r) => r.id === id('0006'))?.retention).toEqual({ class: 'evidence', keptThrough: null });

    expect(await seqs({ retention: 'evidence' })).toEqual(['0006']);
    expect(await seqs({ retention: 'standard' })).toEqual(['0001', '0002', '0003', '0004', '0005']);
    expect(await seqs({ retention: 'expired' })).toEqual(['0001', '0002']);
    expect(await seqs({ retention: 'expiring' })).toEqual(['0003', '0004']);
    expect(await seqs({ retention: 'expired', text: '0002' })).toEqual(['0002']);
    expect((await t.call('records.list', { limit: 1, retention: 'standard' }, token)).total).toBe(5);

    // The office's day, not UTC's: at 07:30 on the 24th in Shanghai it is still the 23rd in UTC.
    t.clock.advanceMinutes(-(8 * 60 + 30)); // 2026-11-23T23:30Z = 07:30 on the 24th in Shanghai
    expect(await seqs({ retention: 'expired' })).toEqual(['0001', '0002']);
    t.clock.advanceMinutes(-8 * 60); // 2026-11-23T15:30Z = 23:30 on the 23rd in Shanghai
    expect(await seqs({ retention: 'expired' })).toEqual(['0001']);
    expect(await seqs({ retention: 'expiring' })).toEqual(['0002', '0003']);
  });

  it('lists newest recording first, whatever the import order, and pages meet in that order', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const first = scratchDir('rr-lib-');
    make.random(path.join(first, 'T001_000123_20261120093000_0001.mp4'), 41_001);
    await t.app.core.imports.wait((await t.call('import.start', { source: first }, token)).jobId);
    // A later import brings a newer clip, an older one, and a clip whose name has no time: its file date places it.
    const second = scratchDir('rr-lib-');
    make.random(path.join(second, 'T001_000123_20261122080000_0002.mp4'), 41_002);
    make.random(path.join(second, 'T001_000123_20261119170000_0003.mp4'), 41_003);
    make.random(path.join(second, 'VID_0004.mp4'), 41_004);
    const day = new Date('2026-11-21T12:00:00+08:00');
    fs.utimesSync(path.join(second, 'VID_0004.mp4'), day, day);
    await t.app.core.imports.wait((await t.call('import.start', { source: second }, token)).jobId);
    const order = ['T001_000123_20261122080000_0002.mp4', 'VID_0004.mp4', 'T001_000123_20261120093000_0001.mp4', 'T001_000123_20261119170000_0003.mp4'];
    expect((await t.call('records.list', { limit: 10 }, token)).records.map((r) => r.originalName)).toEqual(order);
    const paged: string[] = [];
    for (let beforeId: number | null | undefined; beforeId !== null; ) {
      const page = await t.call('records.list', { limit: 1, beforeId }, token);
      paged.push(...page.records.map((r) => r.originalName));
      beforeId = page.nextBeforeId;
    }
    expect(paged).toEqual(order);
    expect((await t.call('records.list', { limit: 10, text: 'T001' }, token)).records.map((r) => r.originalName)).toEqual(order.filter((n) => n.startsWith('T001')));
  });
});
