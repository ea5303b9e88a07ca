import { z } from 'zod';
import { instantSchema } from './dto.js';

export const FIXITY_OUTCOMES = ['ok', 'mismatch', 'missing', 'unreadable', 'unexpected'] as const;
export const ALARM_KINDS = ['mismatch', 'missing', 'unreadable', 'unexpected', 'audit_chain'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** Which originals a check re-hashes: all, those imported since a moment, a random sample, or the scheduled rotation's share. */
export const fixityScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('since'), since: instantSchema }).strict(),
  z.object({ kind: z.literal('sample'), count: z.number().int().min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('rotation'), count: z.number().int().min(0) }).strict(),
  z.object({ kind: z.literal('record'), recordId: z.number().int().positive() }).strict(),
]);
export type FixityScope = z.infer<typeof fixityScopeSchema>;

export const fixitySummarySchema = z.object({
  checked: z.number().int(),
  ok: z.number().int(),
  mismatch: z.number().int(),
  missing: z.number().int(),
  unreadable: z.number().int(),
  unexpected: z.number().int(),
  bytes: z.number().int(),
  seconds: z.number(),
  auditChainOk: z.boolean(),
});
export type FixitySummary = z.infer<typeof fixitySummarySchema>;

export const fixityRunSchema = z.object({
  id: z.number().int(),
  trigger: z.enum(['schedule', 'manual']),
  scope: fixityScopeSchema,
  startedAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  startedBy: z.string().nullable(),
  state: z.enum(['running', 'finished', 'cancelled', 'interrupted']),
  summary: fixitySummarySchema.nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int(), bytesDone: z.number().int(), bytesTotal: z.number().int() }).nullable(),
});
export type FixityRunDto = z.infer<typeof fixityRunSchema>;

/** What a check found wrong: one line per original (or stray file) that was not intact. */
export const fixityProblemSchema = z.object({
  outcome: z.enum(FIXITY_OUTCOMES),
  object: z.string(),
  recordId: z.number().int().nullable(),
  actualSha256: z.string().nullable(),
});

/** One run with its problems, as `integrity.get` answers (lists of runs leave the problems out). */
export const fixityRunDetailSchema = fixityRunSchema.extend({ problems: z.array(fixityProblemSchema) });
export type FixityRunDetailDto = z.infer<typeof fixityRunDetailSchema>;

export const alarmSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ALARM_KINDS),
  recordId: z.number().int().nullable(),
  recordName: z.string().nullable(),
  /** The store path or hash concerned, or the audit chain. */
  object: z.string(),
  detail: z.record(z.string(), z.unknown()),
  raisedAt: instantSchema,
  resolvedAt: instantSchema.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type AlarmDto = z.infer<typeof alarmSchema>;

export const integrityStatusSchema = z.object({
  running: fixityRunSchema.nullable(),
  lastRun: fixityRunSchema.nullable(),
  records: z.number().int(),
  /** Records whose latest check is within the rotation window, and those never checked. */
  checkedInWindow: z.number().int(),
  neverChecked: z.number().int(),
  windowDays: z.number().int(),
  openAlarms: z.array(alarmSchema),
});
export type IntegrityStatusDto = z.infer<typeof integrityStatusSchema>;

/** A record's integrity as shown wherever it appears. */
export const recordIntegritySchema = z.object({
  state: z.enum(['unchecked', 'ok', 'alarm']),
  lastCheckedAt: instantSchema.nullable(),
});

/** A record's integrity history: the capture and digest at import, every fixity check since, its alarms. */
export const recordIntegrityHistorySchema = z.object({
  captured: z.object({ at: instantSchema, by: z.string(), sha256: z.string(), sm3: z.string(), size: z.number().int() }),
  checks: z.array(z.object({ at: instantSchema, runId: z.number().int(), outcome: z.enum(FIXITY_OUTCOMES), actualSha256: z.string().nullable() })),
  alarms: z.array(alarmSchema),
});

export const backupSummarySchema = z.object({
  copied: z.number().int(),
  bytes: z.number().int(),
  alreadyThere: z.number().int(),
  /** Copies the target had lost (or held wrong) and got again. */
  recopied: z.number().int(),
  /** Originals not copied because the store's own copy no longer hashes right (see the integrity alarms). */
  skippedDamaged: z.number().int(),
  snapshot: z.string().nullable(),
  seconds: z.number(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

export const backupRunSchema = z.object({
  id: z.number().int(),
  targetId: z.number().int(),
  trigger: z.enum(['schedule', 'manual']),
  startedAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  state: z.enum(['running', 'finished', 'failed', 'interrupted']),
  summary: backupSummarySchema.nullable(),
  /** Why a failed run failed (target missing, full, read-only, unplugged…), as an error code. */
  problem: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
});
export type BackupRunDto = z.infer<typeof backupRunSchema>;

export const backupTargetSchema = z.object({
  id: z.number().int(),
  path: z.string(),
  label: z.string(),
  retired: z.boolean(),
  reachable: z.boolean(),
  lastRun: backupRunSchema.nullable(),
  lastSuccessAt: instantSchema.nullable(),
  /** Originals held there (verified when copied) and their size; originals still to copy. */
  held: z.number().int(),
  heldBytes: z.number().int(),
  pending: z.number().int(),
  pendingBytes: z.number().int(),
});
export type BackupTargetDto = z.infer<typeof backupTargetSchema>;
