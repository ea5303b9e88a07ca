import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../../electron/bridge/server.js';
import { byteRange } from '../../../electron/core/playback/byte-range.js';
import { make } from '../../support/media.js';
import { bridgeLogin, launchCookie, rawRequest } from '../../support/http.js';
import { KEEPER, codeOf, openTestApp, scratch, tempDir, type TestApp } from '../../support/test-app.js';

let t: TestApp | null = null;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('byte ranges', () => {
  it('answers the ranges players send', () => {
    expect(byteRange(undefined, 100)).toEqual({ status: 200, start: 0, end: 99 });
    expect(byteRange('bytes=0-', 100)).toEqual({ status: 206, start: 0, end: 99 });
    expect(byteRange('bytes=10-19', 100)).toEqual({ status: 206, start: 10, end: 19 });
    expect(byteRange('bytes=90-200', 100)).toEqual({ status: 206, start: 90, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ status: 206, start: 90, end: 99 });
    expect(byteRange('bytes=100-', 100)).toEqual({ status: 416 });
    expect(byteRange('items=1-2', 100)).toEqual({ status: 200, start: 0, end: 99 });
  });
});

describe('playback', () => {
  it('plays the original where it can, else its proxy, by range, only for a live session, and audits the view', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const src = scratchDir('rr-play-');
    make.h264(path.join(src, 'clip.mp4'), 2);
    make.hevc(path.join(src, 'hevc.mp4'));
    make.truncated(path.join(src, 'broken.mp4'));
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    await t.app.core.media.idle();
    await t.app.core.derive.idle();
    const by = new Map((await t.call('records.list', { limit: 10 }, token)).records.map((r) => [r.originalName, r]));

    const clip = await t.call('records.play', { recordId: by.get('clip.mp4')?.id ?? 0 }, token);
    expect(clip).toMatchObject({ variant: 'original', mediaType: 'video', authentic: true, watermark: { name: KEEPER.displayName } });
    expect((await t.call('records.play', { recordId: by.get('hevc.mp4')?.id ?? 0 }, token)).variant).toBe('proxy');
    expect(await codeOf(() => t!.call('records.play', { recordId: by.get('broken.mp4')?.id ?? 0 }, token))).toBe('NOT_PLAYABLE');

    // A proxy that failed earlier is made again on demand when someone wants to watch.
    const hevc = by.get('hevc.mp4')?.id ?? 0;
    t.app.core.db.prepare("UPDATE record_derivatives SET state = 'failed', file = NULL, sha256 = NULL, problem = 'test' WHERE record_id = ? AND kind = 'proxy'").run(hevc);
    const waiting = await t.call('records.play', { recordId: hevc }, token).catch((e: { code: string; details: Record<string, unknown> }) => e);
    expect(waiting).toMatchObject({ code: 'NOT_PLAYABLE', details: { proxy: 'preparing' } });
    await t.app.core.derive.idle();
    expect((await t.call('records.play', { recordId: hevc }, token)).variant).toBe('proxy');

    const bridge = await startBridge({ dispatcher: t.dispatcher, rendererDir: tempDir('rr-renderer-') });
    try {
      const launch = await launchCookie(bridge.port, bridge.token);
      const viewer = await bridgeLogin(bridge.port, launch, KEEPER.username, KEEPER.password);
      const view = await t.call('records.play', { recordId: by.get('clip.mp4')?.id ?? 0 }, viewer.token);
      const ranged = await rawRequest(bridge.port, { path: view.url, headers: { Cookie: viewer.cookie, Range: 'bytes=0-99' } });
      expect(ranged.status).toBe(206);
      expect(ranged.headers['content-range']).toMatch(/^bytes 0-99\/\d+$/);
      expect(ranged.headers['content-disposition']).toBe('inline');
      expect(ranged.headers['cache-control']).toBe('no-store');
      expect((await rawRequest(bridge.port, { path: view.url })).status).toBe(401);
      // The ticket and the launch cookie are not enough: the bytes go only to the session that opened the view.
      expect((await rawRequest(bridge.port, { path: view.url, headers: { Cookie: launch } })).status).toBe(404);
      const other = await bridgeLogin(bridge.port, launch, KEEPER.username, KEEPER.password);
      expect((await rawRequest(bridge.port, { path: view.url, headers: { Cookie: other.cookie } })).status).toBe(404);
      expect((await rawRequest(bridge.port, { path: '/media/not-a-ticket', headers: { Cookie: viewer.cookie } })).status).toBe(404);
      // Nobody else ends the view either: another session's stop is answered as an unknown view.
      expect(await codeOf(() => t!.call('records.stopPlaying', { ticket: view.ticket }, other.token))).toBe('NOT_FOUND');
      expect((await rawRequest(bridge.port, { path: view.url, headers: { Cookie: viewer.cookie } })).status).toBe(200);
      await t.call('records.stopPlaying', { ticket: view.ticket }, viewer.token);
      expect((await rawRequest(bridge.port, { path: view.url, headers: { Cookie: viewer.cookie } })).status).toBe(404);
      // A ticket dies with its session.
      const again = await t.call('records.play', { recordId: by.get('clip.mp4')?.id ?? 0 }, viewer.token);
      await t.call('auth.logout', {}, viewer.token);
      expect((await rawRequest(bridge.port, { path: again.url, headers: { Cookie: viewer.cookie } })).status).toBe(404);
    } finally {
      await bridge.close();
    }
    const keeper = await t.login(KEEPER.username, KEEPER.password);
    const actions = (await t.call('audit.list', { limit: 50 }, keeper)).events.map((e) => e.action);
    expect(actions.filter((a) => a === 'record.viewed')).toHaveLength(5);
    expect(actions).toContain('record.view_ended');
  });

  it('marks an original under an integrity alarm as not authentic, and lets officers play only theirs', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
    const src = scratchDir('rr-play2-');
    make.wav(path.join(src, 'T001_000123_20261120093000_0001.wav'));
    make.wav(path.join(src, 'other.wav'), 2);
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    const by = new Map((await t.call('records.list', { limit: 10 }, token)).records.map((r) => [r.originalName, r]));
    const mine = by.get('T001_000123_20261120093000_0001.wav');
    const officer = await t.login('li', 'Officer2026');
    expect((await t.call('records.play', { recordId: mine?.id ?? 0 }, officer)).variant).toBe('original');
    // Someone else's recording answers as if it weren't there: a different answer would tell him it exists.
    expect(await codeOf(() => t!.call('records.play', { recordId: by.get('other.wav')?.id ?? 0 }, officer))).toBe('NOT_FOUND');

    const file = path.join(t.dir, 'store', 'objects', mine?.sha256.slice(0, 2) ?? '', mine?.sha256.slice(2, 4) ?? '', mine?.sha256 ?? '');
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'x');
    await t.app.core.fixity.wait((await t.call('integrity.check', { scope: { kind: 'all' } }, token)).runId);
    expect((await t.call('records.play', { recordId: mine?.id ?? 0 }, token)).authentic).toBe(false);
  });
});
