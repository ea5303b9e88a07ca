import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BagPayload } from '../../../electron/core/discs/bag.js';
import { writeBag, type WrittenBag } from '../../support/bag.js';
import { copyVerifier, discReadme, verifierPath } from '../../../electron/core/discs/disc-readme.js';
import { make } from '../../support/media.js';
import { scratch } from '../../support/test-app.js';

const dir = scratch();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const README = { office: '峡口镇综合行政执法办公室', caseNo: '峡综执罚〔2026〕1号', disc: { index: 1, count: 2 }, builtAt: '2026-12-02 10:30' };
const pwsh = spawnSync('pwsh', ['-Version'], { encoding: 'utf8' }).status === 0;
afterEach(() => {
  delete process.env.RECORDS_RESOURCES;
});

/** A real bag with a Chinese name and a name PowerShell would read as a wildcard, README beside it as on the disc. */
async function bagWithReadme(): Promise<{ root: string; bag: WrittenBag }> {
  const src = dir('rr-readme-src-');
  make.jpeg(path.join(src, '集贸市场东门 现场.jpg'));
  make.wav(path.join(src, '[重点] 现场录音.wav'));
  const payload: BagPayload[] = ['集贸市场东门 现场.jpg', '[重点] 现场录音.wav'].map((name, i) => ({ recordId: i + 1, source: path.join(src, name), name, sha256: sha256(path.join(src, name)) }));
  const root = dir('rr-readme-bag-');
  const bag = await writeBag(root, payload, { ...README, unitCode: 'XK-01', cause: '占道经营', parties: '王某某', filedOn: null, baggingDate: '2026-12-02' });
  fs.writeFileSync(path.join(root, 'README.txt'), discReadme(README));
  return { root, bag };
}

function flipByte(file: string): void {
  fs.chmodSync(file, 0o644);
  const bytes = fs.readFileSync(file);
  bytes[100] = (bytes[100] ?? 0) ^ 0xff;
  fs.writeFileSync(file, bytes);
}

/** The README's PowerShell line, exactly as a reader would copy it. */
function powershellLine(text: string): string {
  const lines = text.split('\r\n').filter((l) => l.includes('Get-FileHash -Algorithm'));
  expect(new Set(lines).size).toBe(1);
  return (lines[0] as string).trim();
}

describe('the README on an evidence disc', () => {
  it('says what the disc is, what is on it and how to check it, Chinese first, as Notepad reads it', () => {
    const text = discReadme({ ...README, office: '峡口镇综合行政\n执法办公室' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Every line break is CRLF: a bare LF runs lines together in the Notepad of Windows 7 and 8.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(true);

    const lines = text.split('\r\n');
    expect(lines).toContain('单位：      峡口镇综合行政 执法办公室');
    expect(lines).toContain('案件编号：  峡综执罚〔2026〕1号');
    expect(lines).toContain('光盘：      第 1 张，共 2 张');
    expect(lines).toContain('制作时间：  2026-12-02 10:30');
    expect(lines).toContain('Disc:         1 of 2');
    expect(text.indexOf('执法音像证据光盘 说明')).toBeLessThan(text.indexOf('Law-enforcement audio-visual evidence disc'));
    for (const name of ['data\\', 'bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'manifest-sm3.txt', 'tagmanifest-sha256.txt', '文字说明.pdf', 'README.txt', 'verify.html']) {
      expect(lines.filter((l) => l.startsWith(`  ${name} `))).toHaveLength(2);
    }
    expect(text).toContain('certutil -hashfile "data\\文件名" SHA256');
    expect(text).toContain('certutil -hashfile tagmanifest-sha256.txt SHA256');
    expect(text).toContain('纸质文字说明页脚');
    expect(text).toContain('footer of the signed paper description');
  });

  it('gives Linux and macOS commands that pass a real bag, fail it on a changed byte and print the hash the paper carries', async () => {
    const { root, bag } = await bagWithReadme();
    const text = fs.readFileSync(path.join(root, 'README.txt'), 'utf8');
    const commands = [...new Set(text.split('\r\n').flatMap((l) => /\b(?:sha256sum|shasum) [\w .-]+\.txt$/.exec(l) ?? []))];
    expect(commands.sort()).toEqual([
      'sha256sum -c manifest-sha256.txt',
      'sha256sum -c tagmanifest-sha256.txt',
      'sha256sum tagmanifest-sha256.txt',
      'shasum -a 256 -c manifest-sha256.txt',
      'shasum -a 256 -c tagmanifest-sha256.txt',
      'shasum -a 256 tagmanifest-sha256.txt',
    ]);
    const run = (command: string) => {
      const [tool, ...args] = command.split(' ');
      return spawnSync(tool as string, args, { cwd: root, encoding: 'utf8' });
    };
    for (const command of commands) expect(run(command).status, command).toBe(0);
    expect(run('sha256sum tagmanifest-sha256.txt').stdout.split(' ')[0]).toBe(bag.tagmanifestSha256);
    expect(run('shasum -a 256 tagmanifest-sha256.txt').stdout.split(' ')[0]).toBe(bag.tagmanifestSha256);

    flipByte(path.join(root, 'data', '[重点] 现场录音.wav'));
    for (const command of commands.filter((c) => c.endsWith('-c manifest-sha256.txt'))) {
      const failed = run(command);
      expect(failed.status, command).not.toBe(0);
      expect(failed.stdout).toContain('data/[重点] 现场录音.wav: FAILED');
    }
  });

  it('gives one whole PowerShell line that reads the manifest as UTF-8 and takes names literally', () => {
    const line = powershellLine(discReadme(README));
    expect(line).toContain('Get-Content -Encoding UTF8 manifest-sha256.txt');
    expect(line).toContain('-LiteralPath $p');
    expect(line.endsWith('"FAILED: $bad"')).toBe(true);
    const count = (c: string) => line.split(c).length - 1;
    expect(count('{')).toBe(count('}'));
    expect(count('(')).toBe(count(')'));
    expect(count('"') % 2).toBe(0);
    expect(count("'") % 2).toBe(0);
  });

  // Only where PowerShell is installed (not on the Debian test machine); the line is for Windows.
  it.runIf(pwsh)('gives a PowerShell line that checks every file of a real bag', async () => {
    const { root } = await bagWithReadme();
    const line = powershellLine(fs.readFileSync(path.join(root, 'README.txt'), 'utf8'));
    const check = () => execFileSync('pwsh', ['-NoProfile', '-NonInteractive', '-Command', line], { cwd: root, encoding: 'utf8' });
    const good = check();
    expect(good).toContain('OK      data/集贸市场东门 现场.jpg');
    expect(good).toContain('OK      data/[重点] 现场录音.wav');
    expect(good.trim().endsWith('FAILED: 0')).toBe(true);
    flipByte(path.join(root, 'data', '[重点] 现场录音.wav'));
    const bad = check();
    expect(bad).toContain('FAILED  data/[重点] 现场录音.wav');
    expect(bad.trim().endsWith('FAILED: 1')).toBe(true);
  });

  it('puts the verification page beside the bag, from RECORDS_RESOURCES when that is set', () => {
    const checkout = new URL('../../../resources/disc/verify.html', import.meta.url);
    const disc = dir('rr-readme-disc-');
    expect(copyVerifier(disc)).toBe(path.join(disc, 'verify.html'));
    expect(fs.readFileSync(path.join(disc, 'verify.html'))).toEqual(fs.readFileSync(checkout));

    const resources = dir('rr-readme-res-');
    fs.mkdirSync(path.join(resources, 'disc'));
    fs.writeFileSync(path.join(resources, 'disc', 'verify.html'), '<!doctype html><title>installed</title>');
    process.env.RECORDS_RESOURCES = resources;
    expect(verifierPath()).toBe(path.join(resources, 'disc', 'verify.html'));
    copyVerifier(disc);
    expect(fs.readFileSync(path.join(disc, 'verify.html'), 'utf8')).toContain('installed');
  });
});
