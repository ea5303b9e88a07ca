import type { LoanDto } from '../../../shared/contract/loans-dto.js';
import type { LoanFilters, ViewingFilters } from '../../../shared/contract/registers-dto.js';
import type { ViewingDto } from '../../../shared/contract/viewings-dto.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { KIND_TEXT } from '../documents/approval-form.js';
import type { RegisterColumn, RegisterDocument } from '../documents/register-document.js';

/**
 * The viewing register (查阅登记簿) and the lending register (借阅登记簿) as printed and exported:
 * their columns in the office's words, one row per entry, times on the office's clock. The
 * paper registers of 001 (保密制度 art.4, 档案管理 art.5) ask who, when, what and why, and when it
 * came back: each is a column here.
 */

/** Who exported the register, when, for which office; the clock's zone to print its times in. */
export interface RegisterContext {
  office: string;
  exportedBy: string;
  now: Date;
  timeZone: string;
}

const CLOSE_TEXT: Record<NonNullable<ViewingDto['closeReason']>, string> = {
  closed: '正常结束',
  expired: '批准的时间已到',
  interrupted: '程序意外退出后补记',
  abandoned: '查阅人离开后由管理员结束',
  session_ended: '查阅窗口已关闭，自动结束',
};
const VIEWING_STATE_TEXT = { open: '查阅中', closed: '已结束' } as const;
const LOAN_STATE_TEXT = { out: '未归还（含逾期）', overdue: '逾期未还', returned: '已归还' } as const;

/** The period in words: both ends, one end, or the whole register. */
export function periodText(f: { from?: string; to?: string }): string {
  if (f.from && f.to) return `${f.from} 至 ${f.to}`;
  if (f.from) return `${f.from} 起`;
  if (f.to) return `${f.to} 及以前`;
  return '全部';
}

/** The filters other than the period, in words; null when there are none. */
export function conditions(parts: (string | false | undefined)[]): string | null {
  const said = parts.filter((p): p is string => Boolean(p));
  return said.length > 0 ? said.join('；') : null;
}

const minutes = (ctx: RegisterContext) => (instant: string | null) => (instant ? officeTime(instant, ctx.timeZone).slice(0, 16) : null);

export function document(ctx: RegisterContext, title: string, period: string, said: string | null, columns: RegisterColumn[], rows: RegisterDocument['rows']): RegisterDocument {
  return { office: ctx.office, title, period, conditions: said, exportedBy: ctx.exportedBy, exportedAt: officeTime(ctx.now, ctx.timeZone).slice(0, 16), columns, rows };
}

const VIEWING_COLUMNS: RegisterColumn[] = [
  { header: '登记号', width: 8, print: 6, kind: 'number' },
  { header: '审批编号', width: 12, print: 10 },
  { header: '查阅时间', width: 17, print: 10, kind: 'time' },
  { header: '查阅人', width: 10, print: 7 },
  { header: '身份核验', width: 16, print: 9 },
  { header: '类别', width: 12, print: 7 },
  { header: '案号', width: 22, print: 11 },
  { header: '查阅目的和内容', width: 40, print: 26 },
  { header: '查阅的资料', width: 38, print: 21 },
  { header: '经办人', width: 9, print: 6 },
  { header: '结束时间', width: 17, print: 10, kind: 'time' },
  { header: '结束方式', width: 12, print: 8 },
  { header: '播放次数', width: 9, print: 5, kind: 'number' },
];

export function viewingRegister(rows: ViewingDto[], f: ViewingFilters, ctx: RegisterContext): RegisterDocument {
  const at = minutes(ctx);
  const state = f.state ?? (f.open === undefined ? undefined : f.open ? 'open' : 'closed');
  return document(
    ctx,
    '执法音像资料查阅登记簿',
    periodText(f),
    conditions([f.person && `查阅人含“${f.person}”`, f.caseNo && `案号含“${f.caseNo}”`, state && `状态：${VIEWING_STATE_TEXT[state]}`]),
    VIEWING_COLUMNS,
    rows.map((v) => [
      v.id,
      v.approvalNumber,
      at(v.openedAt),
      v.person,
      v.idCheck,
      KIND_TEXT[v.kind as keyof typeof KIND_TEXT] ?? v.kind,
      v.caseNo,
      `目的：${v.purpose}\n内容：${v.content}`,
      v.items.map((i) => i.name).join('\n'),
      v.openedBy,
      at(v.closedAt),
      v.closeReason ? CLOSE_TEXT[v.closeReason] + (v.closeNote ? `：${v.closeNote}` : '') : VIEWING_STATE_TEXT.open,
      v.events.filter((e) => e.event === 'play').length,
    ]),
  );
}

const LOAN_COLUMNS: RegisterColumn[] = [
  { header: '借阅单号', width: 12, print: 10 },
  { header: '审批编号', width: 12, print: 10 },
  { header: '借阅物品', width: 26, print: 20 },
  { header: '借阅人', width: 22, print: 18 },
  { header: '借出时间', width: 17, print: 10, kind: 'time' },
  { header: '经办人', width: 9, print: 6 },
  { header: '应还日期', width: 12, print: 10, kind: 'day' },
  { header: '归还时间', width: 17, print: 10, kind: 'time' },
  { header: '接收人', width: 9, print: 6 },
  { header: '归还时状况', width: 24, print: 21 },
  { header: '逾期天数', width: 9, print: 5, kind: 'number' },
];

/** 光盘 2026-G0001 (and the case it holds), or 案卷 and its case number. */
function itemText(l: LoanDto): string {
  if (l.item.kind === 'case') return `案卷 ${l.item.label}`;
  return l.caseNo ? `光盘 ${l.item.label}\n案件 ${l.caseNo}` : `光盘 ${l.item.label}`;
}

export function loanRegister(rows: LoanDto[], f: LoanFilters, ctx: RegisterContext): RegisterDocument {
  const at = minutes(ctx);
  const state = f.state ?? (f.out === undefined ? undefined : f.out ? 'out' : 'returned');
  return document(
    ctx,
    '档案资料借阅登记簿',
    periodText(f),
    conditions([f.borrower && `借阅人或单位含“${f.borrower}”`, f.caseNo && `案号含“${f.caseNo}”`, state && `状态：${LOAN_STATE_TEXT[state]}`]),
    LOAN_COLUMNS,
    rows.map((l) => [
      l.number,
      l.approvalNumber,
      itemText(l),
      [l.borrower.name, l.borrower.department, l.borrower.contact].filter(Boolean).join('\n'),
      at(l.lentAt),
      l.lentBy,
      l.dueOn,
      at(l.returnedAt),
      l.receivedBy,
      l.condition,
      l.overdueDays,
    ]),
  );
}
