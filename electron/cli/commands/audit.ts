import type { Command } from 'commander';
import { withSignIn, type GlobalOptions } from '../context.js';
import { emit } from '../output.js';
import { say } from '../texts.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  audit
    .command('verify')
    .description('check the whole chain; names the first broken link and exits 1 if there is one')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const result = await s.call('audit.verify', {});
        const text = result.ok
          ? say('auditOk', result)
          : say('auditBroken', { ...result, seq: result.firstBroken?.seq, reason: result.firstBroken?.reason });
        emit(global.json, result, text);
        if (!result.ok) process.exitCode = 1;
      });
    });
}
