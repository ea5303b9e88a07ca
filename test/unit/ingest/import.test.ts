import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cameraDrive, make } from '../../support/media.js';
import { KEEPER, codeOf, openTestApp, scratch, tempDir, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
});

let drive: string;
let expected: string[];
beforeAll(() => {
  drive = tempDir('rr-camera-');
  expected = cameraDrive(drive);
});

function digest(alg: string, file: string): string {
  return createHash(alg).update(fs.readFileSync(file)).digest('hex');
}

function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[path.relative(root, p)] = `${fs.statSync(p).mtimeMs}:${digest('sha256', p)}`;
    }
  };
  walk(root);
  return out;
}

async function keeperImport(source: string) {
  const token = await t.login(KEEPER.username, KEEPER.password);
  const { jobId } = await t.call('import.start', { source }, token);
  const job = await t.app.core.imports.wait(jobId);
  return { token, job };
}

/** Posters and proxies are made in tmp/ after an import; wait for them before looking there. */
async function settled(app: TestApp): Promise<void> {
  await app.app.core.media.idle();
  await app.app.core.derive.idle();
}

function storeFile(sha256: string): string {
  return path.join(t.dir, 'store', 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

describe('import from a camera drive', () => {
  it('stores every media file byte-exact with both hashes, read-only, and leaves the source untouched', async () => {
    t = await openTestApp();
    const before = snapshot(drive);
    const { token, job } = await keeperImport(drive);
    expect(job.state).toBe('finished');
    expect(job.summary).toMatchObject({ imported: 6, duplicates: 0, failed: 0, skipped: 2 });
    const { records } = await t.call('records.list', { limit: 100 }, token);
    expect(records.map((r) => r.originalPath).sort()).toEqual([...expected].sort());
    for (const r of records) {
      const src = path.join(drive, r.originalPath);
      expect(r.sha256).toBe(digest('sha256', src));
      expect(r.sm3).toBe(digest('sm3', src));
      expect(fs.readFileSync(storeFile(r.sha256)).equals(fs.readFileSync(src))).toBe(true);
      expect(fs.statSync(storeFile(r.sha256)).mode & 0o777).toBe(0o444);
    }
    expect(records.find((r) => r.originalPath.endsWith('0004.MP4'))?.size).toBe(0);
    expect(records.find((r) => r.originalPath.endsWith('0001.MP4'))?.attribution).toEqual({
      patternId: 'device_officer_time_seq',
      device: 'T001',
      officer: '000123',
      recordedAt: '2026-11-20T09:30:00',
      sequence: 1,
      important: false,
      deviceSource: 'file_name',
    });
    expect(records.find((r) => r.originalPath === 'PHOTO/重点/IMG_0001.JPG')?.attribution).toMatchObject({ important: true, device: null });
    expect(records.find((r) => r.originalPath.endsWith('.wav'))?.mediaType).toBe('audio');
    expect(records.find((r) => r.originalPath.endsWith('.JPG'))?.mediaType).toBe('photo');
    expect(job.items.filter((i) => i.outcome === 'skipped').map((i) => [i.relativePath, i.reason])).toEqual([
      ['DCIM/index.dat', 'not_media'],
      ['DCIM/loop', 'symlink'],
    ]);
    expect(snapshot(drive)).toEqual(before);
    await t.app.core.media.idle();
    const probed = new Map((await t.call('records.list', { limit: 100 }, token)).records.map((r) => [r.originalPath.split('/').at(-1), r.media]));
    expect(probed.get('T001_000123_20261120093000_0001.MP4')).toMatchObject({ readable: true, videoCodec: 'h264', width: 320 });
    expect(probed.get('T001_000123_20261120094000_0003.MP4')).toMatchObject({ readable: false });
    expect(probed.get('T001_000123_20261120094500_0004.MP4')).toMatchObject({ readable: false, problem: 'empty file' });
    expect(probed.get('现场 录音 01.wav')).toMatchObject({ readable: true, audioCodec: 'pcm_s16le' });
    await settled(t);
    expect(fs.readdirSync(path.join(t.dir, 'store', 'tmp'))).toEqual([]);
    const audited = await t.call('audit.list', { action: 'record.imported', limit: 100 }, token);
    expect(audited.total).toBe(6);
    expect((await t.call('audit.verify', {}, token)).ok).toBe(true);
  });

  it('imports each recording exactly once: again from the same drive, or twice within one batch', async () => {
    t = await openTestApp();
    await keeperImport(drive);
    const { token, job } = await keeperImport(drive);
    expect(job.summary).toMatchObject({ imported: 0, duplicates: 6 });
    expect((await t.call('records.list', { limit: 100 }, token)).total).toBe(6);

    const twice = scratchDir('rr-twice-');
    make.random(path.join(twice, 'a', 'same.mp4'), 300_000);
    fs.mkdirSync(path.join(twice, 'b'));
    fs.copyFileSync(path.join(twice, 'a', 'same.mp4'), path.join(twice, 'b', 'same copy.mp4'));
    const second = await keeperImport(twice);
    expect(second.job.summary).toMatchObject({ imported: 1, duplicates: 1 });
  });

  it('refuses to import the archive into itself: its data folder, its store, a folder inside or around them', async () => {
    const outer = tempDir('rr-around-');
    t = await openTestApp({ dir: path.join(outer, 'archive') });
    const token = await t.login(KEEPER.username, KEEPER.password);
    for (const source of [t.dir, path.join(t.dir, 'store'), path.join(t.dir, 'store', 'objects'), outer]) {
      expect(await codeOf(() => t.call('import.start', { source }, token))).toBe('SOURCE_IS_ARCHIVE');
      expect(await codeOf(() => t.call('import.preview', { source }, token))).toBe('SOURCE_IS_ARCHIVE');
    }
    expect((await t.call('import.recent', {}, token)).length).toBe(0);
    fs.rmSync(outer, { recursive: true, force: true });
  });

  it('refuses a missing source and an unusable store clearly, recording nothing', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    expect(await codeOf(() => t.call('import.start', { source: path.join(drive, 'nope') }, token))).toBe('SOURCE_NOT_FOUND');
    expect(await codeOf(() => t.call('import.start', { source: path.join(drive, 'DCIM', 'index.dat') }, token))).toBe('SOURCE_NOT_FOUND');
    fs.rmSync(path.join(t.dir, 'store'), { recursive: true });
    fs.writeFileSync(path.join(t.dir, 'store'), 'a file where the store folder should be');
    expect(await codeOf(() => t.call('import.start', { source: drive }, token))).toBe('STORE_UNAVAILABLE');
    expect((await t.call('records.list', { limit: 10 }, token)).total).toBe(0);
  });

  it('lets only the archive keeper import, and nobody alter a record', async () => {
    t = await openTestApp();
    const admin = await t.login(KEEPER.username, KEEPER.password);
    await t.call('accounts.create', { username: 'leader', displayName: '陈志强', role: 'responsible_leader', isAdmin: false, password: 'Leader2026' }, admin);
    const leader = await t.login('leader', 'Leader2026');
    expect(await codeOf(() => t.call('import.start', { source: drive }, leader))).toBe('FORBIDDEN');
    await keeperImport(drive);
    expect(() => t.app.core.db.prepare("UPDATE records SET original_name = 'x'").run()).toThrow(/never altered/);
    expect(() => t.app.core.db.prepare('DELETE FROM records').run()).toThrow(/approved destruction/);
  });

  it('flags records that arrived past the deadline, under the rule in force, and takes explanations', async () => {
    t = await openTestApp(); // the test clock says 2026-11-24 16:00 in Shanghai; the camera drive's clips say 2026-11-20
    const { token, job } = await keeperImport(drive);
    expect(job.summary?.late).toBe(4);
    const { records } = await t.call('records.list', { limit: 100 }, token);
    const clip = records.find((r) => r.originalPath.endsWith('0001.MP4'));
    expect(clip?.timeliness).toEqual({
      basis: 'file_name',
      recordedAt: '2026-11-20T09:30:00',
      deadlineAt: '2026-11-21T09:30:00',
      arrivedAt: '2026-11-24T16:00:00',
      secondsLate: 282_600,
      explanation: null,
      cameraAheadSeconds: 0,
      clockFlagged: false,
      absence: null,
    });
    expect(records.find((r) => r.originalPath.endsWith('.wav'))?.timeliness).toMatchObject({ basis: 'file_mtime', secondsLate: 0 });

    const explained = await t.call('records.explainLate', { recordId: clip?.id ?? 0, reason: '执法人员在水上执勤，11 月 24 日返回' }, token);
    expect(explained.timeliness?.explanation).toBe('执法人员在水上执勤，11 月 24 日返回');
    await t.call('records.explainLate', { recordId: clip?.id ?? 0, reason: '补充：船只故障延误' }, token);
    const [event] = (await t.call('audit.list', { action: 'record.late_explained', limit: 1 }, token)).events;
    expect(event?.details).toMatchObject({ reason: '补充：船只故障延误', previous: '执法人员在水上执勤，11 月 24 日返回' });
    expect(await codeOf(() => t.call('records.explainLate', { recordId: 999, reason: 'x' }, token))).toBe('NOT_FOUND');
    expect(await codeOf(() => t.call('records.explainLate', { recordId: clip?.id ?? 0, reason: ' ' }, token))).toBe('VALIDATION_FAILED');

    // Under "2 working days" the same Friday clips are on time until Tuesday night.
    await t.call('settings.update', { timeliness: { rule: { kind: 'workdays', days: 2 }, calendar: { holidays: [], workdays: [] }, timeZone: 'Asia/Shanghai', clockAheadMinutes: 10 } }, token);
    const src = scratchDir('rr-workdays-');
    make.wav(path.join(src, 'T002_000456_20261120150000_0001.wav'));
    const { jobId } = await t.call('import.start', { source: src }, token);
    expect((await t.app.core.imports.wait(jobId)).summary?.late).toBe(0);
    expect(await codeOf(() => t.call('settings.update', { timeliness: { rule: { kind: 'hours', hours: 24 }, calendar: { holidays: [], workdays: [] }, timeZone: 'Mars/Olympus', clockAheadMinutes: 10 } }, token))).toBe('VALIDATION_FAILED');
  });

  it('reads names with the rules in Settings, and refuses a broken rule', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const ingest = { namePatterns: [{ id: 'county', regex: '^ZF(?<device>\\d{3})-(?<date>\\d{8})(?<time>\\d{6})' }], importantMarks: ['要案'], sourceFolders: ['/srv/采集站'] };
    expect(await codeOf(() => t.call('settings.update', { ingest: { ...ingest, sourceFolders: ['relative/folder'] } }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('settings.update', { ingest: { ...ingest, namePatterns: [{ id: 'x', regex: '(' }] } }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('settings.update', { ingest: { ...ingest, namePatterns: [{ id: 'x', regex: '(?<camera>\\d+)' }] } }, token))).toBe('VALIDATION_FAILED');
    await t.call('settings.update', { ingest }, token);
    expect((await t.call('settings.get', {}, token)).ingest).toEqual(ingest);
    const src = scratchDir('rr-rules-');
    make.wav(path.join(src, '要案', 'ZF007-20261121083000.wav'));
    make.wav(path.join(src, 'T001_000123_20261120093000_0001.wav'), 2);
    const { jobId } = await t.call('import.start', { source: src }, token);
    await t.app.core.imports.wait(jobId);
    const byName = new Map((await t.call('records.list', { limit: 10 }, token)).records.map((r) => [r.originalName, r.attribution]));
    expect(byName.get('ZF007-20261121083000.wav')).toMatchObject({ patternId: 'county', device: '007', recordedAt: '2026-11-21T08:30:00', important: true });
    expect(byName.get('T001_000123_20261120093000_0001.wav')).toMatchObject({ patternId: null, device: null, important: false });
    const [changed] = (await t.call('audit.list', { action: 'settings.changed', limit: 1 }, token)).events;
    expect(changed?.target).toBe('ingest');
  });

  it('reports a file that vanished mid-import (device unplugged) and finishes the rest', async () => {
    t = await openTestApp();
    const src = scratchDir('rr-unplug-');
    for (let i = 0; i < 3; i++) make.random(path.join(src, `clip${i}.mp4`), 64 << 20);
    make.wav(path.join(src, 'zz-last.wav'));
    const token = await t.login(KEEPER.username, KEEPER.password);
    const { jobId } = await t.call('import.start', { source: src }, token);
    fs.rmSync(path.join(src, 'zz-last.wav'));
    const job = await t.app.core.imports.wait(jobId);
    expect(job.summary).toMatchObject({ imported: 3, failed: 1 });
    expect(job.items.find((i) => i.outcome === 'failed')).toMatchObject({ relativePath: 'zz-last.wav', reason: 'source_missing' });
    await settled(t);
    expect(fs.readdirSync(path.join(t.dir, 'store', 'tmp'))).toEqual([]);
  });

  it('cancels cleanly: no half record, no temporary file', async () => {
    t = await openTestApp();
    const big = scratchDir('rr-big-');
    for (let i = 0; i < 4; i++) make.random(path.join(big, `clip${i}.mp4`), 96 << 20);
    const token = await t.login(KEEPER.username, KEEPER.password);
    const { jobId } = await t.call('import.start', { source: big }, token);
    await t.call('import.cancel', { jobId }, token);
    const job = await t.app.core.imports.wait(jobId);
    expect(job.state).toBe('cancelled');
    const { records } = await t.call('records.list', { limit: 10 }, token);
    expect(job.summary?.imported).toBe(records.length);
    await settled(t);
    expect(fs.readdirSync(path.join(t.dir, 'store', 'tmp'))).toEqual([]);
    for (const r of records) expect(digest('sha256', storeFile(r.sha256))).toBe(r.sha256);
  });
});
