import type { Command } from 'commander';
import type { FixityScope } from '../../../shared/contract/integrity-dto.js';
import { AppError } from '../../../shared/errors.js';
import { withSignIn, type GlobalOptions } from '../context.js';
import { waitForCheck } from '../jobs.js';
import { emit } from '../output.js';
import { say } from '../texts.js';

interface VerifyOptions {
  all?: boolean;
  since?: string;
  sample?: string;
}

function scopeOf(opts: VerifyOptions): FixityScope {
  if (opts.since !== undefined) {
    const t = Date.parse(opts.since);
    if (Number.isNaN(t)) throw new AppError('VALIDATION_FAILED', 'bad date', { fields: '--since (YYYY-MM-DD)' });
    return { kind: 'since', since: new Date(t).toISOString() };
  }
  if (opts.sample !== undefined) {
    const n = Number(opts.sample);
    if (!Number.isInteger(n) || n < 1) throw new AppError('VALIDATION_FAILED', 'bad count', { fields: '--sample (a whole number ≥ 1)' });
    return { kind: 'sample', count: n };
  }
  return { kind: 'all' };
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('re-hash originals against the catalogue, look for unexpected files, verify the audit chain; exits 1 on any problem')
    .option('--all', 'every original (the default)')
    .option('--since <date>', 'originals imported since DATE')
    .option('--sample <n>', 'N originals picked at random')
    .action(async (opts: VerifyOptions, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const { runId } = await s.call('integrity.check', { scope: scopeOf(opts) });
        const run = await waitForCheck(s, runId);
        const { summary, problems } = run;
        if (!summary) throw new AppError('INTERNAL', 'the check ended without a summary');
        const human = [
          say('verifyDone', { runId, ...summary, seconds: summary.seconds.toFixed(1), chain: say(summary.auditChainOk ? 'chainOk' : 'chainBroken') }),
          ...problems.map((p) => say('verifyProblem', p)),
        ].join('\n');
        emit(global.json, { runId, state: run.state, ...summary, problems }, human);
        if (problems.length > 0 || !summary.auditChainOk) process.exitCode = 1;
      });
    });
}
