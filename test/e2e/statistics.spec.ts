import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { make } from '../support/media.js';
import { addUsers, expect, records, setUpAndSignIn, shot, test } from './fixtures.js';

/** The 1st of the month `back` months before this one, as a file name writes a day: inside the screen's default twelve months. */
function monthsAgo(back: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

/** Two officers' cameras over the last three months (each clip its own length: identical clips would be one record). */
function office(dataDir: string, camera: string): void {
  addUsers(dataDir, [
    ['li', '李建国', 'officer', '000123'],
    ['zhang', '张伟', 'officer', '000456'],
  ]);
  make.h264(path.join(camera, `T001_000123_${monthsAgo(3)}093000_0001.MP4`), 2);
  make.h264(path.join(camera, `T001_000123_${monthsAgo(3)}093003_0002.MP4`), 1);
  make.h264(path.join(camera, `T001_000123_${monthsAgo(3)}093500_0003.MP4`), 3);
  make.h264(path.join(camera, `T002_000456_${monthsAgo(2)}100000_0001.MP4`), 4);
  make.wav(path.join(camera, `T002_000456_${monthsAgo(1)}080000_0002.WAV`), 5);
  records(dataDir, ['import', camera]);
}

/** A document the page hands out: by a download on the page, or in the tab a link opens for it. */
async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const inPopup = page
    .context()
    .waitForEvent('page')
    .then((popup) => popup.waitForEvent('download'));
  const [download] = await Promise.all([Promise.race([page.waitForEvent('download'), inPopup]), click()]);
  return download;
}

test('the keeper opens the statistics, exports a chart as a picture and its data as a spreadsheet, in Chinese and English', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(180_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-statistics-'));
  try {
    await setUpAndSignIn(page, bridge);
    office(bridge.dataDir, camera);
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    const recordings = page.getByTestId('chart-recordings');
    await expect(recordings.getByTestId('chart-recordings-canvas').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('chart-interruptions-canvas').locator('canvas')).toBeVisible();
    // No one has viewed or borrowed anything: an empty state, not an empty chart.
    await expect(page.getByTestId('chart-lending-empty')).toContainText('期间没有可统计的数据');
    await expect(page.getByTestId('storage-outlook')).toContainText('已用');
    await shot(page, '70-statistics');

    await recordings.getByText('按人员').click();
    const png = await downloadOf(page, () => recordings.getByTestId('chart-recordings-png').click());
    expect(png.suggestedFilename()).toMatch(/^记录数量与时长-.*\.png$/);
    const image = fs.readFileSync((await png.path())!);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.length).toBeGreaterThan(10_000);

    await recordings.getByTestId('chart-recordings-xlsx').click();
    const saved = page.getByTestId('chart-recordings-document-result');
    await expect(saved).toContainText('保存在');
    const xlsx = await downloadOf(page, () => saved.getByTestId('chart-recordings-document-open').click());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const sheet = book.worksheets[0]!;
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
    const heading = rows.findIndex((r) => r[0] === '执法人员');
    expect(rows[heading]).toEqual(['执法人员', '记录数', '时长（小时）']);
    expect(rows.slice(heading + 1).map((r) => r.slice(0, 2))).toEqual([
      ['李建国', 3],
      ['张伟', 2],
    ]);
    await page.keyboard.press('Escape');

    await page.getByText('English', { exact: true }).click();
    await expect(page.getByTestId('chart-lending-empty')).toContainText('Nothing to count from');
    await expect(recordings).toContainText('Recordings and hours');
    await shot(page, '70-statistics-en');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
