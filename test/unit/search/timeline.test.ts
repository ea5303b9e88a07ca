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

describe("a camera's day", () => {
  it('lists clips in camera time with the gaps between them, marking an interrupted recording', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const src = scratchDir('rr-timeline-');
    make.h264(path.join(src, 'T001_000123_20261120093000_0001.MP4'), 2);
    make.h264(path.join(src, 'T001_000123_20261120093003_0002.MP4'), 1);
    // Different lengths: identical clips would be one record (each recording is kept once).
    make.h264(path.join(src, 'T001_000123_20261120093500_0003.MP4'), 3);
    make.h264(path.join(src, 'T001_000123_20261121080000_0004.MP4'), 4);
    make.h264(path.join(src, 'T002_000456_20261120093000_0001.MP4'), 5);
    await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    await t.app.core.media.idle();

    const latest = await t.call('records.timeline', { deviceNo: 'T001' }, token);
    expect(latest.days).toEqual([
      { day: '2026-11-21', clips: 1 },
      { day: '2026-11-20', clips: 3 },
    ]);
    expect(latest.day).toBe('2026-11-21');
    const day = await t.call('records.timeline', { deviceNo: 'T001', day: '2026-11-20' }, token);
    expect(day.clips.map((c) => [c.start.slice(11), c.gapBeforeSeconds, c.interrupted])).toEqual([
      ['09:30:00', null, false],
      ['09:30:03', 1, false],
      ['09:35:00', 296, true],
    ]);
    expect(day.clips[0]?.durationSeconds).toBeCloseTo(2, 0);
  });
});
