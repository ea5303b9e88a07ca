import type { Command } from 'commander';
import type { AccountDto } from '../../../shared/contract/dto.js';
import { AppError } from '../../../shared/errors.js';
import { SHARED_MESSAGES } from '../../../shared/i18n/messages.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import { cliLanguage, withSignIn, type GlobalOptions, type Signed } from '../context.js';
import { emit } from '../output.js';
import { passwordFrom } from '../prompt.js';
import { CLI_TEXTS, say } from '../texts.js';

function roleName(role: Role): string {
  return SHARED_MESSAGES[cliLanguage()].roles[role];
}

async function findAccount(s: Signed, username: string): Promise<AccountDto> {
  const found = (await s.call('accounts.list', {})).find((a) => a.username.toLowerCase() === username.toLowerCase());
  if (!found) throw new AppError('NOT_FOUND', say('noSuchUser', { username }), { username });
  return found;
}

function setDisabledCommand(user: Command, name: 'disable' | 'enable'): void {
  user
    .command(`${name} <username>`)
    .description(name === 'disable' ? 'disable an account (accounts are never deleted)' : 'enable a disabled account')
    .action(async (username: string, _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const target = await findAccount(s, username);
        const account = await s.call('accounts.setDisabled', { id: target.id, disabled: name === 'disable' });
        emit(global.json, { ok: true, account }, say(name === 'disable' ? 'userDisabled' : 'userEnabled', { username: account.username }));
      });
    });
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage accounts');
  user
    .command('add <username>')
    .description('add an account; its password comes from RECORDS_NEW_PASSWORD or a prompt')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--name <displayName>', 'full name')
    .option('--admin', 'give administrator rights', false)
    .option('--officer-no <no>', "the officer's number (警号), as cameras write it into file names")
    .action(async (username: string, opts: { role: string; name: string; admin: boolean; officerNo?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (!(ROLES as readonly string[]).includes(opts.role)) {
        throw new AppError('VALIDATION_FAILED', `unknown role ${opts.role}`, { issues: [{ path: 'role', code: 'invalid_value' }], fields: `--role (${ROLES.join(', ')})` });
      }
      const role = opts.role as Role;
      await withSignIn(global, async (s) => {
        const password = await passwordFrom('RECORDS_NEW_PASSWORD', say('newPassword', { username }));
        const account = await s.call('accounts.create', { username, displayName: opts.name, role, isAdmin: opts.admin, password, officerNo: opts.officerNo });
        emit(global.json, { ok: true, account }, say('userAdded', { username: account.username, name: account.displayName, role: roleName(role) }));
      });
    });
  user
    .command('list')
    .description('list every account, disabled ones included')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      await withSignIn(global, async (s) => {
        const accounts = await s.call('accounts.list', {});
        const t = CLI_TEXTS[cliLanguage()];
        const lines = accounts.map((a) =>
          [a.username, a.displayName, roleName(a.role), a.isAdmin ? t.yes : t.no, a.disabled ? t.disabled : t.active].join('\t'),
        );
        emit(global.json, { ok: true, accounts }, [t.header, ...lines].join('\n'));
      });
    });
  setDisabledCommand(user, 'disable');
  setDisabledCommand(user, 'enable');
}
