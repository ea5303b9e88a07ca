import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { make } from '../support/media.js';
import { addUsers, callAsKeeper, expect, records, setUpAndSignIn, shot, test } from './fixtures.js';

/** A camera day so many days from today, three years back: its standard period (3 years) ends then. */
function threeYearsBefore(daysFromToday: number): string {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() - 3);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * The office's recordings: one from March 2022 (its 3 years long over), two whose periods end in
 * about 10 and 3 days, and a recent one that is evidence in an open case (no end date yet).
 */
function office(dataDir: string, camera: string): void {
  addUsers(dataDir, [
    ['li', '李建国', 'officer', '000123'],
    ['zhang', '张伟', 'officer', '000456'],
  ]);
  make.h264(path.join(camera, 'T001_000123_20220301093000_0001.MP4'), 1);
  make.h264(path.join(camera, `T001_000123_${threeYearsBefore(10)}093000_0002.MP4`), 2);
  make.h264(path.join(camera, `T001_000123_${threeYearsBefore(3)}093000_0003.MP4`), 3);
  make.h264(path.join(camera, `T001_000123_${threeYearsBefore(365 * 3 - 2)}093000_0004.MP4`), 4);
  records(dataDir, ['import', camera]);
  const accounts = callAsKeeper<{ id: number; username: string }[]>(dataDir, 'accounts.list', {});
  const kase = callAsKeeper<{ id: number }>(dataDir, 'cases.create', {
    fields: {
      caseNo: '峡综执罚〔2026〕21号',
      kind: 'penalty',
      cause: '占道经营',
      parties: [{ kind: 'person', name: '王某某', idType: '居民身份证', idNumber: '', contact: '' }],
      handlerIds: accounts.filter((a) => a.username === 'li' || a.username === 'zhang').map((a) => a.id),
      filedOn: null,
      decidedOn: null,
      closedOn: null,
      archivedOn: null,
      status: 'open',
    },
  });
  const list = callAsKeeper<{ records: { id: number; originalName: string }[] }>(dataDir, 'records.list', {});
  callAsKeeper(dataDir, 'cases.link', {
    caseId: kase.id,
    recordIds: list.records.filter((r) => r.originalName.endsWith('_0004.MP4')).map((r) => r.id),
    role: 'evidence',
    facts: { collectors: ['李建国', '张伟'], collectedAt: '2026-11-20T09:30:00', place: '峡口镇集贸市场东门', statement: '当事人在人行道摆摊经营' },
  });
}

test('the library shows how long each record is kept, the dashboard warns ahead, and settings lengthen periods but never below the rules', async ({ page, bridge, foreignRequests }) => {
  void foreignRequests;
  test.setTimeout(180_000);
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-retention-'));
  try {
    await setUpAndSignIn(page, bridge);
    office(bridge.dataDir, camera);
    const row = (seq: string) => page.getByTestId('library-table').getByRole('row', { name: new RegExp(`_${seq}\\.MP4`) });

    // The library: 保管至 with the class; evidence in an open case has no end date yet.
    await page.getByRole('menuitem', { name: '资料库' }).click();
    await expect(page.getByTestId('library-total')).toContainText('共 4 条');
    await expect(page.getByTestId('library-table').getByRole('columnheader', { name: '保管至' })).toBeVisible();
    await expect(row('0001').getByTestId('kept-through')).toHaveText('2025-03-01一般');
    await expect(row('0004').getByTestId('kept-through')).toHaveText('长期证据（案件未归档）');
    await shot(page, '56-retention-library');

    // Filtered to what has expired.
    await page.getByTestId('library-retention').click();
    await page.locator('.ant-select-item-option', { hasText: '已到期' }).click();
    await expect(page.getByTestId('library-total')).toContainText('共 1 条');
    await expect(row('0001')).toBeVisible();
    await shot(page, '57-retention-library-expired');

    // The dashboard: two end within 30 days, one of them within 7, none tomorrow.
    await page.getByRole('menuitem', { name: '首页' }).click();
    const card = page.getByTestId('expiring');
    await expect(card.getByTestId('expiring-30')).toContainText('2');
    await expect(card.getByTestId('expiring-7')).toContainText('1');
    await expect(card.getByTestId('expiring-1')).toContainText('0');
    await card.scrollIntoViewIfNeeded();
    await shot(page, '58-retention-dashboard');
    await card.getByTestId('expiring-open').click();
    await expect(page).toHaveURL(/#\/retention/);

    // Settings: 2 years is refused by the core, beside the fields; 5 is accepted.
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByRole('tab', { name: '保管期限' }).click();
    const panel = page.getByTestId('retention-settings');
    await expect(panel).toContainText('重新计算');
    await panel.getByTestId('retention-standard').fill('2');
    await panel.getByTestId('retention-save').click();
    await expect(panel.getByTestId('retention-error')).toContainText('保管期限不能短于规定');
    await shot(page, '59-retention-settings-refused');
    await panel.getByTestId('retention-standard').fill('5');
    await expect(panel.getByTestId('retention-error')).toHaveCount(0);
    await panel.getByTestId('retention-save').click();
    await expect(page.getByText('已保存')).toBeVisible();
    expect(callAsKeeper<{ standardYears: number }>(bridge.dataDir, 'retention.policy', {}).standardYears).toBe(5);

    // Every record's end date followed: nothing has expired now.
    await page.getByRole('menuitem', { name: '资料库' }).click();
    await expect(row('0001').getByTestId('kept-through')).toHaveText('2027-03-01一般');
    await page.getByTestId('library-retention').click();
    await page.locator('.ant-select-item-option', { hasText: '已到期' }).click();
    await expect(page.getByTestId('library-total')).toContainText('共 0 条');
    await page.getByTestId('library-retention').locator('.ant-select-clear').click();
    await expect(page.getByTestId('library-total')).toContainText('共 4 条');

    // The same in English: the column, and the settings panel.
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByTestId('library-table').getByRole('columnheader', { name: 'Kept through' })).toBeVisible();
    await expect(row('0004').getByTestId('kept-through')).toHaveText('Long-termEvidence, case not archived');
    await shot(page, '60-retention-library-en');
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Retention' }).click();
    await expect(panel).toContainText('every record’s end date is recomputed');
    await shot(page, '61-retention-settings-en');
  } finally {
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
