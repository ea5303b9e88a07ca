import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cameraDrive, make } from '../support/media.js';
import { expect, setUpAndSignIn, shot, test } from './fixtures.js';

test('a camera drive is imported through the UI with progress, outcomes and the records listed', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  const drive = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-camera-'));
  try {
    cameraDrive(drive);
    for (let i = 0; i < 3; i++) make.random(path.join(drive, 'DCIM', '101MEDIA', `LONG_${i}.MP4`), 150 << 20);
    make.avi(path.join(drive, 'DCIM', '101MEDIA', 'OLD_0001.AVI'));
    await setUpAndSignIn(page, bridge);

    // The office lists the docking folder as a regular source, so it shows up as a card.
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByRole('tab', { name: '导入规则' }).click();
    const folders = page.getByTestId('source-folders').locator('input');
    await folders.fill('relative/path');
    await folders.press('Enter');
    await expect(page.getByText('请填写完整路径')).toBeVisible();
    await page.getByTestId('source-folders').locator('.ant-select-selection-item-remove').first().click();
    await folders.fill(drive);
    await folders.press('Enter');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存')).toBeVisible();

    await page.getByRole('menuitem', { name: '导入' }).click();
    await page.getByTestId('import-start').click();
    await expect(page.getByText('请填写来源文件夹')).toBeVisible();
    await page.getByLabel('来源文件夹').fill(path.join(drive, '不存在'));
    await expect(page.getByTestId('import-preview')).toContainText('找不到要导入的文件夹');
    await page.getByTestId('import-start').click();
    await expect(page.getByRole('alert').filter({ hasText: '找不到要导入的文件夹' })).toBeVisible();

    const card = page.getByTestId('import-source-card').filter({ hasText: drive });
    await expect(card).toContainText('记录仪目录');
    await card.click();
    await expect(page.getByLabel('来源文件夹')).toHaveValue(drive);
    await expect(page.getByTestId('import-preview')).toContainText('共 10 个文件（视频 8，音频 1，照片 1）');
    await page.getByTestId('import-clear').click();
    await shot(page, '19-import-source');
    await page.getByTestId('import-start').click();
    await expect(page.getByRole('dialog')).toContainText('此操作无法撤销');
    await page.getByRole('dialog').getByRole('button', { name: '开始导入' }).click();
    const progress = page.getByTestId('import-progress');
    await expect(progress).toBeVisible();
    await expect(progress).toContainText('MB/s');
    await shot(page, '20-import-progress');

    // A reload while the job runs shows it still running.
    await page.reload();
    await expect(page.getByTestId('import-progress').or(page.getByText('已完成'))).toBeVisible();

    const jobs = page.getByTestId('import-jobs');
    await expect(jobs.getByText('已完成')).toBeVisible({ timeout: 60_000 });
    await expect(jobs).toContainText('新导入 10，已在档案中 0，失败 0，跳过 2，逾期 4');
    await expect(jobs).toContainText('已从记录仪删除 10 个文件，保留 0 个');
    await jobs.getByRole('button', { name: /展开行|Expand row/ }).first().click();
    const items = page.getByTestId('import-items');
    await expect(items).toContainText('不是音视频或照片文件');
    await expect(items).toContainText('快捷方式/链接，未跟随');
    await expect(items.getByRole('row', { name: /LONG_0/ })).toContainText('已删除');
    expect(fs.existsSync(path.join(drive, 'DCIM', '101MEDIA', 'LONG_0.MP4'))).toBe(false);
    expect(fs.existsSync(path.join(drive, 'DCIM', 'index.dat'))).toBe(true);
    await card.click();
    await expect(page.getByTestId('import-preview')).toContainText('这里没有音视频或照片文件');
    await shot(page, '21-import-finished');

    // An officer back from the water: the keeper registers the absence before the next import.
    const absences = page.getByTestId('absences');
    await absences.getByRole('button', { name: '登记外出执勤' }).click();
    const away = page.getByRole('dialog');
    await away.getByRole('button', { name: '保存' }).click();
    await expect(away.getByText('请填写执法人员')).toBeVisible();
    await away.getByLabel('执法人员').click();
    await page.locator('.ant-select-item-option', { hasText: '王秀兰' }).click();
    await away.getByLabel('出发时间').fill('2026-11-23 18:00');
    await away.getByLabel('出发时间').press('Enter');
    await away.getByLabel('返回时间').fill('2026-11-18 08:00');
    await away.getByLabel('返回时间').press('Enter');
    await away.getByLabel('事由').fill('库区水上巡查');
    await away.getByRole('button', { name: '保存' }).click();
    await expect(away.getByText('返回时间应晚于出发时间')).toBeVisible();
    await away.getByLabel('出发时间').fill('2026-11-18 08:00');
    await away.getByLabel('出发时间').press('Enter');
    await away.getByLabel('返回时间').fill('2026-11-23 18:00');
    await away.getByLabel('返回时间').press('Enter');
    await shot(page, '23-absence-dialog');
    await away.getByRole('button', { name: '保存' }).click();
    await expect(absences).toContainText('2026-11-18 08:00 — 2026-11-23 18:00');
    await expect(absences).toContainText('库区水上巡查');

    await page.getByRole('menuitem', { name: '资料库' }).click();
    const library = page.getByTestId('library-table');
    await expect(library.getByText('现场 录音 01.wav')).toBeVisible();
    await expect(page.getByText('共 10 条')).toBeVisible();
    // Camera and officer numbers and the format are behind "more columns", to keep the key columns in view.
    await page.getByTestId('column-chooser').click();
    for (const column of ['设备编号', '警号', '格式']) await page.getByRole('checkbox', { name: column }).check();
    await page.keyboard.press('Escape');
    await expect(library.getByRole('row', { name: /0001\.MP4/ })).toContainText('h264 / aac · 320×240');
    await expect(library.getByRole('row', { name: /0001\.MP4/ })).toContainText('T001000123');
    await expect(library.getByRole('row', { name: /0001\.MP4/ })).toContainText('2026-11-20 09:30:00');
    await expect(library.getByRole('row', { name: /IMG_0001/ })).toContainText('重点');
    // Posters appear as they are made; the AVI gets a playable copy, said plainly.
    await expect(library.getByRole('row', { name: /0001\.MP4/ }).locator('img')).toBeVisible({ timeout: 20_000 });
    await expect(library.getByRole('row', { name: /OLD_0001\.AVI/ })).toContainText('有播放副本', { timeout: 20_000 });
    await shot(page, '22-library-posters');

    // The camera's clips are days old: late under the 24-hour rule, and the keeper explains why.
    const clip = library.getByRole('row', { name: /0001\.MP4/ });
    await expect(clip).toContainText('逾期');
    await clip.getByRole('button', { name: '说明原因' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByText('请填写原因')).toBeVisible();
    await dialog.getByLabel('原因').fill('在水上执勤，返回后即交档案室');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(clip).toContainText('逾期（已说明）');

    // Nothing in the recording's name says whose it is: the keeper assigns it.
    const recording = library.getByRole('row', { name: /现场 录音 01/ });
    await recording.getByRole('button', { name: '指定' }).click();
    await dialog.getByLabel('执法人员').click();
    await page.locator('.ant-select-item-option', { hasText: '王秀兰' }).click();
    await dialog.getByLabel('依据（可选）').fill('当日由档案管理员现场录音');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(recording).toContainText('王秀兰');
    await expect(library.getByRole('row', { name: /0003\.MP4/ })).toContainText('无法解析');
    await expect(library.getByRole('row', { name: /0004\.MP4/ })).toContainText('空文件');
    await page.waitForTimeout(500);
    await shot(page, '22-library-corrected');

    // The camera's day in its own time: the third clip starts after a gap.
    await page.getByRole('tab', { name: '记录仪时间线' }).click();
    await page.getByTestId('timeline-device').locator('input').fill('T001');
    const day = page.getByTestId('device-timeline');
    await expect(day).toContainText('09:30:00');
    await expect(day).toContainText('共 4 段');
    await shot(page, '25-timeline');
    await page.getByRole('tab', { name: '列表' }).click();

    // Played inside the app, watermarked, no download; the view is in the audit log.
    await library.getByRole('row', { name: /0001\.MP4/ }).getByTestId('play').click();
    const player = page.getByTestId('player');
    await expect(player).toContainText('原件');
    await expect(player.getByTestId('watermark')).toContainText('王秀兰');
    await expect.poll(() => player.getByTestId('player-media').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.2);
    expect(await player.getByTestId('player-media').getAttribute('controlslist')).toContain('nodownload');
    await shot(page, '24-player');

    // Fullscreen takes the stage with its watermark; the bare video is never left fullscreen without it.
    const media = player.getByTestId('player-media');
    expect(await media.getAttribute('controlslist')).toContain('nofullscreen');
    const fullscreen = () => page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid') ?? null);
    await player.getByTestId('player-fullscreen').click();
    await expect.poll(fullscreen).toBe('player-stage');
    expect(await page.evaluate(() => Boolean(document.fullscreenElement?.querySelector('[data-testid="watermark"]')))).toBe(true);
    await shot(page, '24a-player-fullscreen');
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(fullscreen).toBeNull();
    // The picture alone made fullscreen (as a double-click or a browser shortcut might): the page
    // must see it happen, then hand fullscreen to the stage with its watermark.
    await page.evaluate(() => {
      const seen: (string | null)[] = [];
      (window as unknown as { fullscreenSeen: typeof seen }).fullscreenSeen = seen;
      document.addEventListener('fullscreenchange', () => seen.push(document.fullscreenElement?.getAttribute('data-testid') ?? null));
    });
    await media.evaluate((v: HTMLVideoElement) => v.addEventListener('click', () => void v.requestFullscreen().catch(() => undefined), { once: true }));
    await media.click();
    // The first change and the last one reported (whether the moment between is reported on its own is the browser's affair).
    const firstAndLast = () => page.evaluate(() => (window as unknown as { fullscreenSeen: (string | null)[] }).fullscreenSeen).then((seen) => [seen[0], seen.at(-1)]);
    await expect.poll(firstAndLast).toEqual(['player-media', 'player-stage']);
    expect(await fullscreen()).toBe('player-stage');
    expect(await page.evaluate(() => Boolean(document.fullscreenElement?.querySelector('[data-testid="watermark"]')))).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await expect(page.getByText('查看记录').first()).toBeVisible();
    await expect(page.getByText('结束查看').first()).toBeVisible();
  } finally {
    fs.rmSync(drive, { recursive: true, force: true });
  }
});
