import { z } from 'zod';
import { MEDIA_TYPES, type MediaType } from '../media-types.js';
import { RETENTION_CLASSES } from '../rules/retention.js';
import { equipmentNoSchema, instantSchema } from './dto.js';
import { recordIntegritySchema } from './integrity-dto.js';

export const mediaTypeSchema = z.enum(MEDIA_TYPES as [MediaType, ...MediaType[]]);

/** What ffprobe found; null on a record until it has been probed (in the background after import). */
export const mediaInfoSchema = z.object({
  readable: z.boolean(),
  container: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  frameRate: z.number().nullable(),
  creationTime: instantSchema.nullable(),
  problem: z.string().nullable(),
});
export type MediaInfoDto = z.infer<typeof mediaInfoSchema>;

/** What the file name and path said at import. */
export const attributionSchema = z.object({
  patternId: z.string().nullable(),
  device: z.string().nullable(),
  officer: z.string().nullable(),
  /** The camera's wall-clock time, no zone. */
  recordedAt: z.string().nullable(),
  sequence: z.number().int().nullable(),
  important: z.boolean(),
  /** Where the device number came from: the file name, or the keeper's choice at import. */
  deviceSource: z.enum(['file_name', 'keeper']).nullable(),
});

/** Office wall-clock time as cameras write it: no zone. */
export const wallClockSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

/** An officer away from the office (remote area, on the water): recordings made meanwhile are due counting from the return. */
export const absenceSchema = z.object({
  id: z.number().int(),
  officerId: z.number().int(),
  officerName: z.string(),
  /** Office wall-clock times, no zone, like the cameras'. */
  startsAt: wallClockSchema,
  returnedAt: wallClockSchema,
  reason: z.string(),
  createdAt: instantSchema,
  createdBy: z.string(),
  withdrawn: z.object({ at: instantSchema, by: z.string(), reason: z.string() }).nullable(),
});
export type AbsenceDto = z.infer<typeof absenceSchema>;

/** Whether the record arrived within the upload deadline, judged at import. Times are office wall clock. */
export const timelinessSchema = z.object({
  basis: z.enum(['file_name', 'file_mtime']),
  recordedAt: z.string(),
  deadlineAt: z.string(),
  arrivedAt: z.string(),
  secondsLate: z.number().int(),
  /** The keeper's latest explanation for a late record. */
  explanation: z.string().nullable(),
  /** How far the camera's time was past the import: a camera can't record the future, so its clock runs ahead. */
  cameraAheadSeconds: z.number().int().nullable(),
  /** Past the clock-drift threshold in force at import. */
  clockFlagged: z.boolean(),
  /** The officer was away when this was recorded: the deadline counts from the return. */
  absence: absenceSchema.pick({ id: true, startsAt: true, returnedAt: true, reason: true }).nullable(),
});
export type TimelinessDto = z.infer<typeof timelinessSchema>;

/** Where a derived copy stands: made, being made, failed (with ffmpeg's reason kept), or not needed for this original. */
export const DERIVED_STATES = ['pending', 'ready', 'failed', 'not_needed'] as const;
export const derivedSchema = z.object({ poster: z.enum(DERIVED_STATES), proxy: z.enum(DERIVED_STATES) });
export type DerivedDto = z.infer<typeof derivedSchema>;

/** A record's retention class and the last day it must be kept (null: no end yet — evidence whose case isn't archived, or permanent); null until computed. */
export const keptSchema = z.object({ class: z.enum(RETENTION_CLASSES), keptThrough: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable() }).nullable();

/** Destroyed under an executed destruction list: the catalogue keeps the record, its original is gone. */
export const dispositionSchema = z.object({ listNumber: z.string(), destroyedAt: instantSchema }).nullable();

export const recordSchema = z.object({
  id: z.number().int(),
  sha256: z.string(),
  sm3: z.string(),
  size: z.number().int(),
  mediaType: mediaTypeSchema,
  originalName: z.string(),
  originalPath: z.string(),
  source: z.string(),
  fileMtime: instantSchema.nullable(),
  importedAt: instantSchema,
  importedBy: z.string(),
  importJobId: z.number().int(),
  media: mediaInfoSchema.nullable(),
  attribution: attributionSchema,
  timeliness: timelinessSchema.nullable(),
  /** Whose recording this is: from the officer number in the name, the device register, or the keeper. */
  officer: z.object({ id: z.number().int(), name: z.string(), source: z.enum(['file_name', 'device_register', 'keeper']) }).nullable(),
  /** The poster frame and playable proxy made from the original; derived copies, never the evidence. */
  derived: derivedSchema,
  /** Unchecked since import, intact at the last check, or under an open integrity alarm (not to be shown as authentic). */
  integrity: recordIntegritySchema,
  retention: keptSchema,
  disposition: dispositionSchema,
});
export type RecordDto = z.infer<typeof recordSchema>;

export const IMPORT_OUTCOMES = ['imported', 'duplicate', 'failed', 'skipped'] as const;

export const importItemSchema = z.object({
  relativePath: z.string(),
  size: z.number().int().nullable(),
  outcome: z.enum(IMPORT_OUTCOMES),
  reason: z.string().nullable(),
  recordId: z.number().int().nullable(),
  /** Deleted from the camera after the verified batch (true), kept on it with `clearReason` (false), or not asked (null). */
  cleared: z.boolean().nullable(),
  clearReason: z.string().nullable(),
});
export type ImportItemDto = z.infer<typeof importItemSchema>;

export const importSummarySchema = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  /** Imported past their upload deadline. */
  late: z.number().int().default(0),
  bytes: z.number().int(),
  seconds: z.number(),
  /** Files deleted from the camera after the batch, and files asked to be cleared but kept. */
  cleared: z.number().int().default(0),
  notCleared: z.number().int().default(0),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/**
 * What the keeper decides for one import. The officer and device apply to files whose names
 * don't say; clearing deletes from the camera only files committed and verified in the store,
 * and only once the whole batch has ended.
 */
export const importOptionsSchema = z
  .object({
    officerId: z.number().int().positive().optional(),
    deviceNo: equipmentNoSchema.optional(),
    clearDevice: z.boolean().default(false),
  })
  .strict();
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importProgressSchema = z.object({
  filesTotal: z.number().int(),
  filesDone: z.number().int(),
  bytesTotal: z.number().int(),
  bytesDone: z.number().int(),
  mibPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importJobSchema = z.object({
  id: z.number().int(),
  source: z.string(),
  state: z.enum(['running', 'finished', 'cancelled', 'failed', 'interrupted']),
  startedAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  startedBy: z.string(),
  progress: importProgressSchema.nullable(),
  options: importOptionsSchema,
  summary: importSummarySchema.nullable(),
  items: z.array(importItemSchema),
});
export type ImportJobDto = z.infer<typeof importJobSchema>;

/** Somewhere to import from: a removable drive plugged in now, or a folder set up in Settings. */
export const sourceSchema = z.object({
  path: z.string(),
  label: z.string(),
  kind: z.enum(['drive', 'folder']),
  /** False for a configured folder that can't be reached now (share not mounted). */
  available: z.boolean(),
  totalBytes: z.number().int().nullable(),
  freeBytes: z.number().int().nullable(),
  /** Top-level folders a body camera writes (DCIM, RECORD, 录像, …), as found. */
  cameraFolders: z.array(z.string()),
});
export type SourceDto = z.infer<typeof sourceSchema>;

export const sourcePreviewSchema = z.object({
  files: z.number().int(),
  bytes: z.number().int(),
  byType: z.object({ video: z.number().int(), audio: z.number().int(), photo: z.number().int() }),
  /** Same name and size as an archived record: very likely already in; the import decides by hash. */
  likelyArchived: z.number().int(),
  skipped: z.number().int(),
  cameraFolders: z.array(z.string()),
});
export type SourcePreviewDto = z.infer<typeof sourcePreviewSchema>;
