import type { Language } from '../../shared/contract/dto.js';
import type { MethodName, OutputOf, InputOf } from '../../shared/contract/methods.js';
import { AppError } from '../../shared/errors.js';
import { RecordsApp } from '../core/app/records-app.js';
import { workstationName } from '../core/base/workstation.js';
import { resolveDataDir } from '../core/datadir/paths.js';
import { Dispatcher } from '../core/rpc/dispatcher.js';
import { passwordFrom } from './prompt.js';

export interface GlobalOptions {
  data?: string;
  user?: string;
  json?: boolean;
}

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const chosen = env.RECORDS_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return chosen.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export const WORKSTATION = workstationName('cli');

/** Opens the data folder shared with any running app (SQLite arbitrates) and refuses a broken one. */
export function openApp(options: GlobalOptions): { app: RecordsApp; dispatcher: Dispatcher } {
  const app = RecordsApp.open({ dataDir: resolveDataDir(options.data), shell: 'cli' });
  if (app.error) throw new AppError(app.error.code, app.error.message, app.error.details);
  return { app, dispatcher: new Dispatcher(app) };
}

export interface Signed {
  app: RecordsApp;
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  close(): Promise<void>;
}

/** Signs in as `--user` (password from RECORDS_PASSWORD or a prompt), so the CLI passes the same checks as the UI. */
export async function signIn(options: GlobalOptions): Promise<Signed> {
  if (!options.user) throw new AppError('NOT_AUTHENTICATED', 'use --user USERNAME');
  const { app, dispatcher } = openApp(options);
  try {
    if (app.status().state === 'setup') throw new AppError('NOT_INITIALIZED', 'not initialized');
    const password = await passwordFrom('RECORDS_PASSWORD', `Password for ${options.user}: `);
    const { token } = await dispatcher.call('auth.login', { username: options.user, password }, null, WORKSTATION);
    return {
      app,
      call: (method, input) => dispatcher.call(method, input, token, WORKSTATION),
      close: async () => {
        await dispatcher.call('auth.logout', {}, token, WORKSTATION).catch(() => undefined);
        await app.close();
      },
    };
  } catch (err) {
    await app.close();
    throw err;
  }
}

/** Runs `body` signed in, always signing out and closing the folder afterwards. */
export async function withSignIn<T>(options: GlobalOptions, body: (s: Signed) => Promise<T>): Promise<T> {
  const signed = await signIn(options);
  try {
    return await body(signed);
  } finally {
    await signed.close();
  }
}
