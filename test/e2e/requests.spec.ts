import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { make } from '../support/media.js';
import { KEEPER, SHOTS, callAsKeeper, expect, fileEvidenceCase, records, setUpAndSignIn, shot, signIn, test } from './fixtures.js';

const CASE_NO = '峡综执罚〔2026〕12号';
const PASSWORD = 'Officer2026';

/**
 * Two officers who handle a case with three clips of li's as evidence, an officer (王强) who does
 * not, and both leaders: the office a request to view is made in.
 */
function office(dataDir: string, camera: string): void {
  for (const [user, name, role, no] of [
    ['li', '李建国', 'officer', '000123'],
    ['zhang', '张伟', 'officer', '000456'],
    ['wang', '王强', 'officer', '000789'],
    ['liu', '刘分管', 'responsible_leader', ''],
    ['sun', '孙主要', 'principal_leader', ''],
  ] as const) {
    records(dataDir, ['user', 'add', user, '--role', role, '--name', name, ...(no ? ['--officer-no', no] : [])], { RECORDS_NEW_PASSWORD: PASSWORD });
  }
  // Different lengths, so no two clips are the same bytes.
  for (let i = 1; i <= 3; i++) make.h264(path.join(camera, `T001_000123_2026112009${i}000_000${i}.MP4`), i + 1);
  records(dataDir, ['import', camera]);
  fileEvidenceCase(dataDir, CASE_NO);
}

/** A contract method through the CLI as another account (set-up the test is not about). */
function callAs<T>(dataDir: string, username: string, method: string, input: unknown): T {
  const out = execFileSync(process.execPath, ['bin/records.mjs', '--data', dataDir, '--user', username, 'call', method, JSON.stringify(input)], {
    env: { ...process.env, RECORDS_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
}


const openRequest = async (page: Page, number: string) => {
  await page.getByTestId('request-table').getByRole('row', { name: new RegExp(number) }).getByText(number).click();
  return page.getByTestId('request-detail');
};

test('an officer asks to view, the responsible leader narrows and approves, the officer plays the clip; a rejection says why', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(180_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-requests-'));
  try {
    await setUpAndSignIn(page, bridge);
    office(bridge.dataDir, camera);
    const now = Date.now();
    // An earlier request of wang's, for the whole case (the leader will reject it).
    const caseId = callAs<{ id: number }>(bridge.dataDir, 'wang', 'requests.findCase', { caseNo: CASE_NO }).id;
    const earlier = callAs<{ number: string }>(bridge.dataDir, 'wang', 'requests.create', {
      kind: 'officer_view',
      caseId,
      items: [{ kind: 'case', id: caseId }],
      purpose: '了解情况',
      content: '全部录像',
      window: { from: new Date(now).toISOString(), to: new Date(now + 2 * 3_600_000).toISOString() },
    }).number;

    // wang handles nothing here: the library has none of the case's clips for him.
    await signIn(page, 'wang');
    await page.getByRole('menuitem', { name: '资料库' }).click();
    await expect(page.getByTestId('library-total')).toContainText('共 0 条');
    await expect(page.getByTestId('library-table')).not.toContainText('0001.MP4');

    // He names the case by its number and asks for it whole: a case he doesn't handle tells him its
    // size before an approval, not its recordings' names.
    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    await expect(page.getByTestId('request-table')).toContainText(earlier);
    await page.getByTestId('new-request').click();
    const dialog = page.getByTestId('request-dialog');
    const caseNo = dialog.getByTestId('request-case-no').locator('input');
    await caseNo.fill('峡综执罚〔2026〕99号');
    await caseNo.press('Enter');
    await expect(dialog.getByText('没有案号为“峡综执罚〔2026〕99号”的案件')).toBeVisible();
    await caseNo.fill('峡综执罚[2026]12号');
    await dialog.getByRole('button', { name: '查找' }).click();
    await expect(dialog.getByRole('radio', { name: `整个案件（${CASE_NO}，3 条记录）` })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: '选定的记录' })).toHaveCount(0);
    await expect(dialog).not.toContainText('0001.MP4');
    await dialog.getByTestId('request-purpose').fill('办理关联案件，需要核对当事人在现场的陈述');
    await dialog.getByTestId('request-content').fill('2026-11-20 上午集贸市场东门的现场录像');
    await shot(page, '50-requests-new-officer');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    const detail = page.getByTestId('request-detail');
    await expect(detail.getByTestId('request-facts')).toContainText('待审批');
    await expect(detail).toContainText('申请已提交，等待分管领导审批');
    await expect(detail.getByTestId('request-facts')).toContainText(CASE_NO);
    await expect(detail.getByTestId('request-facts')).not.toContainText('0002.MP4');
    const number = (await detail.getByTestId('request-facts').locator('strong').first().innerText()).trim();
    expect(number).toMatch(/^\d{4}-S\d{4}$/);
    await shot(page, '50-requests-officer-pending');
    await page.keyboard.press('Escape');

    // His home page says how his requests stand.
    await page.getByRole('menuitem', { name: '首页' }).click();
    await expect(page.getByTestId('my-requests')).toContainText(number);
    await expect(page.getByTestId('my-requests')).toContainText('待审批');
    await shot(page, '50-requests-officer-home');

    // The responsible leader lands on what waits for him: on his home page, and in 查阅借阅.
    await signIn(page, 'liu', PASSWORD);
    await expect(page.getByTestId('pending-approvals')).toContainText(number);
    await expect(page.getByTestId('pending-approvals')).toContainText(earlier);
    await shot(page, '50-requests-leader-home');
    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    const table = page.getByTestId('request-table');
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(2);
    await expect(table.getByRole('row', { name: new RegExp(number) })).toContainText('王强');
    await expect(table.getByRole('row', { name: new RegExp(number) })).toContainText('分管领导');
    await shot(page, '50-requests-leader-queue');

    // The same in English: the list and the decide dialog.
    await page.getByText('English', { exact: true }).click();
    await expect(table.getByRole('columnheader', { name: 'Request no.' })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(number) })).toContainText('Officer viewing');
    await shot(page, '50-requests-list-en');
    await (await openRequest(page, number)).getByTestId('request-decide').click();
    const decide = page.getByTestId('decide-dialog');
    await expect(decide).toContainText('Items approved');
    await shot(page, '50-requests-decide-en');
    await decide.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('简体中文', { exact: true }).click();

    // He approves one of the case's three clips, for the period asked.
    await (await openRequest(page, number)).getByTestId('request-decide').click();
    await expect(decide).toContainText('办理关联案件，需要核对当事人在现场的陈述');
    await decide.getByRole('checkbox', { name: /_0002\.MP4/ }).uncheck();
    await decide.getByRole('checkbox', { name: /_0003\.MP4/ }).uncheck();
    await shot(page, '50-requests-decide');
    await decide.getByRole('button', { name: '批准', exact: true }).click();
    const decision = detail.getByTestId('request-decision');
    await expect(decision).toContainText('只批准了申请的一部分（1 项）');
    await expect(decision).toContainText('0001.MP4');
    await expect(detail.getByTestId('request-facts')).toContainText('可查看 1 条记录');
    await expect(decision).toContainText('刘分管');
    await expect(decision).toContainText('审批时的审计日志链头');
    await shot(page, '50-requests-approved');
    await page.keyboard.press('Escape');

    // The earlier one he rejects, and a rejection needs its reason.
    await (await openRequest(page, earlier)).getByTestId('request-decide').click();
    await decide.getByTestId('decide-outcome').getByText('不予批准').click();
    await decide.getByRole('button', { name: '不予批准', exact: true }).click();
    await expect(decide.getByText('请写明不予批准的理由')).toBeVisible();
    await decide.getByTestId('decide-reason').fill('申请范围过宽，请写明需要核对的录像后重新申请');
    await decide.getByRole('button', { name: '不予批准', exact: true }).click();
    await expect(detail.getByTestId('request-reason')).toHaveText('申请范围过宽，请写明需要核对的录像后重新申请');
    await page.keyboard.press('Escape');
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(0);
    await expect(table).toContainText('没有等待您审批的申请');

    // wang sees both outcomes, the rejection with its reason, and now plays the approved clip.
    await signIn(page, 'wang');
    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    await expect(table.getByRole('row', { name: new RegExp(number) })).toContainText('可查看 1 条记录');
    await expect(table.getByRole('row', { name: new RegExp(earlier) })).toContainText('不予批准');
    await shot(page, '50-requests-officer-list');
    await openRequest(page, earlier);
    await expect(detail.getByTestId('request-reason')).toHaveText('申请范围过宽，请写明需要核对的录像后重新申请');
    await shot(page, '50-requests-rejected');
    await page.keyboard.press('Escape');
    await (await openRequest(page, number)).getByTestId('request-open-library').click();
    const library = page.getByTestId('library-table');
    await expect(page.getByTestId('library-total')).toContainText('共 1 条');
    await expect(library).not.toContainText('_0002.MP4');
    await library.getByRole('row', { name: /_0001\.MP4/ }).getByTestId('play').click();
    const player = page.getByTestId('player');
    await expect(player.getByTestId('watermark')).toContainText(`王强 · ${number}`);
    await expect.poll(() => player.getByTestId('player-media').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.2);
    await shot(page, '50-requests-officer-plays');
    await page.keyboard.press('Escape');

    // The keeper prints the approval form: a PDF the bridge serves to this session.
    await signIn(page, KEEPER.username, KEEPER.password);
    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    await (await openRequest(page, number)).getByTestId('request-print').click();
    const form = page.getByTestId('form-result');
    await expect(form.getByTestId('form-path')).toContainText('.pdf');
    const href = await form.getByTestId('form-open').getAttribute('href');
    expect(href).toMatch(/^\/documents\//);
    const pdf = await page.request.get(`${bridge.origin}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await shot(page, '50-requests-form');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});

test('the keeper registers a party’s request (a non-party is refused in place) and enters a decision signed on paper; the rules say which leader decides', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(120_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-requests-'));
  try {
    await setUpAndSignIn(page, bridge);
    office(bridge.dataDir, camera);
    const scan = path.join(camera, '审批表扫描.jpg');
    make.jpeg(scan);

    // Party viewings go to the principal leader here.
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByRole('tab', { name: '审批规则' }).click();
    const rules = page.getByTestId('approval-rules');
    await expect(rules.locator('tbody tr.ant-table-row')).toHaveCount(5);
    await rules.getByTestId('rule-party_view').click();
    await page.locator('.ant-select-item-option', { hasText: '主要负责人' }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await expect(rules.getByRole('row', { name: /当事人查阅/ })).toContainText('主要负责人');
    await shot(page, '50-requests-rules');

    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    await page.getByTestId('new-request').click();
    const dialog = page.getByTestId('request-dialog');
    await dialog.getByTestId('request-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '当事人查阅' }).click();
    await dialog.getByTestId('request-case').click();
    await page.keyboard.type('王某某');
    await page.locator('.ant-select-item-option', { hasText: '占道经营' }).click();
    await expect(dialog.getByRole('radio', { name: `整个案件（${CASE_NO}，3 条记录）` })).toBeChecked();
    await dialog.getByLabel('姓名').fill('李某');
    await dialog.getByLabel('与案件的关系').fill('本人');
    await dialog.getByTestId('request-purpose').fill('了解处罚依据');
    await dialog.getByTestId('request-content').fill('查看执法现场录像');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await expect(dialog.getByTestId('request-error')).toContainText(`“李某”不是案件 ${CASE_NO} 的当事人`);
    await shot(page, '50-requests-not-a-party');

    // The party chosen from the case fills in what the case knows of them.
    await dialog.getByLabel('姓名').fill('王某');
    await page.locator('.ant-select-item-option', { hasText: '王某某' }).click();
    await expect(dialog.getByLabel('联系方式')).toHaveValue('13800000000');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    const detail = page.getByTestId('request-detail');
    const facts = detail.getByTestId('request-facts');
    await expect(facts).toContainText('当事人查阅');
    await expect(facts).toContainText('主要负责人');
    await expect(facts).toContainText('与案件的关系：本人');

    // The principal leader signed the printed form; the keeper enters it with the scan.
    await detail.getByTestId('request-paper').click();
    const paper = page.getByTestId('paper-dialog');
    await expect(paper.getByTestId('paper-leader')).toContainText('孙主要');
    await paper.getByTestId('paper-scan').fill(scan);
    await shot(page, '50-requests-paper-dialog');
    await paper.getByRole('button', { name: '保存' }).click();
    const decision = detail.getByTestId('request-decision');
    await expect(decision).toContainText('孙主要');
    await expect(decision).toContainText('纸质审批');
    await expect(decision).toContainText(`由 ${KEEPER.name} 录入`);
    await shot(page, '50-requests-paper');
    await page.keyboard.press('Escape');
    const row = page.getByTestId('request-table').locator('tbody tr.ant-table-row').first();
    await expect(row).toContainText('已批准');
    await expect(row).toContainText('纸质审批');
    await shot(page, '50-requests-keeper-list');

    // A case file lent out on an approved loan shows on the dashboard until it comes back.
    const caseId = callAsKeeper<{ id: number }>(bridge.dataDir, 'requests.findCase', { caseNo: CASE_NO }).id;
    const now = Date.now();
    const lend = callAsKeeper<{ id: number }>(bridge.dataDir, 'requests.create', {
      kind: 'lend_item',
      requester: { name: '赵科长', department: '镇司法所' },
      items: [{ kind: 'case', id: caseId }],
      purpose: '行政复议',
      content: '纸质案卷',
      window: { from: new Date(now - 60_000).toISOString(), to: new Date(now + 3 * 86_400_000).toISOString() },
    });
    callAs(bridge.dataDir, 'liu', 'requests.decide', { id: lend.id, outcome: 'approved' });
    // The keeper lends it from the approved request, due on the approval's last day, and is offered the receipt.
    await page.getByRole('menuitem', { name: '首页' }).click();
    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    const lendNumber = callAsKeeper<{ number: string }>(bridge.dataDir, 'requests.get', { id: lend.id }).number;
    await (await openRequest(page, lendNumber)).getByTestId('request-lend').click();
    const lendDialog = page.getByTestId('lend-dialog');
    await expect(lendDialog.getByTestId('lend-item')).toContainText(CASE_NO);
    await shot(page, '51-lend-dialog');
    await lendDialog.getByRole('button', { name: '登记借出' }).click();
    await expect(page.getByTestId('lend-done')).toContainText('已登记借出');
    const due = new Date(now + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.getByTestId('lend-done').getByRole('button', { name: '关闭' }).last().click();
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await expect(page.getByTestId('loans-out')).toContainText(CASE_NO);
    await expect(page.getByTestId('loans-out')).toContainText(`应于 ${due} 归还`);
    await shot(page, '51-dashboard-loans');

    // It comes back through the lending register, with its condition; then nothing is out.
    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    await page.getByRole('tab', { name: '借阅登记' }).click();
    await page.getByTestId('loan-table').getByTestId('loan-return').click();
    const back = page.getByTestId('return-dialog');
    await back.getByRole('button', { name: '登记归还' }).click();
    await expect(back.getByText('请选择归还时的状况')).toBeVisible();
    await back.getByTestId('return-condition').getByText('完好').click();
    await back.getByRole('button', { name: '登记归还' }).click();
    await expect(page.getByTestId('return-done')).toContainText('已登记归还');
    await page.getByTestId('return-done').getByRole('button', { name: '关闭' }).last().click();
    await expect(page.getByTestId('loan-table')).toContainText('完好');
    await shot(page, '51-loan-register');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});

test('the keeper opens a party’s approved viewing: the party plays the approved clip and nothing else, and only the keeper’s password ends it', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(180_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-viewing-'));
  try {
    await setUpAndSignIn(page, bridge);
    office(bridge.dataDir, camera);
    const caseId = callAsKeeper<{ id: number }>(bridge.dataDir, 'requests.findCase', { caseNo: CASE_NO }).id;
    const clips = callAsKeeper<{ records: { id: number; originalName: string }[] }>(bridge.dataDir, 'records.list', { limit: 10 }).records;
    const clip = clips.find((r) => r.originalName.endsWith('_0002.MP4'));
    const now = Date.now();
    // Two approvals for the same party: one sitting each (the second for the English screens).
    const [asked, again] = [1, 2].map(() => {
      const made = callAsKeeper<{ id: number; number: string }>(bridge.dataDir, 'requests.create', {
        kind: 'party_view',
        caseId,
        requester: { name: '王某某', idType: '居民身份证', idNumber: '420500199001011234', relation: '本人', contact: '13800000000' },
        items: [{ kind: 'record', id: clip?.id }],
        purpose: '了解处罚依据',
        content: '查看执法现场录像',
        window: { from: new Date(now - 60_000).toISOString(), to: new Date(now + 2 * 3_600_000).toISOString() },
      });
      callAs(bridge.dataDir, 'liu', 'requests.decide', { id: made.id, outcome: 'approved' });
      return made;
    }) as [{ id: number; number: string }, { id: number; number: string }];

    // The keeper checks the party's ID and starts the viewing; the browser's limits are said plainly.
    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    const detail = await openRequest(page, asked.number);
    await detail.getByTestId('request-open-viewing').click();
    const dialog = page.getByTestId('open-viewing');
    await expect(dialog).toContainText('居民身份证 420500199001011234');
    await expect(dialog.getByTestId('viewer-protections')).toContainText('浏览器无法阻止截屏或录屏');
    await dialog.getByRole('button', { name: '核验完毕，开始查阅' }).click();
    await expect(dialog).toContainText('请先核对查阅人的证件');
    await dialog.getByTestId('id-checked').check();
    // Ticked, the reminder goes (the screenshot caught it on its way out before).
    await expect(dialog).not.toContainText('请先核对查阅人的证件');
    await shot(page, '52-viewing-open');
    await dialog.getByRole('button', { name: '核验完毕，开始查阅' }).click();

    // The party sees the approved clip only, watermarked with their name and the approval number.
    const viewer = page.getByTestId('locked-viewer');
    await expect(viewer).toBeVisible();
    await expect(viewer.getByTestId('viewer-person')).toContainText(`王某某 · 审批编号 ${asked.number}`);
    await expect(viewer.getByTestId('viewer-items').getByRole('menuitem')).toHaveCount(1);
    await expect(viewer.getByTestId('viewer-items')).toContainText('_0002.MP4');
    await expect(viewer.getByTestId('watermark')).toContainText(`王某某 · ${asked.number}`);
    const media = viewer.getByTestId('viewer-media');
    await expect.poll(() => media.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.2);
    await media.evaluate((v: HTMLVideoElement) => v.pause());
    await media.evaluate((v: HTMLVideoElement) => (v.currentTime = 0.5));
    await shot(page, '52-viewing-party');

    // Whatever the page tries, the core answers this session as a viewer only.
    const tries = await page.evaluate(async () => {
      const token = sessionStorage.getItem('rr.session');
      const ask = async (method: string, input: unknown) => {
        const res = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input, token }) });
        const body = (await res.json()) as { ok: boolean; error?: { code: string } };
        return body.ok ? 'ok' : body.error?.code;
      };
      return [await ask('records.list', { limit: 5 }), await ask('records.play', { recordId: 1 }), await ask('auth.logout', {})];
    });
    expect(tries).toEqual(['SESSION_LOCKED', 'SESSION_LOCKED', 'SESSION_LOCKED']);
    // Reloading or going to another screen brings back the viewer.
    page.once('dialog', (d) => void d.accept());
    await page.goto(`${bridge.origin}/#/library`);
    await expect(page.getByTestId('locked-viewer')).toBeVisible();
    await expect(page.getByTestId('library-table')).toHaveCount(0);

    // Leaving takes the keeper's password; a wrong one is refused.
    await page.getByTestId('viewer-end').click();
    const unlock = page.getByTestId('viewer-unlock');
    await unlock.getByTestId('viewer-password').fill('Guess2026');
    await unlock.getByRole('button', { name: '结束并退出' }).click();
    await expect(unlock.getByRole('alert')).toBeVisible();
    await shot(page, '52-viewing-unlock');
    await unlock.getByTestId('viewer-password').fill(KEEPER.password);
    await unlock.getByRole('button', { name: '结束并退出' }).click();
    await expect(page.getByTestId('office-name')).toBeVisible();

    // The viewing register has the sitting and every step in it, and exports it.
    await page.getByRole('menuitem', { name: '查阅借阅' }).click();
    await page.getByRole('tab', { name: '查阅登记' }).click();
    const register = page.getByTestId('viewing-table');
    await expect(register.getByRole('row', { name: /王某某/ })).toContainText(asked.number);
    await register.getByRole('row', { name: /王某某/ }).getByText('王某某').first().click();
    const sitting = page.getByTestId('viewing-detail');
    await expect(sitting.getByTestId('viewing-facts')).toContainText('420500199001011234');
    await expect(sitting.getByTestId('viewing-item')).toContainText('_0002.MP4');
    await expect(sitting.getByTestId('viewing-item')).toContainText(/暂停/);
    await shot(page, '52-viewing-register');
    await page.keyboard.press('Escape');
    await page.getByTestId('viewings-export').click();
    const sheetHref = await page.getByTestId('viewings-document-result').getByTestId('viewings-document-open').getAttribute('href');
    const sheet = await page.request.get(`${bridge.origin}${sheetHref}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await sheet.body()) as unknown as ArrayBuffer);
    const cells = book.worksheets[0]?.getSheetValues().flat().map(String).join(' ') ?? '';
    expect(cells).toContain('王某某');
    expect(cells).toContain(asked.number);
    await page.getByTestId('viewings-document-result').getByRole('button', { name: '关闭' }).last().click();
    await page.getByRole('tab', { name: '申请与审批' }).click();
    const [viewing] = callAsKeeper<{ events: { event: string }[] }[]>(bridge.dataDir, 'viewings.list', {});
    expect(viewing?.events.map((e) => e.event)).toEqual(expect.arrayContaining(['play', 'pause', 'seek']));

    // The approval is spent: no second sitting on it.
    const spent = await openRequest(page, asked.number);
    await expect(spent.getByTestId('request-facts')).toContainText('已用完（现场查阅已结束）');
    await expect(spent.getByTestId('request-open-viewing')).toHaveCount(0);

    // The approval form, printed and looked at.
    await spent.getByTestId('request-print').click();
    const href = await page.getByTestId('form-result').getByTestId('form-open').getAttribute('href');
    const pdf = await page.request.get(`${bridge.origin}${href}`);
    const pdfFile = path.join(camera, 'form.pdf');
    fs.writeFileSync(pdfFile, await pdf.body());
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(SHOTS, '52-approval-form')]);
    expect(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })).toContain(asked.number);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // The same viewer in English, opened again inside the approved window.
    await page.getByText('English', { exact: true }).click();
    await (await openRequest(page, again.number)).getByTestId('request-open-viewing').click();
    await page.getByTestId('id-checked').check();
    await shot(page, '53-viewing-open-en');
    await page.getByRole('button', { name: 'ID checked, start viewing' }).click();
    await expect(page.getByTestId('viewer-person')).toContainText(`Viewer: 王某某 · approval ${again.number}`);
    await expect.poll(() => page.getByTestId('viewer-media').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.2);
    await shot(page, '53-viewing-party-en');
    await page.getByTestId('viewer-end').click();
    await page.getByTestId('viewer-password').fill(KEEPER.password);
    await page.getByRole('button', { name: 'End and leave' }).click();
    await expect(page.getByTestId('office-name')).toBeVisible();
    await page.getByRole('tab', { name: 'Viewing register' }).click();
    await expect(page.getByTestId('viewing-table').locator('tbody tr.ant-table-row')).toHaveCount(2);
    await shot(page, '53-viewing-register-en');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
