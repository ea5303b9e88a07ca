import { z } from 'zod';
import { LIMITS } from './limits.js';
import { loanDaySchema } from './loans-dto.js';
import { ROOM_REGISTERS, roomFiltersSchema } from './room-registers.js';

/** Words a register is searched by: part of a name or a case number, any case. */
const textFilter = z.string().trim().max(LIMITS.textFilterMax).optional();

/**
 * A period of office days, both ends included (a register for November is 11-01 to 11-30). An
 * entry belongs to the day it was made: a viewing to the day it was opened, a loan to the day it
 * was lent.
 */
const period = {
  from: loanDaySchema.optional(),
  to: loanDaySchema.optional(),
};
const ordered = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const orderIssue = { message: 'the period ends on or after its first day', path: ['to'] };

export const VIEWING_STATES = ['open', 'closed'] as const;
/** `out` is everything not back yet, overdue included; `overdue` only what is past its due day. */
export const LOAN_STATES = ['out', 'overdue', 'returned'] as const;

/** What the viewing register (查阅登记) is narrowed to; nothing given is the whole register. */
export const viewingFiltersSchema = z
  .object({
    ...period,
    /** The person who viewed, or their department. */
    person: textFilter,
    caseNo: textFilter,
    state: z.enum(VIEWING_STATES).optional(),
    /** As `state`: true is 'open', false 'closed' (the form the first callers used). */
    open: z.boolean().optional(),
  })
  .strict()
  .refine(ordered, orderIssue);
export type ViewingFilters = z.output<typeof viewingFiltersSchema>;

/** What the lending register (借阅登记) is narrowed to; nothing given is the whole register. */
export const loanFiltersSchema = z
  .object({
    ...period,
    /** The borrower's name or department. */
    borrower: textFilter,
    /** The case the item belongs to (a case file is its case; a disc, the case it was burned for). */
    caseNo: textFilter,
    state: z.enum(LOAN_STATES).optional(),
    /** As `state: 'out'` when true, 'returned' when false (the form the dashboard uses). */
    out: z.boolean().optional(),
  })
  .strict()
  .refine(ordered, orderIssue);
export type LoanFilters = z.output<typeof loanFiltersSchema>;

export const REGISTERS = ['viewings', 'loans', ...ROOM_REGISTERS] as const;
export type RegisterName = (typeof REGISTERS)[number];
export const REGISTER_FORMATS = ['xlsx', 'pdf'] as const;

/** A register, as filtered on screen, written out as a spreadsheet or a printable PDF. */
export const registerExportSchema = z.discriminatedUnion('register', [
  z.object({ register: z.literal('viewings'), format: z.enum(REGISTER_FORMATS), filters: viewingFiltersSchema }).strict(),
  z.object({ register: z.literal('loans'), format: z.enum(REGISTER_FORMATS), filters: loanFiltersSchema }).strict(),
  z.object({ register: z.enum(ROOM_REGISTERS), format: z.enum(REGISTER_FORMATS), filters: roomFiltersSchema }).strict(),
]);
export type RegisterExport = z.output<typeof registerExportSchema>;

/** A document the core wrote into the documents folder for the asking session. */
export const documentSchema = z.object({ path: z.string(), name: z.string() });
