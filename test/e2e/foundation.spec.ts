import { expect, shot, test } from './fixtures.js';

const KEEPER = { username: 'keeper', name: '王秀兰', password: 'Archive2026' };

test('first run, sign-in, wrong password, accounts, language, audit, lockout', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  await page.goto(bridge.launchUrl);

  // First run: office profile and the first (administrator) account.
  await expect(page.getByText('首次设置')).toBeVisible();
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('请填写单位名称')).toBeVisible();
  await page.getByLabel('单位名称').fill('峡口镇综合行政执法办公室');
  await page.getByLabel('单位代码').fill('XK-ZF-01');
  await page.getByLabel('用户名').fill(KEEPER.username);
  await page.getByLabel('姓名').fill(KEEPER.name);
  await page.getByLabel('密码', { exact: true }).fill('short');
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill(KEEPER.password);
  await page.getByLabel('确认密码').fill(KEEPER.password);
  await shot(page, '01-setup-filled');
  await page.getByRole('button', { name: '完成设置' }).click();

  // Wrong password, then the right one.
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名').fill(KEEPER.username);
  await page.getByLabel('密码').fill('Wrong2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
  await shot(page, '02-login-wrong-password');
  await page.getByLabel('密码').fill(KEEPER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('office-name')).toHaveText('峡口镇综合行政执法办公室');
  await expect(page.getByText('王秀兰，您好')).toBeVisible();
  await expect(page.getByText('首次登录')).toBeVisible();
  await shot(page, '03-dashboard-zh');

  // A reload keeps the session and the page.
  await page.reload();
  await expect(page.getByTestId('office-name')).toBeVisible();

  // Add an officer account.
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await page.getByRole('button', { name: '新增账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('officer1');
  await dialog.getByLabel('姓名').fill('李建国');
  await dialog.getByLabel('新密码').fill('Officer2026');
  await dialog.getByLabel('确认密码').fill('Officer2026');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('accounts-table').getByText('李建国')).toBeVisible();
  await shot(page, '04-accounts');

  // The device register: issue camera T001 to the new officer; a second T001 is refused.
  await page.getByRole('tab', { name: '设备登记' }).click();
  await page.getByRole('button', { name: '登记设备' }).click();
  await dialog.getByLabel('设备编号').fill('T001');
  await dialog.getByLabel('说明').fill('1 号执法记录仪');
  await dialog.getByLabel('配发给').click();
  await page.locator('.ant-select-item-option', { hasText: '李建国' }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('devices-table').getByRole('row', { name: /T001/ })).toContainText('李建国');
  await page.getByRole('button', { name: '登记设备' }).click();
  await dialog.getByLabel('设备编号').fill('t001');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('已被登记');
  await dialog.getByRole('button', { name: '取消' }).click();
  await shot(page, '04a-devices');

  // The import rules tab tries a file name with the same rule the import uses.
  await page.getByRole('tab', { name: '导入规则' }).click();
  await expect(page.getByTestId('pattern-tester-result')).toContainText('设备 T001，警号 000123，拍摄时间 2026-11-20 09:30:00');
  await page.getByTestId('pattern-tester').fill('重点_现场.mp4');
  await expect(page.getByTestId('pattern-tester-result')).toContainText('没有规则匹配');
  await expect(page.getByTestId('pattern-tester-result')).toContainText('含重点标记');
  await shot(page, '04b-import-rules');

  // The deadline rule: switch to two working days and keep it.
  await page.getByRole('tab', { name: '归档时限' }).click();
  await expect(page.getByTestId('deadline-preview')).toContainText('应于');
  await page.getByText('录制后 2 个工作日内（临猗县规定）').click();
  await expect(page.getByLabel('工作日数')).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await shot(page, '04c-deadline');
  await page.getByRole('tab', { name: '账号管理' }).click();

  // A duplicate username is refused with a clear message and nothing is added.
  await page.getByRole('button', { name: '新增账号' }).click();
  await dialog.getByLabel('用户名').fill('OFFICER1');
  await dialog.getByLabel('姓名').fill('重复');
  await dialog.getByLabel('新密码').fill('Officer2026');
  await dialog.getByLabel('确认密码').fill('Officer2026');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('已存在');
  await dialog.getByRole('button', { name: '取消' }).click();

  // Switch to English: every visible string follows.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Audit log' })).toBeVisible();
  await shot(page, '05-accounts-en');

  // The audit screen lists what happened, and the chain verifies.
  await page.getByRole('menuitem', { name: 'Audit log' }).click();
  const table = page.getByTestId('audit-table');
  for (const action of ['System set up', 'Account added', 'Sign-in failed', 'Signed in', 'Language changed']) {
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByTestId('audit-head')).toHaveText(/^[0-9a-f]{64}$/);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('The chain is intact');
  await shot(page, '06-audit-en');

  // Back to Chinese, sign out, and lock the officer out with repeated failures.
  await page.getByText('简体中文', { exact: true }).click();
  await expect(table.getByRole('row', { name: /登录失败/ }).first()).toContainText('用户名“keeper”登录失败：密码错误');
  await shot(page, '06-audit-zh');
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await page.getByLabel('用户名').fill('officer1');
  for (let i = 0; i < 4; i++) {
    await page.getByLabel('密码').fill(`Wrong${i}abc`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误。');
  }
  await page.getByLabel('密码').fill('Wrong4abc');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('login-error')).toContainText('账号已锁定');
  await page.getByLabel('密码').fill('Officer2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('login-error')).toContainText('账号已锁定');
  await shot(page, '07-lockout');

  // The language picked on the sign-in page is the one the workspace opens in, and is kept.
  await page.getByText('English', { exact: true }).click();
  await page.getByLabel('Username').fill('keeper');
  await page.getByLabel('Password').fill(KEEPER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('menuitem', { name: 'Audit log' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Audit log' })).toBeVisible();
});
