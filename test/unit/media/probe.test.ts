import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../../electron/core/media/probe.js';
import { hasEncoder, make } from '../../support/media.js';
import { KEEPER, openTestApp, tempDir } from '../../support/test-app.js';

const dir = tempDir('rr-probe-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ffprobe facts', () => {
  it('reads an H.264/AAC clip', async () => {
    const file = path.join(dir, 'clip.mp4');
    make.h264(file, 2);
    const info = await probeMedia(file);
    expect(info).toMatchObject({ readable: true, videoCodec: 'h264', audioCodec: 'aac', width: 320, height: 240, frameRate: 25, problem: null });
    expect(info.durationSeconds).toBeCloseTo(2, 0);
    expect(info.container).toContain('mp4');
  });

  it('reads audio and photos', async () => {
    make.wav(path.join(dir, '录音.wav'));
    make.jpeg(path.join(dir, 'photo.jpg'));
    expect(await probeMedia(path.join(dir, '录音.wav'))).toMatchObject({ readable: true, audioCodec: 'pcm_s16le', videoCodec: null });
    expect(await probeMedia(path.join(dir, 'photo.jpg'))).toMatchObject({ readable: true, videoCodec: 'mjpeg', width: 640, height: 480 });
  });

  it.skipIf(!hasEncoder('libx265'))('reads HEVC, which Chromium cannot play', async () => {
    make.hevc(path.join(dir, 'hevc.mp4'));
    expect(await probeMedia(path.join(dir, 'hevc.mp4'))).toMatchObject({ readable: true, videoCodec: 'hevc' });
  });

  it('answers a truncated clip and random bytes as unreadable, with the reason', async () => {
    make.truncated(path.join(dir, 'cut.mp4'));
    make.noise(path.join(dir, 'noise.mp4'), 100_000);
    const cut = await probeMedia(path.join(dir, 'cut.mp4'));
    expect(cut.readable).toBe(false);
    expect(cut.problem).toMatch(/moov atom not found|Invalid data/);
    expect((await probeMedia(path.join(dir, 'noise.mp4'))).readable).toBe(false);
  });
});

describe('the background probe queue', () => {
  it('probes everything queued in a burst, even when the first item needs no ffprobe', async () => {
    const t = await openTestApp();
    try {
      const src = tempDir('rr-burst-');
      make.empty(path.join(src, 'a-empty.mp4'));
      make.wav(path.join(src, 'b.wav'));
      make.noise(path.join(src, 'c.mp4'), 50_000);
      const token = await t.login(KEEPER.username, KEEPER.password);
      const { jobId } = await t.call('import.start', { source: src }, token);
      await t.app.core.imports.wait(jobId);
      await t.app.core.media.idle();
      const media = (await t.call('records.list', { limit: 10 }, token)).records.map((r) => [r.originalName, r.media?.readable]);
      expect(Object.fromEntries(media)).toEqual({ 'a-empty.mp4': false, 'b.wav': true, 'c.mp4': false });
      fs.rmSync(src, { recursive: true, force: true });
    } finally {
      await t.close();
    }
  });
});
