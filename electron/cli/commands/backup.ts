import path from 'node:path';
import type { Command } from 'commander';
import type { BackupRunDto } from '../../../shared/contract/integrity-dto.js';
import { AppError } from '../../../shared/errors.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { withSignIn, type GlobalOptions } from '../context.js';
import { waitForBackup } from '../jobs.js';
import { emit } from '../output.js';
import { say } from '../texts.js';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('copy new originals (verified at the target), a catalogue snapshot and the audit log to the backup targets; exits 1 if any run failed')
    .option('--target <dir>', 'back up to this folder only (added as a target if it is new)')
    .action(async (opts: { target?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        let targets = (await s.call('backup.targets', {})).filter((t) => !t.retired);
        if (opts.target) {
          const wanted = path.resolve(opts.target);
          const known = targets.find((t) => t.path === wanted);
          targets = [known ?? (await s.call('backup.addTarget', { path: wanted, label: path.basename(wanted) || wanted }))];
        }
        const runs: (BackupRunDto & { path: string })[] = [];
        for (const t of targets) {
          const { runId } = await s.call('backup.run', { targetId: t.id });
          runs.push({ ...(await waitForBackup(s, runId)), path: t.path });
        }
        const lines = runs.map((r) =>
          r.state === 'finished' ? say('backupDone', { path: r.path, ...r.summary }) : say('backupFailed', { path: r.path, problem: say(`problem_${r.problem}`) }),
        );
        emit(global.json, { runs }, (lines.length > 0 ? lines : [say('backupNoTargets')]).join('\n'));
        if (runs.some((r) => r.state !== 'finished') || runs.length === 0) process.exitCode = 1;
      });
    });

  program
    .command('restore')
    .description('rebuild a working archive in a new, empty folder (--data) from a backup')
    .requiredOption('--from <dir>', 'the backup target folder (or its RecordsRoom-backup folder)')
    .action(async (opts: { from: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (!global.data) throw new AppError('VALIDATION_FAILED', 'no --data', { fields: '--data NEWDIR' });
      const [{ restoreArchive }, { DEFAULT_TIMELINESS }] = await Promise.all([import('../../core/app/restore-archive.js'), import('../../core/settings/settings-service.js')]);
      const summary = await restoreArchive(opts.from, path.resolve(global.data));
      // Restoring signs nobody in, so the office's own zone can't be asked for; the default zone is China's.
      const takenAt = officeTime(summary.takenAt, DEFAULT_TIMELINESS.timeZone);
      emit(global.json, summary, [say('restoreDone', { ...summary, takenAt, headSeq: summary.auditHead.seq, missingCount: summary.missing.length, dir: path.resolve(global.data) }), ...summary.missing.map((m) => `  ✗ ${m.sha256}: ${m.reason}`)].join('\n'));
      if (summary.missing.length > 0) process.exitCode = 1;
    });
}
