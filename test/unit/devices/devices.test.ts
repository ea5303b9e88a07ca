import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { make } from '../../support/media.js';
import { KEEPER, codeOf, openTestApp, scratch, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
});

async function officers(token: string) {
  const li = await t.call('accounts.create', { username: 'officer1', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
  const zhang = await t.call('accounts.create', { username: 'officer2', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
  return { li, zhang };
}

describe('device register and whose recording it is', () => {
  it('resolves the officer from the officer number in the name, else from the camera register', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const { li, zhang } = await officers(token);
    const camera = await t.call('devices.save', { deviceNo: 'T009', label: '9 号记录仪', officerId: zhang.id }, token);
    expect(camera).toMatchObject({ deviceNo: 'T009', officerName: '张伟', retired: false });

    const src = scratchDir('rr-dev-');
    make.wav(path.join(src, 'T001_000123_20261120093000_0001.wav'));
    make.wav(path.join(src, 'T009_20261120100000_0002.wav'), 2);
    make.wav(path.join(src, 'T777_20261120110000_0003.wav'), 3);
    make.wav(path.join(src, '现场.wav'), 4);
    const { jobId } = await t.call('import.start', { source: src }, token);
    await t.app.core.imports.wait(jobId);
    const byName = new Map((await t.call('records.list', { limit: 10 }, token)).records.map((r) => [r.originalName, r]));
    expect(byName.get('T001_000123_20261120093000_0001.wav')?.officer).toEqual({ id: li.id, name: '李建国', source: 'file_name' });
    expect(byName.get('T009_20261120100000_0002.wav')?.officer).toEqual({ id: zhang.id, name: '张伟', source: 'device_register' });
    expect(byName.get('T777_20261120110000_0003.wav')?.officer).toBeNull();
    expect(byName.get('现场.wav')?.officer).toBeNull();

    // The keeper decides where nothing did, and may correct; the history stays in the audit log.
    const unknown = byName.get('现场.wav');
    const assigned = await t.call('records.assignOfficer', { recordId: unknown?.id ?? 0, officerId: li.id, note: '李建国当日现场录音' }, token);
    expect(assigned.officer).toEqual({ id: li.id, name: '李建国', source: 'keeper' });
    const [event] = (await t.call('audit.list', { action: 'record.officer_assigned', limit: 1 }, token)).events;
    expect(event?.details).toMatchObject({ officerId: li.id, previous: null });
    expect(await codeOf(() => t.call('records.assignOfficer', { recordId: unknown?.id ?? 0, officerId: 999 }, token))).toBe('NOT_FOUND');
  });

  it("uses the keeper's camera and officer for files whose names don't say, after the name and the register", async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const { li, zhang } = await officers(token);
    await t.call('devices.save', { deviceNo: 'T009', label: '', officerId: zhang.id }, token);
    const src = scratchDir('rr-opt-');
    make.wav(path.join(src, 'T001_000123_20261120093000_0001.wav'));
    make.wav(path.join(src, '现场.wav'), 2);
    expect(await codeOf(() => t.call('import.start', { source: src, options: { officerId: 999 } }, token))).toBe('NOT_FOUND');
    expect(await codeOf(() => t.call('import.start', { source: src, options: { deviceNo: '../x' } }, token))).toBe('VALIDATION_FAILED');

    const { jobId } = await t.call('import.start', { source: src, options: { deviceNo: 'T009', officerId: li.id } }, token);
    await t.app.core.imports.wait(jobId);
    const byName = new Map((await t.call('records.list', { limit: 10 }, token)).records.map((r) => [r.originalName, r]));
    expect(byName.get('T001_000123_20261120093000_0001.wav')).toMatchObject({ attribution: { device: 'T001', deviceSource: 'file_name' }, officer: { id: li.id, source: 'file_name' } });
    expect(byName.get('现场.wav')).toMatchObject({ attribution: { device: 'T009', deviceSource: 'keeper' }, officer: { id: zhang.id, source: 'device_register' } });

    const other = scratchDir('rr-opt2-');
    make.wav(path.join(other, '补录.wav'), 3);
    await t.app.core.imports.wait((await t.call('import.start', { source: other, options: { officerId: li.id } }, token)).jobId);
    const [record] = (await t.call('records.list', { limit: 1 }, token)).records;
    expect(record).toMatchObject({ originalName: '补录.wav', attribution: { device: null, deviceSource: null }, officer: { id: li.id, source: 'keeper' } });
  });

  it('keeps numbers unique, retires instead of deleting, and audits every change', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const { li, zhang } = await officers(token);
    expect(await codeOf(() => t.call('accounts.setOfficerNo', { id: zhang.id, officerNo: '000123' }, token))).toBe('NUMBER_TAKEN');
    expect(await codeOf(() => t.call('accounts.setOfficerNo', { id: zhang.id, officerNo: '00-01' }, token))).toBe('VALIDATION_FAILED');
    expect((await t.call('accounts.setOfficerNo', { id: zhang.id, officerNo: '000456' }, token)).officerNo).toBe('000456');
    const camera = await t.call('devices.save', { deviceNo: 'T009', label: '', officerId: li.id }, token);
    expect(await codeOf(() => t.call('devices.save', { deviceNo: 't009', label: '', officerId: null }, token))).toBe('NUMBER_TAKEN');
    expect(await codeOf(() => t.call('devices.save', { deviceNo: 'T010', label: '', officerId: 999 }, token))).toBe('NOT_FOUND');
    await t.call('devices.save', { id: camera.id, deviceNo: 'T009', label: '交还后重新分配', officerId: zhang.id }, token);
    await t.call('devices.setRetired', { id: camera.id, retired: true }, token);
    expect(t.app.core.devices.officerOf('T009')).toBeNull();
    expect(() => t.app.core.db.prepare('DELETE FROM devices').run()).toThrow(/retired, never deleted/);
    const actions = (await t.call('audit.list', { limit: 50 }, token)).events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['account.officer_no_changed', 'device.registered', 'device.changed', 'device.retired']));

    await t.call('accounts.create', { username: 'leader', displayName: '陈志强', role: 'responsible_leader', isAdmin: false, password: 'Leader2026' }, token);
    const leader = await t.login('leader', 'Leader2026');
    expect((await t.call('devices.list', {}, leader)).length).toBe(1);
    expect(await codeOf(() => t.call('devices.save', { deviceNo: 'T011', label: '', officerId: null }, leader))).toBe('FORBIDDEN');
  });
});
