import type { LedgerDto, LedgerFacts } from '../../../shared/contract/ledgers-dto.js';
import type { CaseKind } from '../../../shared/rules/case-number.js';

/** What a ledger row is made of: the case as filed, with its ledger facts. */
export interface LedgerCase {
  id: number;
  caseNo: string;
  cause: string;
  /** 行政相对人: the parties' names. */
  parties: string[];
  /** 执法人员 / 检查人员: the handlers' names. */
  handlers: string[];
  closedOn: string | null;
  facts: LedgerFacts;
}

type Cell = string | null;

export interface LedgerLayout {
  /** 行政处罚案件台账 … */
  name: string;
  headings: LedgerDto['headings'];
  /** Per leaf column, in a spreadsheet's units (a Chinese character takes two). */
  widths: number[];
  /** 报送要求, word for word from 004 (the coercion one is ours: 004 gives none). */
  rule: string;
  cells(c: LedgerCase): Cell[];
}

/** "2023年8月11日", as the county's forms write a day. */
export function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

const day = (v: string | null): Cell => (v ? chineseDay(v) : null);
/** A fact the ledger may leave blank without it being missing (no receipt for a warning, no remark). */
const optional = (v: string | null): Cell => v ?? '';
const names = (list: string[]): Cell => (list.length > 0 ? list.join('、') : null);

const PENALTY: LedgerLayout = {
  name: '行政处罚案件台账',
  headings: ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注'].map((text) => ({ text })),
  widths: [8, 20, 18, 18, 36, 14, 22, 22, 14, 14, 12],
  rule: '报送要求：行政处罚案件以结案时间为标准报送，如：立案时间为9月，但结案时间为10月，该案件以10月份案件报送。',
  cells: (c) => [c.facts.decisionNo, c.cause, names(c.parties), c.facts.mainFacts, day(c.closedOn), c.facts.penalty, c.facts.legalBasis, names(c.handlers), optional(c.facts.receiptNo), optional(c.facts.remark)],
};

/**
 * An inspection that found no hazards has nothing to remedy or re-check: those cells are blank on
 * purpose (the seed's second row), not gaps. One that found hazards needs them all.
 */
function inspectionCells(c: LedgerCase): Cell[] {
  const f = c.facts;
  const hazards = f.hazardsFound !== null && f.hazardsFound > 0;
  const needed = (v: string | null): Cell => (hazards ? v : (v ?? ''));
  const done: [Cell, Cell] = f.remedyDone === null ? (hazards ? [null, null] : ['', '']) : f.remedyDone ? ['√', ''] : ['', '√'];
  return [
    f.inspectionNo,
    day(f.inspectedOn),
    names(c.handlers),
    names(c.parties),
    f.inspectionMethod,
    f.hazardsFound === null ? null : String(f.hazardsFound),
    needed(f.hazardContent),
    needed(f.remedy),
    needed(f.remedyOwner),
    ...done,
    hazards ? day(f.recheckedOn) : f.recheckedOn ? chineseDay(f.recheckedOn) : '',
    needed(f.rechecker),
    optional(f.remark),
  ];
}

const INSPECTION: LedgerLayout = {
  name: '行政检查案件台账',
  headings: [
    ...['序号', '行政检查文书号', '检查时间', '检查人员', '行政相对人名称', '检查方法', '发现隐患数', '隐患内容', '整改措施', '整改责任人'].map((text) => ({ text })),
    { text: '整改结果', sub: ['已完成', '未完成'] },
    ...['复检日期', '复检人', '备注'].map((text) => ({ text })),
  ],
  widths: [8, 18, 14, 14, 18, 12, 10, 24, 24, 12, 10, 10, 14, 12, 10],
  rule: '报送要求：①有隐患的案件以复检时间为标准报送，如：检查时间为9月，但复检时间为10月，该案件以10月份案件报送；②无隐患案件以初次检查时间为标准报送。',
  cells: inspectionCells,
};

/** Our design in the style of the other two (004 names the ledger but gives no layout). */
const COERCION: LedgerLayout = {
  name: '行政强制案件台账',
  headings: ['序号', '行政强制措施决定书', '案由', '行政相对人名称', '强制措施种类', '采取时间', '解除时间', '处理结果', '结案时间', '执法人员', '备注'].map((text) => ({ text })),
  widths: [8, 20, 18, 18, 20, 14, 14, 22, 14, 14, 12],
  rule: '报送要求：行政强制案件以结案时间为标准报送，如：立案时间为9月，但结案时间为10月，该案件以10月份案件报送。',
  cells: (c) => {
    const f = c.facts;
    // A measure not lifted (turned into a confiscation, say) has a result but no day it was lifted.
    const lifted = f.measureLiftedOn ? chineseDay(f.measureLiftedOn) : f.measureResult ? '' : null;
    return [f.decisionNo, c.cause, names(c.parties), f.measureKind, day(f.measureTakenOn), lifted, f.measureResult, day(c.closedOn), names(c.handlers), optional(f.remark)];
  },
};

export const LEDGER_LAYOUTS: Record<CaseKind, LedgerLayout> = { penalty: PENALTY, inspection: INSPECTION, coercion: COERCION };

/**
 * The title line of 004's forms, "XX综合行政执法队x年x月x日--x年x月x日行政处罚案件台账", with the
 * office's name for XX. An office already named as an enforcement unit (…综合行政执法办公室) is
 * not named twice.
 */
export function ledgerTitle(office: string, kind: CaseKind, from: string, to: string): string {
  const unit = office.includes('执法') ? office : `${office}综合行政执法队`;
  return `${unit} ${chineseDay(from)}--${chineseDay(to)} ${LEDGER_LAYOUTS[kind].name}`;
}
