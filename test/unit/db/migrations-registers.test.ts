import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/open.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { registerSearchFunctions } from '../../../electron/core/search/grams.js';
import { scratch } from '../../support/test-app.js';

/**
 * The registers' own tables (discs, requests and grants, viewings, loans, holds, dispositions) and
 * the statistics sums: each migration applied over the one before it with rows in place, then its
 * write-once triggers tried as a tamperer with SQL access would — every refusal must come from the
 * database, whatever the app does.
 */
const scratchDir = scratch();

function upTo(version: number): Database.Database {
  const db = new Database(path.join(scratchDir('rr-mig-'), 'records.db'));
  registerSearchFunctions(db);
  migrate(db, MIGRATIONS.slice(0, version));
  db.pragma('foreign_keys = ON');
  return db;
}

/** A keeper, an import, two records and a case: what the registers point at. */
function seed(db: Database.Database): void {
  db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at) VALUES ('k', '档案管理员', 'keeper', 1, 'x', 't')").run();
  db.prepare("INSERT INTO import_jobs (source, started_at, started_by, workstation, host, pid, state) VALUES ('/m', 't', 1, 'w', 'h', 1, 'finished')").run();
  for (const n of [1, 2]) {
    db.prepare(
      "INSERT INTO records (sha256, sm3, size, media_type, original_name, original_path, source, imported_at, imported_by, import_job_id) VALUES (?, ?, 1000, 'video', ?, ?, '/m', 't', 1, 1)",
    ).run(String(n).repeat(64), String(n).repeat(64), `${n}.mp4`, `${n}.mp4`);
  }
  db.prepare(
    "INSERT INTO cases (case_no, kind, cause, parties, handlers, status, filed_on, created_at, created_by) VALUES ('峡综执罚〔2026〕1号', 'penalty', '占道经营', '[]', '[]', 'open', '2026-11-01', 't', 1)",
  ).run();
}

/** An approved request of a kind, numbered 2026-S0001: what a viewing or a loan hangs off. */
function approvedRequest(db: Database.Database, kind: string): void {
  db.prepare(
    `INSERT INTO access_requests (number, kind, requester, items, purpose, content, starts_at, ends_at, approver_role, created_at, created_by, state, decided_at)
     VALUES ('2026-S0001', ?, '{}', '[]', 'p', 'c', 'a', 'b', 'responsible_leader', 't', 1, 'approved', 't')`,
  ).run(kind);
}

const refused = (db: Database.Database, sql: string, why: RegExp) => expect(() => db.prepare(sql).run(), sql).toThrow(why);

describe('migration 0017 discs', () => {
  it('keeps a disc, its contents and its checks: only the burn, once, and where it is kept change', () => {
    const db = upTo(17);
    seed(db);
    db.prepare("INSERT INTO disc_jobs (kind, case_id, request, started_at, workstation, host, pid, state) VALUES ('build', 1, '{}', 't', 'w', 'h', 1, 'finished')").run();
    db.prepare(
      `INSERT INTO discs (number, case_id, build_job_id, disc_index, disc_count, medium, volume_label, tagmanifest_sha256, payload_oxum, image_bytes, image_path, built_at, built_by)
       VALUES ('GP-2026-0001', 1, 1, 1, 1, 'dvd', 'CASE1', ?, '1000.1', 2048, '/i.iso', 't', 1)`,
    ).run('a'.repeat(64));
    db.prepare("INSERT INTO disc_files (disc_id, record_id, path, sha256, size) VALUES (1, 1, 'data/1.mp4', ?, 1000)").run('1'.repeat(64));
    db.prepare("INSERT INTO disc_checks (disc_id, kind, at, source, outcome, files_ok, problems) VALUES (1, 'burn', 't', '/dev/sr0', 'ok', 1, '[]')").run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT number, burned_at FROM discs').get()).toEqual({ number: 'GP-2026-0001', burned_at: null });

    db.prepare("UPDATE discs SET burned_at = 't2', burned_by = 1, drive = '/dev/sr0', location = '案卷柜 A-3'").run();
    db.prepare("UPDATE discs SET location = '案卷柜 B-1'").run();
    refused(db, "UPDATE discs SET burned_at = 't3'", /never change/);
    refused(db, "UPDATE discs SET number = 'GP-2026-0009'", /never change/);
    refused(db, "UPDATE discs SET tagmanifest_sha256 = '" + 'b'.repeat(64) + "'", /never change/);
    refused(db, 'UPDATE discs SET disc_count = 2', /never change/);
    refused(db, 'DELETE FROM discs', /stays in the register/);
    refused(db, "UPDATE disc_files SET sha256 = '" + '2'.repeat(64) + "'", /contents never change/);
    refused(db, 'DELETE FROM disc_files', /contents never change/);
    refused(db, "UPDATE disc_checks SET outcome = 'altered'", /never altered/);
    refused(db, 'DELETE FROM disc_checks', /never deleted/);
    // A replacement names the disc it replaces, and why.
    refused(
      db,
      `INSERT INTO discs (number, case_id, build_job_id, disc_index, disc_count, medium, volume_label, tagmanifest_sha256, payload_oxum, image_bytes, image_path, built_at, replaces)
       VALUES ('GP-2026-0002', 1, 1, 1, 1, 'dvd', 'CASE1', '${'c'.repeat(64)}', '1000.1', 2048, '/j.iso', 't', 1)`,
      /CHECK/,
    );
    db.close();
  });
});

describe('migration 0018 requests', () => {
  it('decides a request once, never deletes it, and revokes a grant rather than deleting it', () => {
    const db = upTo(18);
    seed(db);
    expect(db.prepare('SELECT kind, approver_role FROM approval_rules ORDER BY kind').all()).toHaveLength(5);
    const request = `INSERT INTO access_requests (number, kind, requester, items, purpose, content, starts_at, ends_at, approver_role, created_at, created_by, state)
      VALUES (?, 'party_view', '{"name":"王某某"}', '[{"kind":"record","id":1}]', '陈述申辩', '现场取证视频', '2026-12-01', '2026-12-08', 'responsible_leader', 't', 1, 'pending')`;
    db.prepare(request).run('2026-S0001');
    refused(db, request.replace('?', "'2026-S0002'").replace("'2026-12-08'", "'2026-11-30'"), /CHECK/);
    migrate(db, MIGRATIONS);
    refused(db, `UPDATE access_requests SET items = '[{"kind":"record","id":2}]'`, /decision is final/);
    refused(db, "UPDATE access_requests SET state = 'approved'", /CHECK/);
    db.prepare("UPDATE access_requests SET state = 'approved', decided_at = 't2', decided_by = 1, decision_source = 'app'").run();
    refused(db, "UPDATE access_requests SET state = 'rejected', reason = '改主意'", /decision is final/);
    refused(db, "UPDATE access_requests SET reason = '补记'", /decision is final/);
    refused(db, 'DELETE FROM access_requests', /never deleted/);
    db.prepare("INSERT INTO access_grants (request_id, account_id, record_id, starts_at, ends_at) VALUES (1, 1, 1, '2026-12-01', '2026-12-08')").run();
    db.prepare("UPDATE access_grants SET revoked_at = '2026-12-02'").run();
    refused(db, 'DELETE FROM access_grants', /revoked, never deleted/);
    db.close();
  });
});

describe('migration 0019 viewings', () => {
  it('closes a viewing once and keeps every event as it was', () => {
    const db = upTo(19);
    seed(db);
    approvedRequest(db, 'party_view');
    db.prepare("INSERT INTO viewings (request_id, person, id_check, opened_at, opened_by, workstation, host, pid) VALUES (1, '王某某', '身份证', 't', 1, 'w', 'h', 1)").run();
    db.prepare("INSERT INTO viewing_events (viewing_id, record_id, at, event, position) VALUES (1, 1, 't', 'play', 0)").run();
    migrate(db, MIGRATIONS);
    refused(db, "UPDATE viewings SET closed_at = 't2'", /CHECK/);
    refused(db, "UPDATE viewings SET person = '李某'", /only ever closed/);
    db.prepare("UPDATE viewings SET closed_at = 't2', close_reason = 'closed'").run();
    refused(db, "UPDATE viewings SET close_reason = 'expired'", /only ever closed/);
    refused(db, 'DELETE FROM viewings', /stays in the register/);
    refused(db, 'UPDATE viewing_events SET position = 30', /never altered/);
    refused(db, 'DELETE FROM viewing_events', /never deleted/);
    db.close();
  });
});

describe('migration 0020 loans', () => {
  it('lends an item once at a time, returns it once with its condition, and keeps the loan', () => {
    const db = upTo(20);
    seed(db);
    approvedRequest(db, 'lend_item');
    const lend = "INSERT INTO loans (number, request_id, item_kind, item_id, borrower, lent_at, lent_by, due_on) VALUES (?, 1, 'disc', 7, '{}', 't', 1, '2026-12-20')";
    db.prepare(lend).run('2026-J0001');
    migrate(db, MIGRATIONS);
    expect(() => db.prepare(lend).run('2026-J0002')).toThrow(/UNIQUE/);
    refused(db, "UPDATE loans SET returned_at = 't2'", /CHECK/);
    refused(db, "UPDATE loans SET due_on = '2027-01-01'", /only ever returned/);
    db.prepare("UPDATE loans SET returned_at = 't2', received_by = 1, condition = '完好'").run();
    refused(db, "UPDATE loans SET condition = '损坏'", /only ever returned/);
    refused(db, 'DELETE FROM loans', /stays in the register/);
    db.prepare(lend).run('2026-J0002');
    db.close();
  });
});

describe('migration 0021 retention', () => {
  it('lifts a hold only once and with a reason, and never deletes it', () => {
    const db = upTo(21);
    seed(db);
    db.prepare("INSERT INTO retention_holds (record_id, kind, reason, set_at, set_by) VALUES (1, 'litigation', '行政诉讼中', 't', 1)").run();
    migrate(db, MIGRATIONS);
    refused(db, "INSERT INTO record_retention (record_id, class, kept_through, rule) VALUES (1, 'standard', '2026-13', '{}')", /CHECK/);
    refused(db, "UPDATE retention_holds SET reason = '复议'", /only ever lifted/);
    refused(db, "UPDATE retention_holds SET lifted_at = 't2', lifted_by = 1", /only ever lifted/);
    db.prepare("UPDATE retention_holds SET lifted_at = 't2', lifted_by = 1, lift_reason = '诉讼结束'").run();
    refused(db, "UPDATE retention_holds SET lift_reason = '改写'", /only ever lifted/);
    refused(db, 'DELETE FROM retention_holds', /never deleted/);
    db.close();
  });
});

describe('migration 0023 dispositions', () => {
  it('completes a disposition once, after the store removed the original, and keeps it and its backup copies for good', () => {
    const db = upTo(23);
    seed(db);
    db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at) VALUES ('p', '主要负责人', 'principal_leader', 0, 'x', 't')").run();
    db.prepare("INSERT INTO destruction_lists (number, reason, proposed_at, proposed_by, state, decided_at, decided_by, decision_source, head_seq) VALUES ('2026-X0001', '保管期满', 't', 1, 'approved', 't', 2, 'app', 1)").run();
    migrate(db, MIGRATIONS);
    db.prepare("INSERT INTO destruction_jobs (list_id, started_at, workstation, host, pid, state) VALUES (1, 't', 'w', 'h', 1, 'running')").run();
    db.prepare(
      `INSERT INTO record_dispositions (record_id, list_id, job_id, sha256, sm3, size, original_name, original_path, imported_at, approvers, started_at)
       VALUES (1, 1, 1, ?, ?, 1000, '1.mp4', '1.mp4', 't', '[]', 't')`,
    ).run('1'.repeat(64), '1'.repeat(64));
    db.prepare("INSERT INTO backup_targets (path, label, created_at, created_by) VALUES ('/backup', 'F', 't', 1)").run();
    db.prepare("INSERT INTO disposition_targets (record_id, target_id, state) VALUES (1, 1, 'pending')").run();
    refused(db, "UPDATE record_dispositions SET sha256 = '" + '2'.repeat(64) + "'", /completed once/);
    refused(db, "UPDATE record_dispositions SET verified = 1, destroyed_at = 't2'", /CHECK/);
    db.prepare("UPDATE record_dispositions SET store_removed_at = 't2', destroyed_at = 't2', verified = 1").run();
    refused(db, "UPDATE record_dispositions SET destroyed_at = 't3'", /completed once/);
    refused(db, 'DELETE FROM record_dispositions', /never deleted/);
    refused(db, "UPDATE disposition_targets SET state = 'removed'", /CHECK/);
    db.prepare("UPDATE disposition_targets SET state = 'removed', removed_at = 't3', run = 'r1'").run();
    refused(db, "UPDATE disposition_targets SET run = 'r2'", /removed once/);
    refused(db, 'DELETE FROM disposition_targets', /never deleted/);
    db.close();
  });
});

describe('migration 0025 statistics', () => {
  it('sums the records already catalogued, then keeps the sums current as the search row changes, without counting a record twice', () => {
    const db = upTo(24);
    seed(db);
    const put = db.prepare("INSERT OR REPLACE INTO record_search (record_id, media_type, officer_id, device_no, recorded_at, late, important, linked, integrity) VALUES (?, 'video', NULL, 'T001', ?, 0, 0, ?, 'unchecked')");
    put.run(1, '2026-11-20T09:00:00', 0);
    db.prepare("INSERT INTO record_media (record_id, probed_at, readable, duration_seconds) VALUES (1, 't', 1, 30)").run();
    migrate(db, MIGRATIONS);
    const day = (d: string) => db.prepare("SELECT records, videos, seconds, bytes, unlinked FROM statistics_days WHERE day = ? AND device_no = 'T001'").get(d);
    expect(day('2026-11-20')).toEqual({ records: 1, videos: 1, seconds: 30, bytes: 1000, unlinked: 1 });
    // The search index rewrites the row (INSERT OR REPLACE): still one record, now linked.
    put.run(1, '2026-11-20T09:00:00', 1);
    expect(day('2026-11-20')).toEqual({ records: 1, videos: 1, seconds: 30, bytes: 1000, unlinked: 0 });
    // Its camera time corrected to another day: it moves, whole.
    db.prepare("UPDATE record_search SET recorded_at = '2026-11-21T09:00:00' WHERE record_id = 1").run();
    expect(day('2026-11-20')).toEqual({ records: 0, videos: 0, seconds: 0, bytes: 0, unlinked: 0 });
    expect(day('2026-11-21')).toEqual({ records: 1, videos: 1, seconds: 30, bytes: 1000, unlinked: 0 });
    put.run(2, '2026-11-21T10:00:00', 0);
    expect(day('2026-11-21')).toEqual({ records: 2, videos: 2, seconds: 30, bytes: 2000, unlinked: 1 });
    db.close();
  });
});
