import type { Command } from 'commander';
import { REQUEST_STATES } from '../../../shared/contract/requests-dto.js';
import { AppError } from '../../../shared/errors.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { withSignIn, type GlobalOptions } from '../context.js';
import { emit } from '../output.js';
import { decisionWord, say } from '../texts.js';

/** `records requests list`: requests to view or borrow, as the acting account may see them; decisions go through `records call`. */
export function registerRequests(program: Command): void {
  program
    .command('requests')
    .description('requests to view or borrow (decide with records call requests.decide)')
    .command('list')
    .description('the requests the account may see, newest first')
    .option('--state <state>', `one of ${REQUEST_STATES.join(', ')}`)
    .action(async (opts: { state?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (opts.state && !(REQUEST_STATES as readonly string[]).includes(opts.state)) throw new AppError('VALIDATION_FAILED', 'unknown state', { fields: '--state' });
      await withSignIn(global, async (s) => {
        const { timeZone } = await s.call('system.status', {});
        const { requests, total } = await s.call('requests.list', { state: opts.state as (typeof REQUEST_STATES)[number] | undefined, limit: 200 });
        const lines = requests.map((r) =>
          say('requestLine', { number: r.number, kind: say(`requestKind_${r.kind}`), state: decisionWord(r.state), requester: r.requester.name, items: r.items.map((i) => i.label).join('、'), from: officeTime(r.window.from, timeZone), to: officeTime(r.window.to, timeZone) }),
        );
        emit(global.json, { requests, total }, lines.length ? lines.join('\n') : say('requestsNone'));
      });
    });
}
