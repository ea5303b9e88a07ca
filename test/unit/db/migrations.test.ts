import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate, openDatabase } from '../../../electron/core/db/open.js';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { registerSearchFunctions } from '../../../electron/core/search/grams.js';
import { scratch } from '../../support/test-app.js';

const scratchDir = scratch();
function dbFile(): string {
  return path.join(scratchDir(), 'records.db');
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (err) {
    return (err as { code?: string }).code ?? 'plain';
  }
}

/** One keeper, one import job and one record: what the record-level tables hang off. */
function seedRecord(db: Database.Database): void {
  db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at) VALUES ('a', 'A', 'keeper', 1, 'x', 't')").run();
  db.prepare("INSERT INTO import_jobs (source, started_at, started_by, workstation, host, pid, state) VALUES ('/m', 't', 1, 'w', 'h', 1, 'running')").run();
  db.prepare(
    "INSERT INTO records (sha256, sm3, size, media_type, original_name, original_path, source, imported_at, imported_by, import_job_id) VALUES (?, ?, 1, 'video', 'a.mp4', 'a.mp4', '/m', 't', 1, 1)",
  ).run('a'.repeat(64), 'b'.repeat(64));
}

function tablesOf(db: Database.Database): { name: string; strict: number }[] {
  return db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
}

describe('migration 0001 foundation', () => {
  it('creates strict tables and marks the file as ours', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = tablesOf(db);
    expect(tables.map((t) => t.name).sort()).toEqual(['accounts', 'audit_events', 'office', 'settings']);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    db.close();
  });

  it('opens in WAL mode with foreign keys, at the latest version', () => {
    const db = openDatabase(dbFile());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('makes the audit log append-only and accounts undeletable, in SQL', () => {
    const db = openDatabase(dbFile());
    db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at) VALUES ('a', 'A', 'keeper', 1, 'x', 't')").run();
    db.prepare("INSERT INTO audit_events (seq, at, workstation, action, details, prev_hash, hash) VALUES (1, 't', 'w', 'auth.login', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM accounts').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE accounts SET username = 'b'").run()).toThrow(/never changes/);
    expect(() => db.prepare("UPDATE accounts SET role = 'janitor'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('applies pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const file = dbFile();
    const db = new Database(file);
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE later (x INTEGER) STRICT; SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 0002 records', () => {
  it('adds strict import and record tables on top of a version-1 catalogue, keeping its rows', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at) VALUES ('a', 'A', 'keeper', 1, 'x', 't')").run();
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const added = tablesOf(db).filter((t) => ['import_jobs', 'records', 'import_items', 'store_intents'].includes(t.name));
    expect(added).toHaveLength(4);
    expect(added.every((t) => t.strict === 1)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
    db.close();
  });

  it('makes records and import outcomes append-only', () => {
    const db = openDatabase(dbFile());
    seedRecord(db);
    db.prepare("INSERT INTO import_items (job_id, seq, relative_path, outcome, record_id) VALUES (1, 1, 'a.mp4', 'imported', 1)").run();
    expect(() => db.prepare("UPDATE records SET size = 2").run()).toThrow(/never altered/);
    expect(() => db.prepare('DELETE FROM records').run()).toThrow(/approved destruction/);
    expect(() => db.prepare("UPDATE import_items SET outcome = 'failed'").run()).toThrow(/never altered/);
    expect(() => db.prepare("INSERT INTO records (sha256, sm3, size, media_type, original_name, original_path, source, imported_at, imported_by, import_job_id) VALUES ('short', 'x', 1, 'video', 'a', 'a', 'm', 't', 1, 1)").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0003 record media', () => {
  it('adds a write-once table of media facts', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 2));
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(tablesOf(db).find((t) => t.name === 'record_media')?.strict).toBe(1);
    seedRecord(db);
    db.prepare("INSERT INTO record_media (record_id, probed_at, readable) VALUES (1, 't', 1)").run();
    expect(() => db.prepare('UPDATE record_media SET readable = 0').run()).toThrow(/written once/);
    expect(() => db.prepare('DELETE FROM record_media').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO record_media (record_id, probed_at, readable) VALUES (99, 't', 1)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 0004 record attribution', () => {
  it('adds a write-once table of what file names said', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 3));
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(tablesOf(db).find((t) => t.name === 'record_attribution')?.strict).toBe(1);
    seedRecord(db);
    db.prepare("INSERT INTO record_attribution (record_id, device_no, important) VALUES (1, 'T001', 0)").run();
    expect(() => db.prepare("UPDATE record_attribution SET device_no = 'T002'").run()).toThrow(/never altered/);
    expect(() => db.prepare('DELETE FROM record_attribution').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO record_attribution (record_id, important) VALUES (1, 2)").run()).toThrow();
    db.close();
  });
});

describe('migration 0005 timeliness', () => {
  it('judges timeliness once and keeps explanations append-only', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 4));
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    seedRecord(db);
    db.prepare("INSERT INTO record_timeliness VALUES (1, 'file_name', 'r', 'd', 'a', 10, '{}')").run();
    db.prepare("INSERT INTO late_explanations (record_id, at, by_account, reason) VALUES (1, 't', 1, '在外执勤')").run();
    expect(() => db.prepare('UPDATE record_timeliness SET seconds_late = 0').run()).toThrow(/judged once/);
    expect(() => db.prepare("UPDATE late_explanations SET reason = 'x'").run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM late_explanations').run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO record_timeliness VALUES (1, 'guess', 'r', 'd', 'a', 0, '{}')").run()).toThrow();
    db.close();
  });
});

describe('migration 0006 devices', () => {
  it('adds officer numbers to existing accounts and a register of devices', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 5));
    db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at) VALUES ('a', 'A', 'officer', 0, 'x', 't')").run();
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT officer_no FROM accounts').get()).toEqual({ officer_no: null });
    db.prepare("UPDATE accounts SET officer_no = '000123'").run();
    db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at, officer_no) VALUES ('b', 'B', 'officer', 0, 'x', 't', NULL)").run();
    expect(() => db.prepare("UPDATE accounts SET officer_no = '000123' WHERE username = 'b'").run()).toThrow(/UNIQUE/);
    expect(tablesOf(db).filter((t) => ['devices', 'record_officers'].includes(t.name)).every((t) => t.strict === 1)).toBe(true);
    db.prepare("INSERT INTO devices (device_no, created_at) VALUES ('T001', 't')").run();
    expect(() => db.prepare("INSERT INTO devices (device_no, created_at) VALUES ('t001', 't')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM devices').run()).toThrow(/never deleted/);
    db.close();
  });
});

describe('migration 0007 import options', () => {
  it('keeps existing jobs and attributions, and records camera clearances once', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 6));
    seedRecord(db);
    db.prepare("INSERT INTO record_attribution (record_id, device_no, important) VALUES (1, 'T001', 0)").run();
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT options FROM import_jobs').get()).toEqual({ options: null });
    expect(db.prepare('SELECT device_no, device_source FROM record_attribution').get()).toEqual({ device_no: 'T001', device_source: null });
    expect(() => db.prepare("UPDATE import_jobs SET options = 'not json'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO import_clearances (job_id, relative_path, cleared, reason, at) VALUES (1, 'a.mp4', 1, NULL, 't')").run();
    expect(() => db.prepare('UPDATE import_clearances SET cleared = 0').run()).toThrow(/never altered/);
    expect(() => db.prepare('DELETE FROM import_clearances').run()).toThrow(/never deleted/);
    expect(tablesOf(db).find((t) => t.name === 'import_clearances')?.strict).toBe(1);
    db.close();
  });
});

describe('migrations 0008–0009 lookup, clock and absences', () => {
  it('keeps judged timeliness as it was and registers absences that can only be withdrawn', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 7));
    seedRecord(db);
    db.prepare("INSERT INTO record_timeliness VALUES (1, 'file_name', '2026-11-20T09:30:00', '2026-11-21T09:30:00', '2026-11-24T16:00:00', 282600, '{}')").run();
    migrate(db, MIGRATIONS.slice(0, 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT seconds_late, camera_ahead_seconds, clock_flagged, absence_id FROM record_timeliness').get()).toEqual({ seconds_late: 282600, camera_ahead_seconds: null, clock_flagged: 0, absence_id: null });
    expect(db.prepare("SELECT 1 FROM pragma_index_list('records') WHERE name = 'records_name_size'").get()).toBeTruthy();
    const add = db.prepare("INSERT INTO officer_absences (officer_id, starts_at, returned_at, reason, created_at, created_by) VALUES (1, ?, ?, 'x', 't', 1)");
    expect(() => add.run('2026-11-23T00:00:00', '2026-11-18T00:00:00')).toThrow(/CHECK/);
    add.run('2026-11-18T00:00:00', '2026-11-23T00:00:00');
    expect(() => db.prepare("UPDATE officer_absences SET returned_at = '2026-12-30T00:00:00', withdrawn_at = 't'").run()).toThrow(/only ever withdrawn/);
    db.prepare("UPDATE officer_absences SET withdrawn_at = 't', withdrawn_by = 1, withdraw_reason = 'y'").run();
    expect(() => db.prepare("UPDATE officer_absences SET withdrawn_at = 't2'").run()).toThrow(/only ever withdrawn/);
    db.close();
  });
});

describe('migration 0010 derivatives', () => {
  it('keeps one row per record and kind, with a file exactly when ready', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 9));
    seedRecord(db);
    migrate(db, MIGRATIONS.slice(0, 10));
    const put = db.prepare('INSERT OR REPLACE INTO record_derivatives (record_id, kind, state, file, sha256, made_at) VALUES (1, ?, ?, ?, ?, ?)');
    expect(() => put.run('poster', 'ready', null, null, 't')).toThrow(/CHECK/);
    expect(() => put.run('thumbnail', 'not_needed', null, null, 't')).toThrow(/CHECK/);
    put.run('proxy', 'failed', null, null, 't');
    put.run('proxy', 'ready', 'derived/aa/x.proxy.mp4', 'c'.repeat(64), 't2');
    expect(db.prepare('SELECT count(*) AS n, max(state) AS s FROM record_derivatives').get()).toEqual({ n: 1, s: 'ready' });
    db.close();
  });
});

describe('migration 0011 integrity', () => {
  it('keeps fixity events forever and lets an alarm only be resolved, once', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 10));
    seedRecord(db);
    migrate(db, MIGRATIONS.slice(0, 11));
    db.prepare("INSERT INTO fixity_runs (started_at, trigger, scope, workstation, host, pid, state) VALUES ('t', 'manual', '{}', 'w', 'h', 1, 'running')").run();
    db.prepare("INSERT INTO fixity_events (run_id, record_id, object, at, outcome) VALUES (1, 1, 'x', 't', 'mismatch')").run();
    expect(() => db.prepare("UPDATE fixity_events SET outcome = 'ok'").run()).toThrow(/never altered/);
    const raise = db.prepare("INSERT INTO integrity_alarms (kind, record_id, object, detail, raised_at, run_id) VALUES ('mismatch', 1, 'x', '{}', 't', 1)");
    raise.run();
    expect(() => raise.run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE integrity_alarms SET detail = '{\"a\":1}'").run()).toThrow(/only ever resolved/);
    db.prepare("UPDATE integrity_alarms SET resolved_at = 't2', resolution = 'verified_intact'").run();
    expect(() => db.prepare("UPDATE integrity_alarms SET resolution = 'other'").run()).toThrow(/only ever resolved/);
    raise.run();
    expect(() => db.prepare('DELETE FROM integrity_alarms').run()).toThrow(/never deleted/);
    db.close();
  });
});

describe('migration 0012 backup', () => {
  it('retires targets instead of deleting them and keeps one claim per target and original', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 11));
    seedRecord(db);
    migrate(db, MIGRATIONS.slice(0, 12));
    db.prepare("INSERT INTO backup_targets (path, label, created_at, created_by) VALUES ('/mnt/a', 'A', 't', 1)").run();
    expect(() => db.prepare("INSERT INTO backup_targets (path, label, created_at, created_by) VALUES ('/mnt/a', 'B', 't', 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM backup_targets').run()).toThrow(/retired, never deleted/);
    db.prepare("INSERT INTO backup_runs (target_id, trigger, started_at, host, pid, state) VALUES (1, 'manual', 't', 'h', 1, 'running')").run();
    const claim = db.prepare("INSERT INTO backup_copies (target_id, sha256, copied_at, run_id) VALUES (1, 'a', 't', 1)");
    claim.run();
    expect(() => claim.run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});

describe('migration 0013 cases', () => {
  it('never deletes a case, a link or its history, and lets a link only be unlinked once', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 12));
    seedRecord(db);
    migrate(db, MIGRATIONS.slice(0, 13));
    db.prepare("INSERT INTO cases (case_no, kind, cause, parties, handlers, status, created_at, created_by) VALUES ('峡综执罚〔2026〕1号', 'penalty', 'x', '[]', '[1]', 'open', 't', 1)").run();
    expect(() => db.prepare("INSERT INTO cases (case_no, kind, cause, parties, handlers, status, created_at, created_by) VALUES ('峡综执罚〔2026〕1号', 'penalty', 'x', '[]', '[1]', 'open', 't', 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO record_links (record_id, case_id, role, linked_at, linked_by) VALUES (1, 1, 'evidence', 't', 1)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO record_links (record_id, case_id, role, linked_at, linked_by) VALUES (1, 1, 'other', 't', 1)").run();
    expect(() => db.prepare("INSERT INTO record_links (record_id, case_id, role, linked_at, linked_by) VALUES (1, 1, 'other', 't', 1)").run()).toThrow(/UNIQUE/);
    db.prepare("UPDATE record_links SET unlinked_at = 't2', unlinked_by = 1, unlink_reason = 'x'").run();
    expect(() => db.prepare("UPDATE record_links SET unlinked_at = 't3'").run()).toThrow(/only ever unlinked/);
    db.prepare("INSERT INTO case_events (case_id, at, by_account, action) VALUES (1, 't', 1, 'created')").run();
    expect(() => db.prepare('DELETE FROM case_events').run()).toThrow(/never deleted/);
    db.close();
  });
});

describe('migration 0014 record search', () => {
  it('indexes the records already in the catalogue', () => {
    const db = new Database(dbFile());
    migrate(db, MIGRATIONS.slice(0, 13));
    seedRecord(db);
    db.prepare("INSERT INTO record_attribution (record_id, device_no, officer_no, recorded_at, important, device_source) VALUES (1, 'T001', '000123', '2026-11-20T09:30:00', 1, 'file_name')").run();
    db.prepare("INSERT INTO record_timeliness (record_id, basis, recorded_at, deadline_at, arrived_at, seconds_late, rule) VALUES (1, 'file_name', '2026-11-20T09:30:00', 'd', 'a', 60, '{}')").run();
    migrate(db, MIGRATIONS.slice(0, 14));
    expect(db.prepare('SELECT * FROM record_search').get()).toEqual({ record_id: 1, media_type: 'video', officer_id: null, device_no: 'T001', recorded_at: '2026-11-20T09:30:00', late: 1, important: 1, linked: 0, integrity: 'unchecked' });
    expect(db.prepare("SELECT rowid FROM record_text WHERE record_text MATCH '\"a.mp4\"'").get()).toEqual({ rowid: 1 });
    db.close();
  });
});

describe('migration 0016 short search', () => {
  it('indexes the bigrams of the text already indexed', () => {
    const db = new Database(dbFile());
    registerSearchFunctions(db);
    migrate(db, MIGRATIONS.slice(0, 15));
    db.prepare("INSERT INTO record_text (rowid, body) VALUES (7, '王某某 占道经营')").run();
    migrate(db, MIGRATIONS.slice(0, 16));
    expect(db.prepare("SELECT rowid FROM record_grams WHERE record_grams MATCH '\"某占\"'").all()).toEqual([]);
    expect(db.prepare("SELECT rowid FROM record_grams WHERE record_grams MATCH '\"某某\"'").all()).toEqual([{ rowid: 7 }]);
    expect(db.prepare("SELECT rowid FROM record_grams WHERE record_grams MATCH '\"营\" *'").all()).toEqual([{ rowid: 7 }]);
    db.close();
  });
});

describe('migration 0024 case ledger facts', () => {
  it('keeps existing cases without facts and a ledger marked sent for good, once per kind and month', () => {
    const db = new Database(dbFile());
    registerSearchFunctions(db);
    migrate(db, MIGRATIONS.slice(0, 23));
    seedRecord(db);
    db.prepare("INSERT INTO cases (case_no, kind, cause, parties, handlers, status, created_at, created_by) VALUES ('X〔2026〕1号', 'penalty', 'c', '[]', '[]', 'open', 't', 1)").run();
    migrate(db, MIGRATIONS.slice(0, 24));
    expect(db.prepare('SELECT ledger_facts FROM cases').pluck().get()).toBeNull();
    expect(() => db.prepare("UPDATE cases SET ledger_facts = 'not json'").run()).toThrow();
    db.prepare("INSERT INTO ledger_reports (kind, month, sent_at, sent_by) VALUES ('penalty', '2026-10', 't', 1)").run();
    expect(() => db.prepare("INSERT INTO ledger_reports (kind, month, sent_at, sent_by) VALUES ('penalty', '2026-10', 't2', 1)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO ledger_reports (kind, month, sent_at, sent_by) VALUES ('penalty', '2026-13x', 't', 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE ledger_reports SET sent_at = 'x'").run()).toThrow(/stays sent/);
    expect(() => db.prepare('DELETE FROM ledger_reports').run()).toThrow(/stays sent/);
    db.close();
  });
});

describe('migration 0026 spot checks', () => {
  it('keeps a draw as made, findings appended only on drawn cases, and closes a check once', () => {
    const db = new Database(dbFile());
    registerSearchFunctions(db);
    migrate(db, MIGRATIONS);
    db.pragma('foreign_keys = ON');
    seedRecord(db);
    db.prepare("INSERT INTO cases (case_no, kind, cause, parties, handlers, status, created_at, created_by) VALUES ('峡综执罚〔2026〕1号', 'penalty', 'x', '[]', '[1]', 'closed', 't', 1)").run();
    const check = "INSERT INTO spot_checks (number, period_from, period_to, requested, seed, candidates, drawn_at, drawn_by, workstation) VALUES (?, ?, ?, 3, ?, 1, 't', 1, 'w')";
    expect(() => db.prepare(check).run('2026-C0001', '2026-11-30', '2026-11-01', 7)).toThrow(/CHECK/);
    expect(() => db.prepare(check).run('2026-C0001', '2026-11-01', '2026-11-30', 2 ** 32)).toThrow(/CHECK/);
    db.prepare(check).run('2026-C0001', '2026-11-01', '2026-11-30', 7);
    db.prepare("INSERT INTO spot_check_cases (spot_check_id, position, case_id, ledger_day) VALUES (1, 1, 1, '2026-11-10')").run();
    expect(() => db.prepare("INSERT INTO spot_check_findings (spot_check_id, case_id, verdict, text, recorded_at, recorded_by) VALUES (1, 2, 'pass', 'x', 't', 1)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO spot_check_findings (spot_check_id, case_id, verdict, text, recorded_at, recorded_by) VALUES (1, 1, 'pass', 'x', 't', 1)").run();
    expect(() => db.prepare("UPDATE spot_check_findings SET text = 'y'").run()).toThrow(/never changed/);
    expect(() => db.prepare('UPDATE spot_checks SET seed = 8').run()).toThrow(/only ever closed/);
    expect(() => db.prepare("UPDATE spot_checks SET closed_at = 't2'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE spot_checks SET closed_at = 't2', closed_by = 1, closed_head_seq = 1, closed_head_hash = 'h'").run();
    expect(() => db.prepare("UPDATE spot_checks SET closing_note = 'later'").run()).toThrow(/only ever closed/);
    db.close();
  });
});

describe('migration 0027 viewing ends', () => {
  it('keeps viewings opened before it, and sets how one ended only with its closing, once', () => {
    const db = new Database(dbFile());
    registerSearchFunctions(db);
    migrate(db, MIGRATIONS.slice(0, 26));
    db.pragma('foreign_keys = ON');
    seedRecord(db);
    db.prepare(
      "INSERT INTO access_requests (number, kind, requester, items, purpose, content, starts_at, ends_at, approver_role, created_at, created_by, state) VALUES ('2026-S0001', 'party_view', '{}', '[]', 'p', 'c', 'a', 'b', 'responsible_leader', 't', 1, 'pending')",
    ).run();
    const open = "INSERT INTO viewings (request_id, person, id_check, opened_at, opened_by, workstation, host, pid) VALUES (1, '王某某', '身份证', 't', 1, 'w', 'h', 1)";
    db.prepare(open).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT closed_at, ended_as, end_note FROM viewings').get()).toEqual({ closed_at: null, ended_as: null, end_note: null });
    expect(() => db.prepare("UPDATE viewings SET closed_at = 't2', close_reason = 'closed', ended_as = 'walked_off'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE viewings SET closed_at = 't2', close_reason = 'closed', ended_as = 'abandoned', end_note = '查阅人离开'").run();
    expect(() => db.prepare("UPDATE viewings SET end_note = '改写'").run()).toThrow(/only ever closed/);
    expect(() => db.prepare('DELETE FROM viewings').run()).toThrow(/stays in the register/);
    db.close();
  });
});

describe('migration 0028 library by recording time', () => {
  it('keys rows written before it by their camera time, no time last, and walks that order from an index', () => {
    const db = new Database(dbFile());
    registerSearchFunctions(db);
    migrate(db, MIGRATIONS.slice(0, 27));
    seedRecord(db);
    db.prepare(
      "INSERT INTO records (sha256, sm3, size, media_type, original_name, original_path, source, imported_at, imported_by, import_job_id) VALUES (?, ?, 1, 'video', 'b.mp4', 'b.mp4', '/m', 't', 1, 1)",
    ).run('c'.repeat(64), 'd'.repeat(64));
    const put = db.prepare("INSERT INTO record_search (record_id, media_type, officer_id, device_no, recorded_at, late, important, linked, integrity) VALUES (?, 'video', NULL, NULL, ?, 0, 0, 0, 'unchecked')");
    put.run(1, null);
    put.run(2, '2026-11-20T09:00:00');
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT record_id, recorded_key FROM record_search ORDER BY recorded_key DESC, record_id DESC').all()).toEqual([
      { record_id: 2, recorded_key: '2026-11-20T09:00:00' },
      { record_id: 1, recorded_key: '' },
    ]);
    // A later write keeps the key current: it is computed, never written.
    db.prepare("UPDATE record_search SET recorded_at = '2026-11-21T08:00:00' WHERE record_id = 1").run();
    expect(db.prepare('SELECT recorded_key FROM record_search WHERE record_id = 1').get()).toEqual({ recorded_key: '2026-11-21T08:00:00' });
    expect(() => db.prepare("UPDATE record_search SET recorded_key = 'x'").run()).toThrow(/generated column/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT record_id FROM record_search s WHERE s.late = 1 AND (s.recorded_key, s.record_id) < ('2026-12', 9) ORDER BY s.recorded_key DESC, s.record_id DESC LIMIT 10").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/USING (COVERING )?INDEX record_search_late \(recorded_key</);
    expect(plan.map((p) => p.detail).join('; ')).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});

describe('opening a database that is not ours to change', () => {
  it('refuses a database from a newer version without touching it', () => {
    const file = dbFile();
    openDatabase(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('DB_TOO_NEW');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a corrupt file without touching it', () => {
    const file = dbFile();
    fs.writeFileSync(file, Buffer.from('this is not a database at all, just some bytes'.repeat(100)));
    const before = fs.readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('DB_CORRUPT');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite database", () => {
    const file = dbFile();
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER)');
    other.close();
    expect(codeOf(() => openDatabase(file))).toBe('DB_CORRUPT');
  });
});
