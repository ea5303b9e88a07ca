import { sql as m0001 } from './0001-foundation.js';
import { sql as m0002 } from './0002-records.js';
import { sql as m0003 } from './0003-record-media.js';
import { sql as m0004 } from './0004-record-attribution.js';
import { sql as m0005 } from './0005-timeliness.js';
import { sql as m0006 } from './0006-devices.js';
import { sql as m0007 } from './0007-import-options.js';
import { sql as m0008 } from './0008-record-lookup.js';
import { sql as m0009 } from './0009-clock-and-absences.js';
import { sql as m0010 } from './0010-derivatives.js';
import { sql as m0011 } from './0011-integrity.js';
import { sql as m0012 } from './0012-backup.js';
import { sql as m0013 } from './0013-cases.js';
import { sql as m0014 } from './0014-record-search.js';
import { sql as m0015 } from './0015-library-indexes.js';
import { sql as m0016 } from './0016-short-search.js';
import { sql as m0017 } from './0017-discs.js';
import { sql as m0018 } from './0018-requests.js';
import { sql as m0019 } from './0019-viewings.js';
import { sql as m0020 } from './0020-loans.js';
import { sql as m0021 } from './0021-retention.js';
import { sql as m0022 } from './0022-destruction.js';
import { sql as m0023 } from './0023-dispositions.js';
import { sql as m0024 } from './0024-case-ledger-facts.js';
import { sql as m0025 } from './0025-statistics.js';
import { sql as m0026 } from './0026-spot-checks.js';
import { sql as m0027 } from './0027-viewing-ends.js';
import { sql as m0028 } from './0028-library-by-recording-time.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; the version is the position. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: m0001 },
  { version: 2, name: 'records', sql: m0002 },
  { version: 3, name: 'record media', sql: m0003 },
  { version: 4, name: 'record attribution', sql: m0004 },
  { version: 5, name: 'timeliness', sql: m0005 },
  { version: 6, name: 'devices', sql: m0006 },
  { version: 7, name: 'import options', sql: m0007 },
  { version: 8, name: 'record lookup', sql: m0008 },
  { version: 9, name: 'clock and absences', sql: m0009 },
  { version: 10, name: 'derivatives', sql: m0010 },
  { version: 11, name: 'integrity', sql: m0011 },
  { version: 12, name: 'backup', sql: m0012 },
  { version: 13, name: 'cases', sql: m0013 },
  { version: 14, name: 'record search', sql: m0014 },
  { version: 15, name: 'library indexes', sql: m0015 },
  { version: 16, name: 'short search', sql: m0016 },
  { version: 17, name: 'discs', sql: m0017 },
  { version: 18, name: 'requests', sql: m0018 },
  { version: 19, name: 'viewings', sql: m0019 },
  { version: 20, name: 'loans', sql: m0020 },
  { version: 21, name: 'retention', sql: m0021 },
  { version: 22, name: 'destruction', sql: m0022 },
  { version: 23, name: 'dispositions', sql: m0023 },
  { version: 24, name: 'case ledger facts', sql: m0024 },
  { version: 25, name: 'statistics', sql: m0025 },
  { version: 26, name: 'spot checks', sql: m0026 },
  { version: 27, name: 'viewing ends', sql: m0027 },
  { version: 28, name: 'library by recording time', sql: m0028 },
];

export const LATEST_VERSION = MIGRATIONS.length;
