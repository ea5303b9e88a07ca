import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface RunningBridge {
  launchUrl: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
}

/**
 * Starts the built browser bridge (dist/electron/bridge.js) on its own data folder; `env` adds
 * to the environment (RECORDS_BURN_DRIVE=stdio:FILE offers a pseudo-drive to burn to).
 */
export async function startBridgeProcess(dataDir: string, extra: string[] = [], env: Record<string, string> = {}): Promise<RunningBridge> {
  const child = spawn(process.execPath, ['dist/electron/bridge.js', '--data', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${out}${err}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /BRIDGE_URL=(\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`bridge exited ${code}: ${out}${err}`)));
  });
  return { launchUrl, origin: new URL(launchUrl).origin, dataDir, process: child };
}

export async function stopBridgeProcess(bridge: RunningBridge): Promise<void> {
  if (bridge.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    bridge.process.once('exit', () => resolve());
    bridge.process.kill('SIGTERM');
  });
}

export const SHOTS = path.join('test-results', 'screenshots');

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
  await expectNoStrayLatin(page, name);
}

/**
 * Latin words a Chinese screen may show: codes, formats and keys people know by these names,
 * units, the language switch, and what the tests themselves name in Latin letters (usernames,
 * camera folders, the default 重点 marks): data, not wording.
 */
const LATIN_ALLOWED = new Set(
  (
    'English SHA PDF Excel WPS Word XLSX DOCX CSV PNG JPG JPEG MP4 WAV AMR AVI HEVC AAC CD DVD DL BD ISO BagIt README ID SM Esc ' +
    'h264 hevc aac mjpeg mp3 pcm B KB MB GB TB KiB MiB GiB TiB ' +
    'keeper li zhang wang liu sun county admin spare stranger DCIM PHOTO loop IMPORTANT KEY IMP store ' +
    // xorriso's words for the tests' pseudo-drive (a file it burns to), and this machine's name.
    `stdio file ${os.hostname()}`
  ).split(' '),
);

/**
 * A Chinese screen says everything in Chinese: a visible Latin-only word outside LATIN_ALLOWED is
 * English or an internal word that leaked (a reason like 'not off-site', a field key like 'text',
 * 'vm (browser)'). File names, paths, hashes, numbers and single letters are not words, so they pass.
 */
async function expectNoStrayLatin(page: Page, name: string): Promise<void> {
  const language = await page.evaluate(() => localStorage.getItem('rr.language') ?? 'zh-CN');
  if (language !== 'zh-CN') return;
  // Text a person sees: text nodes in boxes with a size, not the hidden option lists kept for screen readers.
  const text = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style')) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.opacity !== '0') seen.push(n.textContent ?? '');
    }
    return seen.join(' ');
  });
  const words = text.split(/[\s，。、；：！？（）《》“”‘’【】〔〕·,;!?()[\]{}"<>|…]+/).filter((w) => /^[A-Za-z]{2,}$/.test(w));
  const stray = [...new Set(words.filter((w) => !LATIN_ALLOWED.has(w)))];
  const report = process.env.RR_LATIN_REPORT;
  if (report) fs.appendFileSync(report, `${name}\t${stray.join(' ')}\n`);
  else expect(stray, `Latin words on the Chinese screen ${name}`).toEqual([]);
}

/**
 * Every test gets a fresh data folder and bridge; any request from the page to anywhere but the
 * bridge fails the test — the app must work fully offline.
 */
export const test = base.extend<{ bridgeEnv: Record<string, string>; bridge: RunningBridge; foreignRequests: string[] }>({
  /** Extra environment for the bridge process: `test.use({ bridgeEnv: { … } })`. */
  bridgeEnv: [{}, { option: true }],
  bridge: async ({ bridgeEnv }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-'));
    const bridge = await startBridgeProcess(dataDir, [], bridgeEnv);
    await use(bridge);
    await stopBridgeProcess(bridge);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  foreignRequests: async ({ page, bridge }, use) => {
    const foreign: string[] = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(bridge.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await use(foreign);
    expect(foreign, 'requests that left the bridge').toEqual([]);
  },
});

export { expect };

export const KEEPER = { username: 'keeper', name: '王秀兰', password: 'Archive2026' };

/** First-run setup and sign-in through the UI, for tests about what comes after. */
export async function setUpAndSignIn(page: Page, bridge: RunningBridge): Promise<void> {
  await page.goto(bridge.launchUrl);
  await page.getByLabel('单位名称').fill('峡口镇综合行政执法办公室');
  await page.getByLabel('单位代码').fill('XK-ZF-01');
  await page.getByLabel('用户名').fill(KEEPER.username);
  await page.getByLabel('姓名').fill(KEEPER.name);
  await page.getByLabel('密码', { exact: true }).fill(KEEPER.password);
  await page.getByLabel('确认密码').fill(KEEPER.password);
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByLabel('用户名').fill(KEEPER.username);
  await page.getByLabel('密码').fill(KEEPER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('office-name')).toBeVisible();
}

/** Signs out through the user menu and in again as someone else (officers' test password by default). */
export async function signIn(page: Page, username: string, password = 'Officer2026'): Promise<void> {
  await page.getByTestId('user-menu').hover();
  await page.getByText(/^(退出登录|Sign out)$/).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('office-name')).toBeVisible();
}

/** The CLI shares the running app's folder through SQLite: quick set-up of what a test is not about. */
export function records(dataDir: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(process.execPath, ['bin/records.mjs', '--data', dataDir, '--user', KEEPER.username, ...args], { env: { ...process.env, RECORDS_PASSWORD: KEEPER.password, ...env }, stdio: 'pipe' });
}

/** Accounts added through the CLI, with the officers' test password: [username, name, role, officer number or ''] each. */
export function addUsers(dataDir: string, users: readonly (readonly [string, string, string, string])[], password = 'Officer2026'): void {
  for (const [user, name, role, no] of users) records(dataDir, ['user', 'add', user, '--role', role, '--name', name, ...(no ? ['--officer-no', no] : [])], { RECORDS_NEW_PASSWORD: password });
}

/** One contract method through the CLI as the keeper, its JSON answer parsed: set-up that needs ids back. */
export function callAsKeeper<T>(dataDir: string, method: string, input: unknown): T {
  const out = execFileSync(process.execPath, ['bin/records.mjs', '--data', dataDir, '--user', KEEPER.username, 'call', method, JSON.stringify(input)], {
    env: { ...process.env, RECORDS_PASSWORD: KEEPER.password },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
}

/**
 * Files a case handled by officers li and zhang (who must exist) with every record in the archive
 * linked as its evidence, its written description filled in: the starting point of the disc and
 * request tests.
 */
export function fileEvidenceCase(dataDir: string, caseNo: string, statement = '当事人在人行道摆摊经营'): { caseId: number } {
  const accounts = callAsKeeper<{ id: number; username: string }[]>(dataDir, 'accounts.list', {});
  const kase = callAsKeeper<{ id: number }>(dataDir, 'cases.create', {
    fields: {
      caseNo,
      kind: 'penalty',
      cause: '占道经营',
      parties: [{ kind: 'person', name: '王某某', idType: '居民身份证', idNumber: '', contact: '13800000000' }],
      handlerIds: accounts.filter((a) => a.username === 'li' || a.username === 'zhang').map((a) => a.id),
      filedOn: '2026-11-20',
      decidedOn: null,
      closedOn: null,
      archivedOn: null,
      status: 'open',
    },
  });
  const list = callAsKeeper<{ records: { id: number }[] }>(dataDir, 'records.list', {});
  callAsKeeper(dataDir, 'cases.link', {
    caseId: kase.id,
    recordIds: list.records.map((r) => r.id),
    role: 'evidence',
    facts: { collectors: ['李建国', '张伟'], collectedAt: '2026-11-20T09:30:00', place: '峡口镇集贸市场东门', statement },
  });
  return { caseId: kase.id };
}
