import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeMedia } from '../../../electron/core/media/probe.js';
import { playableAsIs } from '../../../shared/rules/playback.js';
import { make } from '../../support/media.js';
import { KEEPER, openTestApp, scratch, type TestApp } from '../../support/test-app.js';

let t: TestApp | null = null;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
  t = null;
});

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function importAndSettle(app: TestApp, token: string, source: string): Promise<void> {
  await app.app.core.imports.wait((await app.call('import.start', { source }, token)).jobId);
  await app.app.core.media.idle();
  await app.app.core.derive.idle();
}

describe('posters and playback proxies', () => {
  it('makes a poster for video and photos and a playable proxy only where the browser needs one, never touching the original', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const src = scratchDir('rr-derive-');
    make.h264(path.join(src, 'h264.mp4'));
    make.hevc(path.join(src, 'hevc.mp4'));
    make.avi(path.join(src, 'old.avi'));
    make.amr(path.join(src, 'voice.amr'));
    make.wav(path.join(src, 'plain.wav'));
    make.jpeg(path.join(src, 'photo.jpg'));
    make.truncated(path.join(src, 'broken.mp4'));
    await importAndSettle(t, token, src);

    const { records } = await t.call('records.list', { limit: 20 }, token);
    const by = new Map(records.map((r) => [r.originalName, r]));
    expect(Object.fromEntries(records.map((r) => [r.originalName, r.derived]))).toEqual({
      'h264.mp4': { poster: 'ready', proxy: 'not_needed' },
      'hevc.mp4': { poster: 'ready', proxy: 'ready' },
      'old.avi': { poster: 'ready', proxy: 'ready' },
      'voice.amr': { poster: 'not_needed', proxy: 'ready' },
      'plain.wav': { poster: 'not_needed', proxy: 'not_needed' },
      'photo.jpg': { poster: 'ready', proxy: 'not_needed' },
      'broken.mp4': { poster: 'not_needed', proxy: 'not_needed' },
    });

    // The originals are as imported: same bytes, still read-only.
    const store = path.join(t.dir, 'store');
    for (const r of records) {
      const original = path.join(store, 'objects', r.sha256.slice(0, 2), r.sha256.slice(2, 4), r.sha256);
      expect(sha256(original)).toBe(r.sha256);
      expect(fs.statSync(original).mode & 0o777).toBe(0o444);
    }

    // Derived copies live apart, carry their own hash, and play in a browser.
    const rows = t.app.core.db.prepare("SELECT record_id, kind, file, sha256 FROM record_derivatives WHERE state = 'ready'").all() as { record_id: number; kind: string; file: string; sha256: string }[];
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row.file.startsWith('derived/')).toBe(true);
      expect(sha256(path.join(store, row.file))).toBe(row.sha256);
    }
    for (const name of ['hevc.mp4', 'old.avi', 'voice.amr']) {
      const record = by.get(name);
      const row = rows.find((x) => x.record_id === record?.id && x.kind === 'proxy');
      const proxy = await probeMedia(path.join(store, row?.file ?? ''));
      expect(playableAsIs(record?.mediaType ?? 'video', proxy)).toBe(true);
      if (name !== 'voice.amr') expect(proxy).toMatchObject({ videoCodec: 'h264', width: 320, height: 240 });
      expect(proxy.durationSeconds).toBeCloseTo(record?.media?.durationSeconds ?? 0, 0);
    }

    const posters = await t.call('records.posters', { ids: records.map((r) => r.id) }, token);
    expect(posters.map((p) => p.recordId).sort()).toEqual(['h264.mp4', 'hevc.mp4', 'old.avi', 'photo.jpg'].map((n) => by.get(n)?.id).sort());
    expect(posters[0]?.dataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  });

  it('leaves nothing half-made when closed mid-transcode, and finishes at the next start', async () => {
    t = await openTestApp();
    const dir = t.dir;
    const token = await t.login(KEEPER.username, KEEPER.password);
    const src = scratchDir('rr-derive-stop-');
    // Long and large enough that its proxy takes seconds to make.
    make.avi(path.join(src, 'long.avi'), 20, '1280x720');
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    await t.app.core.media.idle();
    const started = new Promise<void>((resolve) => t?.app.bus.subscribe((e) => e.type === 'record.derive_progress' && resolve()));
    await started;
    await t.app.close();
    expect(fs.readdirSync(path.join(dir, 'store', 'tmp'))).toEqual([]);
    const reopened = await openTestApp({ dir, setup: false });
    t = reopened;
    expect(reopened.app.core.db.prepare("SELECT count(*) AS n FROM record_derivatives WHERE kind = 'proxy'").get()).toEqual({ n: 0 });
    await reopened.app.startBackgroundWork();
    await reopened.app.core.media.idle();
    await reopened.app.core.derive.idle();
    const [record] = (await reopened.call('records.list', { limit: 1 }, await reopened.login(KEEPER.username, KEEPER.password))).records;
    expect(record?.derived).toEqual({ poster: 'ready', proxy: 'ready' });
  });
});
