import type { Command } from 'commander';
import { AppError } from '../../../shared/errors.js';
import { cliLanguage, withOptionalSignIn, type GlobalOptions } from '../context.js';
import { finishStartedJob } from '../jobs.js';
import { errorLine, toShape } from '../output.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function inputFrom(arg: string | undefined): Promise<unknown> {
  const text = arg === '-' ? await readStdin() : (arg ?? '{}');
  try {
    return JSON.parse(text.trim() === '' ? '{}' : text);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', 'the input is not JSON', { fields: 'JSON', reason: err instanceof Error ? err.message : String(err) });
  }
}

/** Every method with its access and its input as JSON Schema: what a script may send. */
async function methodList(): Promise<unknown[]> {
  const [{ z }, { METHODS }] = await Promise.all([import('zod'), import('../../../shared/contract/methods.js')]);
  const here = Object.entries(METHODS).filter(([, spec]) => !('screen' in spec && spec.screen));
  return here.map(([method, spec]) => ({
    method,
    access: spec.access,
    // What may be sent (fields with defaults are optional). Every input schema converts today; one
    // that can't (a custom type, say) fails --list and its test rather than print a blank schema.
    input: z.toJSONSchema(spec.input, { io: 'input' }),
  }));
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, process.stdout.isTTY ? 2 : undefined)}\n`);
}

export function registerCall(program: Command): void {
  program
    .command('call [method] [input]')
    .description('run any method of the contract as --user (same checks and audit as the app); INPUT is JSON, or - to read it from stdin. Prints the JSON result, or the error object and exits 1')
    .option('--list', 'print every method with its access and its input as JSON Schema')
    .action(async (method: string | undefined, input: string | undefined, opts: { list?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (!opts.list && method === undefined) cmd.error("error: missing required argument 'method'", { code: 'commander.missingArgument' });
      try {
        if (opts.list) return print(await methodList());
        const { isMethodName } = await import('../../../shared/contract/methods.js');
        if (!isMethodName(method)) throw new AppError('UNKNOWN_METHOD', `unknown method ${method}`, { method });
        const parsed = await inputFrom(input);
        await withOptionalSignIn(global, async (s) => {
          const res = await s.dispatch(method, parsed);
          if (!res.ok) throw new AppError(res.error.code, res.error.message, res.error.details);
          print(res.value);
          // A job started here runs in this process: it must end before the folder closes.
          await finishStartedJob(s, method, res.value);
        });
      } catch (err) {
        const shape = toShape(err);
        print(shape);
        process.stderr.write(`${errorLine(shape, cliLanguage())}\n`);
        process.exitCode = 1;
      }
    });
}
