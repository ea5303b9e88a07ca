import { CommanderError, type Command } from 'commander';
import { APP_VERSION } from '../../shared/version.js';
import { registerAudit } from './commands/audit.js';
import { registerBackup } from './commands/backup.js';
import { registerCall } from './commands/call.js';
import { registerDisc } from './commands/disc.js';
import { registerRequests } from './commands/requests.js';
import { registerRetention } from './commands/retention.js';
import { registerImport, registerList } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerLedger } from './commands/ledger.js';
import { registerUser } from './commands/user.js';
import { registerVerify } from './commands/verify.js';
import { RecordsCommand } from './commander-errors.js';
import { cliLanguage, type GlobalOptions } from './context.js';
import { errorLine, toShape } from './output.js';
import { say } from './texts.js';

/** `records` — the same core as the app, for scheduled and scripted work. Names here are a stable interface. */
export function buildProgram(): Command {
  const program = new RecordsCommand('records')
    .description('执法音像档案室 Records Room — command line')
    .version(APP_VERSION)
    .option('--data <dir>', 'data folder (default: RECORDS_DATA, else the per-user app data folder)')
    .option('--user <username>', 'acting account; its password from RECORDS_PASSWORD or a prompt')
    .option('--json', 'print one machine-readable object on stdout')
    .exitOverride()
    .showHelpAfterError(say('commander_help'));
  registerInit(program);
  registerUser(program);
  registerAudit(program);
  registerImport(program);
  registerList(program);
  registerVerify(program);
  registerBackup(program);
  registerDisc(program);
  registerRequests(program);
  registerRetention(program);
  registerLedger(program);
  registerCall(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const shape = toShape(err);
    if (program.opts<GlobalOptions>().json) process.stdout.write(`${JSON.stringify({ ok: false, error: shape })}\n`);
    process.stderr.write(`${errorLine(shape, cliLanguage())}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:cli\.js|cli[\\/]main\.ts)$/.test(process.argv[1]);
if (invokedDirectly) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
