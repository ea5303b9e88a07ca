import { z } from 'zod';
import { instantSchema } from './dto.js';
import { mediaTypeSchema } from './records-dto.js';

/**
 * What a request asks for (REQUIREMENTS §5): an officer who is not the handler wants to view;
 * another department wants to view or borrow; a party to the case applies to view; a physical
 * item (an evidence disc, a paper case file) is to be lent out.
 */
export const REQUEST_KINDS = ['officer_view', 'department_view', 'department_borrow', 'party_view', 'lend_item'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const APPROVER_ROLES = ['responsible_leader', 'principal_leader'] as const;
export const REQUEST_STATES = ['pending', 'approved', 'rejected'] as const;

export const requestItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('record'), id: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('case'), id: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('disc'), id: z.number().int().positive() }).strict(),
]);
export type RequestItem = z.infer<typeof requestItemSchema>;

const line = (max: number) => z.string().trim().max(max).default('');

/** Who asks: an account (an officer for themselves), or a person the keeper registers (a party, another department's staff). */
export const requesterSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    department: line(100),
    idType: line(40),
    idNumber: line(40),
    /** For a party: how they relate to the case (本人, 委托代理人, …). */
    relation: line(40),
    contact: line(100),
  })
  .strict();
export type Requester = z.infer<typeof requesterSchema>;

export const windowSchema = z.object({ from: instantSchema, to: instantSchema }).refine((w) => w.to > w.from, { message: 'the window ends after it starts', path: ['to'] });

export const requestSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: z.enum(REQUEST_KINDS),
  caseId: z.number().int().nullable(),
  caseNo: z.string().nullable(),
  requester: requesterSchema.extend({ accountId: z.number().int().nullable() }),
  items: z.array(requestItemSchema.and(z.object({ label: z.string() }))),
  purpose: z.string(),
  content: z.string(),
  window: z.object({ from: instantSchema, to: instantSchema }),
  approverRole: z.enum(APPROVER_ROLES),
  createdAt: instantSchema,
  createdBy: z.string(),
  state: z.enum(REQUEST_STATES),
  decision: z
    .object({
      at: instantSchema,
      by: z.string(),
      source: z.enum(['app', 'paper']),
      recordedBy: z.string().nullable(),
      reason: z.string().nullable(),
      paperScanSha256: z.string().nullable(),
      grantedItems: z.array(requestItemSchema.and(z.object({ label: z.string() }))).nullable(),
      grantedWindow: z.object({ from: instantSchema, to: instantSchema }).nullable(),
      chainHead: z.object({ seq: z.number().int(), hash: z.string() }),
    })
    .nullable(),
  /** Records this approval currently lets its grantee reach (0 once expired or revoked). */
  liveGrants: z.number().int(),
  /** A viewing at the workstation on this approval was ended by the keeper: the approval is spent. */
  usedUp: z.boolean(),
  /** A viewing at the workstation on this approval is under way: a second can't be opened. */
  viewingOpen: z.boolean(),
});
export type RequestDto = z.infer<typeof requestSchema>;

/**
 * A case named by its number on the request form: which case that is, how many recordings are
 * linked to it, and — among those the caller already reaches — their names and times (never their
 * content), so the request can say which ones. A case out of reach is asked for whole.
 */
export const requestCaseSchema = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  recordCount: z.number().int(),
  records: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      mediaType: mediaTypeSchema,
      /** Camera time, the office's wall clock as the camera kept it; null when nothing says. */
      recordedAt: z.string().nullable(),
      /** False while an integrity alarm is open: it can't be asked for until that is dealt with. */
      available: z.boolean(),
    }),
  ),
});
export type RequestCaseDto = z.infer<typeof requestCaseSchema>;

export const approvalRuleSchema = z.object({ kind: z.enum(REQUEST_KINDS), approverRole: z.enum(APPROVER_ROLES) });
