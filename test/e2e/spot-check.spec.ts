import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { make } from '../support/media.js';
import { officeTime } from '../../shared/rules/office-time.js';
import { previousMonth } from '../../shared/rules/ledger-period.js';
import { addUsers, callAsKeeper, expect, fileEvidenceCase, records, setUpAndSignIn, shot, signIn, test } from './fixtures.js';

const PASSWORD = 'Officer2026';

/** Two officers, a county supervisor, a case with its evidence, and six cases that closed in November: the ledger to draw from. */
function office(dataDir: string, camera: string): void {
  addUsers(dataDir, [
    ['li', '李建国', 'officer', '000123'],
    ['zhang', '张伟', 'officer', '000456'],
    ['county', '县局周某', 'supervisor', ''],
  ] as const, PASSWORD);
  make.wav(path.join(camera, 'T001_000123_20261120093000_0001.WAV'), 1);
  records(dataDir, ['import', camera]);
  const { caseId } = fileEvidenceCase(dataDir, '峡综执罚〔2026〕12号');
  const handlers = callAsKeeper<{ id: number; username: string }[]>(dataDir, 'accounts.list', {}).filter((a) => a.username === 'li' || a.username === 'zhang').map((a) => a.id);
  const evidence = callAsKeeper<{ caseNo: string; parties: unknown; kind: string; cause: string; version: number }>(dataDir, 'cases.get', { id: caseId });
  callAsKeeper(dataDir, 'cases.update', { id: caseId, version: evidence.version, fields: { caseNo: evidence.caseNo, kind: 'penalty', cause: evidence.cause, parties: evidence.parties, handlerIds: handlers, filedOn: '2026-11-20', decidedOn: '2026-11-21', closedOn: '2026-11-22', archivedOn: null, status: 'closed' } });
  for (let n = 30; n < 35; n++) {
    callAsKeeper(dataDir, 'cases.create', {
      fields: { caseNo: `峡综执罚〔2026〕${n}号`, kind: 'penalty', cause: `违规搭建 ${n}`, parties: [{ kind: 'person', name: '李某' }], handlerIds: handlers, filedOn: '2026-10-10', decidedOn: null, closedOn: `2026-11-${n - 20}`, archivedOn: null, status: 'closed' },
    });
  }
}

/** Draws from November's ledger in the dialog, with a seed or (empty) a new one; returns the case numbers drawn, in order. */
async function draw(page: Page, seed: string): Promise<string[]> {
  const checks = await page.getByTestId('spot-list').locator('tbody tr.ant-table-row').count();
  await page.getByTestId('spot-new').click();
  const dialog = page.getByTestId('draw-dialog');
  await dialog.getByPlaceholder('开始日期').fill('2026-11-01');
  await dialog.getByPlaceholder('开始日期').press('Enter');
  await dialog.getByPlaceholder('结束日期').fill('2026-11-30');
  await dialog.getByPlaceholder('结束日期').press('Enter');
  await dialog.getByTestId('draw-size').fill('3');
  await dialog.getByTestId('draw-seed').fill(seed);
  await dialog.getByRole('button', { name: '抽取' }).click();
  await expect(dialog).toBeHidden();
  // The new check's own rows, not the previous check's still on screen while the page turns to it.
  await expect(page.getByTestId('spot-detail')).toContainText(`C${String(checks + 1).padStart(4, '0')}`);
  const rows = page.getByTestId('drawn-cases').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  let drawn: string[] = [];
  await expect.poll(async () => (drawn = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''))).filter(Boolean).length).toBe(3);
  return drawn;
}

test('the supervisor draws a sample from the ledger, records a finding, and draws it again from its seed', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(180_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-spot-'));
  try {
    await setUpAndSignIn(page, bridge);
    office(bridge.dataDir, camera);
    await signIn(page, 'county');
    await page.getByRole('menuitem', { name: '抽查' }).click();
    await expect(page.getByTestId('spot-list')).toContainText('还没有抽查记录');

    // A seed that is not a number is refused in the dialog, before anything is drawn.
    await page.getByTestId('spot-new').click();
    await page.getByTestId('draw-seed').fill('abc');
    await page.getByTestId('draw-dialog').getByRole('button', { name: '抽取' }).click();
    await expect(page.getByTestId('draw-dialog')).toContainText('随机种子是 0 到 4294967295 之间的整数');
    // The period starts as last month, as the ledgers are reported.
    const last = previousMonth(officeTime(new Date(), 'Asia/Shanghai').slice(0, 10));
    await expect(page.getByTestId('draw-dialog').getByPlaceholder('开始日期')).toHaveValue(last.from);
    await expect(page.getByTestId('draw-dialog').getByPlaceholder('结束日期')).toHaveValue(last.to);
    await page.getByTestId('draw-dialog').getByRole('button', { name: '取消' }).click();

    const first = await draw(page, '');
    const detail = page.getByTestId('spot-detail');
    await expect(detail).toContainText('3 件 / 6 件');
    const seed = (await detail.getByTestId('spot-seed').textContent()) ?? '';
    expect(seed).toMatch(/^\d+$/);

    // The first drawn case read through, read-only: its evidence, its viewings, no edit buttons; a finding recorded.
    await detail.getByTestId('drawn-read').first().click();
    const kase = page.getByTestId('case-detail');
    await expect(kase.getByTestId('case-links')).toBeVisible();
    await expect(kase.getByTestId('case-viewings')).toBeVisible();
    await expect(kase.getByRole('button', { name: '编辑' })).toHaveCount(0);
    await expect(kase.getByTestId('edit-facts')).toHaveCount(0);
    await kase.getByTestId('drawn-add-finding').click();
    const finding = page.getByTestId('finding-dialog');
    await finding.getByRole('button', { name: '记录' }).click();
    await expect(finding).toContainText('请填写抽查意见');
    await finding.getByText('有问题').click();
    await finding.getByTestId('finding-text').fill('结案报告缺负责人签字');
    await finding.getByRole('button', { name: '记录' }).click();
    await expect(finding).toBeHidden();
    await expect(kase.getByTestId('drawn-findings')).toContainText('结案报告缺负责人签字');
    await shot(page, '70-spot-check-case');
    await page.keyboard.press('Escape');
    await expect(detail.getByTestId('drawn-cases').locator('tbody tr.ant-table-row').first()).toContainText('有问题');
    await shot(page, '70-spot-check');

    // Anyone repeats the draw from its seed: the same period and size with the kept seed draws the same cases, in order.
    const again = await draw(page, seed);
    expect(again).toEqual(first);
    await expect(page.getByTestId('spot-list').locator('tbody tr')).toHaveCount(2);

    // The report prints; the check closes and takes no more findings.
    await detail.getByTestId('spot-report').click();
    await expect(page.getByTestId('spot-report-result')).toContainText('.pdf');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('spot-report-result')).toBeHidden();
    await detail.getByTestId('spot-close').click();
    await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).click();
    await expect(detail).toContainText('结束');
    await expect(detail.getByTestId('drawn-finding')).toHaveCount(0);

    await page.getByText('English', { exact: true }).click();
    await page.getByTestId('spot-list').locator('tbody tr').last().click();
    await expect(page.getByTestId('spot-detail')).toContainText('Problem found');
    await shot(page, '70-spot-check-en');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
