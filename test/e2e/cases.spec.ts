import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { make } from '../support/media.js';
import { expect, records, setUpAndSignIn, shot, test } from './fixtures.js';


test('a case is filed, three recordings are linked as evidence with their written description, and found again', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-cases-'));
  try {
    await setUpAndSignIn(page, bridge);
    for (const [user, name, no] of [['li', '李建国', '000123'], ['zhang', '张伟', '000456']] as const) {
      records(bridge.dataDir, ['user', 'add', user, '--role', 'officer', '--name', name, '--officer-no', no], { RECORDS_NEW_PASSWORD: 'Officer2026' });
    }
    for (let i = 1; i <= 3; i++) make.random(path.join(camera, `T001_000123_2026112009${i}000_000${i}.MP4`), 100_000 + i);
    make.wav(path.join(camera, '无关录音.wav'));
    records(bridge.dataDir, ['import', camera]);

    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByRole('button', { name: '新建案件' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('案号').fill('第十二号');
    await form.getByLabel('案由').fill('占道经营');
    await form.getByLabel('姓名或名称').fill('王某某');
    await form.getByTestId('case-handlers').click();
    await page.locator('.ant-select-item-option', { hasText: '李建国' }).click();
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form.getByText('请选择至少两名不同的承办人')).toBeVisible();
    await form.getByTestId('case-handlers').click();
    await page.locator('.ant-select-item-option', { hasText: '张伟' }).click();
    await form.getByLabel('案由').click();
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form.getByRole('alert')).toContainText('不符合本单位的案号格式');
    await form.getByLabel('案号').fill('峡综执罚[2026]12号');
    await form.getByRole('button', { name: '保存' }).click();
    const detail = page.getByTestId('case-detail');
    await expect(detail).toContainText('峡综执罚〔2026〕12号 · 占道经营');
    await expect(detail).toContainText('李建国（000123）、张伟（000456）');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();

    await page.getByRole('menuitem', { name: '资料库' }).click();
    const library = page.getByTestId('library-table');
    for (let i = 1; i <= 3; i++) await library.getByRole('row', { name: new RegExp(`_000${i}\\.MP4`) }).getByRole('checkbox').check();
    await page.getByTestId('link-selected').click();
    const link = page.getByRole('dialog');
    await link.getByTestId('link-case').click();
    await page.locator('.ant-select-item-option', { hasText: '占道经营' }).click();
    await link.getByRole('button', { name: '关联' }).click();
    await expect(link.getByText('请填写取证时间')).toBeVisible();
    await link.getByLabel('取证时间').fill('2026-11-20 09:30');
    await link.getByLabel('取证时间').press('Enter');
    await link.getByLabel('取证地点').fill('峡口镇集贸市场东门');
    await link.getByLabel('证明内容').fill('当事人在人行道摆摊经营，执法人员告知并劝离');
    await shot(page, '40-link-to-case');
    await link.getByRole('button', { name: '关联' }).click();
    await expect(page.getByText('已将 3 条记录关联到 峡综执罚〔2026〕12号')).toBeVisible();

    // Found again by words from the written description, then narrowed by a flag.
    await expect(page.getByTestId('library-total')).toContainText('共 4 条');
    await page.getByTestId('library-search').locator('input').fill('人行道摆摊');
    await page.getByTestId('library-search').locator('input').press('Enter');
    await expect(page.getByTestId('library-total')).toContainText('共 3 条');
    await page.getByTestId('library-search').locator('input').fill('王某');
    await page.getByTestId('library-search').locator('input').press('Enter');
    await expect(page.getByTestId('library-total')).toContainText('共 3 条');
    await page.getByTestId('library-flags').click();
    await page.locator('.ant-select-item-option', { hasText: '未关联案件' }).click();
    await expect(page.getByTestId('library-total')).toContainText('共 0 条');
    await shot(page, '42-library-search');

    await page.getByRole('menuitem', { name: '案件' }).click();
    await page.getByTestId('case-search').locator('input').fill('王某某');
    await page.getByTestId('case-search').locator('input').press('Enter');
    const table = page.getByTestId('cases-table');
    await expect(table).toContainText('3 / 0');
    await table.getByText('占道经营').click();
    const links = page.getByTestId('case-links');
    await expect(links.getByRole('row')).toHaveCount(4);
    await expect(links).toContainText('取证人员 李建国、张伟；取证时间 2026-11-20 09:30；取证地点 峡口镇集贸市场东门');
    await expect(detail).toContainText('关联记录');
    await shot(page, '41-case-detail');

    // Two of the descriptions corrected at once; the history says what changed, from what to what.
    const rows = links.locator('tbody tr.ant-table-row');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await detail.getByTestId('edit-facts').click();
    const facts = page.getByRole('dialog', { name: '为 2 条记录填写取证说明' });
    await expect(facts.getByLabel('取证地点')).toHaveValue('峡口镇集贸市场东门');
    await facts.getByLabel('取证地点').fill('');
    await facts.getByRole('button', { name: '保存' }).click();
    await expect(facts.getByText('请填写取证地点')).toBeVisible();
    await facts.getByLabel('取证地点').fill('峡口镇集贸市场北门');
    await shot(page, '44-edit-facts');
    await facts.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已更新 2 条记录的取证说明')).toBeVisible();
    await expect(links.getByText(/取证地点 峡口镇集贸市场北门/)).toHaveCount(2);
    await expect(links.getByText(/取证地点 峡口镇集贸市场东门/)).toHaveCount(1);
    const history = page.getByTestId('case-history');
    await expect(history.getByText('取证地点：峡口镇集贸市场东门 → 峡口镇集贸市场北门')).toHaveCount(2);
    await shot(page, '45-case-history');

    // The same drawer in English.
    await page.keyboard.press('Escape');
    await page.getByText('English', { exact: true }).click();
    await table.getByText('占道经营').click();
    await expect(history.getByText('Place: 峡口镇集贸市场东门 → 峡口镇集贸市场北门')).toHaveCount(2);
    await expect(detail.getByTestId('edit-facts')).toHaveText('Written description (0)');
    await shot(page, '46-case-history-en');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
