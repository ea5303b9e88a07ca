import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES } from '../rules/case-number.js';
import { instantSchema } from './dto.js';
import { dispositionSchema, keptSchema, wallClockSchema } from './records-dto.js';
import { LEDGER_FACTS, ledgerFactsSchema } from './ledgers-dto.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A party to the case (当事人): a person or an organisation, with how they are identified and reached. */
export const partySchema = z
  .object({
    kind: z.enum(['person', 'organisation']),
    name: text(100),
    idType: z.string().trim().max(40).default(''),
    idNumber: z.string().trim().max(40).default(''),
    contact: z.string().trim().max(100).default(''),
  })
  .strict();
export type PartyDto = z.infer<typeof partySchema>;

/** What a case holds; `handlerIds` are the two officers the rules require (承办人). */
export const caseFieldsSchema = z
  .object({
    caseNo: text(60),
    kind: z.enum(CASE_KINDS),
    cause: text(200),
    parties: z.array(partySchema).min(1).max(20),
    handlerIds: z.array(z.number().int().positive()).min(2).max(4),
    filedOn: daySchema.nullable(),
    decidedOn: daySchema.nullable(),
    closedOn: daySchema.nullable(),
    archivedOn: daySchema.nullable(),
    status: z.enum(CASE_STATUSES),
  })
  .strict();
export type CaseFields = z.infer<typeof caseFieldsSchema>;

/** The written-description facts an evidence link needs (文字说明: 取证人员, 取证时间, 取证地点) and what it shows. */
export const evidenceFactsSchema = z
  .object({
    collectors: z.array(text(32)).min(1).max(6),
    collectedAt: wallClockSchema,
    place: text(200),
    statement: text(500),
  })
  .strict();
export type EvidenceFacts = z.infer<typeof evidenceFactsSchema>;

export const caseLinkSchema = z.object({
  id: z.number().int(),
  recordId: z.number().int(),
  recordName: z.string(),
  mediaType: z.string(),
  role: z.enum(['evidence', 'other']),
  facts: evidenceFactsSchema.nullable(),
  reason: z.string().nullable(),
  linkedAt: instantSchema,
  linkedBy: z.string(),
  integrity: z.enum(['unchecked', 'ok', 'alarm']),
  retention: keptSchema,
  disposition: dispositionSchema,
});
export type CaseLinkDto = z.infer<typeof caseLinkSchema>;

/** What a case event can change; `kind`, `status` and `role` values are codes the UI names. */
export const HISTORY_FIELDS = [
  ...['caseNo', 'kind', 'cause', 'parties', 'handlers', 'status', 'filedOn', 'decidedOn', 'closedOn', 'archivedOn', 'role', 'collectors', 'collectedAt', 'place', 'statement', 'reason'] as const,
  ...LEDGER_FACTS,
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** One appended event of a case, with each value it changed, old and new, as text. */
export const caseEventSchema = z.object({
  id: z.number().int(),
  at: instantSchema,
  by: z.string(),
  action: z.enum(['created', 'changed', 'linked', 'link_changed', 'unlinked']),
  /** The linked record's name, for link events. */
  record: z.string().nullable(),
  changes: z.array(z.object({ field: z.enum(HISTORY_FIELDS), old: z.string().nullable(), new: z.string().nullable() })),
});
export type CaseEventDto = z.infer<typeof caseEventSchema>;

export const caseSchema = caseFieldsSchema.extend({
  id: z.number().int(),
  version: z.number().int(),
  handlers: z.array(z.object({ id: z.number().int(), name: z.string(), officerNo: z.string().nullable() })),
  createdAt: instantSchema,
  createdBy: z.string(),
  evidenceCount: z.number().int(),
  otherCount: z.number().int(),
  /** What the county ledger asks of this case (台账信息); each fact null until entered. */
  ledger: ledgerFactsSchema,
});
export type CaseDto = z.infer<typeof caseSchema>;

export const caseDetailSchema = caseSchema.extend({
  links: z.array(caseLinkSchema),
  history: z.array(caseEventSchema),
});
export type CaseDetailDto = z.infer<typeof caseDetailSchema>;
