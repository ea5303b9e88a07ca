import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract/methods.js';
import { RecordsApp } from '../../electron/core/app/records-app.js';
import { Dispatcher } from '../../electron/core/rpc/dispatcher.js';
import { FakeClock } from './fake-clock.js';

export const KEEPER = { username: 'keeper', displayName: '王秀兰', password: 'Archive2026' };
export const WS = 'test-ws (cli)';

export function tempDir(prefix = 'rr-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** For one test file: a maker of temporary folders that are removed after each test. */
export function scratch(): (prefix?: string) => string {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  return (prefix) => {
    const dir = tempDir(prefix);
    made.push(dir);
    return dir;
  };
}

export interface TestApp {
  dir: string;
  app: RecordsApp;
  clock: FakeClock;
  dispatcher: Dispatcher;
  call<M extends MethodName>(method: M, input: InputOf<M>, token?: string | null): Promise<OutputOf<M>>;
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** A real data folder with a real SQLite file, optionally already set up with the keeper account. */
export async function openTestApp(options: { setup?: boolean; dir?: string } = {}): Promise<TestApp> {
  const dir = options.dir ?? tempDir();
  const clock = new FakeClock();
  const app = RecordsApp.open({ dataDir: dir, shell: 'cli', clock });
  const dispatcher = new Dispatcher(app, () => undefined);
  const call: TestApp['call'] = (method, input, token = null) => dispatcher.call(method, input, token, WS);
  if (options.setup !== false) {
    await call('system.setup', { officeName: '峡口镇综合行政执法办公室', unitCode: 'XK-01', admin: KEEPER });
  }
  return {
    dir,
    app,
    clock,
    dispatcher,
    call,
    login: async (username, password) => (await call('auth.login', { username, password })).token,
    close: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` and returns the AppError code it failed with (or 'none'). */
export async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'none';
  } catch (err) {
    return (err as { code?: string }).code ?? 'not-an-app-error';
  }
}

/** For one test file: the app each test opens, closed after it; `app()` is the one open now. */
export function appPerTest(): { open(options?: { setup?: boolean; dir?: string }): Promise<TestApp>; app(): TestApp } {
  let current: TestApp | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return {
    open: async (options) => (current = await openTestApp(options)),
    app: () => {
      if (!current) throw new Error('no app open in this test');
      return current;
    },
  };
}
