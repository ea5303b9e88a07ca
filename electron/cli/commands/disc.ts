import path from 'node:path';
import type { Command } from 'commander';
import type { DiscDto } from '../../../shared/contract/discs-dto.js';
import { AppError } from '../../../shared/errors.js';
import { DISC_MEDIUM_CODES, type DiscMedium } from '../../../shared/rules/disc-media.js';
import { normalizeCaseNo } from '../../../shared/rules/case-number.js';
import { withSignIn, type GlobalOptions, type Signed } from '../context.js';
import { waitForDisc } from '../jobs.js';
import { emit } from '../output.js';
import { say } from '../texts.js';

/** The case by its number as typed: brackets and digit widths vary, so numbers are compared as the catalogue normalizes them. */
async function caseIdOf(s: Signed, caseNo: string): Promise<number> {
  const wanted = normalizeCaseNo(caseNo);
  let beforeId: number | undefined;
  for (;;) {
    const page = (await s.call('cases.list', { limit: 200, beforeId })).cases;
    const found = page.find((c) => normalizeCaseNo(c.caseNo) === wanted);
    if (found) return found.id;
    if (page.length < 200) throw new AppError('NOT_FOUND', `no case ${caseNo}`, { id: caseNo });
    beforeId = page.at(-1)?.id;
  }
}

function recordIds(list: string | undefined): number[] | undefined {
  if (!list) return undefined;
  const ids = list.split(',').map((x) => Number(x.trim()));
  if (ids.some((id) => !Number.isInteger(id) || id <= 0)) throw new AppError('VALIDATION_FAILED', 'record ids are whole numbers', { fields: '--records' });
  return ids;
}

const discLine = (d: DiscDto) => say('discLine', { number: d.number, caseNo: d.caseNo, index: d.index, count: d.count, medium: d.medium, files: d.fileCount, state: say(`discState_${d.state}`), location: d.location ?? '—', sha: d.tagmanifestSha256 });

/** `records disc build|check|list`: evidence discs from scripts, through the same contract as the app. */
export function registerDisc(program: Command): void {
  const disc = program.command('disc').description('evidence discs: build images, check a disc, list the register');

  disc
    .command('build')
    .description('build the disc image(s) of a case’s evidence into a folder; prints each image, its size and tag-manifest SHA-256')
    .requiredOption('--case <no>', 'case number')
    .option('--records <ids>', 'only these evidence records (comma-separated ids)')
    .option('--medium <medium>', `one of ${DISC_MEDIUM_CODES.join(', ')}`, 'dvd')
    .requiredOption('--out <dir>', 'folder for the images')
    .option('--replaces <number>', 'make this disc again (lost or damaged), as a new register entry that names it; needs --reason')
    .option('--reason <text>', 'why the disc is made again')
    .action(async (opts: { case: string; records?: string; medium: string; out: string; replaces?: string; reason?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (!(DISC_MEDIUM_CODES as string[]).includes(opts.medium)) throw new AppError('VALIDATION_FAILED', 'unknown medium', { fields: '--medium' });
      await withSignIn(global, async (s) => {
        const caseId = await caseIdOf(s, opts.case);
        const medium = opts.medium as DiscMedium;
        const plan = await s.call('discs.plan', { caseId, recordIds: recordIds(opts.records), medium });
        if (plan.blocked.length > 0) {
          // Each record and what keeps it off, before the error line: the keeper fixes them by name.
          for (const b of plan.blocked) process.stderr.write(`${say('discBlocked', { id: b.recordId, name: b.name, reasons: b.reasons.map((r) => say(`discBlock_${r}`, { missing: b.missing.join('、') })).join('；') })}\n`);
        }
        const replaced = opts.replaces ? (await s.call('discs.list', { caseId })).find((d) => d.number === opts.replaces) : undefined;
        if (opts.replaces && !replaced) throw new AppError('NOT_FOUND', `no disc ${opts.replaces} of this case`, { id: opts.replaces });
        if (replaced && !opts.reason) throw new AppError('VALIDATION_FAILED', 'a replacement needs its reason', { fields: '--reason' });
        const replaces = replaced ? { discId: replaced.id, reason: opts.reason as string } : undefined;
        const { jobId } = await s.call('discs.build', { caseId, recordIds: recordIds(opts.records), medium, outDir: path.resolve(opts.out), replaces });
        const job = await waitForDisc(s, jobId);
        if (job.state !== 'finished') throw new AppError(job.problem?.code ?? 'INTERNAL', job.problem?.message ?? job.state, job.problem?.details);
        const discs = await Promise.all(job.discIds.map((id) => s.call('discs.get', { id })));
        const out = discs.map((d) => ({ number: d.number, path: d.imagePath, bytes: d.imageBytes, tagmanifestSha256: d.tagmanifestSha256, disc: `${d.index}/${d.count}`, files: d.files.map((f) => f.path) }));
        emit(global.json, { discs: out }, out.map((d) => [say('discBuilt', d), ...d.files.map((f) => `  ${f}`)].join('\n')).join('\n'));
      });
    });

  disc
    .command('check <path>')
    .description('re-verify a disc (mounted folder, extracted folder, ISO file or drive) against the register; exits 1 if anything is wrong')
    .action(async (source: string, _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const found = await s.call('discs.check', { path: /^stdio:|^\/dev\//.test(source) ? source : path.resolve(source) });
        const head = say(`discVerdict_${found.verdict}`, { number: found.disc?.number ?? '—', caseNo: found.caseNo ?? '—', ok: found.filesOk, problems: found.problems.length });
        emit(global.json, found, [head, ...found.problems.map((p) => `  ✗ ${say(`discProblem_${p.problem}`)} ${p.path}`)].join('\n'));
        if (found.verdict !== 'ok') process.exitCode = 1;
      });
    });

  disc
    .command('list')
    .description('the disc register')
    .option('--case <no>', 'only this case')
    .action(async (opts: { case?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const discs = await s.call('discs.list', opts.case ? { caseId: await caseIdOf(s, opts.case) } : {});
        emit(global.json, { discs }, discs.length ? discs.map(discLine).join('\n') : say('discNone'));
      });
    });
}
