import { execFileSync } from 'node:child_process';

/**
 * `records` runs the built CLI, as users get it: built once from the sources under test before
 * any test file runs. Built inside each CLI test instead, the builds overwrote each other while
 * another file was running the CLI, and blocked their workers long enough to time them out.
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-electron.mjs', 'cli'], { stdio: 'inherit' });
}
