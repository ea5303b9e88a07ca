import type { PushEvent } from '../../shared/contract/events.js';
import type { DestructionJobDto } from '../../shared/contract/destruction-dto.js';
import type { DiscJobDto } from '../../shared/contract/discs-dto.js';
import type { BackupRunDto, FixityRunDetailDto } from '../../shared/contract/integrity-dto.js';
import type { ImportJobDto } from '../../shared/contract/records-dto.js';
import type { Signed } from './context.js';

/**
 * Waits for the push event that ends a job, as the UI does, and not by polling: a poll interval
 * is pure waiting added to every command (it was most of a small import's wall time).
 * `ended` asks through the contract first, for a job that ended before the listener was there.
 */
async function untilEvent(s: Signed, isEnd: (e: PushEvent) => boolean, ended: () => Promise<boolean>): Promise<void> {
  let heard!: () => void;
  const finished = new Promise<void>((resolve) => (heard = resolve));
  const stop = s.app.bus.subscribe((e) => {
    if (isEnd(e)) heard();
  });
  try {
    if (!(await ended())) await finished;
  } finally {
    stop();
  }
}

export async function waitForImport(s: Signed, jobId: number): Promise<ImportJobDto> {
  await untilEvent(s, (e) => e.type === 'import.finished' && e.payload.jobId === jobId, async () => (await s.call('import.get', { jobId })).state !== 'running');
  // The process exits when done, so it waits for the background probes that flag unreadable files.
  await s.app.core.media.idle();
  return s.call('import.get', { jobId });
}

export async function waitForCheck(s: Signed, runId: number): Promise<FixityRunDetailDto> {
  await untilEvent(s, (e) => e.type === 'integrity.finished' && e.payload.runId === runId, async () => (await s.call('integrity.get', { runId })).state !== 'running');
  return s.call('integrity.get', { runId });
}

export async function waitForBackup(s: Signed, runId: number): Promise<BackupRunDto> {
  await untilEvent(s, (e) => e.type === 'backup.finished' && e.payload.runId === runId, async () => (await s.call('backup.get', { runId })).state !== 'running');
  return s.call('backup.get', { runId });
}

export async function waitForDisc(s: Signed, jobId: number): Promise<DiscJobDto> {
  await untilEvent(s, (e) => e.type === 'disc.finished' && e.payload.jobId === jobId, async () => (await s.call('discs.job', { jobId })).state !== 'running');
  return s.call('discs.job', { jobId });
}

export async function waitForDestruction(s: Signed, jobId: number): Promise<DestructionJobDto> {
  await untilEvent(s, (e) => e.type === 'destruction.finished' && e.payload.jobId === jobId, async () => (await s.call('destruction.job', { jobId })).state !== 'running');
  return s.call('destruction.job', { jobId });
}

/** After `records call` started a job: closing the folder would cancel it, so the process stays until it ends. */
export async function finishStartedJob(s: Signed, method: string, value: unknown): Promise<void> {
  const started = value as { jobId: number; runId: number };
  if (method === 'import.start') await waitForImport(s, started.jobId);
  if (method === 'integrity.check') await waitForCheck(s, started.runId);
  if (method === 'backup.run') await waitForBackup(s, started.runId);
  if (method === 'discs.build' || method === 'discs.burn') await waitForDisc(s, started.jobId);
  if (method === 'destruction.execute') await waitForDestruction(s, started.jobId);
}
