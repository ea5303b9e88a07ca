import { z } from 'zod';
import { DISC_MEDIUM_CODES } from '../rules/disc-media.js';
import { errorShapeSchema, instantSchema } from './dto.js';

export const discMediumSchema = z.enum(DISC_MEDIUM_CODES);

/**
 * Why an evidence record can't go on a disc yet: under an integrity alarm, its written-description
 * facts incomplete, no officer attributed (the description names them), bigger than the medium.
 */
export const DISC_BLOCKS = ['integrity_alarm', 'facts_incomplete', 'no_officer', 'too_large', 'destroyed'] as const;

export const discPlanRecordSchema = z.object({
  recordId: z.number().int(),
  linkId: z.number().int(),
  name: z.string(),
  size: z.number().int(),
  /** Office wall clock, as the camera wrote it. */
  recordedAt: z.string().nullable(),
});

export const discPlanSchema = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  medium: discMediumSchema,
  capacity: z.number().int(),
  discs: z.array(z.object({ index: z.number().int(), volumeLabel: z.string(), bytes: z.number().int(), records: z.array(discPlanRecordSchema) })),
  blocked: z.array(discPlanRecordSchema.extend({ reasons: z.array(z.enum(DISC_BLOCKS)), missing: z.array(z.string()) })),
});
export type DiscPlanDto = z.infer<typeof discPlanSchema>;

export const DISC_STATES = ['image', 'burned'] as const;

export const discSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  caseId: z.number().int(),
  caseNo: z.string(),
  index: z.number().int(),
  count: z.number().int(),
  medium: discMediumSchema,
  volumeLabel: z.string(),
  tagmanifestSha256: z.string(),
  fileCount: z.number().int(),
  payloadBytes: z.number().int(),
  imageBytes: z.number().int(),
  imagePath: z.string(),
  /** Whether the image file is still where it was written (it may be burned elsewhere or cleared). */
  imagePresent: z.boolean(),
  state: z.enum(DISC_STATES),
  builtAt: instantSchema,
  builtBy: z.string().nullable(),
  burnedAt: instantSchema.nullable(),
  burnedBy: z.string().nullable(),
  location: z.string().nullable(),
  replaces: z.object({ id: z.number().int(), number: z.string(), reason: z.string() }).nullable(),
  lastCheck: z.object({ at: instantSchema, outcome: z.enum(['ok', 'altered', 'unreadable']) }).nullable(),
});
export type DiscDto = z.infer<typeof discSchema>;

export const DISC_FILE_PROBLEMS = ['mismatch', 'missing', 'extra', 'unreadable'] as const;
export const discProblemSchema = z.object({ path: z.string(), problem: z.enum(DISC_FILE_PROBLEMS) });

export const discCheckSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['burn', 'health']),
  at: instantSchema,
  by: z.string().nullable(),
  source: z.string(),
  outcome: z.enum(['ok', 'altered', 'unreadable']),
  filesOk: z.number().int(),
  problems: z.array(discProblemSchema),
});

export const discDetailSchema = discSchema.extend({
  files: z.array(z.object({ recordId: z.number().int(), path: z.string(), sha256: z.string(), size: z.number().int() })),
  checks: z.array(discCheckSchema),
  /** The other discs of the same build (disc i of N), in order. */
  set: z.array(z.object({ id: z.number().int(), number: z.string(), index: z.number().int() })),
});
export type DiscDetailDto = z.infer<typeof discDetailSchema>;

/** A health check's answer: a registered disc intact or not, or a disc this archive never made. */
export const discHealthSchema = z.object({
  verdict: z.enum(['ok', 'altered', 'unreadable', 'unknown']),
  disc: discSchema.nullable(),
  caseNo: z.string().nullable(),
  bagCount: z.string().nullable(),
  tagmanifestSha256: z.string().nullable(),
  filesOk: z.number().int(),
  problems: z.array(discProblemSchema),
});
export type DiscHealthDto = z.infer<typeof discHealthSchema>;

export const discJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['build', 'burn']),
  caseId: z.number().int(),
  state: z.enum(['running', 'finished', 'failed', 'cancelled', 'interrupted']),
  startedAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  progress: z.object({ step: z.string(), disc: z.number().int(), discs: z.number().int(), percent: z.number() }).nullable(),
  problem: errorShapeSchema.nullable(),
  discIds: z.array(z.number().int()),
});
export type DiscJobDto = z.infer<typeof discJobSchema>;

export const driveSchema = z.object({
  id: z.string(),
  name: z.string(),
  medium: z.object({ loaded: z.boolean(), blank: z.boolean(), kind: z.string().nullable(), capacityBytes: z.number().nullable() }).nullable(),
  problem: errorShapeSchema.nullable(),
});
export type DriveDto = z.infer<typeof driveSchema>;
