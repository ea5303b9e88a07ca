import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { make } from '../support/media.js';
import { KEEPER, callAsKeeper, expect, fileEvidenceCase, records, setUpAndSignIn, shot, test } from './fixtures.js';

const CASE_NO = '峡综执罚〔2026〕12号';
/** The pseudo-drive the bridge offers: a file xorriso burns to as if it were a blank disc. */
const BURN_FILE = path.join(os.tmpdir(), `rr-e2e-burn-${process.pid}.iso`);
test.use({ bridgeEnv: { RECORDS_BURN_DRIVE: `stdio:${BURN_FILE}` } });

/**
 * Two officers, four clips (one whose name says nothing about who filmed it), and a case with all
 * four linked as evidence with their written description: what a disc is made from.
 */
function officeWithEvidence(dataDir: string, camera: string): { caseId: number } {
  for (const [user, name, no] of [['li', '李建国', '000123'], ['zhang', '张伟', '000456']] as const) {
    records(dataDir, ['user', 'add', user, '--role', 'officer', '--name', name, '--officer-no', no], { RECORDS_NEW_PASSWORD: 'Officer2026' });
  }
  // Different lengths, so no two clips are the same bytes (the archive keeps one copy of each).
  for (let i = 1; i <= 3; i++) make.h264(path.join(camera, `T001_000123_2026112009${i}000_000${i}.MP4`), i);
  make.h264(path.join(camera, '现场补拍.MP4'), 4);
  records(dataDir, ['import', camera]);
  return fileEvidenceCase(dataDir, CASE_NO, '当事人在人行道摆摊经营，执法人员告知并劝离');
}

async function chooseCase(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type('王某某');
  await page.locator('.ant-select-item-option', { hasText: '占道经营' }).click();
}

test('an evidence disc is planned, a blocked record fixed in place, built, registered, filed and checked', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-discs-'));
  try {
    await setUpAndSignIn(page, bridge);
    officeWithEvidence(bridge.dataDir, camera);

    await page.getByRole('menuitem', { name: '刻录光盘' }).click();
    await expect(page.getByTestId('disc-register')).toContainText('还没有制作过证据光盘');
    await page.getByTestId('new-disc-button').click();
    await chooseCase(page, 'disc-case');

    // The clip whose name names no officer is blocked, said in words, with the fix beside it.
    const blocked = page.getByTestId('plan-blocked');
    await expect(blocked).toContainText('1 条证据暂不能写入光盘');
    await expect(blocked.getByRole('row', { name: /现场补拍\.MP4/ })).toContainText('未确定执法人员');
    await expect(page.getByTestId('plan-disc-1')).toContainText('第 1 张 / 共 1 张');
    await expect(page.getByTestId('disc-build')).toBeDisabled();
    await shot(page, '40-disc-plan-blocked');

    await blocked.getByTestId('fix-officer').click();
    const assign = page.getByRole('dialog', { name: /指定执法人员/ });
    await assign.getByRole('combobox').click();
    await page.locator('.ant-select-item-option', { hasText: '张伟' }).click();
    await assign.getByRole('button', { name: '保存' }).click();
    await expect(blocked).toBeHidden();
    const disc1 = page.getByTestId('plan-disc-1');
    await expect(disc1.locator('tbody tr.ant-table-row')).toHaveCount(4);
    await expect(disc1).toContainText('2026-11-20 09:10:00');
    await expect(page.getByTestId('plan-summary')).toContainText('共需 1 张 DVD 4.7 GB，放入 4 条证据');

    // Leaving a record out and putting it back re-plans each time.
    await disc1.getByRole('row', { name: /_0003\.MP4/ }).getByRole('button', { name: '移出' }).click();
    await expect(page.getByTestId('plan-summary')).toContainText('放入 3 条证据');
    await expect(page.getByTestId('plan-excluded')).toContainText('T001_000123_20261120093000_0003.MP4');
    await page.getByTestId('plan-excluded').getByRole('button', { name: '放回' }).click();
    await expect(page.getByTestId('plan-summary')).toContainText('放入 4 条证据');
    await page.getByTestId('disc-medium').getByText('CD 700 MB').click();
    await expect(page.getByTestId('plan-summary')).toContainText('共需 1 张 CD 700 MB');
    await expect(page.getByTestId('disc-outdir')).toHaveAttribute('placeholder', path.join(bridge.dataDir, 'disc-images'));
    await shot(page, '41-disc-plan');

    await page.getByTestId('disc-build').click();
    const built = page.getByTestId('built-discs');
    await expect(built).toContainText('已制作 1 张光盘镜像并登记', { timeout: 30_000 });
    await expect(built).toContainText('第 1/1 张');
    const number = (await built.locator('tbody tr.ant-table-row td').nth(0).innerText()).trim();
    expect(number).not.toBe('');
    await shot(page, '42-disc-built');

    // The register has it, as an image not yet burned, not yet filed.
    await page.getByRole('button', { name: '返回登记簿' }).click();
    const register = page.getByTestId('disc-register');
    const row = register.getByRole('row', { name: new RegExp(number) });
    await expect(row).toContainText(CASE_NO);
    await expect(row).toContainText('已制作镜像，未刻录');
    await expect(row).toContainText('未登记');
    await row.getByText(CASE_NO).click();
    const detail = page.getByTestId('disc-detail');
    await expect(detail.getByTestId('disc-files')).toContainText('T001_000123_20261120091000_0001.MP4');
    await expect(detail.getByTestId('disc-image-path')).toContainText(path.join(bridge.dataDir, 'disc-images'));
    await expect(detail).toContainText('镜像文件在');

    await detail.getByTestId('disc-locate').click();
    const locate = page.getByRole('dialog', { name: /存放位置/ });
    await locate.getByRole('button', { name: '保存' }).click();
    await expect(locate.getByText('请填写存放位置')).toBeVisible();
    await locate.getByTestId('disc-location').locator('input').fill('案卷 峡综执罚〔2026〕12号 内；档案柜 A-03 第 2 层');
    await locate.getByRole('button', { name: '保存' }).click();
    await expect(detail.getByTestId('disc-facts')).toContainText('档案柜 A-03 第 2 层');

    // A health check of the image itself: intact, and written into the disc's history.
    await detail.getByTestId('disc-check').click();
    const check = page.getByTestId('check-dialog');
    await expect(check.getByTestId('check-path')).toHaveValue(/\.iso$/);
    await check.getByTestId('check-start').click();
    await expect(check.getByTestId('check-result')).toContainText(`光盘 ${number}（案件 ${CASE_NO}）完好：4 个文件与登记一致`, { timeout: 30_000 });
    await shot(page, '43-disc-check');
    await check.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect(detail.getByTestId('disc-checks')).toContainText('光盘检查');
    await shot(page, '44-disc-detail');

    // A disc this office never made is "unknown", not fine.
    const stranger = path.join(camera, 'stranger');
    fs.mkdirSync(stranger);
    fs.writeFileSync(path.join(stranger, 'readme.txt'), 'not ours');
    await detail.getByTestId('disc-check').click();
    await check.getByTestId('check-path').fill(stranger);
    await check.getByTestId('check-start').click();
    await expect(check.getByTestId('check-result')).toContainText('这张光盘不在本档案室的登记簿中');
    await check.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

    // A replacement needs its reason, and names the disc it replaces.
    await detail.getByTestId('disc-rebuild').click();
    const rebuild = page.getByTestId('rebuild-dialog');
    await rebuild.getByRole('button', { name: '开始制作' }).click();
    await expect(rebuild.getByText('请填写重新制作的原因')).toBeVisible();
    await rebuild.getByTestId('rebuild-reason').fill('原光盘在借阅中损坏，无法读取');
    await rebuild.getByRole('button', { name: '开始制作' }).click();
    await expect(rebuild.getByTestId('built-discs')).toContainText('已制作 1 张光盘镜像并登记', { timeout: 30_000 });
    await rebuild.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await page.keyboard.press('Escape');
    await expect(register.locator('tbody tr.ant-table-row')).toHaveCount(2);
    await expect(register).toContainText(`替代 ${number}`);
    await shot(page, '45-disc-register');

    // The audit log says it in sentences.
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    const audit = page.getByTestId('audit-table');
    await expect(audit.getByText(`${KEEPER.name} 登记光盘 ${number} 存放于“案卷 峡综执罚〔2026〕12号 内；档案柜 A-03 第 2 层”`, { exact: false })).toBeVisible();
    await expect(audit.getByText(`${KEEPER.name} 检查光盘 ${number}`, { exact: false })).toBeVisible();
    await expect(audit.getByText(`替代光盘 ${number}，原因：原光盘在借阅中损坏，无法读取`, { exact: false })).toBeVisible();
    await expect(audit).not.toContainText('disc:');
    await shot(page, '46-disc-audit');

    // The case shows its discs, and starts a new one with itself chosen.
    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByTestId('cases-table').getByText('占道经营').click();
    const caseDiscs = page.getByTestId('case-discs');
    await expect(caseDiscs).toContainText('证据光盘（2）');
    await expect(caseDiscs).toContainText('档案柜 A-03');
    await caseDiscs.scrollIntoViewIfNeeded();
    await shot(page, '47-case-discs');
    await caseDiscs.getByTestId('case-new-disc').click();
    await expect(page.getByTestId('new-disc')).toBeVisible();
    await expect(page.getByTestId('disc-case')).toContainText(CASE_NO);
    await expect(page.getByTestId('plan-summary')).toContainText('放入 4 条证据');
    await expect(page.getByTestId('plan-existing')).toContainText('这个案件已有 2 张证据光盘');
    await expect(page.getByTestId('plan-existing')).toContainText(number);

    // The plan and the register in English.
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByTestId('plan-summary')).toContainText('1 × DVD 4.7 GB for 4 evidence record(s)');
    await shot(page, '41-disc-plan-en');
    await page.getByRole('button', { name: 'Back to the register' }).click();
    await expect(register).toContainText('Image built, not burned');
    await shot(page, '45-disc-register-en');
    await register.getByRole('row', { name: new RegExp(`replaces ${number}`) }).getByText(CASE_NO).click();
    await expect(detail).toContainText('Replaces');
    await shot(page, '44-disc-detail-en');
    await page.keyboard.press('Escape');
    await page.getByText('简体中文', { exact: true }).click();
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});

// No optical drive here: the bridge offers BURN_FILE as a pseudo-drive (RECORDS_BURN_DRIVE above),
// burned with the commands a real drive gets, and serves the labels at /documents/.
test('a built disc is burned to a blank, read back, shown burned in the register, and its labels printed', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-discs-'));
  const images = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-images-'));
  fs.rmSync(BURN_FILE, { force: true });
  try {
    await setUpAndSignIn(page, bridge);
    const { caseId } = officeWithEvidence(bridge.dataDir, camera);
    const unassigned = callAsKeeper<{ records: { id: number; originalName: string }[] }>(bridge.dataDir, 'records.list', {}).records.find((r) => r.originalName === '现场补拍.MP4');
    const accounts = callAsKeeper<{ id: number; username: string }[]>(bridge.dataDir, 'accounts.list', {});
    callAsKeeper(bridge.dataDir, 'records.assignOfficer', { recordId: unassigned?.id, officerId: accounts.find((a) => a.username === 'zhang')?.id });
    records(bridge.dataDir, ['disc', 'build', '--case', CASE_NO, '--medium', 'cd', '--out', images]);
    void caseId;

    await page.getByRole('menuitem', { name: '刻录光盘' }).click();
    const register = page.getByTestId('disc-register');
    const row = register.locator('tbody tr.ant-table-row').first();
    await row.getByRole('button', { name: '刻录' }).click();
    const burn = page.getByTestId('burn-dialog');
    const drive = burn.getByTestId('burn-drives').getByRole('radio').first();
    await expect(drive).toContainText('空白盘');
    await drive.click();
    await shot(page, '48-disc-burn-drive');
    await burn.getByTestId('burn-start').click();
    await expect(burn.getByTestId('burn-done')).toContainText('已刻录并回读核验一致', { timeout: 60_000 });
    await shot(page, '48-disc-burned');
    await burn.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect(row).toContainText('已刻录并回读核验');

    // The burned disc reads back intact in a health check of the pseudo-drive too.
    await page.getByTestId('open-check').click();
    const check = page.getByTestId('check-dialog');
    await check.getByTestId('check-path').fill(`stdio:${BURN_FILE}`);
    await check.getByTestId('check-start').click();
    await expect(check.getByTestId('check-result')).toContainText('完好', { timeout: 30_000 });
    await check.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

    await row.getByRole('checkbox').check();
    await page.getByTestId('print-labels').click();
    const labels = page.getByTestId('labels-result');
    await expect(labels.getByTestId('labels-path')).toContainText('.pdf');
    const href = await labels.getByTestId('labels-open').getAttribute('href');
    expect(href).toMatch(/^\/documents\//);
    const pdf = await page.request.get(`${bridge.origin}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await shot(page, '49-disc-labels');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
    fs.rmSync(images, { recursive: true, force: true });
    fs.rmSync(BURN_FILE, { force: true });
  }
});
