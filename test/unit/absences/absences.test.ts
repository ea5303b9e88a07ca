import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { make } from '../../support/media.js';
import { KEEPER, codeOf, openTestApp, scratch, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
});

/** Imports one short recording with the given name; returns its record. */
async function importOne(token: string, name: string, seconds = 1) {
  const src = scratchDir('rr-one-');
  make.wav(path.join(src, name), seconds);
  await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
  const { records } = await t.call('records.list', { limit: 1 }, token);
  return records[0];
}

// The test clock: 2026-11-24 16:00 in Shanghai.
describe('the upload clock', () => {
  it('flags a camera whose clock runs ahead of the workstation, past the threshold in force', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const ahead = await importOne(token, 'T001_000123_20261124170000_0001.wav');
    expect(ahead?.timeliness).toMatchObject({ cameraAheadSeconds: 3600, clockFlagged: true, secondsLate: 0 });
    const settings = await t.call('settings.get', {}, token);
    await t.call('settings.update', { timeliness: { ...settings.timeliness, clockAheadMinutes: 90 } }, token);
    const within = await importOne(token, 'T001_000123_20261124170500_0002.wav', 2);
    expect(within?.timeliness).toMatchObject({ cameraAheadSeconds: 3900, clockFlagged: false });
    // Judged once: the earlier record keeps the judgement made under the threshold then in force.
    expect((await t.call('records.list', { limit: 10 }, token)).records.find((r) => r.id === ahead?.id)?.timeliness?.clockFlagged).toBe(true);
  });

  it("counts the deadline from an away officer's return, until the absence is withdrawn", async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
    await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000456' }, token);

    expect(await codeOf(() => t.call('absences.add', { officerId: li.id, startsAt: '2026-11-23T18:00:00', returnedAt: '2026-11-18T08:00:00', reason: '水上执勤' }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('absences.add', { officerId: li.id, startsAt: '2026-01-01T00:00:00', returnedAt: '2026-11-18T08:00:00', reason: '水上执勤' }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('absences.add', { officerId: 999, startsAt: '2026-11-18T08:00:00', returnedAt: '2026-11-23T18:00:00', reason: '水上执勤' }, token))).toBe('NOT_FOUND');
    expect(await codeOf(() => t.call('absences.add', { officerId: li.id, startsAt: '2026-11-18 08:00', returnedAt: '2026-11-23T18:00:00', reason: '水上执勤' }, token))).toBe('VALIDATION_FAILED');
    const officer = await t.login('li', 'Officer2026');
    expect(await codeOf(() => t.call('absences.add', { officerId: li.id, startsAt: '2026-11-18T08:00:00', returnedAt: '2026-11-23T18:00:00', reason: '自己登记' }, officer))).toBe('FORBIDDEN');

    const away = await t.call('absences.add', { officerId: li.id, startsAt: '2026-11-18T08:00:00', returnedAt: '2026-11-23T18:00:00', reason: '库区水上执勤' }, token);
    expect(away).toMatchObject({ officerName: '李建国', createdBy: KEEPER.displayName, withdrawn: null });

    const hers = await importOne(token, 'T001_000123_20261120093000_0001.wav');
    expect(hers?.timeliness).toMatchObject({ deadlineAt: '2026-11-24T18:00:00', secondsLate: 0, absence: { id: away.id, returnedAt: '2026-11-23T18:00:00', reason: '库区水上执勤' } });
    const his = await importOne(token, 'T002_000456_20261120093000_0001.wav', 2);
    expect(his?.timeliness).toMatchObject({ deadlineAt: '2026-11-21T09:30:00', absence: null });
    expect(his?.timeliness?.secondsLate).toBeGreaterThan(0);

    const withdrawn = await t.call('absences.withdraw', { id: away.id, reason: '登记错了人' }, token);
    expect(withdrawn.withdrawn).toMatchObject({ by: KEEPER.displayName, reason: '登记错了人' });
    expect((await t.call('absences.withdraw', { id: away.id, reason: '再次' }, token)).withdrawn?.reason).toBe('登记错了人');
    const after = await importOne(token, 'T001_000123_20261120100000_0002.wav', 3);
    expect(after?.timeliness).toMatchObject({ deadlineAt: '2026-11-21T10:00:00', absence: null });
    // The record judged while the absence stood keeps that judgement.
    expect((await t.call('records.list', { limit: 10 }, token)).records.find((r) => r.id === hers?.id)?.timeliness?.absence?.id).toBe(away.id);

    expect((await t.call('absences.list', { officerId: li.id }, token)).map((a) => a.id)).toEqual([away.id]);
    expect(() => t.app.core.db.prepare("UPDATE officer_absences SET reason = 'x'").run()).toThrow(/only ever withdrawn/);
    expect(() => t.app.core.db.prepare('DELETE FROM officer_absences').run()).toThrow(/never deleted/);
    const actions = (await t.call('audit.list', { limit: 50 }, token)).events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['absence.registered', 'absence.withdrawn']));
  });
});
