import { z } from 'zod';
import { CASE_KINDS } from '../rules/case-number.js';
import { SEED_MAX } from '../rules/seeded-draw.js';
import { instantSchema } from './dto.js';
import { loanDaySchema } from './loans-dto.js';

/** Cases one spot check may draw: a sample a supervisor reads through case by case in a sitting or two. */
export const SPOT_CHECK_SIZE_MAX = 100;
export const FINDING_TEXT_MAX = 1000;
export const VERDICTS = ['pass', 'problem'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What a draw is asked for: the ledger's period (days, both included), how many cases, and a seed to repeat a draw by. */
export const spotCheckDrawSchema = z
  .object({
    from: loanDaySchema,
    to: loanDaySchema,
    size: z.number().int().min(1).max(SPOT_CHECK_SIZE_MAX),
    /** Omitted: the core picks a new one. Given: the draw made with it before comes out again. */
    seed: z.number().int().min(0).max(SEED_MAX).optional(),
    /**
     * A case the checker handled is left out of the draw unless this is set (a county with one
     * checker may need it); drawn anyway, it is flagged on the check.
     */
    keepOwnCases: z.boolean().default(false),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'the period ends on or after its first day', path: ['to'] });
export type SpotCheckDraw = z.output<typeof spotCheckDrawSchema>;

export const findingSchema = z.object({
  id: z.number().int(),
  verdict: z.enum(VERDICTS),
  text: z.string(),
  at: instantSchema,
  by: z.string(),
});
export type FindingDto = z.infer<typeof findingSchema>;

/** A drawn case as the check shows it, with every finding recorded on it, oldest first. */
export const drawnCaseSchema = z.object({
  position: z.number().int(),
  caseId: z.number().int(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  cause: z.string(),
  /** The day that put the case on the ledger in the period (closed, inspected or re-checked). */
  ledgerDay: z.string(),
  /** The checker is one of the case's handlers: checking one's own case is no check. */
  checkerHandles: z.boolean(),
  findings: z.array(findingSchema),
});
export type DrawnCaseDto = z.infer<typeof drawnCaseSchema>;

export const spotCheckSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  from: z.string(),
  to: z.string(),
  /** The size asked for; `drawn` is smaller when the ledger held fewer cases. */
  requested: z.number().int(),
  drawn: z.number().int(),
  seed: z.number().int(),
  candidates: z.number().int(),
  drawnAt: instantSchema,
  drawnBy: z.string(),
  closedAt: instantSchema.nullable(),
  /** Drawn cases with at least one finding of each verdict, and with none yet. */
  passed: z.number().int(),
  problems: z.number().int(),
  unchecked: z.number().int(),
});
export type SpotCheckSummaryDto = z.infer<typeof spotCheckSummarySchema>;

export const spotCheckSchema = spotCheckSummarySchema.extend({
  closedBy: z.string().nullable(),
  closingNote: z.string().nullable(),
  cases: z.array(drawnCaseSchema),
});
export type SpotCheckDto = z.infer<typeof spotCheckSchema>;
