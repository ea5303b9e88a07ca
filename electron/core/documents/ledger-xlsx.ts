import ExcelJS from 'exceljs';
import type { LedgerDto } from '../../../shared/contract/ledgers-dto.js';
import { writeFileAtomically } from './pdf-document.js';

/** Excel's paper size number for A4 (PaperSize is a const enum, which isolated modules can't read). */
const A4 = 9;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** A missing fact: an empty cell on a pale yellow ground, to fill in before the ledger goes out. */
export const GAP_FILL = 'FFFFF2CC';

/** The headings as 004 draws them: one row, or two where a heading spans columns (整改结果: 已完成 / 未完成). */
export function headingRows(ledger: LedgerDto): number {
  return ledger.headings.some((h) => h.sub) ? 2 : 1;
}

/**
 * A county ledger as one worksheet laid out like 004's form: the title merged across the table,
 * the headings (merged over two rows where one spans columns), a row per case with its gaps
 * marked, and the 报送要求 under the table. It prints A4 landscape, one page wide.
 */
export async function writeLedgerXlsx(file: string, ledger: LedgerDto, widths: number[], office: string, now: Date): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Records Room';
  book.company = office;
  book.title = ledger.title;
  book.created = now;
  book.modified = now;
  const count = widths.length;
  const depth = headingRows(ledger);
  const sheet = book.addWorksheet(ledger.title.slice(ledger.title.lastIndexOf(' ') + 1).slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 + depth }],
    pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `2:${1 + depth}` },
  });
  sheet.columns = widths.map((width) => ({ width }));

  sheet.mergeCells(1, 1, 1, count);
  const title = sheet.getCell(1, 1);
  title.value = ledger.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;

  const heading = (row: number, col: number, text: string) => {
    const cell = sheet.getCell(row, col);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  };
  let col = 1;
  for (const h of ledger.headings) {
    if (h.sub) {
      sheet.mergeCells(2, col, 2, col + h.sub.length - 1);
      heading(2, col, h.text);
      h.sub.forEach((s, i) => heading(3, col + i, s));
      col += h.sub.length;
    } else {
      if (depth === 2) sheet.mergeCells(2, col, 3, col);
      heading(2, col, h.text);
      col += 1;
    }
  }
  // Borders on the merged-away cells too, so the heading's grid is whole when printed.
  for (let r = 2; r <= 1 + depth; r++) for (let c = 1; c <= count; c++) sheet.getCell(r, c).border = BORDER;

  for (const row of ledger.rows) {
    const added = sheet.addRow(row.cells.map((v) => v ?? null));
    row.cells.forEach((v, i) => {
      const cell = added.getCell(i + 1);
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: i === 0 || v === '√' ? 'center' : 'left' };
      if (v === null) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: GAP_FILL } };
    });
  }

  const ruleRow = sheet.rowCount + 2;
  sheet.mergeCells(ruleRow, 1, ruleRow, count);
  const rule = sheet.getCell(ruleRow, 1);
  rule.value = ledger.rule;
  rule.alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(ruleRow).height = 36;
  writeFileAtomically(file, Buffer.from(await book.xlsx.writeBuffer()));
}
