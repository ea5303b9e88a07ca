import { z } from 'zod';
import { errorShapeSchema, instantSchema } from './dto.js';
import { retentionRuleSchema } from './retention-dto.js';

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** pending → approved | rejected, once; approved → executed by the destruction step. */
export const DESTRUCTION_STATES = ['pending', 'approved', 'rejected', 'executed'] as const;
export type DestructionState = (typeof DESTRUCTION_STATES)[number];

/** One record on a list, as frozen when it was proposed: what the printed list shows. */
export const destructionItemSchema = z.object({
  recordId: z.number().int(),
  name: z.string(),
  officer: z.string().nullable(),
  recordedAt: z.string().nullable(),
  sha256: z.string(),
  size: z.number().int(),
  keptThrough: daySchema,
  rule: retentionRuleSchema,
  /** When it was destroyed under this list (and verified gone); null until then. */
  destroyedAt: instantSchema.nullable(),
});
export type DestructionItemDto = z.infer<typeof destructionItemSchema>;

export const destructionDecisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  at: instantSchema,
  by: z.string(),
  byId: z.number().int(),
  source: z.enum(['app', 'paper']),
  /** The keeper who entered a paper decision. */
  recordedBy: z.string().nullable(),
  reason: z.string().nullable(),
  paperScanSha256: z.string().nullable(),
  /** The second witness (监销人), when one was named. */
  witness: z.string().nullable(),
  chainHead: z.object({ seq: z.number().int(), hash: z.string() }),
});

export const destructionSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  reason: z.string(),
  proposedAt: instantSchema,
  proposedBy: z.string(),
  proposedById: z.number().int(),
  state: z.enum(DESTRUCTION_STATES),
  decision: destructionDecisionSchema.nullable(),
  executedAt: instantSchema.nullable(),
  itemCount: z.number().int(),
});
export type DestructionSummaryDto = z.infer<typeof destructionSummarySchema>;

export const destructionListSchema = destructionSummarySchema.extend({ items: z.array(destructionItemSchema) });
export type DestructionListDto = z.infer<typeof destructionListSchema>;

/**
 * One run executing an approved list. A run that stops (a hold found on an item, the clock set
 * back, the app killed) leaves the list approved with the items done so far destroyed; running
 * the list again finishes the rest.
 */
export const destructionJobSchema = z.object({
  id: z.number().int(),
  listId: z.number().int(),
  listNumber: z.string(),
  state: z.enum(['running', 'finished', 'failed', 'interrupted']),
  startedAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  problem: errorShapeSchema.nullable(),
  /** Records of the list destroyed (by this run or an earlier one). */
  destroyed: z.number().int(),
  /** Backup copies on targets that were not plugged in: removed by each target's next backup run. */
  pendingCopies: z.number().int(),
});
export type DestructionJobDto = z.infer<typeof destructionJobSchema>;

/** A list as its page shows it: with its last run, so a run that stopped says so and why. */
export const destructionListDetailSchema = destructionListSchema.extend({ lastRun: destructionJobSchema.nullable() });
export type DestructionListDetailDto = z.infer<typeof destructionListDetailSchema>;
