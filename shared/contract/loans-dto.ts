import { z } from 'zod';
import { instantSchema } from './dto.js';

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One physical loan, as the lending register shows it. `overdueDays` counts in the office's days:
 * how late it is now while it is out, how late it came back once returned.
 */
export const loanSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  requestId: z.number().int(),
  approvalNumber: z.string(),
  item: z.object({ kind: z.enum(['disc', 'case']), id: z.number().int(), label: z.string() }),
  /** The case the item belongs to: a case file is its case, a disc the case it was burned for. */
  caseNo: z.string().nullable(),
  borrower: z.object({ name: z.string(), department: z.string(), contact: z.string() }),
  lentAt: instantSchema,
  lentBy: z.string(),
  dueOn: daySchema,
  returnedAt: instantSchema.nullable(),
  receivedBy: z.string().nullable(),
  condition: z.string().nullable(),
  overdueDays: z.number().int(),
});
export type LoanDto = z.infer<typeof loanSchema>;
export const loanDaySchema = daySchema;

/**
 * How an item comes back, in the words the receipt prints to tick (借阅单, 归还时状况): a return
 * records one of them, and after a damaged or missing one what is wrong (`有损坏：盘面有划痕`).
 */
export const LOAN_CONDITIONS = { intact: '完好', damaged: '有损坏', missing: '有缺失' } as const;
export type LoanCondition = keyof typeof LOAN_CONDITIONS;
