import { z } from 'zod';
import { destructionJobSchema } from './destruction-dto.js';
import { discJobSchema } from './discs-dto.js';
import { fixityRunSchema, backupRunSchema } from './integrity-dto.js';
import { DERIVED_STATES, importJobSchema, importProgressSchema } from './records-dto.js';

const derivativeKindSchema = z.enum(['poster', 'proxy']);

/**
 * Every event the core pushes to a UI, by type, with its payload: one map, like the methods map,
 * so a publisher and a listener can't disagree on a field.
 */
export const events = {
  'import.progress': z.object({ jobId: z.number().int(), progress: importProgressSchema }),
  'import.finished': z.object({ jobId: z.number().int(), state: importJobSchema.shape.state }),
  'integrity.progress': z.object({ runId: z.number().int(), progress: fixityRunSchema.shape.progress.unwrap() }),
  'integrity.finished': z.object({ runId: z.number().int(), state: fixityRunSchema.shape.state }),
  'backup.progress': z.object({ runId: z.number().int(), progress: backupRunSchema.shape.progress.unwrap() }),
  'backup.finished': z.object({ runId: z.number().int(), state: backupRunSchema.shape.state }),
  'disc.progress': z.object({ jobId: z.number().int(), progress: discJobSchema.shape.progress.unwrap() }),
  'disc.finished': z.object({ jobId: z.number().int(), state: discJobSchema.shape.state }),
  'destruction.progress': z.object({ jobId: z.number().int(), progress: destructionJobSchema.shape.progress.unwrap() }),
  'destruction.finished': z.object({ jobId: z.number().int(), state: destructionJobSchema.shape.state }),
  'record.media': z.object({ recordId: z.number().int() }),
  'record.derive_progress': z.object({ recordId: z.number().int(), kind: derivativeKindSchema, percent: z.number() }),
  'record.derived': z.object({ recordId: z.number().int(), kind: derivativeKindSchema, state: z.enum(DERIVED_STATES) }),
};

export type EventType = keyof typeof events;
export type EventPayload<T extends EventType> = z.infer<(typeof events)[T]>;

/** Pushed from the core to every connected UI; `type` tells the payload apart. */
export type PushEvent = { [T in EventType]: { type: T; payload: EventPayload<T> } }[EventType];
