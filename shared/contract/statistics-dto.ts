import { z } from 'zod';
import { loanDaySchema } from './loans-dto.js';

/** The charts of the statistics screen (统计), each one query over the period. */
export const STATISTICS_CHARTS = ['recordings', 'timeliness', 'lateness', 'unlinked', 'interruptions', 'lending', 'storage'] as const;
export type StatisticsChart = (typeof STATISTICS_CHARTS)[number];

/** What the recordings chart's bars stand for: months, officers or cameras. */
export const STATISTICS_GROUPS = ['month', 'officer', 'camera'] as const;
export type StatisticsGroup = (typeof STATISTICS_GROUPS)[number];

/** The longest period a chart covers: ten years of months still read as a chart. */
export const STATISTICS_MAX_DAYS = 3660;

/**
 * Which chart, over which office days (both ends included; nothing given is the twelve months up
 * to today), and for the recordings chart how its bars are grouped.
 */
export const statisticsQuerySchema = z
  .object({
    chart: z.enum(STATISTICS_CHARTS),
    from: loanDaySchema.optional(),
    to: loanDaySchema.optional(),
    groupBy: z.enum(STATISTICS_GROUPS).default('month'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'the period ends on or after its first day', path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= STATISTICS_MAX_DAYS * 86_400_000, { message: 'the period is at most ten years', path: ['from'] });
export type StatisticsQuery = z.output<typeof statisticsQuerySchema>;

/**
 * Series keys, each a count unless named otherwise: `hours` and `gib` (gibibytes) unrounded,
 * `lateShare` per cent of the records judged, to one decimal.
 */
export const STATISTICS_SERIES = [
  'records', 'hours', 'onTime', 'late', 'lateShare', 'lateDay', 'late3Days', 'lateWeek', 'lateMore', 'unlinked', 'linked', 'interruptions', 'videos', 'viewings', 'loans', 'gib',
] as const;
export type StatisticsSeriesKey = (typeof STATISTICS_SERIES)[number];

/**
 * Where the store drive stands: bytes held now, free and total on its drive, the growth per month
 * the projection uses (the mean of the period's last months), and the month the drive is full at
 * that rate — null when the store doesn't grow or won't fill within `horizonYears`.
 */
export const storageOutlookSchema = z.object({
  usedBytes: z.number(),
  freeBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
  /** Null until a whole month has passed since the first recording. */
  growthPerMonthBytes: z.number().nullable(),
  fullMonth: z.string().nullable(),
  horizonYears: z.number().int(),
});
export type StorageOutlook = z.output<typeof storageOutlookSchema>;

/**
 * One chart's data: a label per bar (a month "2026-11", an officer's name, a camera number; an
 * empty label is "not known": no officer or camera), and the series over them.
 */
export const statisticsSchema = z.object({
  chart: z.enum(STATISTICS_CHARTS),
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(STATISTICS_GROUPS),
  categories: z.array(z.string()),
  series: z.array(z.object({ key: z.enum(STATISTICS_SERIES), values: z.array(z.number()) })),
  storage: storageOutlookSchema.nullable(),
});
export type StatisticsDto = z.output<typeof statisticsSchema>;
