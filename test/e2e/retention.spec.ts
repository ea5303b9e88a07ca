import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { make } from '../support/media.js';
import { KEEPER, SHOTS, addUsers, callAsKeeper, expect, records, setUpAndSignIn, shot, signIn, test } from './fixtures.js';

const PASSWORD = 'Officer2026';

/** Recordings of li's from 2022 (long past three years) and from this month, and the responsible leader. */
function office(dataDir: string, camera: string): void {
  addUsers(dataDir, [
    ['li', '李建国', 'officer', '000123'],
    ['liu', '刘分管', 'responsible_leader', ''],
    ['zhou', '周监销', 'officer', '000777'],
  ] as const, PASSWORD);
  make.wav(path.join(camera, 'T001_000123_20220301093000_0001.WAV'), 1);
  make.wav(path.join(camera, 'T001_000123_20220415101500_0002.WAV'), 2);
  make.wav(path.join(camera, 'T001_000123_20261120093000_0003.WAV'), 3);
  records(dataDir, ['import', camera]);
}

test('the keeper reviews what has expired, holds one with a reason, proposes the rest; the responsible leader approves the printed list', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(180_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-retention-'));
  try {
    await setUpAndSignIn(page, bridge);
    office(bridge.dataDir, camera);
    await page.getByRole('menuitem', { name: '保管期限' }).click();
    await expect(page.getByTestId('retention-policy')).toContainText('一般资料 3 年；证据 30 年');
    const review = page.getByTestId('retention-review');
    await expect(review.getByTestId('review-total')).toContainText('已到期且未保全 2 条');
    await expect(review).toContainText('一般资料：自拍摄日 2022-03-01 起保管 3 年');
    await expect(review).toContainText('2025-03-01');
    await expect(review).not.toContainText('_0003.WAV');
    await shot(page, '60-retention-review');

    // One is wanted for a complaint: held with a reason, it leaves the review until the hold is lifted.
    await review.getByRole('row', { name: /_0002\.WAV/ }).getByTestId('review-hold').click();
    const hold = page.getByTestId('hold-dialog');
    await hold.getByRole('button', { name: '设置保全' }).click();
    await expect(hold).toContainText('请填写保全理由');
    await hold.getByTestId('hold-reason').fill('当事人投诉，待复查');
    await hold.getByRole('button', { name: '设置保全' }).click();
    await expect(review.getByTestId('review-total')).toContainText('已到期且未保全 1 条；另有 1 条已到期但被保全');
    await page.getByRole('tab', { name: '保全' }).click();
    await expect(page.getByTestId('holds-table')).toContainText('当事人投诉，待复查');
    await shot(page, '60-retention-holds');

    // The other goes on a destruction list.
    await page.getByRole('tab', { name: '到期审查' }).click();
    await review.getByRole('row', { name: /_0001\.WAV/ }).getByRole('checkbox').check();
    await review.getByTestId('review-propose').click();
    await page.getByTestId('propose-dialog').getByRole('button', { name: '提交审批' }).click();
    const list = page.getByTestId('list-detail');
    await expect(list.getByTestId('list-facts')).toContainText('待审批');
    await expect(list.getByTestId('list-items')).toContainText('_0001.WAV');
    await expect(list).toContainText('等待分管领导审批');
    await shot(page, '60-retention-list-pending');
    await page.keyboard.press('Escape');
    const number = callAsKeeper<{ lists: { number: string }[] }>(bridge.dataDir, 'destruction.list', {}).lists[0]?.number ?? '';

    // The responsible leader approves it, naming a witness, and prints it for signing.
    await signIn(page, 'liu', PASSWORD);
    await page.getByRole('menuitem', { name: '保管期限' }).click();
    await page.getByRole('tab', { name: '销毁清单' }).click();
    await page.getByTestId('list-table').getByText(number).click();
    await list.getByTestId('list-decide').click();
    const decide = page.getByTestId('decide-list-dialog');
    await decide.getByTestId('list-witness').click();
    await page.locator('.ant-select-item-option', { hasText: '周监销' }).click();
    await shot(page, '60-retention-decide');
    await decide.getByRole('button', { name: /^确\s*定$/ }).click();
    await expect(list.getByTestId('list-facts')).toContainText('已批准');
    await expect(list.getByTestId('list-facts')).toContainText('周监销');
    await list.getByTestId('list-print').click();
    const href = await page.getByTestId('list-form-result').getByTestId('list-form-open').getAttribute('href');
    const pdf = await page.request.get(`${bridge.origin}${href}`);
    const pdfFile = path.join(camera, 'list.pdf');
    fs.writeFileSync(pdfFile, await pdf.body());
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(SHOTS, '61-destruction-list')]);
    const text = execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(number);
    expect(text.replace(/\s+/g, '')).toContain('T001_000123_20220301093000_0001.WAV');
    await page.getByTestId('list-form-result').getByRole('button', { name: '关闭' }).last().click();
    await shot(page, '60-retention-list-approved');

    // A run the app was closed in, as the next start leaves it when the rules refuse to finish it.
    const db = new Database(path.join(bridge.dataDir, 'records.db'));
    try {
      db.prepare(
        `INSERT INTO destruction_jobs (list_id, started_at, started_by, workstation, host, pid, finished_at, state)
         SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), proposed_by, 'e2e', 'elsewhere', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'interrupted' FROM destruction_lists WHERE number = ?`,
      ).run(number);
    } finally {
      db.close();
    }

    // The keeper sees the run stopped, and carries the list out: the original goes, the catalogue says under which list.
    await page.keyboard.press('Escape');
    await signIn(page, KEEPER.username, KEEPER.password);
    await page.getByRole('menuitem', { name: '保管期限' }).click();
    await page.getByRole('tab', { name: '销毁清单' }).click();
    await page.getByTestId('list-table').getByText(number).click();
    await expect(list.getByTestId('list-last-run')).toContainText('未完成：已销毁 0 / 1 条');
    await expect(list.getByTestId('list-last-run')).toContainText('执行中程序被关闭或中断');
    await expect(list.getByTestId('list-items').locator('tbody tr.ant-table-row').first()).toContainText('—');
    await shot(page, '60-retention-list-stopped');
    await list.getByTestId('list-execute').click();
    const execute = page.getByTestId('execute-dialog');
    await expect(execute).toContainText('无法恢复');
    await execute.getByRole('button', { name: '确认执行销毁' }).click();
    await expect(execute.getByTestId('execute-result')).toContainText('已销毁 1 条资料');
    await shot(page, '60-retention-executed');
    await execute.getByRole('button', { name: '关闭' }).last().click();
    await expect(list.getByTestId('list-facts')).toContainText('已销毁');
    await expect(list.getByTestId('list-last-run')).toHaveCount(0);
    await expect(list.getByTestId('list-items').locator('tbody tr.ant-table-row').first()).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '资料库' }).click();
    await expect(page.getByTestId('library-table').getByRole('row', { name: /_0001\.WAV/ }).getByTestId('destroyed')).toContainText(`已按清单 ${number} 销毁`);
    await shot(page, '60-library-destroyed');

    // The same page in English.
    await page.getByRole('menuitem', { name: '保管期限' }).click();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: 'Expiry review' }).click();
    await expect(page.getByTestId('review-total')).toContainText('0 expired and not held');
    await page.getByRole('tab', { name: 'Destruction lists' }).click();
    await expect(page.getByTestId('list-table')).toContainText('Destroyed');
    await shot(page, '62-retention-lists-en');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});

test('an office that requires a witness: the keeper enters the leader’s signed list, which is refused without the witness and kept with it', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(180_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-retention-paper-'));
  try {
    await setUpAndSignIn(page, bridge);
    office(bridge.dataDir, camera);
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByRole('tab', { name: '保管期限' }).click();
    const settings = page.getByTestId('retention-settings');
    await settings.getByTestId('retention-witness').click();
    await settings.getByTestId('retention-save').click();
    await expect(page.getByText('已保存')).toBeVisible();
    expect(callAsKeeper<{ witnessRequired: boolean }>(bridge.dataDir, 'retention.policy', {}).witnessRequired).toBe(true);

    await page.getByRole('menuitem', { name: '保管期限' }).click();
    const review = page.getByTestId('retention-review');
    await review.getByRole('row', { name: /_0001\.WAV/ }).getByRole('checkbox').check();
    await review.getByTestId('review-propose').click();
    await page.getByTestId('propose-dialog').getByRole('button', { name: '提交审批' }).click();
    const list = page.getByTestId('list-detail');
    await expect(list.getByTestId('list-facts')).toContainText('待审批');

    // The signed list comes back from the leader's office: the keeper enters it with its scan.
    const scan = path.join(camera, '销毁清单签字页.jpg');
    make.jpeg(scan);
    await list.getByTestId('list-paper').click();
    const paper = page.getByTestId('paper-list-dialog');
    await expect(paper.getByTestId('paper-leader')).toContainText('刘分管');
    await paper.getByTestId('paper-scan').fill(scan);
    await paper.getByRole('button', { name: '保存' }).click();
    await expect(paper).toContainText('本单位要求指定监销人');
    await shot(page, '63-retention-paper-needs-witness');
    await paper.getByTestId('list-witness').click();
    await page.locator('.ant-select-item-option', { hasText: '周监销' }).click();
    await paper.getByRole('button', { name: '保存' }).click();
    await expect(paper).toHaveCount(0);
    const facts = list.getByTestId('list-facts');
    await expect(facts).toContainText('已批准');
    await expect(facts).toContainText('周监销');
    await expect(facts).toContainText('纸质审批');
    await shot(page, '63-retention-paper-approved');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
