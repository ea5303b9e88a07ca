import ExcelJS from 'exceljs';

/** Reading an exported spreadsheet back the way a supervisor's Excel would: the first sheet, its cells as shown. */

export async function readSheet(file: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

/** A row's cells as shown, dates as the office's wall clock they stand for. */
export function rowValues(sheet: ExcelJS.Worksheet, n: number): unknown[] {
  const values = sheet.getRow(n).values as unknown[];
  return values.slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : v));
}
