import path from 'node:path';
import type { Command } from 'commander';
import type { RecordDto } from '../../../shared/contract/records-dto.js';
import { AppError } from '../../../shared/errors.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { recordFlags } from '../../../shared/rules/record-flags.js';
import { withSignIn, type GlobalOptions } from '../context.js';
import { waitForImport } from '../jobs.js';
import { emit } from '../output.js';
import { say } from '../texts.js';

export function registerImport(program: Command): void {
  program
    .command('import <source>')
    .description('import every recording under SOURCE (a camera drive or folder): hashed, verified, exactly once')
    .option('--officer <no>', "officer number for files whose name and camera don't say whose they are")
    .option('--device <no>', "camera number for files whose name doesn't carry one")
    .option('--clear-device', 'after the batch, delete from SOURCE the files verified in the archive', false)
    .action(async (source: string, opts: { officer?: string; device?: string; clearDevice: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const officerId = opts.officer === undefined ? undefined : (await s.call('accounts.list', {})).find((a) => a.officerNo === opts.officer && !a.disabled)?.id;
        if (opts.officer !== undefined && officerId === undefined) throw new AppError('UNKNOWN_OFFICER', 'no such officer', { officerNo: opts.officer });
        const { jobId } = await s.call('import.start', { source: path.resolve(source), options: { officerId, deviceNo: opts.device, clearDevice: opts.clearDevice } });
        const stopProgress = process.stderr.isTTY
          ? s.app.bus.subscribe((e) => {
              if (e.type !== 'import.progress') return;
              const p = e.payload.progress;
              process.stderr.write(`\r${say('importProgress', { done: p.filesDone, total: p.filesTotal, speed: p.mibPerSecond.toFixed(0) })}`);
            })
          : () => undefined;
        const job = await waitForImport(s, jobId);
        stopProgress();
        const records: RecordDto[] = [];
        for (let beforeId: number | undefined; ; ) {
          const page = await s.call('records.list', { limit: 500, importJobId: jobId, beforeId });
          records.push(...page.records);
          if (page.nextBeforeId === null) break;
          beforeId = page.nextBeforeId;
        }
        const summary = job.summary ?? { imported: 0, duplicates: 0, failed: 0, skipped: 0, late: 0, bytes: 0, seconds: 0, cleared: 0, notCleared: 0 };
        const flagged = records.filter((r) => recordFlags(r).length > 0).length;
        const failures = job.items.filter((i) => i.outcome === 'failed').map((i) => ({ path: i.relativePath, reason: i.reason }));
        const skippedFiles = job.items.filter((i) => i.outcome === 'skipped').map((i) => ({ path: i.relativePath, reason: i.reason }));
        const human = [
          say('importDone', { ...summary, seconds: summary.seconds.toFixed(1), mib: (summary.bytes / 1048576).toFixed(1) }),
          ...(flagged > 0 ? [say('importFlagged', { flagged })] : []),
          ...(opts.clearDevice ? [say('importCleared', summary)] : []),
          ...failures.map((f) => `  ✗ ${f.path}: ${f.reason}`),
        ].join('\n');
        emit(
          global.json,
          {
            jobId,
            state: job.state,
            ...summary,
            flagged,
            records: records.map((r) => ({ id: r.id, path: r.originalPath, name: r.originalName, size: r.size, sha256: r.sha256, sm3: r.sm3, flags: recordFlags(r), media: r.media })),
            failures,
            skippedFiles,
            ...(opts.clearDevice ? { clearance: job.items.filter((i) => i.cleared !== null).map((i) => ({ path: i.relativePath, cleared: i.cleared, reason: i.clearReason })) } : {}),
          },
          human,
        );
        if (summary.failed > 0) process.exitCode = 1;
      });
    });
}

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the records in the archive, newest recording first')
    .option('--limit <n>', 'how many', '100')
    .action(async (opts: { limit: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const page = await s.call('records.list', { limit: Math.min(500, Math.max(1, Number(opts.limit) || 100)) });
        const { timeZone } = await s.call('system.status', {});
        const lines = page.records.map((r) => [r.id, officeTime(r.importedAt, timeZone), r.mediaType, r.size, r.sha256.slice(0, 16), r.originalPath].join('\t'));
        emit(global.json, page, [say('listHeader', { total: page.total, timeZone }), ...lines].join('\n'));
      });
    });
}
