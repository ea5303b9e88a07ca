import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { make } from '../support/media.js';
import { KEEPER, expect, records, setUpAndSignIn, shot, test } from './fixtures.js';

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('user-menu').hover();
  await page.getByText(/^(退出登录|Sign out)$/).click();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('office-name')).toBeVisible();
}

const menuItems = (page: Page) => page.getByTestId('main-menu').getByRole('menuitem').allInnerTexts();

test('the menu shows what the account may use; any other page says so the same way', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  await page.setViewportSize({ width: 1366, height: 768 });
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-routes-'));
  try {
    await setUpAndSignIn(page, bridge);
    records(bridge.dataDir, ['user', 'add', 'li', '--role', 'officer', '--name', '李建国', '--officer-no', '000123'], { RECORDS_NEW_PASSWORD: 'Officer2026' });
    for (let i = 1; i <= 3; i++) make.random(path.join(camera, `T001_000123_2026112009${i}000_000${i}.MP4`), 100_000 + i);
    records(bridge.dataDir, ['import', camera]);

    // The keeper (an administrator): every page, all settings.
    expect(await menuItems(page)).toEqual(['首页', '导入', '资料库', '案件', '查阅借阅', '保管期限', '刻录光盘', '台账', '统计分析', '登记簿', '抽查', '备份', '审计日志', '系统设置']);

    // The library's key columns fit at 1366 px with no sideways scroll; the rest are one click away.
    await page.getByRole('menuitem', { name: '资料库' }).click();
    const library = page.getByTestId('library-table');
    await expect(library.getByRole('row', { name: /_0001\.MP4/ })).toContainText('2026-11-20 09:10:00');
    const body = library.locator('.ant-table-tbody-virtual-holder, .ant-table-body').first();
    expect(await body.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, '50-library-1366-zh');
    await page.getByTestId('column-chooser').click();
    await page.getByRole('checkbox', { name: '导入时间' }).check();
    await page.keyboard.press('Escape');
    await expect(library.getByRole('columnheader', { name: '导入时间' })).toBeVisible();
    await page.getByTestId('column-chooser').click();
    await page.getByRole('checkbox', { name: '导入时间' }).uncheck();
    await page.keyboard.press('Escape');

    // Picking a case-number scheme instead of writing an expression, tried on a sample.
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByRole('tab', { name: '案件' }).click();
    // The scheme's radio follows the form's value a render later: click, then wait for it to show.
    await page.getByRole('radio', { name: /年份-序号/ }).click();
    await expect(page.getByRole('radio', { name: /年份-序号/ })).toBeChecked();
    await expect(page.getByTestId('case-tester-result')).toHaveText('不符合格式');
    await page.getByTestId('case-tester').fill('2026-0012');
    await expect(page.getByTestId('case-tester-result')).toHaveText('符合格式');
    await shot(page, '51-case-scheme-zh');
    await page.getByRole('tab', { name: '导入规则' }).click();
    await expect(page.getByTestId('pattern-tester-result')).toContainText('设备编号_警号_时间_序号：设备 T001，警号 000123');
    await shot(page, '52-ingest-rules-zh');

    // The audit log reads as sentences with names, not ids.
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    const audit = page.getByTestId('audit-table');
    await expect(audit.getByText(`${KEEPER.name} 导入记录“T001_000123_20261120091000_0001.MP4”`, { exact: false })).toBeVisible();
    await expect(audit).not.toContainText('record:');
    await shot(page, '53-audit-zh');
    await page.getByText('English', { exact: true }).click();
    await expect(audit.getByText(`${KEEPER.name} imported the record “T001_000123_20261120091000_0001.MP4”`, { exact: false })).toBeVisible();
    await shot(page, '53-audit-en');
    await page.getByRole('menuitem', { name: 'Library' }).click();
    await expect(library.getByRole('row', { name: /_0001\.MP4/ })).toBeVisible();
    await shot(page, '50-library-1366-en');
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Import' }).click();
    await shot(page, '52-ingest-rules-en');
    await page.getByText('简体中文', { exact: true }).click();

    // An officer: only what an officer uses; their settings are their own account.
    await signIn(page, 'li', 'Officer2026');
    expect(await menuItems(page)).toEqual(['首页', '资料库', '案件', '查阅借阅', '系统设置']);
    await page.goto(`${bridge.origin}/#/audit`);
    await expect(page.getByTestId('no-access')).toContainText('无权使用此页面');
    await shot(page, '54-officer-no-access-zh');
    await page.goto(`${bridge.origin}/#/import`);
    await expect(page.getByTestId('no-access')).toContainText('无权使用此页面');
    await page.getByRole('button', { name: '返回首页' }).click();
    await expect(page.getByText('李建国，您好')).toBeVisible();

    await page.getByTestId('user-menu').hover();
    await page.getByText('修改密码').click();
    await expect(page.getByText('我的账号', { exact: true })).toBeVisible();
    await expect(page.getByLabel('原密码')).toBeVisible();
    await expect(page.getByRole('tab')).toHaveCount(0);
    await expect(page.getByText('证据存储位置')).toHaveCount(0);
    await shot(page, '55-officer-settings-zh');

    await page.getByText('English', { exact: true }).click();
    await expect(page.getByText('My account', { exact: true })).toBeVisible();
    await shot(page, '55-officer-settings-en');
    await page.goto(`${bridge.origin}/#/backup`);
    await expect(page.getByTestId('no-access')).toContainText('No access to this page');
    await shot(page, '54-officer-no-access-en');
    await page.getByText('简体中文', { exact: true }).click();
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
