import type { Command } from 'commander';
import { interpolate } from '../../../shared/i18n/messages.js';
import { cliLanguage, withSignIn, type GlobalOptions } from '../context.js';
import { emit } from '../output.js';
import { CLI_TEXTS } from '../texts.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check the whole chain; names the first broken link and exits 1 if there is one')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const result = await s.call('audit.verify', {});
        const t = CLI_TEXTS[cliLanguage()];
        const text = result.ok
          ? interpolate(t.auditOk ?? '', result)
          : interpolate(t.auditBroken ?? '', { ...result, seq: result.firstBroken?.seq, reason: result.firstBroken?.reason });
        emit(global.json, result, text);
        if (!result.ok) process.exitCode = 1;
      });
    });
}
