import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { make } from '../support/media.js';
import { callAsKeeper, expect, records, setUpAndSignIn, shot, test } from './fixtures.js';

const TABS = ['导入登记', '查阅登记', '借阅登记', '光盘登记', '销毁登记', '完整性检查登记'];

test('the keeper opens each of the room registers, narrows the imports to late uploads and exports them', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(180_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-registers-'));
  try {
    await setUpAndSignIn(page, bridge);
    records(bridge.dataDir, ['user', 'add', 'li', '--role', 'officer', '--name', '李建国', '--officer-no', '000123'], { RECORDS_NEW_PASSWORD: 'Officer2026' });
    // One recording named for 2026-11-20 (days before it arrives: late) and one the camera named nothing (on time).
    make.wav(path.join(camera, 'T001_000123_20261120093000_0001.WAV'), 1);
    make.wav(path.join(camera, '补充录音.wav'), 2);
    records(bridge.dataDir, ['import', camera]);
    callAsKeeper(bridge.dataDir, 'integrity.check', { scope: { kind: 'all' } });

    await page.getByRole('menuitem', { name: '登记簿' }).click();
    const imports = page.getByTestId('imports-register');
    await expect(imports.getByTestId('imports-table').locator('tbody tr.ant-table-row')).toHaveCount(2);
    await expect(imports).toContainText('逾期');
    await imports.getByTestId('imports-filters-flag').check();
    await expect(imports.getByTestId('imports-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
    await expect(imports.getByTestId('imports-table')).toContainText('T001_000123_20261120093000_0001.WAV');
    await shot(page, '80-registers-imports');
    // All twelve columns in the width of a 1366-pixel screen: nothing behind a sideways scroll.
    const body = imports.getByTestId('imports-table').locator('.ant-table-content, .ant-table-body').first();
    expect(await body.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await expect(imports.getByRole('columnheader', { name: 'SHA-256' })).toBeInViewport();
    await imports.getByTestId('imports-export').click();
    await expect(page.getByTestId('imports-document-result')).toContainText('.xlsx');
    await page.keyboard.press('Escape');

    for (const tab of TABS.slice(1)) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
    }
    await expect(page.getByTestId('integrity-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
    await expect(page.getByTestId('integrity-table')).toContainText('完整');
    await page.getByTestId('integrity-print').click();
    await expect(page.getByTestId('integrity-document-result')).toContainText('.pdf');
    await page.keyboard.press('Escape');
    await shot(page, '80-registers-integrity');

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: 'Imports' }).click();
    await expect(page.getByTestId('imports-table')).toContainText(/\d+ (h|d) late/);
    await shot(page, '80-registers-imports-en');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
