import { sql as m0001 } from './0001-foundation.js';
import { sql as m0002 } from './0002-records.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; the version is the position. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: m0001 },
  { version: 2, name: 'records', sql: m0002 },
];

export const LATEST_VERSION = MIGRATIONS.length;
