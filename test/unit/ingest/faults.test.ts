import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { make } from '../../support/media.js';
import { KEEPER, codeOf, openTestApp, scratch, type TestApp } from '../../support/test-app.js';
import { canMount, smallVolumes } from '../../support/volumes.js';

let t: TestApp | null = null;
const scratchDir = scratch();
const volumes = smallVolumes();
afterEach(async () => {
  await t?.close();
  t = null;
});

async function keeperWithStore(storeDir: string) {
  t = await openTestApp({ setup: false });
  await t.call('system.setup', { officeName: '峡口镇综合行政执法办公室', unitCode: 'XK-01', admin: KEEPER, storeDir });
  return t.login(KEEPER.username, KEEPER.password);
}

describe.skipIf(!canMount)('a store drive that fills up or turns read-only', () => {
  it('fails the files that do not fit, keeps the rest, and leaves no half file or record', async () => {
    const volume = volumes.make(24);
    const token = await keeperWithStore(volume);
    const src = scratchDir('rr-full-src-');
    make.random(path.join(src, 'a.mp4'), 10 << 20);
    make.random(path.join(src, 'b.mp4'), 10 << 20);
    make.random(path.join(src, 'c.mp4'), 10 << 20);
    make.wav(path.join(src, 'small.wav'));
    const job = await t!.app.core.imports.wait((await t!.call('import.start', { source: src }, token)).jobId);
    expect(job.summary?.failed).toBeGreaterThanOrEqual(1);
    expect(job.items.filter((i) => i.outcome === 'failed').every((i) => i.reason === 'store_full')).toBe(true);
    const { records } = await t!.call('records.list', { limit: 10 }, token);
    expect(records.length).toBe(job.summary?.imported);
    expect(fs.readdirSync(path.join(volume, 'tmp'))).toEqual([]);
    const stored = (fs.readdirSync(path.join(volume, 'objects'), { recursive: true }) as string[]).filter((p) => /[0-9a-f]{64}$/.test(p));
    expect(stored).toHaveLength(records.length);
  });

  it('refuses to start on a read-only store, saying so, and records nothing', async () => {
    const volume = volumes.make(8);
    const token = await keeperWithStore(volume);
    fs.mkdirSync(path.join(volume, 'tmp'), { recursive: true });
    fs.mkdirSync(path.join(volume, 'objects'), { recursive: true });
    volumes.remount(volume, 'ro');
    const src = scratchDir('rr-ro-src-');
    make.wav(path.join(src, 'one.wav'));
    make.wav(path.join(src, 'two.wav'), 2);
    expect(await codeOf(() => t!.call('import.start', { source: src }, token))).toBe('STORE_UNAVAILABLE');
    expect(await t!.call('import.recent', {}, token)).toEqual([]);
    expect((await t!.call('records.list', { limit: 10 }, token)).total).toBe(0);
    expect(fs.readdirSync(src).sort()).toEqual(['one.wav', 'two.wav']);
  });
});

describe('awkward source paths', () => {
  it('imports from deep folders with long Chinese names and spaces', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const src = scratchDir('rr-long-');
    // 80 Chinese characters are 240 bytes: near the 255-byte limit of a name; the whole path passes 1,000 bytes.
    const deep = path.join(src, ...Array.from({ length: 4 }, (_, i) => `第${i + 1}层 ${'执法记录'.repeat(15)}`));
    const name = `${'现场执法录像'.repeat(13)}.mp4`;
    make.h264(path.join(deep, name), 1);
    expect(Buffer.byteLength(path.join(deep, name))).toBeGreaterThan(1000);
    const job = await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
    expect(job.summary).toMatchObject({ imported: 1, failed: 0 });
    const [record] = (await t.call('records.list', { limit: 1 }, token)).records;
    expect(record?.originalName).toBe(name);
    expect(record?.originalPath).toBe(path.relative(src, path.join(deep, name)));
  });
});
