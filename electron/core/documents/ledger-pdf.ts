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
    // The widest column takes what rounding leaves (a row needs exactly one cell without a width).
    const points = widths.map((v, i) => (i === widest ? undefined : Math.floor((v / total) * w.width)));
    const label = (text: string, width: number | undefined): Cell => ({ text, width, label: true, align: 'center', valign: 'middle', size: SIZE });

    const top: Cell[] = [];
    const second: Cell[] = [];
    let col = 0;
    for (const h of ledger.headings) {
      const span = h.sub?.length ?? 1;
      const own = points.slice(col, col + span);
      top.push(label(h.text, own.includes(undefined) ? undefined : own.reduce<number>((a, b) => a + (b ?? 0), 0)));
      (h.sub ?? ['']).forEach((s, i) => second.push(label(s, points[col + i])));
      col += span;
    }
    const drawHeadings = () => {
      w.row(top);
      if (ledger.headings.some((h) => h.sub)) w.row(second);
    };

    w.heading(ledger.title, { size: 14, align: 'center', keepWith: 80 });
    w.space(4);
    drawHeadings();
    for (const row of ledger.rows) {
      const cells = row.cells.map((v, i): Cell => (v === null ? label('', points[i]) : { text: v, width: points[i], size: SIZE, align: i === 0 || v === '√' ? 'center' : 'left' }));
      w.row(cells, { onNewPage: drawHeadings });
    }
    w.space(8);
    w.paragraph(ledger.rule, 9);
  });
  return { font: written.font.description, pages: written.pages };
}
