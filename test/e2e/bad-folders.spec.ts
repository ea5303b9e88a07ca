import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { test as base } from '@playwright/test';
import { expect, shot, startBridgeProcess, stopBridgeProcess } from './fixtures.js';

const test = base;

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rr-e2e-bad-'));
}

test('a corrupt catalogue is shown plainly and left untouched', async ({ page }) => {
  const dir = folder();
  const db = path.join(dir, 'records.db');
  fs.writeFileSync(db, Buffer.alloc(8192, 0x5a));
  const before = fs.readFileSync(db);
  const bridge = await startBridgeProcess(dir);
  try {
    await page.goto(bridge.launchUrl);
    await expect(page.getByTestId('open-error')).toContainText('已损坏');
    await expect(page.getByText(dir, { exact: true })).toBeVisible();
    await shot(page, '10-open-error-corrupt');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  } finally {
    await stopBridgeProcess(bridge);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a catalogue from a newer version is refused in the UI language', async ({ page }) => {
  const dir = folder();
  const made = new Database(path.join(dir, 'records.db'));
  made.pragma('application_id = 1381125425');
  made.exec('CREATE TABLE future (x INTEGER)');
  made.pragma('user_version = 42');
  made.close();
  const bridge = await startBridgeProcess(dir);
  try {
    await page.goto(bridge.launchUrl);
    await expect(page.getByTestId('open-error')).toContainText('版本 42');
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByTestId('open-error')).toContainText('made by a newer version');
    await shot(page, '11-open-error-too-new-en');
  } finally {
    await stopBridgeProcess(bridge);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a second instance on the same folder says so and leaves the first one running', async ({ page }) => {
  const dir = folder();
  const first = await startBridgeProcess(dir);
  try {
    const second = spawnSync(process.execPath, ['dist/electron/bridge.js', '--data', dir], { encoding: 'utf8', timeout: 20_000 });
    expect(second.status).toBe(3);
    expect(second.stderr).toContain('已被另一个正在运行的');
    await page.goto(first.launchUrl);
    await expect(page.getByText('首次设置')).toBeVisible();
  } finally {
    await stopBridgeProcess(first);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
