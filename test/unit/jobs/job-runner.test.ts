import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { PushEvent } from '../../../shared/contract/envelope.js';
import { DailySchedule } from '../../../electron/core/jobs/daily-schedule.js';
import type { Job } from '../../../electron/core/jobs/job.js';
import { JobRunner } from '../../../electron/core/jobs/job-runner.js';
import { appPerTest, codeOf } from '../../support/test-app.js';

type Progress = { done: number; total: number; bytesDone: number; bytesTotal: number };
type State = 'finished' | 'cancelled';

const { open, app } = appPerTest();

/** A check-shaped kind over the real fixity_runs table, with work the test controls. */
function checks(interrupted: number[] = []) {
  const { db } = app().app.core;
  const runner = new JobRunner<Progress, State>(db, app().clock, app().app.bus, {
    table: 'fixity_runs',
    exclusive: { code: 'CHECK_RUNNING', message: 'a check is running' },
    progressEvent: (runId, progress) => ({ type: 'integrity.progress', payload: { runId, progress } }),
    finishedEvent: (runId, state) => ({ type: 'integrity.finished', payload: { runId, state } }),
    onInterrupted: (id) => interrupted.push(id),
  });
  const insert = (host = os.hostname(), pid = process.pid) =>
    Number(
      db
        .prepare("INSERT INTO fixity_runs (started_at, trigger, scope, workstation, host, pid, state) VALUES ('2026-11-24T08:00:00.000Z', 'manual', '{\"kind\":\"all\"}', 'ws', ?, ?, 'running')")
        .run(host, pid).lastInsertRowid,
    );
  const state = (id: number) => (db.prepare('SELECT state, finished_at FROM fixity_runs WHERE id = ?').get(id) as { state: string; finished_at: string | null });
  /** Starts a job whose work waits for `release`, finishing `finished` or `cancelled` as the handle says. */
  const start = (opts: { yieldWhile?: () => boolean } = {}) => {
    let release!: () => void;
    // The runner calls `work` at once, so the handle is there when `start` returns.
    let handle!: Job<Progress>;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const id = runner.start(() => ({
      id: insert(),
      progress: { done: 0, total: 2, bytesDone: 0, bytesTotal: 20 },
      yieldWhile: opts.yieldWhile,
      work: async (job) => {
        handle = job;
        await job.pause();
        await gate;
        const s: State = job.cancelled ? 'cancelled' : 'finished';
        db.prepare("UPDATE fixity_runs SET state = ?, finished_at = '2026-11-24T08:01:00.000Z' WHERE id = ?").run(s, job.id);
        return s;
      },
    }));
    return { id, release, handle };
  };
  return { runner, insert, state, start };
}

function collect(): PushEvent[] {
  const seen: PushEvent[] = [];
  app().app.bus.subscribe((e) => seen.push(e));
  return seen;
}

const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('the job runner', () => {
  it("marks a dead process's jobs interrupted at the first start, and leaves live and foreign ones alone", async () => {
    await open();
    const interrupted: number[] = [];
    const { runner, insert, state, start } = checks(interrupted);
    const dead = insert(os.hostname(), deadPid());
    const reusedPid = insert(os.hostname(), process.pid);
    const elsewhere = insert('another-pc', deadPid());
    const alive = insert(os.hostname(), process.ppid);
    const job = start();
    expect(state(dead)).toMatchObject({ state: 'interrupted', finished_at: '2026-11-24T08:00:00.000Z' });
    expect(state(reusedPid).state).toBe('interrupted');
    expect(state(elsewhere).state).toBe('running');
    expect(state(alive).state).toBe('running');
    expect(interrupted).toEqual([dead, reusedPid]);
    // Its own running job is not a dead process's.
    runner.recover();
    expect(state(job.id).state).toBe('running');
    job.release();
    await runner.wait(job.id);
    expect(state(job.id).state).toBe('finished');
  });

  it('pushes throttled progress, shows it while running, then says the job finished', async () => {
    await open();
    const seen = collect();
    const { runner, start } = checks();
    const job = start();
    const handle = job.handle;
    for (let i = 0; i < 5; i++) {
      handle.progress.done = i;
      handle.report();
    }
    expect(seen.filter((e) => e.type === 'integrity.progress')).toHaveLength(1);
    expect(runner.progress(job.id)).toEqual({ done: 4, total: 2, bytesDone: 0, bytesTotal: 20 });
    expect(runner.busy).toBe(true);
    expect(runner.running()).toEqual([job.id]);
    job.release();
    await runner.wait(job.id);
    expect(seen.slice(-2)).toEqual([
      { type: 'integrity.progress', payload: { runId: job.id, progress: { done: 4, total: 2, bytesDone: 0, bytesTotal: 20 } } },
      { type: 'integrity.finished', payload: { runId: job.id, state: 'finished' } },
    ]);
    expect(runner.progress(job.id)).toBeNull();
    expect(runner.busy).toBe(false);
  });

  it('cancels once: the hook the work registered runs, the work sees it and ends cancelled', async () => {
    await open();
    const { runner, state, start } = checks();
    const job = start();
    let hooked = 0;
    job.handle.onCancel(() => hooked++);
    expect(runner.cancel(job.id)).toBe(true);
    expect(runner.cancel(job.id)).toBe(false);
    expect(hooked).toBe(1);
    job.release();
    await runner.wait(job.id);
    expect(state(job.id).state).toBe('cancelled');
    expect(runner.cancel(job.id)).toBe(false);
  });

  it('runs an exclusive kind one at a time', async () => {
    await open();
    const { runner, start } = checks();
    const first = start();
    expect(await codeOf(async () => start())).toBe('CHECK_RUNNING');
    first.release();
    await runner.wait(first.id);
    const second = start();
    second.release();
    await runner.wait(second.id);
  });

  it('cancels everything and waits for it on close', async () => {
    await open();
    const { runner, state, start } = checks();
    const job = start();
    job.handle.onCancel(job.release);
    await runner.close();
    expect(state(job.id).state).toBe('cancelled');
    expect(runner.busy).toBe(false);
  });
});

describe('the daily schedule', () => {
  it('waits while an import runs, and a scheduled job already running pauses for it', async () => {
    await open();
    const { runner, start } = checks();
    const imports = { busy: true };
    const ran: string[] = [];
    const schedule = new DailySchedule([{ run: () => ran.push('check'), waitWhile: () => imports.busy }, { run: () => ran.push('backup') }]);
    schedule.tick();
    expect(ran).toEqual(['backup']);
    imports.busy = false;
    schedule.tick();
    expect(ran).toEqual(['backup', 'check', 'backup']);

    imports.busy = true;
    const job = start({ yieldWhile: () => imports.busy });
    job.release();
    await new Promise((r) => setTimeout(r, 1200));
    expect(runner.busy).toBe(true);
    imports.busy = false;
    await runner.wait(job.id);
    expect(runner.busy).toBe(false);
  });

  it('skips a step that fails and tries again at the next tick', () => {
    let calls = 0;
    const schedule = new DailySchedule([
      {
        run: () => {
          calls++;
          throw new Error('store away');
        },
      },
    ]);
    schedule.tick();
    schedule.tick();
    expect(calls).toBe(2);
  });
});
