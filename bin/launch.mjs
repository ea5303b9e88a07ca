#!/usr/bin/env node
// `npm start` / `npm run demo`: opens the app in Electron where its binary is present; otherwise
// starts the loopback browser bridge and says so plainly. Arguments pass through (--data, --demo).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The Electron binary's path if it is installed and can start here, else the reason it can't. */
function electronBinary() {
  const require = createRequire(import.meta.url);
  let binary;
  try {
    require.resolve('electron');
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  try {
    binary = require('electron');
  } catch {
    return { reason: 'the Electron binary was not downloaded (run `npm run electron:fetch` on a connected machine)' };
  }
  if (typeof binary !== 'string' || !fs.existsSync(binary)) {
    return { reason: 'the Electron binary was not downloaded (run `npm run electron:fetch` on a connected machine)' };
  }
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 15000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (probe.status !== 0) return { reason: `the Electron binary does not start here (${(probe.stderr || probe.error?.message || '').trim().split('\n')[0]})` };
  return { binary };
}

const found = electronBinary();
const child = found.binary
  ? spawn(found.binary, [root, ...args], { stdio: 'inherit' })
  : spawn(process.execPath, [path.join(root, 'dist/electron/bridge.js'), ...args, '--reason', `未找到可运行的 Electron，改用浏览器模式。Electron is not available: ${found.reason}; using the browser bridge instead.`], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
