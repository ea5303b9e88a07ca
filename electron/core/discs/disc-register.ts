import fs from 'node:fs';
import type { DiscDetailDto, DiscDto } from '../../../shared/contract/discs-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { DiscMedium } from '../../../shared/rules/disc-media.js';
import type { Db } from '../db/open.js';
import { nextRegisterNumber } from '../base/register-number.js';

interface DiscRow {
  id: number;
  number: string;
  case_id: number;
  case_no: string;
  disc_index: number;
  disc_count: number;
  medium: DiscMedium;
  volume_label: string;
  tagmanifest_sha256: string;
  payload_oxum: string;
  image_bytes: number;
  image_path: string;
  built_at: string;
  built_by_name: string | null;
  burned_at: string | null;
  burned_by_name: string | null;
  location: string | null;
  replaces: number | null;
  replaces_number: string | null;
  replace_reason: string | null;
  build_job_id: number;
  last_at: string | null;
  last_outcome: 'ok' | 'altered' | 'unreadable' | null;
}

const SELECT = `SELECT d.*, c.case_no, b.display_name AS built_by_name, u.display_name AS burned_by_name, o.number AS replaces_number,
    (SELECT at FROM disc_checks k WHERE k.disc_id = d.id ORDER BY k.id DESC LIMIT 1) AS last_at,
    (SELECT outcome FROM disc_checks k WHERE k.disc_id = d.id ORDER BY k.id DESC LIMIT 1) AS last_outcome
  FROM discs d JOIN cases c ON c.id = d.case_id LEFT JOIN accounts b ON b.id = d.built_by
  LEFT JOIN accounts u ON u.id = d.burned_by LEFT JOIN discs o ON o.id = d.replaces`;

/** A disc as it will be written into the register once its image is complete. */
export interface NewDisc {
  caseId: number;
  buildJobId: number;
  index: number;
  count: number;
  medium: DiscMedium;
  volumeLabel: string;
  tagmanifestSha256: string;
  payloadOxum: string;
  imageBytes: number;
  imagePath: string;
  builtAt: string;
  builtBy: number | null;
  replaces: { discId: number; reason: string } | null;
  files: { recordId: number; path: string; sha256: string; size: number }[];
}

export interface DiscCheckResult {
  outcome: 'ok' | 'altered' | 'unreadable';
  filesOk: number;
  problems: { path: string; problem: 'mismatch' | 'missing' | 'extra' | 'unreadable' }[];
}

/** The disc register (光盘登记): what each disc holds, where it is, and every check of it. */
export class DiscRegister {
  constructor(private readonly db: Db) {}

  list(caseId?: number): DiscDto[] {
    const rows = this.db.prepare(`${SELECT} WHERE (@caseId IS NULL OR d.case_id = @caseId) ORDER BY d.id DESC`).all({ caseId: caseId ?? null }) as DiscRow[];
    return rows.map((r) => this.toDto(r));
  }

  one(id: number): DiscDto {
    return this.toDto(this.row(id));
  }

  get(id: number): DiscDetailDto {
    const row = this.row(id);
    const files = this.files(id);
    const checks = this.db
      .prepare('SELECT k.*, a.display_name AS by_name FROM disc_checks k LEFT JOIN accounts a ON a.id = k.by WHERE k.disc_id = ? ORDER BY k.id DESC')
      .all(id) as { id: number; kind: 'burn' | 'health'; at: string; by_name: string | null; source: string; outcome: DiscCheckResult['outcome']; files_ok: number; problems: string }[];
    const set = this.db.prepare('SELECT id, number, disc_index AS "index" FROM discs WHERE build_job_id = ? ORDER BY disc_index').all(row.build_job_id) as DiscDetailDto['set'];
    return {
      ...this.toDto(row),
      files,
      checks: checks.map((k) => ({ id: k.id, kind: k.kind, at: k.at, by: k.by_name, source: k.source, outcome: k.outcome, filesOk: k.files_ok, problems: JSON.parse(k.problems) as DiscCheckResult['problems'] })),
      set,
    };
  }

  /** The registered disc whose tag manifest hashes so: the bag's fingerprint. */
  byTagmanifest(sha256: string): DiscDto | null {
    const row = this.db.prepare(`${SELECT} WHERE d.tagmanifest_sha256 = ?`).get(sha256) as DiscRow | undefined;
    return row ? this.toDto(row) : null;
  }

  /** Discs made for a case that claim to be disc `index` of the build with this bagging date: for naming an altered disc. */
  lookalikes(caseNo: string, index: number, count: number): DiscDto[] {
    const rows = this.db.prepare(`${SELECT} WHERE c.case_no = ? AND d.disc_index = ? AND d.disc_count = ? ORDER BY d.id`).all(caseNo, index, count) as DiscRow[];
    return rows.map((r) => this.toDto(r));
  }

  files(id: number): DiscDetailDto['files'] {
    return this.db.prepare('SELECT record_id AS recordId, path, sha256, size FROM disc_files WHERE disc_id = ? ORDER BY path').all(id) as DiscDetailDto['files'];
  }

  /** Enters a build's discs together: a build registers all of its discs or none. */
  add(discs: NewDisc[], at: Date): number[] {
    return discs.map((d) => {
      const number = nextRegisterNumber(this.db, 'discs', 'G', at.getUTCFullYear());
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO discs (number, case_id, build_job_id, disc_index, disc_count, medium, volume_label, tagmanifest_sha256, payload_oxum, image_bytes, image_path, built_at, built_by, replaces, replace_reason)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(number, d.caseId, d.buildJobId, d.index, d.count, d.medium, d.volumeLabel, d.tagmanifestSha256, d.payloadOxum, d.imageBytes, d.imagePath, d.builtAt, d.builtBy, d.replaces?.discId ?? null, d.replaces?.reason ?? null).lastInsertRowid,
      );
      const insert = this.db.prepare('INSERT INTO disc_files (disc_id, record_id, path, sha256, size) VALUES (?, ?, ?, ?, ?)');
      for (const f of d.files) insert.run(id, f.recordId, f.path, f.sha256, f.size);
      return id;
    });
  }

  recordCheck(discId: number, kind: 'burn' | 'health', at: Date, by: number | null, source: string, result: DiscCheckResult): void {
    this.db
      .prepare('INSERT INTO disc_checks (disc_id, kind, at, by, source, outcome, files_ok, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(discId, kind, at.toISOString(), by, source, result.outcome, result.filesOk, JSON.stringify(result.problems));
  }

  markBurned(discId: number, at: Date, by: number | null, drive: string): void {
    this.db.prepare('UPDATE discs SET burned_at = ?, burned_by = ?, drive = ? WHERE id = ? AND burned_at IS NULL').run(at.toISOString(), by, drive, discId);
  }

  setLocation(discId: number, location: string): void {
    this.row(discId);
    this.db.prepare('UPDATE discs SET location = ? WHERE id = ?').run(location, discId);
  }

  private row(id: number): DiscRow {
    const row = this.db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DiscRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no disc ${id}`, { id });
    return row;
  }

  private toDto(r: DiscRow): DiscDto {
    const counts = this.db.prepare('SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM disc_files WHERE disc_id = ?').get(r.id) as { n: number; bytes: number };
    return {
      id: r.id,
      number: r.number,
      caseId: r.case_id,
      caseNo: r.case_no,
      index: r.disc_index,
      count: r.disc_count,
      medium: r.medium,
      volumeLabel: r.volume_label,
      tagmanifestSha256: r.tagmanifest_sha256,
      fileCount: counts.n,
      payloadBytes: counts.bytes,
      imageBytes: r.image_bytes,
      imagePath: r.image_path,
      imagePresent: fs.existsSync(r.image_path),
      state: r.burned_at ? 'burned' : 'image',
      builtAt: r.built_at,
      builtBy: r.built_by_name,
      burnedAt: r.burned_at,
      burnedBy: r.burned_by_name,
      location: r.location,
      replaces: r.replaces && r.replaces_number && r.replace_reason ? { id: r.replaces, number: r.replaces_number, reason: r.replace_reason } : null,
      lastCheck: r.last_at && r.last_outcome ? { at: r.last_at, outcome: r.last_outcome } : null,
    };
  }
}
