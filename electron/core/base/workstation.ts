import os from 'node:os';
import type { SystemStatus } from '../../../shared/contract/dto.js';

/** How the audit log names where an action came from: the computer and the way in. */
export function workstationName(shell: SystemStatus['shell']): string {
  return `${os.hostname()} (${shell})`;
}
