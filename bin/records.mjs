#!/usr/bin/env node
// `records`: runs the CLI that `npm run build` bundled into dist/electron. Never a TypeScript
// loader at run time: that cost about 1 s per call, and a script calls `records` many times.
// No silent fallback to the sources either: a checkout without a build says so plainly.
import { existsSync } from 'node:fs';

const built = new URL('../dist/electron/cli.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('records 尚未构建：请先在项目目录运行 npm run build。\nrecords is not built yet: run npm run build in the project folder first.\n');
  process.exit(2);
}
const { runCli } = await import(built.href);
process.exit(await runCli(process.argv.slice(2)));
