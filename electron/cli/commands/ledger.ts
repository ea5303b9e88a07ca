import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { CASE_KINDS, type CaseKind } from '../../../shared/rules/case-number.js';
import { withSignIn, type GlobalOptions } from '../context.js';
import { emit } from '../output.js';
import { say } from '../texts.js';

const FORMATS = { '.xlsx': 'xlsx', '.docx': 'docx' } as const;

function kind(value: string): CaseKind {
  if (!(CASE_KINDS as readonly string[]).includes(value)) throw new InvalidArgumentError(say('ledgerBadKind', { value }));
  return value as CaseKind;
}

/** A calendar day written YYYY-MM-DD that exists (not 2026-02-30). */
function day(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new InvalidArgumentError(say('ledgerBadDay', { value }));
  return value;
}

/** The file to write: its extension names the format, and its folder must be there to write in. */
function out(value: string): string {
  const file = path.resolve(value);
  if (!(path.extname(file).toLowerCase() in FORMATS)) throw new InvalidArgumentError(say('ledgerBadExtension', { value }));
  const dir = path.dirname(file);
  try {
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a folder');
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new InvalidArgumentError(say('ledgerNoFolder', { dir }));
  }
  return file;
}

/**
 * `records ledger export`: a county case ledger (004) for a period, as the Excel or Word file the
 * county asks for, written where the keeper says, through the same method (checks, audit) as the
 * app's export. A wrong kind, day, period, extension or folder is refused before anything is done.
 */
export function registerLedger(program: Command): void {
  const ledger = program.command('ledger').description('the county case ledgers (行政处罚 / 行政检查 / 行政强制案件台账)');
  ledger
    .command('export')
    .description('write a ledger for a period as .xlsx or .docx (the format follows the file name)')
    .requiredOption('--kind <kind>', 'penalty | inspection | coercion', kind)
    .requiredOption('--from <day>', 'first day of the period, YYYY-MM-DD', day)
    .requiredOption('--to <day>', 'last day of the period, YYYY-MM-DD', day)
    .requiredOption('--out <file>', 'the file to write: FILE.xlsx or FILE.docx', out)
    .action(async (opts: { kind: CaseKind; from: string; to: string; out: string }, cmd: Command) => {
      if (opts.from > opts.to) cmd.error(say('ledgerBackwards', { from: opts.from, to: opts.to }), { code: 'commander.invalidArgument', exitCode: 2 });
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const format = FORMATS[path.extname(opts.out).toLowerCase() as keyof typeof FORMATS];
      await withSignIn(global, async (s) => {
        const period = { kind: opts.kind, from: opts.from, to: opts.to };
        const written = await s.call('ledgers.export', { ...period, format });
        const content = await s.call('ledgers.get', period);
        fs.copyFileSync(written.path, opts.out);
        // The copy in the documents folder was only the way out; the keeper's file is the one kept.
        fs.rmSync(written.path, { force: true });
        const gaps = content.rows.reduce((n, r) => n + r.gaps, 0);
        const summary = { path: opts.out, title: content.title, rows: content.rows.length, gaps, waiting: content.waiting.length };
        emit(global.json, summary, say('ledgerExported', summary));
      });
    });
}
