import { writePdf, type TableColumn } from './pdf-document.js';
import { NOTHING, registerSubtitle, type RegisterDocument } from './register-document.js';

/**
 * Points: a dozen columns across A4 landscape. 8 pt is what a printed register (and the county's
 * ledger forms in 004) uses; at 9 pt a file name took four lines and a page held four viewings.
 */
const TABLE_SIZE = 8;

/**
 * The page's width shared out by the columns' print shares; the widest column takes what
 * rounding leaves (the table needs exactly one column without a width).
 */
export function pdfColumns(doc: RegisterDocument, pageWidth: number): TableColumn[] {
  const total = doc.columns.reduce((sum, c) => sum + c.print, 0);
  const widest = doc.columns.reduce((best, c, i) => (c.print > (doc.columns[best]?.print ?? 0) ? i : best), 0);
  return doc.columns.map((c, i) => ({
    header: c.header,
    width: i === widest ? undefined : Math.floor((c.print / total) * pageWidth),
    align: c.kind === 'number' ? 'center' : 'left',
    size: TABLE_SIZE,
  }));
}

/**
 * The register printed: A4 landscape, the title and what it covers on top, the table with its
 * headings repeated on every page, and on every page's foot the register, its period and
 * "第 i 页 / 共 n 页", so a loose sheet still says what it belongs to.
 */
export async function writeRegisterPdf(file: string, doc: RegisterDocument, now: Date): Promise<{ font: string; pages: number }> {
  const written = await writePdf(
    file,
    {
      title: `${doc.office} ${doc.title}`,
      author: doc.office,
      subject: doc.period,
      createdAt: now,
      layout: 'landscape',
      footer: `${doc.title}\u3000期间：${doc.period}\u3000导出时间：${doc.exportedAt}`,
    },
    (w) => {
      w.heading(`${doc.office} ${doc.title}`, { size: 16, align: 'center', keepWith: 80 });
      for (const line of registerSubtitle(doc)) w.paragraph(line, 9);
      w.space(6);
      w.table(
        pdfColumns(doc, w.width),
        doc.rows.map((row) => row.map((v) => (v === null || v === '' ? NOTHING : String(v)))),
      );
      if (doc.rows.length === 0) {
        w.space(6);
        w.paragraph('（本期间内没有符合条件的登记。）', 10);
      }
    },
  );
  return { font: written.font.description, pages: written.pages };
}
