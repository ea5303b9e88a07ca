import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../../shared/contract/dto.js';
import type { RpcResponse } from '../../shared/contract/envelope.js';
import type { MethodName, OutputOf } from '../../shared/contract/methods.js';
import { AppError } from '../../shared/errors.js';
import type { RecordsApp } from '../core/app/records-app.js';
import { workstationName } from '../core/base/workstation.js';
import { DB_FILE, resolveDataDir } from '../core/datadir/paths.js';
import type { Dispatcher } from '../core/rpc/dispatcher.js';
import { passwordFrom } from './prompt.js';
import { say } from './texts.js';

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

export interface Opened {
  app: RecordsApp;
  dispatcher: Dispatcher;
}

/**
 * Opens the data folder shared with any running app (SQLite arbitrates) and refuses a broken one.
 * Only `init` may create an archive: for every other command a folder without a catalogue is a
 * mistyped --data, refused before anything is written there.
 * The core is imported here, not at the top, so `records --version` and `--help` never load it.
 */
export async function openApp(options: GlobalOptions, { create = false } = {}): Promise<Opened> {
  const dataDir = resolveDataDir(options.data);
  if (!create && !fs.existsSync(path.join(dataDir, DB_FILE))) throw new AppError('NOT_INITIALIZED', 'no catalogue in the data folder', { dataDir });
  const [{ RecordsApp }, { Dispatcher }] = await Promise.all([import('../core/app/records-app.js'), import('../core/rpc/dispatcher.js')]);
  const app = RecordsApp.open({ dataDir, shell: 'cli' });
  if (app.error) throw new AppError(app.error.code, app.error.message, app.error.details);
  return { app, dispatcher: new Dispatcher(app, undefined, 'cli') };
}

export interface Signed {
  app: RecordsApp;
  /** Typed call; a refusal is thrown as the AppError. */
  call<M extends MethodName>(method: M, input: unknown): Promise<OutputOf<M>>;
  /** Untyped call answering with the envelope, for `records call`. */
  dispatch(method: string, input: unknown): Promise<RpcResponse>;
  close(): Promise<void>;
}

function signedAs(opened: Opened, token: string | null): Signed {
  const { app, dispatcher } = opened;
  return {
    app,
    call: (method, input) => dispatcher.call(method, input, token, WORKSTATION),
    dispatch: (method, input) => dispatcher.dispatch({ method, input, token }, WORKSTATION),
    close: async () => {
      if (token) await dispatcher.call('auth.logout', {}, token, WORKSTATION).catch(() => undefined);
      await app.close();
    },
  };
}

/** Signs in as `--user` (password from RECORDS_PASSWORD or a prompt), so the CLI passes the same checks as the UI. */
export async function signIn(options: GlobalOptions): Promise<Signed> {
  if (!options.user) throw new AppError('NOT_AUTHENTICATED', 'use --user USERNAME');
  const opened = await openApp(options);
  try {
    const { app, dispatcher } = opened;
    if (app.status().state === 'setup') throw new AppError('NOT_INITIALIZED', 'not initialized', { dataDir: app.status().dataDir });
    const password = await passwordFrom('RECORDS_PASSWORD', say('password', { username: options.user }));
    const { token } = await dispatcher.call('auth.login', { username: options.user, password }, null, WORKSTATION);
    return signedAs(opened, token);
  } catch (err) {
    await opened.app.close();
    throw err;
  }
}

/** Runs `body` signed in, always signing out and closing the folder afterwards. */
export async function withSignIn<T>(options: GlobalOptions, body: (s: Signed) => Promise<T>): Promise<T> {
  return withSession(await signIn(options), body);
}

/** Like `withSignIn`, but signed out when no --user is given: for the methods anyone may call. */
export async function withOptionalSignIn<T>(options: GlobalOptions, body: (s: Signed) => Promise<T>): Promise<T> {
  return withSession(options.user ? await signIn(options) : signedAs(await openApp(options), null), body);
}

async function withSession<T>(signed: Signed, body: (s: Signed) => Promise<T>): Promise<T> {
  try {
    return await body(signed);
  } finally {
    await signed.close();
  }
}
