import { z } from 'zod';
import { CASE_KINDS, type CaseKind } from '../rules/case-number.js';
import { instantSchema } from './dto.js';

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const note = (max: number) => z.string().trim().max(max).nullable();

/**
 * What a case tells the county ledgers (004, the three 台账) beyond what every case has: each
 * may be missing (null), and a missing fact is a gap on the ledger, never filled in for it.
 */
export const ledgerFactsSchema = z
  .object({
    /** 行政处罚决定书 / 行政强制措施决定书 文号 */
    decisionNo: note(80),
    /** 主要违法事实 */
    mainFacts: note(1000),
    /** 处罚情况, e.g. 警告，并处罚款 2000 元 */
    penalty: note(300),
    /** 处罚依据, e.g. 食品安全法第 X 条 */
    legalBasis: note(300),
    /** 罚没票据号 */
    receiptNo: note(80),
    /** 行政检查文书号 */
    inspectionNo: note(80),
    /** 检查时间 */
    inspectedOn: daySchema.nullable(),
    /** 检查方法, e.g. 现场检查 */
    inspectionMethod: note(100),
    /** 发现隐患数: null while nobody has entered it; 0 is an inspection without hazards. */
    hazardsFound: z.number().int().min(0).max(9999).nullable(),
    /** 隐患内容 */
    hazardContent: note(1000),
    /** 整改措施 */
    remedy: note(500),
    /** 整改责任人 */
    remedyOwner: note(100),
    /** 整改结果: true 已完成, false 未完成 */
    remedyDone: z.boolean().nullable(),
    /** 复检日期 */
    recheckedOn: daySchema.nullable(),
    /** 复检人 */
    rechecker: note(100),
    /** 强制措施种类, e.g. 查封场所、设施、财物 */
    measureKind: note(100),
    /** 采取时间 */
    measureTakenOn: daySchema.nullable(),
    /** 解除时间 */
    measureLiftedOn: daySchema.nullable(),
    /** 处理结果, e.g. 依法解除 / 转为没收 */
    measureResult: note(300),
    /** 备注 */
    remark: note(300),
  })
  .strict();
export type LedgerFacts = z.infer<typeof ledgerFactsSchema>;
export type LedgerFact = keyof LedgerFacts;

export const LEDGER_FACTS = Object.keys(ledgerFactsSchema.shape) as LedgerFact[];

/** A case before anyone entered its ledger facts. */
export const NO_LEDGER_FACTS: LedgerFacts = Object.fromEntries(LEDGER_FACTS.map((f) => [f, null])) as LedgerFacts;

/** The facts each kind's ledger asks for, in the order its form shows them. */
export const LEDGER_FACTS_BY_KIND: Record<CaseKind, readonly LedgerFact[]> = {
  penalty: ['decisionNo', 'mainFacts', 'penalty', 'legalBasis', 'receiptNo', 'remark'],
  inspection: ['inspectionNo', 'inspectedOn', 'inspectionMethod', 'hazardsFound', 'hazardContent', 'remedy', 'remedyOwner', 'remedyDone', 'recheckedOn', 'rechecker', 'remark'],
  coercion: ['decisionNo', 'measureKind', 'measureTakenOn', 'measureLiftedOn', 'measureResult', 'remark'],
};

/** A period of days, both ends included; without one, the month before today's. */
const period = { from: daySchema.optional(), to: daySchema.optional() };
const ordered = (p: { from?: string; to?: string }) => !p.from || !p.to || p.from <= p.to;
const orderIssue = { message: 'the period ends on or after its first day', path: ['to'] };

export const ledgerQuerySchema = z
  .object({ kind: z.enum(CASE_KINDS), ...period })
  .strict()
  .refine(ordered, orderIssue);
export type LedgerQuery = z.output<typeof ledgerQuerySchema>;

export const LEDGER_FORMATS = ['xlsx', 'docx', 'pdf'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];
export const ledgerExportSchema = z
  .object({ kind: z.enum(CASE_KINDS), ...period, format: z.enum(LEDGER_FORMATS) })
  .strict()
  .refine(ordered, orderIssue);
export type LedgerExport = z.output<typeof ledgerExportSchema>;

/** Why a case is not on any ledger yet (from shared/rules/ledger-period.ts). */
export const LEDGER_WAITS = ['not_closed', 'not_inspected', 'hazards_unknown', 'not_rechecked'] as const;

/**
 * A cell: its text; '' where the ledger leaves it blank on purpose (an inspection without hazards
 * has no remedy), null where a fact is missing (a gap to fill).
 */
export const ledgerCellSchema = z.string().nullable();

export const ledgerSchema = z.object({
  kind: z.enum(CASE_KINDS),
  from: daySchema,
  to: daySchema,
  /** XX综合行政执法队 2026年10月1日--2026年10月31日 行政处罚案件台账 */
  title: z.string(),
  /** A heading with `sub` spans those columns on a second heading row (整改结果: 已完成 / 未完成). */
  headings: z.array(z.object({ text: z.string(), sub: z.array(z.string()).optional() })),
  rows: z.array(
    z.object({
      caseId: z.number().int(),
      caseNo: z.string(),
      /** The day that puts it on this ledger, and why (closed, inspected, re-checked). */
      day: daySchema,
      basis: z.enum(['closed', 'inspected', 'rechecked']),
      /** One per leaf column, 序号 first. */
      cells: z.array(ledgerCellSchema),
      gaps: z.number().int(),
    }),
  ),
  /** Cases of this kind not on any ledger yet, with what keeps them off. */
  waiting: z.array(z.object({ caseId: z.number().int(), caseNo: z.string(), cause: z.string(), waiting: z.enum(LEDGER_WAITS) })),
  /** 报送要求, as printed under the ledger. */
  rule: z.string(),
  /** When the period is a calendar month: whether that month's ledger was marked sent. */
  sent: z.object({ at: instantSchema, by: z.string() }).nullable(),
});
export type LedgerDto = z.infer<typeof ledgerSchema>;

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const ledgerMarkSchema = z.object({ kind: z.enum(CASE_KINDS), month: monthSchema }).strict();

/** Last month's three ledgers: due on the 1st, each until marked sent. */
export const ledgerDueSchema = z.object({
  month: monthSchema,
  from: daySchema,
  to: daySchema,
  kinds: z.array(z.object({ kind: z.enum(CASE_KINDS), sent: z.object({ at: instantSchema, by: z.string() }).nullable() })),
});
export type LedgerDueDto = z.infer<typeof ledgerDueSchema>;
