import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.js';
import { registerSearchFunctions } from '../search/grams.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.js';

export type Db = Database.Database;

/** 'RRM1' — marks a SQLite file as ours, so a stranger's database is refused, not migrated. */
export const APPLICATION_ID = 0x52524d31;

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT');
}

/** Applies every pending migration in one transaction: a database is never left half-migrated. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    if (current === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

/**
 * Opens (creating if absent) the catalogue. Refuses, without writing a byte, a file that is not a
 * SQLite database, belongs to another program, or was made by a newer version of this one.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  } catch (err) {
    if (isCorruption(err)) throw new AppError('DB_CORRUPT', String(err), { path: file });
    throw new AppError('DATA_DIR_UNAVAILABLE', String(err), { path: file, reason: (err as Error).message });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if (existed && (appId !== APPLICATION_ID || version === 0) && (tables > 0 || version > 0)) {
      throw new AppError('DB_CORRUPT', 'not a Records Room database', { path: file });
    }
    if (version > LATEST_VERSION) {
      throw new AppError('DB_TOO_NEW', `database version ${version} > ${LATEST_VERSION}`, {
        path: file,
        found: version,
        supported: LATEST_VERSION,
      });
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    registerSearchFunctions(db);
    if (!options.readonly) migrate(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    if (isCorruption(err)) throw new AppError('DB_CORRUPT', String(err), { path: file });
    throw err;
  }
}
