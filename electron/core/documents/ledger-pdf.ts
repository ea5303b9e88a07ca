import type { LedgerDto } from '../../../shared/contract/ledgers-dto.js';
import { writePdf, type Cell } from './pdf-document.js';

/** Points: 8 pt fits a dozen columns across A4 landscape, as in the registers. */
const SIZE = 8;

/**
 * A county ledger printed: A4 landscape, the title, 004's headings (整改结果 over 已完成 / 未完成)
 * repeated on every page, a row per case with each gap a shaded empty cell to fill in by hand,
 * and the 报送要求 under the table.
 */
export async function writeLedgerPdf(file: string, ledger: LedgerDto, widths: number[], office: string, now: Date): Promise<{ font: string; pages: number }> {
  const written = await writePdf(file, { title: ledger.title, author: office, createdAt: now, layout: 'landscape', footer: ledger.title }, (w) => {
    const total = widths.reduce((a, b) => a + b, 0);
    const widest = widths.indexOf(Math.max(...widths));
    // The widest column takes what rounding leaves, so the table is exactly as wide as the page.
    const points = widths.map((v) => Math.floor((v / total) * w.width));
    points[widest] = w.width - points.reduce((a, b, i) => (i === widest ? a : a + b), 0);
    const label = (text: string, width: number): Cell => ({ text, width, label: true, align: 'center', valign: 'middle', size: SIZE });

    let col = 0;
    const headings = ledger.headings.map((h) => {
      const own = points.slice(col, col + (h.sub?.length ?? 1));
      const sub = h.sub?.map((text, i) => ({ text, width: own[i] ?? 0 }));
      col += own.length;
      return { text: h.text, width: own.reduce((a, b) => a + b, 0), sub };
    });
    const drawHeadings = () => w.groupedHeader(headings, SIZE);

    w.heading(ledger.title, { size: 14, align: 'center', keepWith: 80 });
    w.space(4);
    drawHeadings();
    for (const row of ledger.rows) {
      const cells = row.cells.map((v, i): Cell => (v === null ? label('', points[i] ?? 0) : { text: v, width: points[i], size: SIZE, align: i === 0 || v === '√' ? 'center' : 'left' }));
      w.row(cells, { onNewPage: drawHeadings });
    }
    w.space(8);
    w.paragraph(ledger.rule, 9);
  });
  return { font: written.font.description, pages: written.pages };
}
