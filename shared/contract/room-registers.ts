import { z } from 'zod';
import { LIMITS } from './limits.js';
import { loanDaySchema } from './loans-dto.js';

/**
 * The records room's own registers besides viewing and lending (each entry belongs to the day it
 * was made): imports (导入登记, with late uploads marked), discs (光盘登记), destruction lists
 * (销毁登记) and integrity checks (完整性检查登记). Each is one list of columns: the keys below,
 * which the screen reads (a `code` column holds a code the UI names) and the core's table
 * definition prints under the office's headings.
 */
export const ROOM_REGISTERS = ['imports', 'discs', 'destruction', 'integrity'] as const;
export type RoomRegister = (typeof ROOM_REGISTERS)[number];

/** text: as given; time: the office's wall clock to the minute; day: a date; number: a count; code: a word the UI names. */
export type RoomColumnKind = 'text' | 'time' | 'day' | 'number' | 'code' | 'bytes';

export const ROOM_COLUMNS = {
  imports: [
    { key: 'id', kind: 'number' },
    { key: 'importedAt', kind: 'time' },
    { key: 'name', kind: 'text' },
    { key: 'mediaType', kind: 'code' },
    { key: 'officer', kind: 'text' },
    { key: 'recordedAt', kind: 'time' },
    { key: 'deadline', kind: 'time' },
    { key: 'hoursLate', kind: 'number' },
    { key: 'explanation', kind: 'text' },
    { key: 'size', kind: 'bytes' },
    { key: 'importedBy', kind: 'text' },
    { key: 'sha256', kind: 'text' },
  ],
  discs: [
    { key: 'number', kind: 'text' },
    { key: 'caseNo', kind: 'text' },
    { key: 'part', kind: 'text' },
    { key: 'medium', kind: 'code' },
    { key: 'builtAt', kind: 'time' },
    { key: 'burnedAt', kind: 'time' },
    { key: 'location', kind: 'text' },
    { key: 'lastCheck', kind: 'time' },
    { key: 'lastOutcome', kind: 'code' },
    { key: 'checks', kind: 'number' },
  ],
  destruction: [
    { key: 'number', kind: 'text' },
    { key: 'proposedAt', kind: 'time' },
    { key: 'proposedBy', kind: 'text' },
    { key: 'reason', kind: 'text' },
    { key: 'records', kind: 'number' },
    { key: 'state', kind: 'code' },
    { key: 'decidedBy', kind: 'text' },
    { key: 'decidedAt', kind: 'time' },
    { key: 'witness', kind: 'text' },
    { key: 'executedAt', kind: 'time' },
  ],
  integrity: [
    { key: 'id', kind: 'number' },
    { key: 'startedAt', kind: 'time' },
    { key: 'trigger', kind: 'code' },
    { key: 'startedBy', kind: 'text' },
    { key: 'state', kind: 'code' },
    { key: 'checked', kind: 'number' },
    { key: 'ok', kind: 'number' },
    { key: 'problems', kind: 'number' },
    { key: 'chain', kind: 'code' },
    { key: 'finishedAt', kind: 'time' },
  ],
} as const satisfies Record<RoomRegister, readonly { key: string; kind: RoomColumnKind }[]>;

export type RoomColumnKey<R extends RoomRegister> = (typeof ROOM_COLUMNS)[R][number]['key'];

/** A cell: text, a count, or nothing recorded. */
export const roomValueSchema = z.union([z.string(), z.number(), z.null()]);
export type RoomRow = Record<string, z.infer<typeof roomValueSchema>>;

const ordered = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const orderIssue = { message: 'the period ends on or after its first day', path: ['to'] };

/**
 * What a room register is narrowed to: a period of office days (both included), words in its
 * text (a file name, a case number, a reason…) and, where a register has one, its flag — imports:
 * late uploads only; integrity: checks that found a problem only; discs: discs whose last check
 * found a problem; destruction: lists still to decide.
 */
export const roomFiltersSchema = z
  .object({
    from: loanDaySchema.optional(),
    to: loanDaySchema.optional(),
    text: z.string().trim().max(LIMITS.textFilterMax).optional(),
    flagged: z.boolean().optional(),
  })
  .strict()
  .refine(ordered, orderIssue);
export type RoomFilters = z.output<typeof roomFiltersSchema>;

export const roomRegisterQuerySchema = z.object({ register: z.enum(ROOM_REGISTERS), filters: roomFiltersSchema }).strict();
export type RoomRegisterQuery = z.output<typeof roomRegisterQuerySchema>;
