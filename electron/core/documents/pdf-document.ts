import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../../shared/errors.js';
import { documentFont, type DocumentFont } from './document-font.js';

/** PDF points per millimetre: paper sizes on forms are given in mm. */
export const MM = 72 / 25.4;

export interface PdfOptions {
  title: string;
  /** The office: the PDF's Author, as on the paper's letterhead. */
  author: string;
  subject?: string;
  /** Written as CreationDate and ModDate, so the same input gives the same bytes. */
  createdAt: Date;
  /** Printed at the foot of every page, above the page number. */
  footer?: string;
  /** Defaults to documentFont(); given when a caller already resolved one. */
  font?: DocumentFont;
  /** Portrait by default; a register with many columns is printed across the sheet. */
  layout?: 'portrait' | 'landscape';
}

export interface FieldRow {
  label: string;
  value: string;
  /** A smaller size for long unbroken values (hashes, paths). */
  small?: boolean;
}

/** One cell of a row; the one cell without a width takes what the others leave of the line. */
export interface Cell {
  text: string;
  /** Points. */
  width?: number;
  /** A shaded label cell: repeated, marked （续）, when its row continues on the next page. */
  label?: boolean;
  bold?: boolean;
  /** A smaller size for long unbroken values (hashes, paths). */
  small?: boolean;
  /** Points, for a table that needs more columns than the usual sizes let fit (a register). */
  size?: number;
  align?: 'left' | 'center' | 'right';
  /** Top by default; middle for a label beside a tall cell. */
  valign?: 'top' | 'middle';
}

export interface RowOptions {
  /** Room to write by hand: the row is at least this tall. */
  minHeight?: number;
  /** Called at the top of every new page the row goes on to (a table repeats its header there). */
  onNewPage?: () => void;
}

export interface TableColumn {
  header: string;
  /** Points; the one column without a width takes the rest. */
  width?: number;
  align?: 'left' | 'center';
  small?: boolean;
  /** Points, header included; wins over `small`. */
  size?: number;
}

type PlacedCell = Cell & { width: number };

function fieldCells(row: FieldRow, labelWidth: number): Cell[] {
  return [{ text: row.label, width: labelWidth, label: true }, { text: row.value, small: row.small }];
}

const SIZE = 10;
const SMALL = 9;
const LINE_GAP = 1;
const PAD = 4;
const LABEL_FILL = '#eeeeee';

const sizeOf = (cell: Cell): number => cell.size ?? (cell.small ? SMALL : SIZE);

/**
 * The page a caller draws on: A4 (either way round) with the helpers every office form needs. Positions are
 * tracked in `doc.y`; a helper that would run past the foot of the page starts a new one
 * first, so rows, headings and signature lines are never cut in two.
 */
export class PdfWriter {
  readonly left: number;
  readonly width: number;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  /** The lowest y text may reach: the footer lives below it. */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  font(weight: 'regular' | 'bold', size: number): PDFKit.PDFDocument {
    return this.doc.font(weight).fontSize(size);
  }

  /** Starts a new page unless `height` still fits on this one (or this one is still empty: a new one holds no more). */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > this.top + 1) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  space(points: number): void {
    this.doc.y += points;
  }

  /** A bold line kept together with at least `keepWith` points of what follows it. */
  heading(text: string, options: { size?: number; align?: 'left' | 'center'; keepWith?: number } = {}): void {
    const size = options.size ?? 12;
    this.font('bold', size);
    const height = this.doc.heightOfString(text, { width: this.width, lineGap: LINE_GAP });
    this.ensure(height + (options.keepWith ?? 60));
    this.doc.fillColor('black').text(text, this.left, this.doc.y, { width: this.width, align: options.align ?? 'left', lineGap: LINE_GAP });
    this.space(size * 0.4);
  }

  paragraph(text: string, size = SIZE): void {
    this.font('regular', size);
    // Line by line, so a long paragraph breaks between lines rather than mid-line.
    for (const line of text.split('\n')) {
      const height = this.doc.heightOfString(line || ' ', { width: this.width, lineGap: LINE_GAP });
      this.ensure(Math.min(height, size * 3));
      this.doc.fillColor('black').text(line || ' ', this.left, this.doc.y, { width: this.width, lineGap: LINE_GAP });
    }
  }

  /**
   * A bordered two-column table of label and value. Values wrap inside their cell (a hash
   * breaks between characters rather than running out of it); a row that does not fit below
   * goes whole to the next page, and only a row taller than a whole page is continued.
   */
  fields(rows: FieldRow[], labelWidth = 92): void {
    for (const row of rows) this.row(fieldCells(row, labelWidth));
  }

  /** The height fields() will take for these rows, to keep them together with what comes before. */
  fieldsHeight(rows: FieldRow[], labelWidth = 92): number {
    return rows.reduce((sum, row) => sum + this.rowHeight(fieldCells(row, labelWidth)), 0);
  }

  /**
   * One bordered row of cells side by side, the grid forms are made of. Cells wrap inside
   * their width; the row is as tall as its tallest cell (or `minHeight`, room to write by hand).
   * A row that does not fit below goes whole to the next page; only one taller than a page is
   * continued, each cell where it stopped, label cells repeated and marked （续）.
   */
  row(cells: Cell[], options: RowOptions = {}): void {
    let parts = this.placeCells(cells);
    let fresh = this.doc.y <= this.top + 1;
    const turn = () => {
      this.newPage();
      options.onNewPage?.();
      fresh = true;
    };
    for (;;) {
      const height = Math.max(options.minHeight ?? 0, ...parts.map((c) => this.cellHeight(c)));
      if (this.doc.y + height <= this.bottom) {
        this.drawCells(parts, height);
        return;
      }
      if (!fresh && (height <= this.bottom - this.top || this.bottom - this.doc.y < 4 * SIZE)) {
        turn();
        continue;
      }
      const room = this.bottom - this.doc.y;
      const cuts = parts.map((c) => (c.label ? c.text.length : this.fittingLength(c.text, sizeOf(c), c.width - 2 * PAD, room - 2 * PAD, c.bold)));
      this.drawCells(parts.map((c, i) => ({ ...c, text: c.text.slice(0, cuts[i]) })), room);
      turn();
      parts = parts.map((c, i) =>
        c.label ? { ...c, text: c.text.endsWith('（续）') || !c.text ? c.text : `${c.text}（续）` } : { ...c, text: c.text.slice(cuts[i]).replace(/^\n/, '') },
      );
    }
  }

  /** The height row() will take for these cells (before any page break). */
  rowHeight(cells: Cell[], options: RowOptions = {}): number {
    return Math.max(options.minHeight ?? 0, ...this.placeCells(cells).map((c) => this.cellHeight(c)));
  }

  /**
   * A table with a shaded header row, repeated at the top of every page the table runs onto.
   * The header never stands alone at the foot of a page: it goes with the first row.
   */
  table(columns: TableColumn[], rows: string[][]): void {
    const header = columns.map((c): Cell => ({ text: c.header, width: c.width, label: true, align: 'center', valign: 'middle', size: c.size }));
    const body = (row: string[]) => columns.map((c, i): Cell => ({ text: row[i] ?? '', width: c.width, align: c.align, small: c.small, size: c.size }));
    const drawHeader = () => this.row(header);
    const first = rows[0];
    this.ensure(this.rowHeight(header) + Math.min(first ? this.rowHeight(body(first)) : 0, 6 * SIZE));
    drawHeader();
    for (const row of rows) this.row(body(row), { onNewPage: drawHeader });
  }

  /**
   * A table heading over two rows, as on forms where a heading groups others (整改结果 over
   * 已完成 / 未完成): a grouping heading spans its columns on the first row, every other heading
   * spans both rows. Shaded and centred like a table's header, and never split across pages.
   * Each heading's width is the sum of its columns'.
   */
  groupedHeader(headings: { text: string; width: number; sub?: { text: string; width: number }[] }[], size: number): void {
    const label = (text: string, width: number): PlacedCell => ({ text, width, label: true, align: 'center', valign: 'middle', size });
    const tallest = (cells: PlacedCell[]) => Math.max(0, ...cells.map((c) => this.cellHeight(c)));
    const groups = headings.filter((h) => h.sub);
    const first = tallest(groups.map((h) => label(h.text, h.width)));
    let second = tallest(groups.flatMap((h) => h.sub ?? []).map((s) => label(s.text, s.width)));
    second = Math.max(second, tallest(headings.filter((h) => !h.sub).map((h) => label(h.text, h.width))) - first);
    this.ensure(first + second);
    const y = this.doc.y;
    let x = this.left;
    for (const h of headings) {
      this.doc.y = y;
      if (h.sub) {
        this.drawCells([label(h.text, h.width)], first, x);
        this.drawCells(h.sub.map((s) => label(s.text, s.width)), second, x);
      } else {
        this.drawCells([label(h.text, h.width)], first + second, x);
      }
      x += h.width;
    }
    this.doc.y = y + first + second;
  }

  /**
   * One line per signer, to sign by hand on paper: "制作人（签名）：____  日期：____年__月__日".
   * Each signer dates their own signature; the block is never split across pages.
   */
  signatures(signers: string[], room = 30): void {
    const { doc } = this;
    this.ensure(signers.length * (room + 16));
    this.font('regular', 11).fillColor('black').lineWidth(0.6).strokeColor('black');
    const rule = (from: number, to: number, y: number) => doc.moveTo(from, y).lineTo(to, y).stroke();
    const dateAt = this.left + this.width * 0.58;
    for (const signer of signers) {
      const y = doc.y + room;
      const base = y + 14;
      const label = `${signer}：`;
      doc.text(label, this.left, y, { lineBreak: false });
      rule(this.left + doc.widthOfString(label) + 2, dateAt - 24, base);
      let x = dateAt;
      doc.text('日期：', x, y, { lineBreak: false });
      x += doc.widthOfString('日期：') + 2;
      for (const [unit, width] of [['年', 46], ['月', 28], ['日', 28]] as const) {
        rule(x, x + width, base);
        doc.text(unit, x + width + 2, y, { lineBreak: false });
        x += width + 2 + doc.widthOfString(unit) + 4;
      }
      doc.y = base + 2;
    }
    doc.x = this.left;
    doc.y += 8;
  }

  /** Gives the one cell without a width what the others leave of the line. */
  private placeCells(cells: Cell[]): PlacedCell[] {
    const fixed = cells.reduce((sum, c) => sum + (c.width ?? 0), 0);
    return cells.map((c) => ({ ...c, width: c.width ?? this.width - fixed }));
  }

  private cellFont(cell: Cell): void {
    this.font(cell.bold ? 'bold' : 'regular', sizeOf(cell));
  }

  private cellHeight(cell: PlacedCell): number {
    this.cellFont(cell);
    return this.doc.heightOfString(cell.text || ' ', { width: cell.width - 2 * PAD, lineGap: LINE_GAP }) + 2 * PAD;
  }

  private drawCells(cells: PlacedCell[], height: number, from = this.left): void {
    const { doc } = this;
    const y = doc.y;
    let x = from;
    doc.lineWidth(0.5).strokeColor('black');
    for (const cell of cells) {
      if (cell.label) doc.rect(x, y, cell.width, height).fillAndStroke(LABEL_FILL, 'black');
      else doc.rect(x, y, cell.width, height).stroke();
      if (cell.text) {
        const textHeight = this.cellHeight(cell);
        const top = cell.valign === 'middle' ? y + Math.max(0, (height - textHeight) / 2) : y;
        this.cellFont(cell);
        doc.fillColor('black').text(cell.text, x + PAD, top + PAD, { width: cell.width - 2 * PAD, align: cell.align ?? 'left', lineGap: LINE_GAP });
      }
      x += cell.width;
    }
    doc.x = this.left;
    doc.y = y + height;
  }

  /** The longest start of `text` whose wrapped height stays within `height`, ending after a space or punctuation if one is near. */
  private fittingLength(text: string, size: number, width: number, height: number, bold = false): number {
    this.font(bold ? 'bold' : 'regular', size);
    if (this.doc.heightOfString(text || ' ', { width, lineGap: LINE_GAP }) <= height) return text.length;
    let low = 1;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.doc.heightOfString(text.slice(0, mid), { width, lineGap: LINE_GAP }) <= height) low = mid;
      else high = mid - 1;
    }
    const tail = text.slice(Math.max(0, low - 40), low);
    const pause = Math.max(...[...tail.matchAll(/[\s。，、；：！？,.;:!?）)]/g)].map((m) => m.index + 1), 0);
    return pause > 0 ? low - tail.length + pause : low;
  }
}

function registerFont(doc: PDFKit.PDFDocument, font: DocumentFont): void {
  try {
    for (const weight of ['regular', 'bold'] as const) {
      const face = font[weight];
      doc.registerFont(weight, face.file, face.postscriptName);
      doc.font(weight);
    }
  } catch (e) {
    throw new AppError('FONT_MISSING', 'the PDF font could not be loaded', { reason: `${font.description}: ${(e as Error).message}` });
  }
}

/** Stamps the caller's footer line and "第 i 页 / 共 n 页" on every page, now that n is known. */
function stampFooters(writer: PdfWriter, footer: string | undefined): void {
  const { doc } = writer;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const foot = writer.bottom;
    // Writing below the bottom margin would otherwise make pdfkit start yet another page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.moveTo(writer.left, foot + 8).lineTo(writer.left + writer.width, foot + 8).lineWidth(0.5).strokeColor('#888888').stroke();
    let numberAt = doc.page.height - margin / 2 - 4;
    if (footer) {
      // One line if it can be had down to 6 pt: a hash read across a line break is easily misread.
      // Failing that, two lines at a readable size; footers put a hash last, so it moves whole.
      let size = 8;
      writer.font('regular', size);
      while (size > 6 && doc.widthOfString(footer) > writer.width) writer.font('regular', (size -= 0.25));
      if (doc.widthOfString(footer) > writer.width) writer.font('regular', 7.5);
      const options = { width: writer.width, align: 'center', lineGap: 1 } as const;
      numberAt = Math.max(numberAt, foot + 13 + doc.heightOfString(footer, options) + 3);
      doc.fillColor('black').text(footer, writer.left, foot + 13, options);
    }
    writer.font('regular', 8).fillColor('black').text(`第 ${i + 1} 页 / 共 ${range.count} 页`, writer.left, numberAt, { width: writer.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

/** Writes `data` to `<file>.part` and renames it into place: a reader never sees half a PDF. */
export function writeFileAtomically(file: string, data: Buffer): void {
  const part = `${file}.part`;
  try {
    fs.writeFileSync(part, data, { flush: true });
    fs.renameSync(part, file);
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  }
}

/**
 * Makes an A4 PDF (portrait unless asked otherwise): `draw` lays out the content with the writer's helpers, then every page gets
 * its footer and number, and the file is written atomically. Returns the font used (for the
 * record of what was printed) and the page count.
 */
export async function writePdf(file: string, options: PdfOptions, draw: (writer: PdfWriter) => void): Promise<{ font: DocumentFont; pages: number }> {
  const font = options.font ?? documentFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margins: { top: 20 * MM, bottom: 24 * MM, left: 20 * MM, right: 20 * MM },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: options.title,
      Author: options.author,
      ...(options.subject ? { Subject: options.subject } : {}),
      Creator: 'Records Room',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerFont(doc, font);
  const writer = new PdfWriter(doc);
  doc.x = writer.left;
  doc.y = writer.top;
  draw(writer);
  stampFooters(writer, options.footer);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  await ended;
  writeFileAtomically(file, Buffer.concat(chunks));
  return { font, pages };
}
