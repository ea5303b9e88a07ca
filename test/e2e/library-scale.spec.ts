import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { make } from '../support/media.js';
import { expect, records, setUpAndSignIn, shot, test } from './fixtures.js';

const CLIPS = 450;

test('a library of hundreds of records keeps only the rows in view in the page, and loads more as it scrolls', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-scale-'));
  try {
    await setUpAndSignIn(page, bridge);
    // One clip a second from 08:00, so the camera's order is the clips' numbering.
    const at = (i: number) => [8 + Math.floor(i / 3600), Math.floor(i / 60) % 60, i % 60].map((n) => String(n).padStart(2, '0')).join('');
    for (let i = 1; i <= CLIPS; i++) make.random(path.join(camera, `T001_000123_20261120${at(i)}_${String(i).padStart(4, '0')}.MP4`), 1000 + i);
    records(bridge.dataDir, ['import', camera]);

    await page.getByRole('menuitem', { name: '资料库' }).click();
    const library = page.getByTestId('library-table');
    await expect(page.getByTestId('library-total')).toContainText(`共 ${CLIPS} 条`);
    await expect(page.getByTestId('library-loaded')).toContainText('已显示 200 条');
    // Newest recording first; of the 200 loaded, only what fits the window is in the page.
    await expect(library.getByRole('row', { name: /_0450\.MP4/ })).toBeVisible();
    expect(await library.locator('.ant-table-row').count()).toBeLessThan(40);

    // Scrolling to the end fetches the next pages, until the oldest record is there.
    const body = library.locator('.ant-table-tbody-virtual-holder');
    await expect(async () => {
      await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect(page.getByTestId('library-loaded')).toContainText(`已显示全部 ${CLIPS} 条`, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    // The last page's rows lengthen the list after the scroll that fetched them: scroll again until the end is in view.
    await expect(async () => {
      await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect(library.getByRole('row', { name: /_0001\.MP4/ })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    expect(await library.locator('.ant-table-row').count()).toBeLessThan(40);
    await shot(page, '43-library-scrolled');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
