import type { Command } from 'commander';
import type { DestructionListDto } from '../../../shared/contract/destruction-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { RetentionRule } from '../../../shared/rules/retention.js';
import { withSignIn, type GlobalOptions, type Signed } from '../context.js';
import { waitForDestruction } from '../jobs.js';
import { emit } from '../output.js';
import { decisionWord, say } from '../texts.js';

function ruleText(rule: RetentionRule): string {
  if (rule.code === 'standard_years') return say('retentionRule_standard', { years: rule.years, from: rule.from, clock: say(`retentionClock_${rule.clock}`) });
  if (rule.code === 'evidence_years') return say('retentionRule_evidence', { years: rule.years, from: rule.from });
  return rule.code;
}

function ids(text: string): number[] {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) throw new AppError('VALIDATION_FAILED', 'record ids', { fields: '--records' });
  return parts.map(Number);
}

function listLines(l: DestructionListDto): string {
  return [say('destructionList', { number: l.number, state: decisionWord(l.state), count: l.items.length, reason: l.reason }), ...l.items.map((i) => say('destructionItem', { id: i.recordId, name: i.name, keptThrough: i.keptThrough, sha256: i.sha256 }))].join('\n');
}

/** The decision on a list named by its number, as the signed-in leader. */
async function decide(global: GlobalOptions, number: string, outcome: 'approved' | 'rejected', opts: { reason?: string; witness?: string }): Promise<void> {
  const witnessId = opts.witness === undefined ? undefined : Number(opts.witness);
  if (witnessId !== undefined && !(Number.isInteger(witnessId) && witnessId > 0)) throw new AppError('VALIDATION_FAILED', 'witness account id', { fields: '--witness' });
  await withSignIn(global, async (s: Signed) => {
    const list = await s.call('destruction.get', { number });
    const decided = await s.call('destruction.decide', { id: list.id, outcome, reason: opts.reason, witnessId });
    emit(global.json, decided, say(outcome === 'approved' ? 'destructionApproved' : 'destructionRejected', { number: decided.number, count: decided.items.length, by: decided.decision?.by ?? '' }));
  });
}

/**
 * `records retention review|propose|approve|reject`: what has expired and why, a destruction list
 * proposed by the keeper (its number printed), the responsible leader's decision on it, and the
 * keeper executing an approved list. A refusal (not expired, held, already listed, own list,
 * decided already, not approved, executed already, clock set back) exits non-zero.
 */
export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('retention: the expiry review and destruction lists');
  retention
    .command('review')
    .description('records whose retention period has ended and that nothing holds, with the rule that ends it')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const review = await s.call('retention.review', {});
        const lines = review.items.map((i) => say('reviewLine', { id: i.recordId, name: i.name, officer: i.officer ?? '—', keptThrough: i.keptThrough, rule: ruleText(i.rule), cases: i.cases.join('、') || '—' }));
        emit(global.json, review, [say('reviewHead', { today: review.today, total: review.total, held: review.held }), ...lines].join('\n'));
      });
    });
  retention
    .command('propose')
    .description('propose a destruction list (the keeper): every record must have expired and be unheld')
    .requiredOption('--records <ids>', 'record ids, comma-separated')
    .requiredOption('--reason <text>', 'why these records are to be destroyed')
    .action(async (opts: { records: string; reason: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const recordIds = ids(opts.records);
      await withSignIn(global, async (s) => {
        const list = await s.call('destruction.propose', { recordIds, reason: opts.reason });
        emit(global.json, list, listLines(list));
      });
    });
  retention
    .command('approve')
    .description('approve a destruction list (the responsible leader; never the one who proposed it)')
    .argument('<listNo>', 'the list number, e.g. 2026-X0001')
    .option('--reason <text>', 'the leader’s opinion')
    .option('--witness <accountId>', 'the second witness (监销人), by account id')
    .action(async (listNo: string, opts: { reason?: string; witness?: string }, cmd: Command) => decide(cmd.optsWithGlobals<GlobalOptions>(), listNo, 'approved', opts));
  retention
    .command('reject')
    .description('reject a destruction list, saying why (the responsible leader)')
    .argument('<listNo>', 'the list number, e.g. 2026-X0001')
    .requiredOption('--reason <text>', 'why not')
    .action(async (listNo: string, opts: { reason: string }, cmd: Command) => decide(cmd.optsWithGlobals<GlobalOptions>(), listNo, 'rejected', opts));
  retention
    .command('execute')
    .description('execute an approved destruction list (the keeper): originals, derived and backup copies removed, a disposition kept')
    .argument('<listNo>', 'the list number, e.g. 2026-X0001')
    .action(async (listNo: string, _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const list = await s.call('destruction.get', { number: listNo });
        const { jobId } = await s.call('destruction.execute', { id: list.id });
        const job = await waitForDestruction(s, jobId);
        // A run stopped midway (a hold found, the clock set back) is a refusal too: said as one, non-zero.
        if (job.state !== 'finished') throw job.problem ? new AppError(job.problem.code, job.problem.message, job.problem.details) : new AppError('INTERNAL', `destruction job ${job.state}`);
        emit(global.json, job, say('destructionExecuted', { number: job.listNumber, count: job.destroyed, pending: job.pendingCopies }));
      });
    });
}
