import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFields } from '../../../shared/contract/cases-dto.js';
import { FACTS } from '../../support/discs.js';
import { make } from '../../support/media.js';
import { KEEPER, appPerTest, codeOf, scratch, type TestApp } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();

/** Recordings from 2022 (long expired), 29 February 2024 and this month, imported now (2026-11-24). */
async function office(t: TestApp) {
  const token = await t.login(KEEPER.username, KEEPER.password);
  const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
  const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000456' }, token);
  const src = dir('rr-retention-src-');
  make.wav(path.join(src, 'T001_000123_20220301093000_0001.WAV'), 1);
  make.wav(path.join(src, 'T001_000123_20240229233000_0002.WAV'), 2);
  make.wav(path.join(src, 'T001_000123_20261120093000_0003.WAV'), 3);
  await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
  const records = (await t.call('records.list', { limit: 10 }, token)).records;
  const id = (seq: string) => records.find((r) => r.originalName.endsWith(`_${seq}.WAV`))?.id ?? 0;
  return { token, handlers: [li.id, zhang.id], old: id('0001'), leap: id('0002'), recent: id('0003') };
}

const to = (t: TestApp, instant: string) => t.clock.advanceMinutes((Date.parse(instant) - t.clock.now().getTime()) / 60_000);

const fields = (handlerIds: number[], status: CaseFields['status'], archivedOn: string | null): CaseFields => ({
  caseNo: '峡综执罚〔2022〕3号',
  kind: 'penalty',
  cause: '占道经营',
  parties: [{ kind: 'person', name: '王某某', idType: '', idNumber: '', contact: '' }],
  handlerIds,
  filedOn: '2022-03-01',
  decidedOn: null,
  closedOn: null,
  archivedOn,
  status,
});

describe('retention', () => {
  it('gives every record its class and end date from the camera’s day, and lists what has expired with the rule that ends it', async () => {
    const t = await open();
    const o = await office(t);
    expect(await t.call('retention.record', { recordId: o.leap }, o.token)).toMatchObject({ class: 'standard', keptThrough: '2027-02-28', destroyableFrom: '2027-03-01', status: 'running', rule: { code: 'standard_years', years: 3, from: '2024-02-29', clock: 'camera' } });
    expect(await t.call('retention.record', { recordId: o.old }, o.token)).toMatchObject({ keptThrough: '2025-03-01', status: 'expired', daysLeft: expect.any(Number) as number });
    const review = await t.call('retention.review', {}, o.token);
    expect(review).toMatchObject({ today: '2026-11-24', total: 1, held: 0, items: [{ recordId: o.old, officer: '李建国', keptThrough: '2025-03-01', rule: { code: 'standard_years', from: '2022-03-01' } }] });
  });

  it('stops the clock while something holds a record, and starts it again when the hold ends', async () => {
    const t = await open();
    const o = await office(t);
    const held = await t.call('retention.hold', { recordId: o.old, kind: 'complaint', reason: '当事人投诉，待复查' }, o.token);
    expect(held).toMatchObject({ status: 'held', holdKinds: ['manual'], holds: [{ kind: 'complaint', setBy: '王秀兰', liftedAt: null }] });
    expect(await t.call('retention.review', {}, o.token)).toMatchObject({ total: 0, held: 1 });
    expect(await t.call('retention.holds', {}, o.token)).toMatchObject([{ recordId: o.old, kind: 'complaint', setBy: '王秀兰' }]);
    const lifted = await t.call('retention.lift', { holdId: held.holds[0]?.id ?? 0, reason: '复查完毕' }, o.token);
    expect(lifted).toMatchObject({ status: 'expired', holdKinds: [] });
    expect(await t.call('retention.holds', {}, o.token)).toEqual([]);
    expect(await codeOf(() => t.call('retention.lift', { holdId: held.holds[0]?.id ?? 0, reason: '再次' }, o.token))).toBe('ALREADY_LIFTED');
    expect((await t.call('audit.list', { action: 'retention.hold_set', limit: 5 }, o.token)).events[0]?.details).toMatchObject({ kind: 'complaint', reason: '当事人投诉，待复查' });
    expect((await t.call('audit.list', { action: 'retention.hold_lifted', limit: 5 }, o.token)).events[0]?.details).toMatchObject({ reason: '复查完毕' });
  });

  it('moves a record to long-term the moment it is linked as evidence, counted from the case’s archive date', async () => {
    const t = await open();
    const o = await office(t);
    const kase = await t.call('cases.create', { fields: fields(o.handlers, 'open', null) }, o.token);
    await t.call('cases.link', { caseId: kase.id, recordIds: [o.old], role: 'evidence', facts: FACTS }, o.token);
    expect(await t.call('retention.record', { recordId: o.old }, o.token)).toMatchObject({ class: 'evidence', keptThrough: null, status: 'held', holdKinds: ['case_open'], rule: { code: 'evidence_not_archived', years: 30 } });
    const changed = (await t.call('audit.list', { action: 'retention.changed', limit: 5 }, o.token)).events[0];
    expect(changed).toMatchObject({ target: `record:${o.old}`, details: { old: { class: 'standard', keptThrough: '2025-03-01' }, new: { class: 'evidence', keptThrough: null }, rule: { code: 'evidence_not_archived' } } });
    await t.call('cases.update', { id: kase.id, version: kase.version, fields: fields(o.handlers, 'archived', '2026-11-24') }, o.token);
    expect(await t.call('retention.record', { recordId: o.old }, o.token)).toMatchObject({ class: 'evidence', keptThrough: '2056-11-24', status: 'running', holdKinds: [], rule: { code: 'evidence_years', years: 30, from: '2026-11-24' } });
    // The case's own page shows each linked record's period, as the library does.
    expect((await t.call('cases.get', { id: kase.id }, o.token)).links[0]).toMatchObject({ recordId: o.old, retention: { class: 'evidence', keptThrough: '2056-11-24' }, disposition: null });
    expect((await t.call('retention.review', {}, o.token)).total).toBe(0);
  });

  it('gives records catalogued before retention existed their term at the next start, and only those', async () => {
    const t = await open();
    const o = await office(t);
    const before = t.app.core.db.prepare('SELECT * FROM record_retention ORDER BY record_id').all();
    t.app.core.db.prepare('DELETE FROM record_retention WHERE record_id = ?').run(o.leap);
    expect(await t.app.core.retention.fillMissing()).toBe(1);
    expect(t.app.core.db.prepare('SELECT * FROM record_retention ORDER BY record_id').all()).toEqual(before);
    expect(await t.app.core.retention.fillMissing()).toBe(0);
  });

  it('refuses a policy shorter than the rules, and moves every end date with a longer one', async () => {
    const t = await open();
    const o = await office(t);
    expect(await codeOf(() => t.call('retention.setPolicy', { standardYears: 2, evidenceYears: 30 }, o.token))).toBe('RETENTION_TOO_SHORT');
    expect(await codeOf(() => t.call('retention.setPolicy', { standardYears: 3, evidenceYears: 20 }, o.token))).toBe('RETENTION_TOO_SHORT');
    expect(await t.call('retention.policy', {}, o.token)).toEqual({ standardYears: 3, evidenceYears: 30, witnessRequired: false });
    await t.call('retention.setPolicy', { standardYears: 5, evidenceYears: 'permanent' }, o.token);
    expect((await t.call('retention.record', { recordId: o.leap }, o.token)).keptThrough).toBe('2029-02-28');
    expect((await t.call('retention.review', {}, o.token)).total).toBe(0);
    expect((await t.call('audit.list', { action: 'settings.changed', limit: 5 }, o.token)).events[0]).toMatchObject({ target: 'retention', details: { new: { standardYears: 5 } } });
    const officer = await t.login('li', 'Officer2026');
    expect(await codeOf(() => t.call('retention.setPolicy', { standardYears: 6, evidenceYears: 30 }, officer))).toBe('FORBIDDEN');
  });

  it('warns 30, 7 and 1 days before records may be destroyed', async () => {
    const t = await open();
    const o = await office(t);
    // 2027-02-28 is the last day the 29 February 2024 recording is kept.
    to(t, '2027-02-05T02:00:00Z');
    const token = await t.login(KEEPER.username, KEEPER.password);
    expect(await t.call('retention.warnings', {}, token)).toEqual([{ within: 30, count: 1 }, { within: 7, count: 0 }, { within: 1, count: 0 }]);
    to(t, '2027-02-27T20:00:00Z');
    const later = await t.login(KEEPER.username, KEEPER.password);
    expect(await t.call('retention.warnings', {}, later)).toEqual([{ within: 30, count: 1 }, { within: 7, count: 1 }, { within: 1, count: 1 }]);
    expect((await t.call('retention.record', { recordId: o.leap }, later)).daysLeft).toBe(1);
  });
});
