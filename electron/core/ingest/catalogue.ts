import type { ImportOptions } from '../../../shared/contract/records-dto.js';
import { deadlineFor, secondsAfter, secondsLate, wallClockOf } from '../../../shared/rules/deadline.js';
import { hasImportantMark, parseFileName } from '../../../shared/rules/file-names.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Db } from '../db/open.js';
import type { CallContext } from '../base/call-context.js';
import type { ImportRules } from './import-service.js';
import type { ScannedFile } from './scan.js';

/** What the catalogue looks up while judging a record: whose it is, and whether that officer was away. */
export interface Resolvers {
  /** From the officer number in the name, else the camera's registered holder. */
  officerFor(officerNo: string | null, deviceNo: string | null): { id: number; source: 'file_name' | 'device_register' } | null;
  /** The registered absence covering a recording time, whose return restarts the upload clock. */
  absenceFor(officerId: number, recordedAt: string): { id: number; returnedAt: string } | null;
}

export interface CatalogueInput {
  jobId: number;
  source: string;
  file: ScannedFile;
  copied: { sha256: string; sm3: string; size: number };
  rules: ImportRules;
  options: ImportOptions;
  now: Date;
}

/**
 * Writes one verified original into the catalogue with everything judged at import — what its
 * name says, whose it is, whether it arrived in time — and its audit event. Call inside the
 * transaction that also clears the store intent, so a record is all there or not at all.
 */
export function catalogueRecord(db: Db, audit: AuditLog, ctx: CallContext, resolve: Resolvers, input: CatalogueInput): { id: number; late: boolean } {
  const { file, copied, rules, options, now, jobId } = input;
  const account = ctx.account as NonNullable<CallContext['account']>;
  const at = now.toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO records (sha256, sm3, size, media_type, original_name, original_path, source, file_mtime, imported_at, imported_by, import_job_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(copied.sha256, copied.sm3, copied.size, file.mediaType, file.name, file.relative, input.source, file.mtime, at, account.id, jobId).lastInsertRowid,
  );
  const name = parseFileName(file.name, rules.ingest.namePatterns);
  const deviceNo = name?.device ?? options.deviceNo ?? null;
  const deviceSource = name?.device ? 'file_name' : options.deviceNo ? 'keeper' : null;
  db.prepare('INSERT INTO record_attribution (record_id, name_pattern, device_no, officer_no, recorded_at, sequence, important, device_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    name?.patternId ?? null,
    deviceNo,
    name?.officer ?? null,
    name?.recordedAt ?? null,
    name?.sequence ?? null,
    hasImportantMark(file.relative, rules.ingest.importantMarks) ? 1 : 0,
    deviceSource,
  );
  // The keeper's choice at import is the last resort: the name and the register are evidence, the choice is a judgement.
  const officer = resolve.officerFor(name?.officer ?? null, deviceNo) ?? (options.officerId ? { id: options.officerId, source: 'keeper' as const } : null);
  if (officer) {
    db.prepare('INSERT INTO record_officers (record_id, officer_id, source, at, by_account) VALUES (?, ?, ?, ?, ?)').run(
      id,
      officer.id,
      officer.source,
      at,
      officer.source === 'keeper' ? account.id : null,
    );
  }
  const { rule, calendar, timeZone, clockAheadMinutes } = rules.timeliness;
  const recordedAt = name?.recordedAt ?? wallClockOf(new Date(file.mtime), timeZone);
  const absence = officer ? resolve.absenceFor(officer.id, recordedAt) : null;
  const deadline = deadlineFor(absence?.returnedAt ?? recordedAt, rule, calendar);
  const arrived = wallClockOf(now, timeZone);
  const late = secondsLate(arrived, deadline);
  const ahead = secondsAfter(recordedAt, arrived);
  db.prepare(
    'INSERT INTO record_timeliness (record_id, basis, recorded_at, deadline_at, arrived_at, seconds_late, rule, camera_ahead_seconds, clock_flagged, absence_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    id,
    name?.recordedAt ? 'file_name' : 'file_mtime',
    recordedAt,
    deadline,
    arrived,
    late,
    JSON.stringify(rule),
    ahead,
    ahead > clockAheadMinutes * 60 ? 1 : 0,
    absence?.id ?? null,
  );
  audit.append({
    ...ctx.auditBase(),
    action: 'record.imported',
    target: `record:${id}`,
    details: { sha256: copied.sha256, sm3: copied.sm3, size: copied.size, name: file.name, path: file.relative, jobId },
  });
  return { id, late: late > 0 };
}
