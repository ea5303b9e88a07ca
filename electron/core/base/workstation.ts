import os from 'node:os';
import type { Shell } from './records-app.js';

/** How the audit log names where an action came from: the computer and the way in. */
export function workstationName(shell: Shell): string {
  return `${os.hostname()} (${shell})`;
}
