import fs from 'node:fs';
import { previousMonth } from '../../shared/rules/ledger-period.js';
import { officeTime } from '../../shared/rules/office-time.js';
import { callAsKeeper, expect, records, setUpAndSignIn, shot, test } from './fixtures.js';

test('the keeper fills a case’s ledger facts from the ledger, exports it as Excel and Word, and marks it sent; the dashboard reminds until then', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await setUpAndSignIn(page, bridge);
  for (const [user, name] of [['li', '李建国'], ['zhang', '张伟']] as const) records(bridge.dataDir, ['user', 'add', user, '--role', 'officer', '--name', name], { RECORDS_NEW_PASSWORD: 'Officer2026' });
  const accounts = callAsKeeper<{ id: number; username: string }[]>(bridge.dataDir, 'accounts.list', {});
  const handlerIds = accounts.filter((a) => a.username === 'li' || a.username === 'zhang').map((a) => a.id);
  // Last month on the office's calendar is the ledger due now; the case was filed the month before it.
  const last = previousMonth(officeTime(new Date(), 'Asia/Shanghai').slice(0, 10));
  const before = previousMonth(last.from);
  const file = (caseNo: string, cause: string, party: string, closedOn: string | null) =>
    callAsKeeper<{ id: number }>(bridge.dataDir, 'cases.create', {
      fields: { caseNo, kind: 'penalty', cause, parties: [{ kind: 'organisation', name: party }], handlerIds, filedOn: before.from, decidedOn: null, closedOn, archivedOn: null, status: closedOn ? 'closed' : 'open' },
    });
  const late = file('峡综执罚〔2026〕21号', '生产不符合食品安全标准的食品', 'XX食品有限公司', last.to);
  file('峡综执罚〔2026〕22号', '占道经营', '王某某', null);

  // The dashboard reminds of last month's three ledgers.
  const due = page.getByTestId('ledgers-due');
  await expect(due).toContainText(`${last.from.slice(0, 7)} 的案件台账应于本月 1 日报送县司法局`);
  // Due on the 1st, late from the 2nd: which one depends on the day the test runs.
  const notSent = officeTime(new Date(), 'Asia/Shanghai').slice(8, 10) === '01' ? '待报送' : '逾期未报送';
  await expect(due.getByTestId('ledgers-due-penalty')).toContainText(notSent);
  await due.getByTestId('ledgers-due-open').click();

  // Last month's penalty ledger: the case filed the month before and closed last month is on it, with its gaps.
  const ledger = page.getByTestId('ledger-table');
  await expect(page.getByTestId('ledger-title')).toHaveText(/^峡口镇综合行政执法办公室 .*--.* 行政处罚案件台账$/);
  for (const heading of ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注']) {
    await expect(ledger.getByRole('columnheader', { name: heading, exact: true })).toBeVisible();
  }
  const row = ledger.getByRole('row', { name: /峡综执罚〔2026〕21号/ });
  await expect(row).toContainText('XX食品有限公司');
  await expect(row.locator('[data-gap="true"]')).toHaveCount(4);
  await expect(page.getByTestId('ledger-gaps')).toHaveText('4 处待补');
  await expect(page.getByTestId('ledger-waiting')).toContainText('峡综执罚〔2026〕22号');
  await expect(page.getByTestId('ledger-waiting')).toContainText('尚未结案（以结案时间报送）');
  await expect(page.getByTestId('ledger-rule')).toHaveText('报送要求：行政处罚案件以结案时间为标准报送，如：立案时间为9月，但结案时间为10月，该案件以10月份案件报送。');
  await shot(page, '90-ledger-gaps-zh');

  // The case is a click away: its ledger facts are filled in there, and the ledger has no gaps left.
  await page.getByTestId(`ledger-case-${late.id}`).first().click();
  const detail = page.getByTestId('case-detail');
  await expect(detail.getByTestId('ledger-facts')).toContainText('未填写');
  await detail.getByTestId('ledger-facts-edit').click();
  const dialog = page.getByTestId('ledger-facts-dialog');
  await dialog.getByLabel('决定书文号').fill('峡综执罚决〔2026〕21号');
  await dialog.getByLabel('主要违法事实').fill('XX食品有限公司生产不符合食品安全标准的食品');
  await dialog.getByLabel('处罚情况').fill('警告，并处以罚款5000元');
  await dialog.getByLabel('处罚依据').fill('食品安全法第一百二十四条');
  await shot(page, '91-ledger-facts-zh');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('case-history')).toContainText('处罚依据：— → 食品安全法第一百二十四条');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(row).toContainText('警告，并处以罚款5000元');
  await expect(row.locator('[data-gap="true"]')).toHaveCount(0);
  await expect(page.getByTestId('ledger-gaps')).toBeHidden();

  // Exported as Excel and as Word: each a download of the ledger.
  for (const [format, ext] of [['xlsx', '.xlsx'], ['docx', '.docx']] as const) {
    await page.getByTestId(`ledger-export-${format}`).click();
    const result = page.getByTestId('ledger-document-result');
    await expect(result.getByTestId('ledger-document-path')).toContainText(ext);
    const [download] = await Promise.all([page.waitForEvent('download'), result.getByTestId('ledger-document-open').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^ledger-penalty-${last.from}-${last.to}-[0-9a-f]+\\${ext}$`));
    const saved = await download.path();
    expect(fs.statSync(saved).size).toBeGreaterThan(4000);
    await result.getByRole('button', { name: '关闭' }).last().click();
    await expect(result.getByTestId('ledger-document-path')).toBeHidden();
  }

  // Marked sent: said on the ledger, and the dashboard names only the two still due.
  await page.getByTestId('ledger-mark-sent').click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByTestId('ledger-sent')).toContainText(`${'王秀兰'} 于`);
  await expect(page.getByTestId('ledger-mark-sent')).toBeDisabled();
  await shot(page, '92-ledger-sent-zh');
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(due.getByTestId('ledgers-due-penalty')).toContainText('已报送');
  await expect(due.getByTestId('ledgers-due-inspection')).toContainText(notSent);
  await shot(page, '93-ledgers-due-zh');

  // The same in English.
  await page.getByText('English', { exact: true }).click();
  await expect(due).toContainText('Last month’s ledgers are due');
  await shot(page, '94-ledgers-due-en');
  await due.getByTestId('ledgers-due-open').click();
  await page.getByRole('tab', { name: 'Inspection' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText(/行政检查案件台账$/);
  await expect(page.getByTestId('ledger-table').locator('th', { hasText: '整改结果' })).toBeVisible();
  await page.getByRole('tab', { name: 'Penalty' }).click();
  await expect(page.getByTestId('ledger-sent')).toContainText('Marked sent by 王秀兰');
  await shot(page, '95-ledger-en');
});
