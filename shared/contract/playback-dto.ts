import { z } from 'zod';
import { instantSchema } from './dto.js';
import { mediaTypeSchema } from './records-dto.js';

/** A view: where the player fetches the bytes, which copy it is, and what the watermark says. */
export const playbackSchema = z.object({
  ticket: z.string(),
  url: z.string(),
  mediaType: mediaTypeSchema,
  /** The original itself, or the browser-playable proxy made from it. */
  variant: z.enum(['original', 'proxy']),
  /** False while the original is under an integrity alarm: it may not be shown as authentic. */
  authentic: z.boolean(),
  watermark: z.object({ name: z.string(), at: instantSchema }),
});
export type PlaybackDto = z.infer<typeof playbackSchema>;
