import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unavailable } from '../../../electron/core/approvals/request-items.js';
import { BackupLayout } from '../../../electron/core/backup/backup-layout.js';
import { derivedRelativePath } from '../../../electron/core/media/derived-files.js';
import { FsEvidenceStore } from '../../../electron/core/store/fs-store.js';
import { FACTS } from '../../support/discs.js';
import { make } from '../../support/media.js';
import { KEEPER, appPerTest, codeOf, openTestApp, scratch, type TestApp } from '../../support/test-app.js';

const dir = scratch();
const { open } = appPerTest();
afterEach(() => vi.restoreAllMocks());

/**
 * An office on 2026-11-24 with two recordings from 2022 (expired in 2025) and one from this month,
 * a responsible leader, and a real backup target holding verified copies of all three.
 */
async function office(t: TestApp) {
  const token = await t.login(KEEPER.username, KEEPER.password);
  await t.call('accounts.create', { username: 'liu', displayName: '刘分管', role: 'responsible_leader', isAdmin: false, password: 'Person2026x' }, token);
  await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Person2026x', officerNo: '000123' }, token);
  const src = dir('rr-execution-src-');
  make.wav(path.join(src, 'T001_000123_20220301093000_0001.WAV'), 1);
  make.wav(path.join(src, 'T001_000123_20220601100000_0002.WAV'), 2);
  make.wav(path.join(src, 'T001_000123_20261120093000_0003.WAV'), 3);
  await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
  await t.app.core.media.idle();
  await t.app.core.derive.idle();
  const records = (await t.call('records.list', { limit: 10 }, token)).records;
  const find = (seq: string) => records.find((r) => r.originalName.endsWith(`_${seq}.WAV`)) ?? records[0];
  const [old, old2, recent] = [find('0001'), find('0002'), find('0003')].map((r) => ({ id: r?.id ?? 0, sha256: r?.sha256 ?? '' }));
  const targetDir = dir('rr-execution-backup-');
  const target = await t.call('backup.addTarget', { path: targetDir, label: '移动硬盘' }, token);
  expect((await t.app.core.backup.wait((await t.call('backup.run', { targetId: target.id }, token)).runId)).state).toBe('finished');
  const leader = await t.login('liu', 'Person2026x');
  return { token, leader, old: old as { id: number; sha256: string }, old2: old2 as { id: number; sha256: string }, recent: recent as { id: number; sha256: string }, target, targetDir };
}

type Office = Awaited<ReturnType<typeof office>>;

async function approvedList(t: TestApp, o: Office) {
  const list = await t.call('destruction.propose', { recordIds: [o.old.id, o.old2.id], reason: '保管期限届满' }, o.token);
  await t.call('destruction.decide', { id: list.id, outcome: 'approved', reason: '同意销毁' }, o.leader);
  return list;
}

/**
 * An approved list executed by a process of its own that is killed (SIGKILL) right after its first
 * record: the job row is left running, the rest as that process left it. `body` then opens the
 * same data folder as the next start of the app would.
 */
async function restarted(body: (first: { reopen(): Promise<TestApp> }, o: Office, list: { id: number; number: string }, killed: number) => Promise<void>) {
  const first = await openTestApp();
  let current: TestApp = first;
  try {
    const o = await office(first);
    const list = await approvedList(first, o);
    await first.app.close();
    const death = await new Promise<{ signal: NodeJS.Signals | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/die-executing.ts', first.dir, String(list.id), KEEPER.username, KEEPER.password]);
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      child.on('close', (_code, signal) => resolve({ signal, err }));
    });
    expect(death).toEqual({ signal: 'SIGKILL', err: '' });
    const reopen = async () => (current = await openTestApp({ dir: first.dir, setup: false }));
    const look = await reopen();
    const [row] = look.app.core.db.prepare('SELECT id, state FROM destruction_jobs').all() as { id: number; state: string }[];
    expect(row?.state).toBe('running');
    expect(look.app.core.db.prepare('SELECT count(*) AS n FROM record_dispositions WHERE verified = 1').get()).toEqual({ n: 1 });
    await look.app.close();
    await body({ reopen }, o, list, row?.id ?? 0);
  } finally {
    await current.close();
  }
}

/** A poster for a record, made by hand where the derive queue puts them (WAV files get none of their own). */
function derivedCopy(t: TestApp, recordId: number, sha256: string): string {
  const relative = derivedRelativePath(sha256, 'poster', 'jpg');
  const file = path.join(t.app.core.settings.storeDir(t.dir), ...relative.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'poster');
  t.app.core.db
    .prepare("INSERT OR REPLACE INTO record_derivatives (record_id, kind, state, file, sha256, size, made_at) VALUES (?, 'poster', 'ready', ?, ?, 6, ?)")
    .run(recordId, relative, sha256, t.clock.now().toISOString());
  return file;
}

const storePath = (t: TestApp, sha256: string) => new FsEvidenceStore(t.app.core.settings.storeDir(t.dir)).objectPath(sha256);
const actions = async (t: TestApp, token: string, action: 'record.destroyed' | 'destruction.executed' | 'destruction.refused' | 'destruction.resumed') =>
  (await t.call('audit.list', { action, limit: 50 }, token)).events;

describe('executing a destruction list', () => {
  it('removes originals, derived and backup copies, keeps the disposition, and leaves fixity and backups clean', async () => {
    const t = await open();
    const o = await office(t);
    const poster = derivedCopy(t, o.old.id, o.old.sha256);
    const backupCopy = new BackupLayout(o.targetDir).objectPath(o.old.sha256);
    expect(fs.existsSync(backupCopy)).toBe(true);
    const list = await approvedList(t, o);

    const { jobId } = await t.call('destruction.execute', { id: list.id }, o.token);
    const job = await t.app.core.execution.wait(jobId);
    expect(job).toMatchObject({ state: 'finished', listNumber: list.number, destroyed: 2, pendingCopies: 0, problem: null });
    for (const r of [o.old, o.old2]) {
      expect(fs.existsSync(storePath(t, r.sha256))).toBe(false);
      expect(fs.existsSync(new BackupLayout(o.targetDir).objectPath(r.sha256))).toBe(false);
    }
    expect(fs.existsSync(poster)).toBe(false);
    expect(t.app.core.db.prepare('SELECT kind, state, file FROM record_derivatives WHERE record_id = ? ORDER BY kind').all(o.old.id)).toEqual([
      { kind: 'poster', state: 'not_needed', file: null },
      { kind: 'proxy', state: 'not_needed', file: null },
    ]);
    // The record kept is untouched.
    expect(fs.existsSync(storePath(t, o.recent.sha256))).toBe(true);
    expect(fs.existsSync(new BackupLayout(o.targetDir).objectPath(o.recent.sha256))).toBe(true);

    // The permanent disposition: identifiers, hashes, list, approvers, times; never changed or deleted.
    const disposition = t.app.core.db.prepare('SELECT * FROM record_dispositions WHERE record_id = ?').get(o.old.id) as Record<string, unknown>;
    expect(disposition).toMatchObject({ list_id: list.id, sha256: o.old.sha256, original_name: 'T001_000123_20220301093000_0001.WAV', verified: 1, officer: '李建国' });
    expect(disposition.sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(disposition.approvers as string)).toMatchObject({ proposedBy: '王秀兰', decidedBy: '刘分管', source: 'app' });
    expect(() => t.app.core.db.prepare("UPDATE record_dispositions SET original_name = 'x' WHERE record_id = ?").run(o.old.id)).toThrow(/never changed/);
    expect(() => t.app.core.db.prepare('DELETE FROM record_dispositions').run()).toThrow(/never deleted/);

    // The library still lists it, as destroyed under the list.
    const listed = (await t.call('records.list', { limit: 10 }, o.token)).records;
    expect(listed).toHaveLength(3);
    expect(listed.find((r) => r.id === o.old.id)?.disposition).toMatchObject({ listNumber: list.number });
    expect(listed.find((r) => r.id === o.old.id)?.derived).toEqual({ poster: 'not_needed', proxy: 'not_needed' });
    expect(listed.find((r) => r.id === o.recent.id)?.disposition).toBeNull();
    expect((await t.call('destruction.get', { id: list.id }, o.token)).state).toBe('executed');
    expect(await codeOf(() => t.call('records.play', { recordId: o.old.id }, o.token))).toBe('RECORD_DESTROYED');
    expect(await codeOf(() => t.call('integrity.restoreOriginal', { recordId: o.old.id }, o.token))).toBe('RECORD_DESTROYED');
    // The officer whose recording it was can't play it either, and no request can name it.
    const officer = await t.login('li', 'Person2026x');
    expect(await codeOf(() => t.call('records.play', { recordId: o.old.id }, officer))).toBe('RECORD_DESTROYED');
    expect(await codeOf(() => t.call('records.play', { recordId: o.recent.id }, officer))).toBe('none');
    expect(unavailable(t.app.core.db, [o.recent.id, o.old.id])).toEqual({ id: o.old.id, reason: 'destroyed' });
    const window = { from: t.clock.now().toISOString(), to: new Date(t.clock.now().getTime() + 3_600_000).toISOString() };
    const asked = await t.call('requests.create', { kind: 'officer_view', items: [{ kind: 'record', id: o.old.id }], purpose: '核对', content: '录像', window }, officer).catch((e: unknown) => e);
    expect(asked).toMatchObject({ code: 'RECORD_DESTROYED', details: { id: o.old.id, number: list.number } });

    const destroyed = await actions(t, o.token, 'record.destroyed');
    expect(destroyed.map((e) => e.target).sort()).toEqual([`record:${o.old.id}`, `record:${o.old2.id}`].sort());
    expect(destroyed[0]?.details).toMatchObject({ number: list.number, pendingCopies: 0 });
    expect((await actions(t, o.token, 'destruction.executed'))[0]?.details).toMatchObject({ number: list.number, count: 2, pending: 0 });

    // Nothing new is built on it: linking it to a case is refused, naming the list.
    const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Person2026x', officerNo: '000456' }, o.token);
    const fields = { caseNo: '峡综执罚〔2022〕3号', kind: 'penalty' as const, cause: '占道经营', parties: [{ kind: 'person' as const, name: '王某', idType: '', idNumber: '', contact: '' }], handlerIds: [(await t.call('auth.me', {}, officer)).id, zhang.id], filedOn: null, decidedOn: null, closedOn: null, archivedOn: null, status: 'open' as const };
    const c = await t.call('cases.create', { fields }, o.token);
    const linked = await t.call('cases.link', { caseId: c.id, recordIds: [o.old.id], role: 'evidence', facts: FACTS }, o.token).catch((e: unknown) => e);
    expect(linked).toMatchObject({ code: 'RECORD_DESTROYED', details: { id: o.old.id, number: list.number } });
    // And no disc can carry it: a link from before (here written straight into a copy of the catalogue) has it blocked, as destroyed.
    t.app.core.db.prepare("INSERT INTO record_links (record_id, case_id, role, facts, linked_at, linked_by) VALUES (?, ?, 'evidence', ?, 't', 1)").run(o.old.id, c.id, JSON.stringify(FACTS));
    expect((await t.call('discs.plan', { caseId: c.id, medium: 'dvd' }, o.token)).blocked.map((b) => b.reasons)).toEqual([expect.arrayContaining(['destroyed'])]);

    // Fixity and backups: nothing reported missing, nothing to copy.
    const check = await t.app.core.fixity.wait((await t.call('integrity.check', { scope: { kind: 'all' } }, o.token)).runId);
    expect(check.summary).toMatchObject({ checked: 1, ok: 1, missing: 0, unexpected: 0 });
    const backup = await t.app.core.backup.wait((await t.call('backup.run', { targetId: o.target.id }, o.token)).runId);
    expect(backup).toMatchObject({ state: 'finished', summary: { copied: 0, alreadyThere: 1, skippedDamaged: 0 } });
    expect((await t.call('backup.targets', {}, o.token))[0]).toMatchObject({ held: 1, pending: 0 });

    // Any other missing original still raises the alarm.
    fs.chmodSync(storePath(t, o.recent.sha256), 0o644);
    fs.rmSync(storePath(t, o.recent.sha256));
    const after = await t.app.core.fixity.wait((await t.call('integrity.check', { scope: { kind: 'all' } }, o.token)).runId);
    expect(after.summary).toMatchObject({ checked: 1, missing: 1 });
  });

  it('marks copies on an unplugged backup target pending and removes them at its next backup run', async () => {
    const t = await open();
    const o = await office(t);
    const list = await approvedList(t, o);
    const away = `${o.targetDir}-away`;
    fs.renameSync(o.targetDir, away);
    const job = await t.app.core.execution.wait((await t.call('destruction.execute', { id: list.id }, o.token)).jobId);
    expect(job).toMatchObject({ state: 'finished', destroyed: 2, pendingCopies: 2 });
    expect((await actions(t, o.token, 'destruction.executed'))[0]?.details).toMatchObject({ pending: 2 });

    fs.renameSync(away, o.targetDir);
    expect(fs.existsSync(new BackupLayout(o.targetDir).objectPath(o.old.sha256))).toBe(true);
    const backup = await t.app.core.backup.wait((await t.call('backup.run', { targetId: o.target.id }, o.token)).runId);
    expect(backup.state).toBe('finished');
    for (const r of [o.old, o.old2]) expect(fs.existsSync(new BackupLayout(o.targetDir).objectPath(r.sha256))).toBe(false);
    expect(fs.existsSync(new BackupLayout(o.targetDir).objectPath(o.recent.sha256))).toBe(true);
    expect(t.app.core.execution.job(job.id).pendingCopies).toBe(0);
    const finished = (await t.call('audit.list', { action: 'backup.finished', limit: 1 }, o.token)).events[0];
    expect(finished?.details).toMatchObject({ destroyedRemoved: 2 });
  });

  it('killed between records, or inside one, finishes consistently when the list is run again', async () => {
    const t = await open();
    const o = await office(t);
    const list = await approvedList(t, o);
    const execution = t.app.core.execution;

    // The process "dies" right after the first record: its job row is left running, nothing else written.
    execution.hooks.afterItem = () => {
      throw new Error('killed');
    };
    const first = (await t.call('destruction.execute', { id: list.id }, o.token)).jobId;
    await expect(execution.wait(first)).rejects.toThrow('killed');
    execution.hooks.afterItem = undefined;
    expect(t.app.core.db.prepare('SELECT state FROM destruction_jobs WHERE id = ?').get(first)).toEqual({ state: 'running' });
    expect((await t.call('destruction.get', { id: list.id }, o.token)).state).toBe('approved');
    execution.recover();
    expect(execution.job(first)).toMatchObject({ state: 'interrupted', destroyed: 1 });
    expect(fs.existsSync(storePath(t, o.old.sha256))).toBe(false);
    expect(fs.existsSync(storePath(t, o.old2.sha256))).toBe(true);

    // The next run dies inside the second record, after its disposition began and before the original went.
    vi.spyOn(FsEvidenceStore.prototype, 'destroy').mockRejectedValueOnce(new Error('power cut'));
    const second = await execution.wait((await t.call('destruction.execute', { id: list.id }, o.token)).jobId);
    expect(second).toMatchObject({ state: 'failed', destroyed: 1, problem: { code: 'INTERNAL' } });
    expect(t.app.core.db.prepare('SELECT verified FROM record_dispositions WHERE record_id = ?').get(o.old2.id)).toEqual({ verified: 0 });
    // Begun is enough to stop anyone seeing it.
    expect(await codeOf(() => t.call('records.play', { recordId: o.old2.id }, o.token))).toBe('RECORD_DESTROYED');

    const third = await execution.wait((await t.call('destruction.execute', { id: list.id }, o.token)).jobId);
    expect(third).toMatchObject({ state: 'finished', destroyed: 2, pendingCopies: 0 });
    expect(fs.existsSync(storePath(t, o.old2.sha256))).toBe(false);
    expect((await t.call('destruction.get', { id: list.id }, o.token)).state).toBe('executed');
    // Each record destroyed once, the list executed once.
    expect(await actions(t, o.token, 'record.destroyed')).toHaveLength(2);
    expect(await actions(t, o.token, 'destruction.executed')).toHaveLength(1);
  });

  it('finishes at the next start a run whose process was killed, by the system in the name of whoever started it', async () => {
    await restarted(async (first, o, list, killed) => {
      const next = await first.reopen();
      await next.app.startBackgroundWork();
      const token = await next.login(KEEPER.username, KEEPER.password);
      expect((await next.call('destruction.get', { id: list.id }, token)).state).toBe('executed');
      expect(next.app.core.execution.job(killed).state).toBe('interrupted');
      expect(fs.existsSync(storePath(next, o.old2.sha256))).toBe(false);
      expect(fs.existsSync(new BackupLayout(o.targetDir).objectPath(o.old2.sha256))).toBe(false);
      const [resumed] = await actions(next, token, 'destruction.resumed');
      expect(resumed).toMatchObject({ actorId: null, details: { number: list.number, interruptedJob: killed } });
      expect(await actions(next, token, 'record.destroyed')).toHaveLength(2);
      expect(next.app.core.db.prepare('SELECT DISTINCT executed_by AS id FROM record_dispositions').all()).toEqual([{ id: 1 }]);
      // What the killed process had written is whole: the audit chain still verifies.
      expect(await next.call('audit.verify', {}, token)).toMatchObject({ ok: true });
    });
  });

  it('refuses a resumed run the rules forbid now, keeps why, and does not try it again at every start', async () => {
    await restarted(async (first, o, list, killed) => {
      const behind = await first.reopen();
      behind.clock.advanceMinutes(-60);
      await behind.app.startBackgroundWork();
      expect(behind.app.core.execution.job(killed)).toMatchObject({ state: 'interrupted', destroyed: 1, problem: { code: 'CLOCK_BACKWARDS' } });
      expect(fs.existsSync(storePath(behind, o.old2.sha256))).toBe(true);
      await behind.app.close();

      const next = await first.reopen();
      await next.app.startBackgroundWork();
      const token = await next.login(KEEPER.username, KEEPER.password);
      // The list says how far its last run got and why it stopped; the record done says when.
      const stopped = await next.call('destruction.get', { id: list.id }, token);
      expect(stopped).toMatchObject({ state: 'approved', lastRun: { id: killed, state: 'interrupted', destroyed: 1, problem: { code: 'CLOCK_BACKWARDS' } } });
      expect(stopped.items.map((i) => i.destroyedAt !== null)).toEqual([true, false]);
      expect(await actions(next, token, 'destruction.resumed')).toEqual([]);
      expect((await actions(next, token, 'destruction.refused')).map((e) => [e.actorId, e.details])).toEqual([[null, expect.objectContaining({ step: 'execute', code: 'CLOCK_BACKWARDS' })]]);
      // The keeper, told why, runs it once the clock is right.
      const done = await next.app.core.execution.wait((await next.call('destruction.execute', { id: list.id }, token)).jobId);
      expect(done).toMatchObject({ state: 'finished', destroyed: 2 });
      expect((await next.call('destruction.get', { id: list.id }, token)).lastRun).toMatchObject({ id: done.id, state: 'finished' });
    });
  });

  it('refuses, with an audit event, a list not approved, one executed already, a clock set back, a hold, and anyone but the keeper', async () => {
    const t = await open();
    const o = await office(t);
    const pending = await t.call('destruction.propose', { recordIds: [o.old.id], reason: '期满销毁' }, o.token);
    expect(await codeOf(() => t.call('destruction.execute', { id: pending.id }, o.token))).toBe('LIST_NOT_APPROVED');
    await t.call('destruction.decide', { id: pending.id, outcome: 'rejected', reason: '再核对' }, o.leader);
    expect(await codeOf(() => t.call('destruction.execute', { id: pending.id }, o.token))).toBe('LIST_NOT_APPROVED');
    const list = await approvedList(t, o);
    expect(await codeOf(() => t.call('destruction.execute', { id: list.id }, o.leader))).toBe('FORBIDDEN');

    // A hold that started after the approval blocks the run before anything goes.
    const hold = await t.call('retention.hold', { recordId: o.old2.id, kind: 'complaint', reason: '当事人投诉' }, o.token);
    expect(await codeOf(() => t.call('destruction.execute', { id: list.id }, o.token))).toBe('RECORD_HELD');
    expect(fs.existsSync(storePath(t, o.old.sha256))).toBe(true);
    await t.call('retention.lift', { holdId: hold.holds[0]?.id ?? 0, reason: '投诉已处理' }, o.token);

    // The clock set back behind the newest audit event.
    t.clock.advanceMinutes(-24 * 60);
    const clock = (await t.call('destruction.execute', { id: list.id }, o.token).catch((e: unknown) => e)) as { code: string; details: Record<string, unknown> };
    expect(clock).toMatchObject({ code: 'CLOCK_BACKWARDS' });
    expect(clock.details.newest).toMatch(/^2026-11-24T/);
    t.clock.advanceMinutes(2 * 24 * 60);
    // Two days on, the keeper's session has lapsed: a new one.
    const token = await t.login(KEEPER.username, KEEPER.password);

    // A hold placed while the run is under way stops it at that record; the first stays destroyed.
    t.app.core.execution.hooks.afterItem = () => {
      t.app.core.execution.hooks.afterItem = undefined;
      t.app.core.db.prepare("INSERT INTO retention_holds (record_id, kind, reason, set_at, set_by) VALUES (?, 'review', '复查', ?, 1)").run(o.old2.id, t.clock.now().toISOString());
    };
    const stopped = await t.app.core.execution.wait((await t.call('destruction.execute', { id: list.id }, token)).jobId);
    expect(stopped).toMatchObject({ state: 'failed', destroyed: 1, problem: { code: 'RECORD_HELD' } });
    expect(fs.existsSync(storePath(t, o.old2.sha256))).toBe(true);
    expect((await t.call('destruction.get', { id: list.id }, token)).state).toBe('approved');
    t.app.core.db.prepare("UPDATE retention_holds SET lifted_at = ?, lifted_by = 1, lift_reason = '复查结束' WHERE record_id = ? AND lifted_at IS NULL").run(t.clock.now().toISOString(), o.old2.id);

    const done = await t.app.core.execution.wait((await t.call('destruction.execute', { id: list.id }, token)).jobId);
    expect(done).toMatchObject({ state: 'finished', destroyed: 2 });
    const again = await t.call('destruction.execute', { id: list.id }, token).catch((e: unknown) => e as { code: string; details: Record<string, unknown> });
    expect(again).toMatchObject({ code: 'LIST_EXECUTED', details: { number: list.number } });

    expect((await actions(t, token, 'destruction.refused')).filter((e) => e.details.step === 'execute').map((e) => e.details.code)).toEqual([
      'LIST_EXECUTED',
      'RECORD_HELD',
      'CLOCK_BACKWARDS',
      'RECORD_HELD',
      'LIST_NOT_APPROVED',
      'LIST_NOT_APPROVED',
    ]);
  });
});
