#!/usr/bin/env node
// `records` from a checkout: runs the TypeScript CLI through tsx so it never goes stale.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exit(await runCli(process.argv.slice(2)));
