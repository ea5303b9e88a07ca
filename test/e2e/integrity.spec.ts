import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { make } from '../support/media.js';
import { expect, setUpAndSignIn, shot, test } from './fixtures.js';

test('a tampered original raises an alarm seen on the dashboard and in the library, and is restored from the backup', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-integrity-'));
  const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-backup-'));
  try {
    make.wav(path.join(camera, '现场录音.wav'));
    make.random(path.join(camera, 'clip.mp4'), 200_000);
    await setUpAndSignIn(page, bridge);
    await expect(page.getByTestId('integrity-panel')).toContainText('尚未进行过完整性检查');

    await page.getByRole('menuitem', { name: '导入' }).click();
    await page.getByLabel('来源文件夹').fill(camera);
    await page.getByTestId('import-start').click();
    await expect(page.getByTestId('import-jobs').getByText('已完成')).toBeVisible({ timeout: 30_000 });

    // An off-site copy first: a disk that is not the archive.
    await page.getByRole('menuitem', { name: '备份' }).click();
    await page.getByRole('button', { name: '新增备份位置' }).click();
    const add = page.getByRole('dialog');
    await add.getByLabel('文件夹').fill('relative/folder');
    await add.getByLabel('名称').fill('移动硬盘 A');
    await add.getByRole('button', { name: '保存' }).click();
    await expect(add.getByText('请填写完整路径')).toBeVisible();
    await add.getByLabel('文件夹').fill(path.join(bridge.dataDir, 'store'));
    await add.getByRole('button', { name: '保存' }).click();
    await expect(add.getByRole('alert')).toContainText('不能备份到');
    await add.getByLabel('文件夹').fill(disk);
    await add.getByRole('button', { name: '保存' }).click();
    const targets = page.getByTestId('backup-targets');
    await expect(targets).toContainText('尚未备份');
    await targets.getByRole('button', { name: '立即备份' }).click();
    await expect(targets).toContainText('已是最新', { timeout: 30_000 });
    await expect(targets).toContainText('2 个');
    await shot(page, '32-backup');

    await page.getByRole('menuitem', { name: '首页' }).click();
    await page.getByTestId('integrity-check-all').click();
    await expect(page.getByTestId('integrity-last')).toContainText('校验 2 个：一致 2', { timeout: 30_000 });

    // Someone changes an original behind the app's back (it is read-only: they had to force it).
    const objects = path.join(bridge.dataDir, 'store', 'objects');
    const [a] = fs.readdirSync(objects);
    const [b] = fs.readdirSync(path.join(objects, a ?? ''));
    const [sha] = fs.readdirSync(path.join(objects, a ?? '', b ?? ''));
    const file = path.join(objects, a ?? '', b ?? '', sha ?? '');
    fs.chmodSync(file, 0o644);
    fs.appendFileSync(file, 'tampered');

    await page.getByTestId('integrity-check-all').click();
    const alarms = page.getByTestId('integrity-alarms');
    await expect(alarms).toContainText('完整性告警 1 条', { timeout: 30_000 });
    await expect(alarms).toContainText('原件被改动');
    await expect(alarms).toContainText('需从核验过的备份恢复原件');
    await expect(page.getByTestId('integrity-last')).toContainText('被改动 1');
    await shot(page, '30-integrity-alarm');

    await page.getByRole('menuitem', { name: '资料库' }).click();
    const tags = page.getByTestId('integrity-tag');
    await expect(tags.filter({ hasText: '完整性告警' })).toHaveCount(1);
    await expect(tags.filter({ hasText: '完整' }).filter({ hasNotText: '告警' })).toHaveCount(1);
    await tags.filter({ hasText: '完整性告警' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('原件被改动');
    await expect(dialog).toContainText('不一致');
    await expect(dialog).toContainText(sha ?? '');
    await shot(page, '31-integrity-history');
    await dialog.getByRole('button', { name: /Close|关闭/ }).click();

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await expect(page.getByText('完整性告警').first()).toBeVisible();

    // The keeper puts the verified backup copy back; the follow-up check ends the alarm.
    await page.getByRole('menuitem', { name: '首页' }).click();
    await page.getByTestId('integrity-alarms').getByRole('button', { name: '从备份恢复原件' }).click();
    await expect(page.getByText('已从备份恢复原件')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('integrity-alarms')).toHaveCount(0);
    expect(fs.readFileSync(file).includes('tampered')).toBe(false);
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
    fs.rmSync(disk, { recursive: true, force: true });
  }
});
