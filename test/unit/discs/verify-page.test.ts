import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BagPayload } from '../../../electron/core/discs/bag.js';
import { BAG_INFO, writeBag, type WrittenBag } from '../../support/bag.js';
import { copyVerifier, discReadme } from '../../../electron/core/discs/disc-readme.js';
import { buildImage, extractImage, volumeLabel } from '../../../electron/core/discs/xorriso.js';
import { make } from '../../support/media.js';
import { scratch } from '../../support/test-app.js';

const dir = scratch();
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const INFO = BAG_INFO;
const TAG_FILES = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'manifest-sm3.txt'];

let browser: Browser;
beforeAll(async () => {
  const executablePath = execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
});

/**
 * An evidence disc as a reader's drive shows it: a bag of real media (a Chinese name among them,
 * an empty original, and sizes either side of SHA-256's 55/56/64-byte padding edges), the README
 * and verify.html beside it, through an ISO image and extracted again.
 */
async function evidenceDisc(): Promise<{ disc: string; bag: WrittenBag }> {
  const src = dir('rr-vp-src-');
  make.h264(path.join(src, 'T001_000123_20261120093000_0001.MP4'), 1);
  make.jpeg(path.join(src, '集贸市场东门 现场.jpg'));
  make.wav(path.join(src, '现场录音 01.wav'));
  const sizes = [0, 55, 56, 64, 250_007];
  for (const n of sizes) make.random(path.join(src, `edge-${n}.bin`), n);
  const names = ['T001_000123_20261120093000_0001.MP4', '集贸市场东门 现场.jpg', '现场录音 01.wav', ...sizes.map((n) => `edge-${n}.bin`)];
  const payload: BagPayload[] = names.map((name, i) => ({ recordId: i + 1, source: path.join(src, name), name, sha256: sha256(fs.readFileSync(path.join(src, name))) }));
  const root = dir('rr-vp-bag-');
  const bag = await writeBag(root, payload, INFO);
  copyVerifier(root);
  fs.writeFileSync(path.join(root, 'README.txt'), discReadme({ office: INFO.office, caseNo: INFO.caseNo, disc: INFO.disc, builtAt: '2026-12-02 10:30' }));
  const iso = path.join(dir('rr-vp-iso-'), 'disc.iso');
  await buildImage(root, [], iso, volumeLabel(INFO.caseNo, 1, 1));
  // One level down, so a test can also pick the folder that holds the disc.
  const disc = path.join(dir('rr-vp-disc-'), 'RR_2026_1_D1OF1');
  await extractImage(iso, disc);
  return { disc, bag };
}

/** Lets the test change a file of the extracted disc, which keeps the disc's read-only modes. */
function writable(file: string): string {
  fs.chmodSync(path.dirname(file), 0o755);
  if (fs.existsSync(file)) fs.chmodSync(file, 0o644);
  return file;
}

function flipByte(file: string): void {
  const bytes = fs.readFileSync(writable(file));
  bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
  fs.writeFileSync(file, bytes);
}

interface Opened {
  page: Page;
  requests: string[];
  complaints: string[];
}

async function open(disc: string, hash = ''): Promise<Opened> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const complaints: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // A CSP violation or a script error shows up here.
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') complaints.push(m.text());
  });
  page.on('pageerror', (e) => complaints.push(e.message));
  await page.goto(pathToFileURL(path.join(disc, 'verify.html')).href + hash);
  return { page, requests, complaints };
}

interface Row {
  path: string;
  group: string;
  status: string;
  expected: string;
  actual: string;
}

/** Picks `folder` in the page's folder chooser and waits for the verdict. */
async function verify(page: Page, folder: string) {
  await page.setInputFiles('#folder', folder);
  await page.waitForSelector('#verdict:is([data-state=ok], [data-state=bad], [data-state=error])');
  return page.evaluate(() => {
    const verdict = document.getElementById('verdict') as HTMLElement;
    const hashOf = (cell: HTMLTableCellElement | undefined) => (cell?.textContent === '—' ? '' : (cell?.textContent ?? ''));
    return {
      state: verdict.dataset.state,
      problems: Number(verdict.dataset.problems),
      title: document.getElementById('verdict-title')?.textContent ?? '',
      detail: document.getElementById('verdict-detail')?.textContent ?? '',
      tagHash: document.getElementById('tag-hash')?.dataset.hash ?? '',
      tagHashText: document.getElementById('tag-hash')?.textContent ?? '',
      others: document.getElementById('others')?.textContent ?? '',
      caseInfo: document.getElementById('case')?.textContent ?? '',
      rows: [...document.querySelectorAll<HTMLTableRowElement>('tr[data-path]')].map(
        (tr): Row => ({ path: tr.dataset.path ?? '', group: tr.dataset.group ?? '', status: tr.dataset.status ?? '', expected: hashOf(tr.cells[2]), actual: hashOf(tr.cells[3]) }),
      ),
    };
  });
}

const statusOf = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.path, r.status]));

describe('the offline verification page on an evidence disc', () => {
  it('checks every file of a disc in the browser, offline, and shows the tag manifest hash the paper carries', async () => {
    const { disc, bag } = await evidenceDisc();
    const { page, requests, complaints } = await open(disc);
    const seen = await verify(page, disc);

    expect(seen.state).toBe('ok');
    expect(seen.title).toBe('全部一致');
    expect(seen.problems).toBe(0);
    const payload = seen.rows.filter((r) => r.group === 'payload');
    expect(payload.map((r) => [r.path, r.status, r.expected, r.actual])).toEqual(bag.files.map((f) => [f.path, 'ok', f.sha256, f.sha256]));
    const tags = seen.rows.filter((r) => r.group === 'tag');
    expect(tags.map((r) => [r.path, r.status, r.actual])).toEqual(TAG_FILES.map((name) => [name, 'ok', sha256(fs.readFileSync(path.join(disc, name)))]));
    expect(seen.rows).toHaveLength(bag.files.length + TAG_FILES.length);
    // Shown in groups of eight to read against the paper, copied as one unbroken value.
    expect(seen.tagHash).toBe(bag.tagmanifestSha256);
    expect(seen.tagHashText).toBe(bag.tagmanifestSha256);
    expect(seen.others).toContain('README.txt');
    expect(seen.others).toContain('verify.html');
    expect(seen.caseInfo).toContain('峡综执罚〔2026〕1号');
    expect(seen.caseInfo).toContain('第 1 张，共 1 张');

    // The value typed from the paper, spaced and in capitals as people copy it, agrees.
    await page.fill('#paper', bag.tagmanifestSha256.toUpperCase().replace(/(.{8})/g, '$1 '));
    expect(await page.textContent('#compare-result')).toContain('一致');
    expect(await page.getAttribute('#compare-result', 'class')).toBe('ok');
    await page.click('#lang');
    expect(await page.textContent('#verdict-title')).toBe('All files match');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // A parent folder of the disc is read the same way: its paths carry one more folder name.
    const again = await open(disc);
    expect((await verify(again.page, path.dirname(disc))).rows).toEqual(seen.rows);

    for (const opened of [{ requests, complaints }, again]) {
      expect(opened.requests.length).toBeGreaterThan(0);
      expect(opened.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
      expect(opened.complaints).toEqual([]);
    }
  }, 60_000);

  it('hashes the same in pieces as WebCrypto does whole, as it must for videos of several GiB', async () => {
    const { disc, bag } = await evidenceDisc();
    const whole = await verify((await open(disc)).page, disc);
    // Every file streamed, in slices of an odd size so 64-byte blocks straddle the reads.
    const streamed = await open(disc, '#stream-above=0&slice=100003');
    const pieces = await verify(streamed.page, disc);
    expect(pieces.state).toBe('ok');
    expect(pieces.rows).toEqual(whole.rows);
    expect(pieces.tagHash).toBe(bag.tagmanifestSha256);
    // And in the 8 MiB slices a disc is read in, each of these files in one.
    expect((await verify((await open(disc, '#stream-above=0')).page, disc)).rows).toEqual(whole.rows);
    expect(streamed.complaints).toEqual([]);
  }, 60_000);

  it('names a changed, a missing and an extra file, and the verdict counts them', async () => {
    const { disc, bag } = await evidenceDisc();
    const { page, complaints } = await open(disc);
    const victim = 'data/集贸市场东门 现场.jpg';
    flipByte(path.join(disc, victim));
    const changed = await verify(page, disc);
    expect(changed.state).toBe('bad');
    expect(changed.problems).toBe(1);
    expect(changed.title).toMatch(/^发现问题[:：]\s*1$/);
    expect(changed.detail).toContain('不一致 1');
    const row = changed.rows.find((r) => r.path === victim);
    expect(row).toMatchObject({ status: 'mismatch', expected: bag.files.find((f) => f.path === victim)?.sha256, actual: sha256(fs.readFileSync(path.join(disc, victim))) });
    expect(changed.rows.filter((r) => r.status !== 'ok').map((r) => r.path)).toEqual([victim]);

    fs.rmSync(writable(path.join(disc, 'data', '现场录音 01.wav')));
    fs.writeFileSync(path.join(disc, 'data', '补充材料.txt'), '后加的文件');
    const more = await verify(page, disc);
    expect(more.problems).toBe(3);
    expect(more.title).toMatch(/^发现问题[:：]\s*3$/);
    expect(statusOf(more.rows)).toMatchObject({ [victim]: 'mismatch', 'data/现场录音 01.wav': 'missing', 'data/补充材料.txt': 'extra', 'bag-info.txt': 'ok' });
    expect(more.rows.filter((r) => r.status === 'ok')).toHaveLength(bag.files.length - 2 + TAG_FILES.length);

    // With "problems only" ticked, the three are all that is listed.
    await page.check('#only-problems');
    expect(await page.locator('tr[data-path]:visible').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-path')))).toEqual([victim, 'data/现场录音 01.wav', 'data/补充材料.txt']);
    expect(complaints).toEqual([]);
  }, 60_000);

  it('cannot be fooled by rewritten manifests: the tag manifest hash then differs from the paper', async () => {
    const { disc, bag } = await evidenceDisc();
    const victim = 'data/集贸市场东门 现场.jpg';
    flipByte(path.join(disc, victim));
    // What a forger would do: make every manifest agree with the altered file again.
    const rewrite = (name: string, from: string, to: string) => {
      const file = writable(path.join(disc, name));
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
    };
    const manifestBefore = sha256(fs.readFileSync(path.join(disc, 'manifest-sha256.txt')));
    rewrite('manifest-sha256.txt', bag.files.find((f) => f.path === victim)?.sha256 ?? '', sha256(fs.readFileSync(path.join(disc, victim))));
    rewrite('tagmanifest-sha256.txt', manifestBefore, sha256(fs.readFileSync(path.join(disc, 'manifest-sha256.txt'))));

    const { page } = await open(disc);
    const seen = await verify(page, disc);
    expect(seen.state).toBe('ok');
    expect(seen.tagHash).not.toBe(bag.tagmanifestSha256);
    await page.fill('#paper', bag.tagmanifestSha256);
    expect(await page.getAttribute('#compare-result', 'class')).toBe('bad');
    expect(await page.textContent('#compare-result')).toContain('不一致');

    // Rewriting only the manifest is caught by the tag manifest, which still agrees with the paper.
    const { disc: other, bag: otherBag } = await evidenceDisc();
    const manifest = writable(path.join(other, 'manifest-sha256.txt'));
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/^[0-9a-f]/, (c) => (c === '0' ? '1' : '0')));
    const half = await verify((await open(other)).page, other);
    expect(half.state).toBe('bad');
    expect(statusOf(half.rows)).toMatchObject({ 'manifest-sha256.txt': 'mismatch', [otherBag.files[0]?.path ?? '']: 'mismatch' });
    expect(half.tagHash).toBe(otherBag.tagmanifestSha256);
  }, 90_000);

  it('says plainly when what was picked is not a disc', async () => {
    const { disc } = await evidenceDisc();
    const { page, complaints } = await open(disc);
    const seen = await verify(page, path.join(disc, 'data'));
    expect(seen.state).toBe('error');
    expect(seen.title).toBe('无法核验');
    expect(seen.detail).toContain('请选择光盘的根目录');
    expect(seen.rows).toEqual([]);
    expect(complaints).toEqual([]);
  }, 60_000);
});
