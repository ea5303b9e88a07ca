/**
 * A register (登记簿) as a table to hand out: the same columns and rows become an XLSX for a
 * supervisor to sort and filter and an A4 PDF to print and sign, so both say the same thing.
 */

/**
 * How a column's values read. Times come as the office's wall clock ("2026-11-20 09:30") and
 * days as "2026-11-20": the spreadsheet keeps them as real dates a reader can sort, the PDF prints
 * them as they are.
 */
export type RegisterColumnKind = 'text' | 'time' | 'day' | 'number';

export interface RegisterColumn {
  header: string;
  /** In a spreadsheet's units (a digit; a Chinese character takes two): a date-time must fit on one line there. */
  width: number;
  /**
   * The column's share of the printed page's width. On paper a time may wrap after its date and
   * a number needs little room, so the shares differ from the spreadsheet's widths.
   */
  print: number;
  kind?: RegisterColumnKind;
}

/** A cell: text (lines split by "\n"), a count, or nothing recorded (printed as a dash). */
export type RegisterValue = string | number | null;

export interface RegisterDocument {
  office: string;
  /** e.g. 执法音像资料查阅登记簿 */
  title: string;
  /** The period covered, in words: "2026-11-01 至 2026-11-30", or that it is the whole register. */
  period: string;
  /** The other filters in words, or null when the register is whole within its period. */
  conditions: string | null;
  /** Who exported it and when, on the office's clock. */
  exportedBy: string;
  exportedAt: string;
  columns: RegisterColumn[];
  rows: RegisterValue[][];
}

/** What a cell with nothing recorded prints. */
export const NOTHING = '—';

/** The lines under the title (which names the office): what the register covers, and who took it out of the system when. */
export function registerSubtitle(doc: RegisterDocument): string[] {
  return [
    `期间：${doc.period}${doc.conditions ? `\u3000\u3000筛选：${doc.conditions}` : ''}`,
    `共 ${doc.rows.length} 条\u3000\u3000导出人：${doc.exportedBy}\u3000\u3000导出时间：${doc.exportedAt}`,
  ];
}
