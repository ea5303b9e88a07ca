import ExcelJS from 'exceljs';
import { writeFileAtomically } from './pdf-document.js';
import { NOTHING, registerSubtitle, type RegisterColumnKind, type RegisterDocument, type RegisterValue } from './register-document.js';

/** Excel's paper size number for A4 (PaperSize is a const enum, which isolated modules can't read). */
const A4 = 9;
const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FORMATS: Partial<Record<RegisterColumnKind, string>> = { time: 'yyyy-mm-dd hh:mm', day: 'yyyy-mm-dd' };
/** Rows above the headings: the title and the two lines of what the register covers. */
const HEADING_ROW = 4;

/**
 * An office wall-clock time or day as a spreadsheet date. A spreadsheet has no time zone: the
 * date is made in UTC from the wall clock, so it shows exactly the office's time wherever opened.
 */
function cellValue(value: RegisterValue, kind: RegisterColumnKind | undefined): ExcelJS.CellValue {
  if (value === null || value === '') return NOTHING;
  if ((kind === 'time' || kind === 'day') && typeof value === 'string') {
    const wall = kind === 'day' ? `${value}T00:00:00Z` : `${value.replace(' ', 'T')}${value.length === 16 ? ':00' : ''}Z`;
    const date = new Date(wall);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return value;
}

/**
 * The register as one worksheet: the title and what it covers on top, the headings frozen under
 * them with a filter on each, one row per entry, dates as dates. It prints A4 landscape, one page
 * wide, with the headings repeated on every page.
 */
export async function writeRegisterXlsx(file: string, doc: RegisterDocument, now: Date): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Records Room';
  book.company = doc.office;
  book.title = doc.title;
  // The same export twice makes the same workbook.
  book.created = now;
  book.modified = now;
  const count = doc.columns.length;
  const sheet = book.addWorksheet(doc.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADING_ROW, topLeftCell: `A${HEADING_ROW + 1}`, activeCell: `A${HEADING_ROW + 1}` }],
    pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADING_ROW}:${HEADING_ROW}` },
  });
  sheet.columns = doc.columns.map((c) => ({ width: c.width }));

  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>, height: number) => {
    sheet.mergeCells(row, 1, row, count);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: row === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    sheet.getRow(row).height = height;
  };
  banner(1, `${doc.office} ${doc.title}`, { bold: true, size: 16 }, 30);
  registerSubtitle(doc).forEach((line, i) => banner(2 + i, line, { size: 10 }, 18));

  const headings = sheet.getRow(HEADING_ROW);
  headings.values = doc.columns.map((c) => c.header);
  headings.height = 22;
  headings.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  sheet.autoFilter = { from: { row: HEADING_ROW, column: 1 }, to: { row: HEADING_ROW, column: count } };

  for (const values of doc.rows) {
    const row = sheet.addRow(doc.columns.map((c, i) => cellValue(values[i] ?? null, c.kind)));
    doc.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const format = c.kind ? FORMATS[c.kind] : undefined;
      if (format && cell.value instanceof Date) cell.numFmt = format;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: c.kind === 'number' ? 'right' : 'left' };
      cell.border = BORDER;
    });
  }
  writeFileAtomically(file, Buffer.from(await book.xlsx.writeBuffer()));
}
