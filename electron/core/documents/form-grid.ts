import type { Cell, PdfWriter } from './pdf-document.js';

/** What a form prints for a fact it does not have (rather than a blank someone could fill in). */
export const NONE = '（无）';

/** Printed text, or a rule of that many points to write on by hand. */
export type Blank = string | number;

export const SIGN_AND_DATE: Blank[] = ['签名：', 110, '  日期：', 40, '年', 24, '月', 24, '日'];
export const DATE_BLANKS: Blank[] = [40, '年', 24, '月', 24, '日'];

/**
 * The grid an office form is: a title with the issuing office and the form's number, then
 * full-width section bars over rows of shaded labels and their values, some left open to fill
 * in, sign and date by hand.
 */
export class FormGrid {
  constructor(
    readonly w: PdfWriter,
    readonly labelWidth = 84,
  ) {}

  private get half(): number {
    return (this.w.width - 2 * this.labelWidth) / 2;
  }

  /** The title centred; under it the office at the left and the form's number at the top right. */
  header(title: string, office: string, number: string): void {
    const { w } = this;
    const { doc } = w;
    w.heading(title, { size: 18, align: 'center', keepWith: 0 });
    w.space(4);
    w.font('regular', 10.5);
    const numbered = `编号：${number}`;
    const numberWidth = doc.widthOfString(numbered);
    const y = doc.y;
    doc.fillColor('black').text(numbered, w.left + w.width - numberWidth, y, { lineBreak: false });
    doc.text(`填表单位：${office}`, w.left, y, { width: w.width - numberWidth - 24, lineGap: 1 });
    doc.x = w.left;
    doc.y = Math.max(doc.y, y + doc.currentLineHeight(true)) + 4;
  }

  label(text: string): Cell {
    return { text, width: this.labelWidth, label: true, valign: 'middle' };
  }

  /** A section bar, kept on the page with the first `keep` points under it. */
  section(title: string, keep: number): void {
    const bar: Cell[] = [{ text: title, label: true, bold: true }];
    this.w.ensure(this.w.rowHeight(bar) + keep);
    this.w.row(bar);
  }

  height(cells: Cell[], minHeight = 0): number {
    return this.w.rowHeight(cells, { minHeight });
  }

  /** One label and its value across the whole width. */
  wide(label: string, value: string, extra: Partial<Cell> = {}): Cell[] {
    return [this.label(label), { text: value, ...extra }];
  }

  /** Two labels with their values side by side. */
  pair(a: [string, string], b: [string, string], extra: Partial<Cell> = {}): Cell[] {
    return [this.label(a[0]), { text: a[1], width: this.half, ...extra }, this.label(b[0]), { text: b[1] }];
  }

  put(cells: Cell[], minHeight = 0): void {
    this.w.row(cells, { minHeight });
  }

  /**
   * A row to complete by hand: `text` printed at the top of the cell (a declaration, or
   * choices to tick), `blanks` along its foot, at the right unless said otherwise.
   */
  handRow(label: string, blanks: Blank[], options: { text?: string; minHeight?: number; align?: 'left' | 'right' } = {}): void {
    this.put(this.wide(label, options.text ?? ''), options.minHeight ?? 32);
    const { w } = this;
    const inset = 10;
    if (options.align === 'left') blankLine(w, w.left + this.labelWidth + inset, w.doc.y - 10, blanks);
    else blankLine(w, w.left + w.width - inset - blanksWidth(w, blanks), w.doc.y - 10, blanks);
  }
}

function blanksWidth(w: PdfWriter, blanks: Blank[]): number {
  w.font('regular', 10);
  return blanks.reduce<number>((sum, b) => sum + (typeof b === 'number' ? b : w.doc.widthOfString(b)), 0);
}

/** Text and rules from `x` along the baseline `base`; the writer's position is left as it was. */
export function blankLine(w: PdfWriter, x: number, base: number, blanks: Blank[]): void {
  const { doc } = w;
  const y = doc.y;
  w.font('regular', 10).fillColor('black').lineWidth(0.6).strokeColor('black');
  for (const b of blanks) {
    if (typeof b === 'number') doc.moveTo(x, base).lineTo(x + b, base).stroke();
    else doc.text(b, x, base - 11, { lineBreak: false });
    x += typeof b === 'number' ? b : doc.widthOfString(b);
  }
  doc.x = w.left;
  doc.y = y;
}
