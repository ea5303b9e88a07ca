import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bagFiles, writeBagTags, type BagFile } from '../../../electron/core/discs/bag.js';
import { checkImagePayload, hashOriginals } from '../../../electron/core/discs/image-check.js';
import { buildImage, extractImage, imageMd5Intact, volumeLabel } from '../../../electron/core/discs/xorriso.js';
import { sm3OfFile } from '../../support/hashes.js';
import { make } from '../../support/media.js';
import { codeOf, scratch } from '../../support/test-app.js';

const dir = scratch();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
afterEach(() => {
  delete process.env.RECORDS_XORRISO;
});

/** A bag's tag files in one folder and its originals elsewhere, as the store holds them. */
async function bagOf(names: string[]): Promise<{ tags: string; files: BagFile[] }> {
  const src = dir('rr-img-src-');
  const files = bagFiles(
    await Promise.all(
      names.map(async (name, i) => {
        const file = path.join(src, String(i), name);
        if (name.endsWith('.jpg')) make.jpeg(file);
        else make.h264(file, 1);
        return { recordId: i + 1, source: file, name, sha256: sha256(file), sm3: await sm3OfFile(file), size: fs.statSync(file).size };
      }),
    ),
  );
  const tags = dir('rr-img-bag-');
  writeBagTags(tags, files, { office: '峡口镇综合行政执法办公室', unitCode: 'XK-01', caseNo: '峡综执罚〔2026〕1号', cause: '占道经营', parties: '王某某', filedOn: null, disc: { index: 1, count: 1 }, baggingDate: '2026-12-02' });
  return { tags, files };
}

describe('the disc image', () => {
  it('carries the bag with its Chinese names, and anyone can extract it and run sha256sum -c', async () => {
    const bag = await bagOf(['T001_000123_20261120093000_0001.MP4', '集贸市场东门 现场.jpg', 'a=b\\c.mp4']);
    const out = dir('rr-img-');
    const iso = path.join(out, 'disc.iso');
    const seen: number[] = [];
    await buildImage(bag.tags, bag.files, iso, volumeLabel('峡综执罚〔2026〕1号', 1, 1), (p) => seen.push(p));
    expect(fs.readdirSync(out)).toEqual(['disc.iso']);
    expect(execFileSync('xorriso', ['-indev', iso, '-pvd_info'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toContain('RR_2026_1_D1OF1');
    expect(await imageMd5Intact(iso)).toBe(true);
    // What the build proves: the image carries each original as it hashed; a wrong catalogue hash or a different file is named.
    const hashes = await hashOriginals(bag.files);
    await checkImagePayload(iso, bag.files, hashes);
    expect(await codeOf(() => hashOriginals([{ ...(bag.files[0] as BagFile), sha256: '0'.repeat(64) }]))).toBe('ORIGINAL_CHANGED');
    const swapped = new Map(hashes).set(bag.files[0]?.recordId ?? 0, hashes.get(bag.files[1]?.recordId ?? 0) as { sha256: string; md5: string });
    expect(await codeOf(() => checkImagePayload(iso, bag.files, swapped))).toBe('ORIGINAL_CHANGED');
    expect(await codeOf(() => hashOriginals([{ ...(bag.files[0] as BagFile), source: path.join(out, 'gone.mp4') }]))).toBe('ORIGINAL_MISSING');

    const extracted = dir('rr-img-x-');
    await extractImage(iso, extracted);
    expect(fs.readdirSync(path.join(extracted, 'data')).sort()).toEqual(['T001_000123_20261120093000_0001.MP4', 'a=b_c.mp4', '集贸市场东门 现场.jpg']);
    const check = spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: extracted, encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(spawnSync('sha256sum', ['-c', 'tagmanifest-sha256.txt'], { cwd: extracted, encoding: 'utf8' }).status).toBe(0);

    // A changed sector in the image fails the recorded MD5 and, once extracted, the file's own line.
    const image = fs.readFileSync(iso);
    const clip = fs.readFileSync(bag.files[1]?.source ?? '');
    const marker = clip.subarray(clip.length >> 1, (clip.length >> 1) + 256);
    const at = image.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    expect(image.lastIndexOf(marker)).toBe(at);
    image[at] = (image[at] ?? 0) ^ 0xff;
    fs.writeFileSync(iso, image);
    expect(await imageMd5Intact(iso)).toBe(false);
    const again = dir('rr-img-y-');
    await extractImage(iso, again);
    const failed = spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: again, encoding: 'utf8' });
    expect(failed.status).not.toBe(0);
    expect(failed.stdout).toContain('data/集贸市场东门 现场.jpg: FAILED');
  });

  it('says plainly when xorriso is missing or fails, and leaves no half image', async () => {
    const bag = await bagOf(['a.mp4']);
    const out = dir('rr-img-fail-');
    process.env.RECORDS_XORRISO = path.join(out, 'no-such-xorriso');
    const missing = await buildImage(bag.tags, bag.files, path.join(out, 'disc.iso'), 'X').catch((e: { code: string; details: { reason: string } }) => e);
    expect(missing).toMatchObject({ code: 'TOOL_FAILED', details: { tool: 'xorriso', reason: 'missing' } });
    delete process.env.RECORDS_XORRISO;
    expect(await codeOf(() => buildImage(bag.tags, [{ path: 'data/gone.mp4', source: path.join(out, 'gone.mp4') }], path.join(out, 'disc.iso'), 'X'))).toBe('TOOL_FAILED');
    const controller = new AbortController();
    const cancelled = buildImage(bag.tags, bag.files, path.join(out, 'disc.iso'), 'X', () => controller.abort(), controller.signal);
    controller.abort();
    expect(await codeOf(() => cancelled)).toBe('CANCELLED');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('derives a volume label a file system accepts from the case number', () => {
    expect(volumeLabel('峡综执罚〔2026〕1号', 1, 2)).toBe('RR_2026_1_D1OF2');
    expect(volumeLabel('XK-ZF-2026-0001', 3, 3)).toBe('RR_XK_ZF_2026_0001_D3OF3');
    expect(volumeLabel('一二三', 1, 1)).toBe('RR__D1OF1');
    expect(volumeLabel('A'.repeat(60), 1, 1)).toHaveLength(32);
  });
});
