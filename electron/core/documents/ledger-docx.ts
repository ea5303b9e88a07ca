import { AlignmentType, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { LedgerDto } from '../../../shared/contract/ledgers-dto.js';
import { GAP_FILL, headingRows } from './ledger-xlsx.js';
import { writeFileAtomically } from './pdf-document.js';

/** A4 in twips (portrait; `docx` turns it for a landscape page), and 2 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
/** Half-points: 9 pt in the table, as the county's forms; 16 pt for the title. */
const TABLE_SIZE = 18;
const TITLE_SIZE = 32;

const text = (value: string, style: { bold?: boolean; center?: boolean } = {}) =>
  new Paragraph({ alignment: style.center ? AlignmentType.CENTER : undefined, children: [new TextRun({ text: value, bold: style.bold, size: TABLE_SIZE })] });
const heading = (value: string) => text(value, { bold: true, center: true });

/**
 * A county ledger as the Word file the county asks for by e-mail (004's closing paragraph): A4
 * landscape, the title, the table with 004's headings (two rows where 整改结果 spans 已完成 /
 * 未完成, repeated on every page), a row per case with its gaps shaded, and the 报送要求 under it.
 */
export async function writeLedgerDocx(file: string, ledger: LedgerDto, widths: number[], office: string): Promise<void> {
  const usable = A4.height - 2 * MARGIN;
  const total = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => Math.floor((w / total) * usable));
  const depth = headingRows(ledger);

  const top: TableCell[] = [];
  const second: TableCell[] = [];
  let col = 0;
  for (const h of ledger.headings) {
    const span = h.sub?.length ?? 1;
    top.push(
      new TableCell({
        children: [heading(h.text)],
        columnSpan: span > 1 ? span : undefined,
        rowSpan: depth === 2 && !h.sub ? 2 : undefined,
        verticalAlign: VerticalAlign.CENTER,
        width: { size: columnWidths.slice(col, col + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      }),
    );
    h.sub?.forEach((s, i) => second.push(new TableCell({ children: [heading(s)], verticalAlign: VerticalAlign.CENTER, width: { size: columnWidths[col + i] ?? 0, type: WidthType.DXA } })));
    col += span;
  }
  const headings = [new TableRow({ tableHeader: true, children: top }), ...(second.length ? [new TableRow({ tableHeader: true, children: second })] : [])];
  const body = ledger.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map(
          (v, i) =>
            new TableCell({
              children: [text(v ?? '', { center: v === '√' || i === 0 })],
              width: { size: columnWidths[i] ?? 0, type: WidthType.DXA },
              shading: v === null ? { type: ShadingType.CLEAR, color: 'auto', fill: GAP_FILL.slice(2) } : undefined,
            }),
        ),
      }),
  );

  const doc = new Document({
    creator: 'Records Room',
    title: ledger.title,
    description: office,
    styles: { default: { document: { run: { font: { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' }, size: TABLE_SIZE } } } },
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: ledger.title, bold: true, size: TITLE_SIZE })] }),
          new Table({ rows: [...headings, ...body], columnWidths, width: { size: usable, type: WidthType.DXA } }),
          new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: ledger.rule, size: TABLE_SIZE + 2 })] }),
        ],
      },
    ],
  });
  writeFileAtomically(file, await Packer.toBuffer(doc));
}
