import { z } from 'zod';
import { HOLD_KINDS, RETENTION_CLASSES } from '../rules/retention.js';
import { instantSchema } from './dto.js';

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The rule that produced a record's term (shared/rules/retention.ts), as the screen names it. */
export const retentionRuleSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('standard_years'), years: z.number().int(), from: daySchema, clock: z.enum(['camera', 'import']) }),
  z.object({ code: z.literal('evidence_years'), years: z.number().int(), from: daySchema }),
  z.object({ code: z.literal('evidence_permanent') }),
  z.object({ code: z.literal('evidence_not_archived'), years: z.union([z.number().int(), z.literal('permanent')]) }),
]);

export const MANUAL_HOLD_KINDS = ['litigation', 'review', 'complaint', 'other'] as const;

export const retentionHoldSchema = z.object({
  id: z.number().int(),
  kind: z.enum(MANUAL_HOLD_KINDS),
  reason: z.string(),
  setAt: instantSchema,
  setBy: z.string(),
  liftedAt: instantSchema.nullable(),
  liftedBy: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type RetentionHoldDto = z.infer<typeof retentionHoldSchema>;

export const retentionPolicySchema = z.object({
  standardYears: z.number().int().min(1).max(1000),
  evidenceYears: z.union([z.number().int().min(1).max(1000), z.literal('permanent')]),
  witnessRequired: z.boolean().default(false),
});

/** A record's retention as shown wherever the record appears. */
export const recordRetentionSchema = z.object({
  recordId: z.number().int(),
  class: z.enum(RETENTION_CLASSES),
  keptThrough: daySchema.nullable(),
  destroyableFrom: daySchema.nullable(),
  rule: retentionRuleSchema,
  status: z.enum(['no_end', 'running', 'held', 'expired']),
  daysLeft: z.number().int().nullable(),
  holdKinds: z.array(z.enum(HOLD_KINDS)),
  holds: z.array(retentionHoldSchema),
});
export type RecordRetentionDto = z.infer<typeof recordRetentionSchema>;

/** The expiry review: what has reached the end of its period and nothing holds. */
export const retentionReviewSchema = z.object({
  today: daySchema,
  total: z.number().int(),
  /** Expired by date but held now (not listed). */
  held: z.number().int(),
  items: z.array(
    z.object({
      recordId: z.number().int(),
      name: z.string(),
      mediaType: z.string(),
      recordedAt: z.string().nullable(),
      officerId: z.number().int().nullable(),
      officer: z.string().nullable(),
      cases: z.array(z.string()),
      class: z.enum(RETENTION_CLASSES),
      keptThrough: daySchema,
      rule: retentionRuleSchema,
    }),
  ),
});
export type RetentionReviewDto = z.infer<typeof retentionReviewSchema>;
