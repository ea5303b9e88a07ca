import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discName, type BagPayload } from '../../../electron/core/discs/bag.js';
import { BAG_INFO, writeBag } from '../../support/bag.js';
import { make } from '../../support/media.js';
import { scratch } from '../../support/test-app.js';

const dir = scratch();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const INFO = BAG_INFO;

function originals(): BagPayload[] {
  const src = dir('rr-bag-src-');
  make.h264(path.join(src, 'a', 'T001_000123_20261120093000_0001.MP4'), 1);
  make.wav(path.join(src, 'b', '现场录音 100%.wav'));
  make.jpeg(path.join(src, 'c', 'same.jpg'));
  make.jpeg(path.join(src, 'd', 'same.jpg'));
  const files = ['a/T001_000123_20261120093000_0001.MP4', 'b/现场录音 100%.wav', 'c/same.jpg', 'd/same.jpg'];
  return files.map((f, i) => ({ recordId: i + 1, source: path.join(src, f), name: path.basename(f), sha256: sha256(path.join(src, f)) }));
}

describe('the evidence bag', () => {
  it('holds the originals byte for byte, checkable with sha256sum -c and anchored by its tag manifest', async () => {
    const payload = originals();
    const root = dir('rr-bag-');
    const bag = await writeBag(root, payload, INFO, [{ name: 'written-description.txt', content: '文字说明材料\n' }]);
    expect(bag.files.map((f) => f.path)).toEqual(['data/T001_000123_20261120093000_0001.MP4', 'data/现场录音 100％.wav', 'data/3-same.jpg', 'data/4-same.jpg']);
    for (const [i, f] of bag.files.entries()) expect(fs.readFileSync(path.join(root, f.path))).toEqual(fs.readFileSync(payload[i]?.source ?? ''));

    const check = execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: root, encoding: 'utf8' });
    expect(check.trim().split('\n')).toHaveLength(4);
    expect(execFileSync('sha256sum', ['-c', 'tagmanifest-sha256.txt'], { cwd: root, encoding: 'utf8' })).toContain('bag-info.txt: OK');
    expect(sha256(path.join(root, 'tagmanifest-sha256.txt'))).toBe(bag.tagmanifestSha256);

    const info = fs.readFileSync(path.join(root, 'bag-info.txt'), 'utf8');
    const size = payload.reduce((n, p) => n + fs.statSync(p.source).size, 0);
    expect(info).toContain(`Payload-Oxum: ${size}.4\n`);
    expect(info).toContain('Case-Number: 峡综执罚〔2026〕1号\n');
    expect(info).toContain('Source-Organization: 峡口镇综合行政执法办公室\n');
    expect(info).toContain('Bag-Count: 1 of 1\n');
    expect(fs.readFileSync(path.join(root, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(fs.readFileSync(path.join(root, 'manifest-sm3.txt'), 'utf8').split('\n')[0]).toMatch(/^[0-9a-f]{64} {2}data\/T001/);

    // A flipped byte fails the third-party check and names the file.
    const victim = path.join(root, 'data', '3-same.jpg');
    fs.chmodSync(victim, 0o644);
    const bytes = fs.readFileSync(victim);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    fs.writeFileSync(victim, bytes);
    const failed = spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: root, encoding: 'utf8' });
    expect(failed.status).not.toBe(0);
    expect(failed.stdout).toContain('data/3-same.jpg: FAILED');
  });

  it('keeps names a file system and sha256sum -c can both carry', () => {
    expect(discName('a%b.mp4')).toBe('a％b.mp4');
    expect(discName('line\nbreak.mp4')).toBe('line break.mp4');
    expect(discName('x:y?.mp4')).toBe('x_y_.mp4');
    expect(discName('..')).toBe('_');
    // An MP4 whose name reverses its tail would show in Explorer as `…_4PM.png`.
    expect(discName('T001_000123_\u202Egnp.MP4')).toBe('T001_000123__gnp.MP4');
    expect(discName('a\u0000b\u2066c.mp4')).toBe('a_b_c.mp4');
  });
});
