import { spawn } from 'node:child_process';

/**
 * The built `records` CLI run as a child without blocking the test worker: a disc build or a
 * destruction run takes seconds, and a worker that sits in spawnSync that long can't answer the
 * test runner. Chinese messages, and no password unless the caller gives one.
 */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/records.mjs', ...args], { env: { ...process.env, RECORDS_LANG: 'zh-CN', RECORDS_PASSWORD: '', RECORDS_NEW_PASSWORD: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
