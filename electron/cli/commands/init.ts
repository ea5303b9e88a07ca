import path from 'node:path';
import type { Command } from 'commander';
import { WORKSTATION, openApp, type GlobalOptions } from '../context.js';
import { emit } from '../output.js';
import { passwordFrom } from '../prompt.js';
import { say } from '../texts.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create the data folder, the office profile and the first (administrator) account')
    .requiredOption('--office <name>', 'office name')
    .requiredOption('--admin <username>', 'username of the first account (archive keeper, administrator)')
    .requiredOption('--name <displayName>', 'full name of the first account, as documents print it (制作人, 经办人)')
    .option('--unit-code <code>', 'unit code used on ledgers and disc labels', 'UNIT-1')
    .option('--store <dir>', 'evidence store folder, for example on another drive (default: DATA/store)')
    .action(async (opts: { office: string; admin: string; name: string; unitCode: string; store?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const { app, dispatcher } = await openApp(global, { create: true });
      try {
        const password = await passwordFrom('RECORDS_NEW_PASSWORD', say('newPassword', { username: opts.admin }));
        const { account } = await dispatcher.call(
          'system.setup',
          {
            officeName: opts.office,
            unitCode: opts.unitCode,
            admin: { username: opts.admin, displayName: opts.name, password },
            storeDir: opts.store === undefined ? undefined : path.resolve(opts.store),
          },
          null,
          WORKSTATION,
        );
        const dir = app.status().dataDir;
        emit(global.json, { ok: true, dataDir: dir, office: opts.office, account }, say('initialized', { dir, office: opts.office, username: account.username }));
      } finally {
        await app.close();
      }
    });
}
