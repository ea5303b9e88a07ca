import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { make } from '../../support/media.js';
import { KEEPER, openTestApp, scratch, type TestApp } from '../../support/test-app.js';

let t: TestApp | null = null;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
  t = null;
});

function storeObjects(dataDir: string): string[] {
  const objects = path.join(dataDir, 'store', 'objects');
  return fs.existsSync(objects) ? fs.readdirSync(objects, { recursive: true }).map(String).filter((p) => /[0-9a-f]{64}$/.test(p)).map((p) => path.basename(p)) : [];
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('crash safety', () => {
  it('recovers from kill -9 in the middle of a large file: no half record, no orphan, then every file exactly once', async () => {
    const source = scratchDir('rr-crash-src-');
    for (let i = 0; i < 3; i++) make.random(path.join(source, `clip${i}.mp4`), 160 << 20);
    make.wav(path.join(source, 'audio.wav'));

    t = await openTestApp();
    const dataDir = t.dir;
    await t.app.close();

    const child = spawn(process.execPath, ['bin/records.mjs', '--data', dataDir, '--user', KEEPER.username, 'import', source], {
      env: { ...process.env, RECORDS_PASSWORD: KEEPER.password },
      stdio: 'ignore',
    });
    const tmp = path.join(dataDir, 'store', 'tmp');
    await waitFor(() => fs.existsSync(tmp) && fs.readdirSync(tmp).some((f) => fs.statSync(path.join(tmp, f)).size > 8 << 20), 60_000);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(fs.readdirSync(tmp).length).toBeGreaterThan(0);

    t = await openTestApp({ setup: false, dir: dataDir });
    await t.app.core.imports.ensureRecovered();
    expect(fs.readdirSync(tmp)).toEqual([]);
    const token = await t.login(KEEPER.username, KEEPER.password);
    const catalogued = (await t.call('records.list', { limit: 100 }, token)).records.map((r) => r.sha256);
    expect(storeObjects(dataDir).sort()).toEqual([...catalogued].sort());
    const [interrupted] = await t.call('import.recent', {}, token);
    expect(interrupted?.state).toBe('interrupted');

    const { jobId } = await t.call('import.start', { source }, token);
    const again = await t.app.core.imports.wait(jobId);
    expect((again.summary?.imported ?? 0) + (again.summary?.duplicates ?? 0)).toBe(4);
    expect(again.summary?.duplicates).toBe(catalogued.length);
    const all = (await t.call('records.list', { limit: 100 }, token)).records;
    expect(all).toHaveLength(4);
    expect(storeObjects(dataDir)).toHaveLength(4);
    expect((await t.call('audit.verify', {}, token)).ok).toBe(true);
  }, 120_000);

  it('removes an object that was moved into the store but never catalogued', async () => {
    t = await openTestApp();
    const db = t.app.core.db;
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const jobId = Number(
      db
        .prepare("INSERT INTO import_jobs (source, started_at, started_by, workstation, host, pid, state) VALUES ('/media/cam', '2026-11-24T08:00:00.000Z', 1, 'ws', ?, ?, 'running')")
        .run(os.hostname(), Number(dead.stdout)).lastInsertRowid,
    );
    const sha = 'ab'.repeat(32);
    const object = path.join(t.dir, 'store', 'objects', 'ab', 'ab', sha);
    fs.mkdirSync(path.dirname(object), { recursive: true });
    fs.writeFileSync(object, 'copied, renamed, then the power went', { mode: 0o444 });
    db.prepare('INSERT INTO store_intents (sha256, job_id, created_at) VALUES (?, ?, ?)').run(sha, jobId, '2026-11-24T08:00:01.000Z');

    await t.app.core.imports.ensureRecovered();
    expect(fs.existsSync(object)).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM store_intents').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT state FROM import_jobs WHERE id = ?').get(jobId)).toEqual({ state: 'interrupted' });
    const token = await t.login(KEEPER.username, KEEPER.password);
    const actions = (await t.call('audit.list', { limit: 20 }, token)).events.map((e) => e.action);
    expect(actions).toContain('store.orphan_removed');
    expect(actions).toContain('import.interrupted');
  });
});
