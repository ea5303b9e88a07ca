import { z } from 'zod';
import { mediaTypeSchema, wallClockSchema } from './records-dto.js';

export const timelineSchema = z.object({
  deviceNo: z.string(),
  day: z.string(),
  clips: z.array(
    z.object({
      recordId: z.number().int(),
      name: z.string(),
      mediaType: mediaTypeSchema,
      /** The camera's own time (its clock), no zone. */
      start: wallClockSchema,
      durationSeconds: z.number().nullable(),
      /** Seconds since the previous clip ended; null for the day's first. */
      gapBeforeSeconds: z.number().int().nullable(),
      /** A video that starts after a real gap: the recording was interrupted and must be explained. */
      interrupted: z.boolean(),
      linked: z.boolean(),
    }),
  ),
});
export type TimelineDto = z.infer<typeof timelineSchema>;
