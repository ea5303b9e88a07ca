import { z } from 'zod';
import { instantSchema } from './dto.js';

export const VIEWING_EVENTS = ['play', 'pause', 'seek', 'ended'] as const;
/**
 * How a viewing ended: by the keeper's password (closed), its approved time running out, the
 * program stopping (interrupted), the keeper ending one whose person walked away (abandoned, with
 * a reason), or the session hosting it going away (session_ended).
 */
export const VIEWING_ENDS = ['closed', 'expired', 'interrupted', 'abandoned', 'session_ended'] as const;

/** One viewing at the workstation, as the viewing register (查阅登记) shows it. */
export const viewingSchema = z.object({
  id: z.number().int(),
  requestId: z.number().int(),
  approvalNumber: z.string(),
  kind: z.string(),
  person: z.string(),
  caseNo: z.string().nullable(),
  purpose: z.string(),
  content: z.string(),
  idCheck: z.string(),
  items: z.array(z.object({ recordId: z.number().int(), name: z.string(), mediaType: z.string() })),
  window: z.object({ from: instantSchema, to: instantSchema }),
  openedAt: instantSchema,
  openedBy: z.string(),
  workstation: z.string(),
  closedAt: instantSchema.nullable(),
  closeReason: z.enum(VIEWING_ENDS).nullable(),
  /** The keeper's reason for ending an abandoned viewing. */
  closeNote: z.string().nullable(),
  events: z.array(z.object({ recordId: z.number().int(), at: instantSchema, event: z.enum(['opened', ...VIEWING_EVENTS]), position: z.number().nullable() })),
});
export type ViewingDto = z.infer<typeof viewingSchema>;
