import { MM, writePdf, type PdfWriter } from '../documents/pdf-document.js';

/** What the outside of one disc says: enough to find its case and to check it is the disc written. */
export interface LabelDisc {
  caseNo: string;
  parties: string;
  filedOn: string | null;
  disc: { index: number; count: number };
  /** e.g. GP-2026-0007 */
  shortId: string;
  tagmanifestSha256: string;
  /** e.g. DVD 4.7 GB */
  medium: string;
  office: string;
}

// Sizes of a standard jewel-case front insert and a disc-face label.
const SQUARE = 120 * MM;
const DISC = 116 * MM;
const HUB = 41 * MM;
const SQUARE_TOP = 14 * MM;
const DISC_TOP = SQUARE_TOP + SQUARE + 12 * MM;
/** Text keeps this far from the disc's rim and from the hub hole: a cut a little off still misses it. */
const RIM_INSET = 4 * MM;
const HUB_INSET = 3 * MM;

/** A line of text already placed: drawn only once a whole layout is known to fit. */
interface Placed {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  align: 'left' | 'center';
}

/** A line to place: `nowrap` for hash halves, which must shrink rather than break. */
interface Line {
  text: string;
  size: number;
  bold?: boolean;
  nowrap?: boolean;
  /** Extra space before it, in points at full size. */
  gap?: number;
}

const discText = (d: LabelDisc) => `第 ${d.disc.index} 张 / 共 ${d.disc.count} 张`;
const hashHalves = (hash: string) => [hash.slice(0, 32), hash.slice(32)];
const HASH_CAPTION = '光盘校验值（tagmanifest-sha256.txt 的 SHA-256）';

function measure(w: PdfWriter, line: Line, scale: number, width: number): number | null {
  w.font(line.bold ? 'bold' : 'regular', line.size * scale);
  if (width <= 0 || (line.nowrap && w.doc.widthOfString(line.text) > width)) return null;
  return w.doc.heightOfString(line.text, { width, lineGap: 0 });
}

function lineHeight(w: PdfWriter, line: Line, scale: number): number {
  return w.font(line.bold ? 'bold' : 'regular', line.size * scale).currentLineHeight(true);
}

/** The front insert's content at `scale`, or null if it does not fit inside the square. */
function insertLayout(w: PdfWriter, d: LabelDisc, parties: string, x0: number, y0: number, scale: number): Placed[] | null {
  const pad = 9 * MM;
  const left = x0 + pad;
  const width = SQUARE - 2 * pad;
  const placed: Placed[] = [];
  let y = y0 + pad;
  const centred = (line: Line): boolean => {
    const height = measure(w, line, scale, width);
    if (height === null) return false;
    y += (line.gap ?? 0) * scale;
    placed.push({ text: line.text, x: left, y, width, size: line.size * scale, bold: !!line.bold, align: 'center' });
    y += height;
    return true;
  };
  if (!centred({ text: d.office, size: 10 }) || !centred({ text: '执法音像资料光盘', size: 18, bold: true, gap: 4 })) return null;
  y += 7 * MM * scale;
  const fields: [string, string][] = [
    ['案号', d.caseNo],
    ['当事人', parties],
    ['立案日期', d.filedOn ?? '（无）'],
    ['光盘', discText(d)],
    ['光盘编号', d.shortId],
    ['介质', d.medium],
  ];
  const size = 11 * scale;
  w.font('regular', size);
  const labelWidth = Math.max(...fields.map(([label]) => w.doc.widthOfString(label))) + 5 * MM * scale;
  for (const [label, value] of fields) {
    const height = measure(w, { text: value, size: 11 }, scale, width - labelWidth);
    if (height === null) return null;
    placed.push({ text: label, x: left, y, width: labelWidth, size, bold: false, align: 'left' });
    placed.push({ text: value, x: left + labelWidth, y, width: width - labelWidth, size, bold: false, align: 'left' });
    y += height + 2 * MM * scale;
  }
  // The hash sits at the foot of the square, where a reader comparing it expects it.
  const hashLines: Line[] = [{ text: HASH_CAPTION, size: 8 }, ...hashHalves(d.tagmanifestSha256).map((text) => ({ text, size: 10.5, nowrap: true }))];
  const heights = hashLines.map((line) => measure(w, line, scale, width));
  if (heights.some((h) => h === null)) return null;
  let foot = y0 + SQUARE - pad - heights.reduce<number>((sum, h) => sum + (h ?? 0), 0);
  if (foot < y + 4 * MM * scale) return null;
  for (const [i, line] of hashLines.entries()) {
    placed.push({ text: line.text, x: left, y: foot, width, size: line.size * scale, bold: false, align: 'center' });
    foot += heights[i] ?? 0;
  }
  return placed;
}

/** Width of the disc at height y, less the rim inset. */
function chord(cx: number, cy: number, y: number): number {
  const radius = DISC / 2 - RIM_INSET;
  const dy = y - cy;
  return dy * dy >= radius * radius ? 0 : 2 * Math.sqrt(radius * radius - dy * dy);
}

/**
 * Stacks lines away from the hub (upward above it, downward below it). Each line is set to the
 * width the disc has at its outer edge, the narrowest it crosses; null if the band overflows.
 */
function bandLayout(w: PdfWriter, lines: Line[], cx: number, cy: number, scale: number, upward: boolean): Placed[] | null {
  const placed: Placed[] = [];
  const limit = DISC / 2 - RIM_INSET;
  let edge = HUB / 2 + HUB_INSET;
  for (const line of upward ? [...lines].reverse() : lines) {
    if (!upward) edge += (line.gap ?? 0) * scale;
    let height = lineHeight(w, line, scale);
    let width = 0;
    // A wrapped line reaches further out, where the disc is narrower: settle width and height together.
    let settled = false;
    for (let tries = 0; !settled && tries < 4; tries++) {
      width = chord(cx, cy, cy + (upward ? -1 : 1) * (edge + height));
      const needed = measure(w, line, scale, width);
      if (needed === null) return null;
      settled = needed <= height;
      height = Math.max(height, needed);
    }
    if (!settled || edge + height > limit) return null;
    placed.push({ text: line.text, x: cx - width / 2, y: upward ? cy - edge - height : cy + edge, width, size: line.size * scale, bold: !!line.bold, align: 'center' });
    edge += height;
    if (upward) edge += (line.gap ?? 0) * scale;
  }
  return placed;
}

function discLayout(w: PdfWriter, d: LabelDisc, parties: string, cx: number, cy: number, scale: number): Placed[] | null {
  const above: Line[] = [
    { text: discText(d), size: 9 },
    { text: d.caseNo, size: 12, bold: true, gap: 2 },
    { text: `当事人：${parties}`, size: 9, gap: 2 },
    { text: `立案日期：${d.filedOn ?? '（无）'}`, size: 9 },
  ];
  const [first = '', second = ''] = hashHalves(d.tagmanifestSha256);
  const below: Line[] = [
    { text: d.shortId, size: 12, bold: true },
    { text: d.medium, size: 8 },
    { text: HASH_CAPTION, size: 6, gap: 3 },
    { text: first, size: 7.5, nowrap: true },
    { text: second, size: 7.5, nowrap: true },
    { text: d.office, size: 7, gap: 2 },
  ];
  const top = bandLayout(w, above, cx, cy, scale, true);
  const bottom = top && bandLayout(w, below, cx, cy, scale, false);
  return top && bottom ? [...top, ...bottom] : null;
}

/** A shortened party list ends after a whole name where it can. */
function wholeNames(head: string): string {
  const sep = Math.max(head.lastIndexOf('、'), head.lastIndexOf('，'), head.lastIndexOf(','));
  return sep > 0 ? head.slice(0, sep) : head;
}

/**
 * The largest layout that fits. Type shrinks only a little (a hash in 4-point type is no use);
 * a party list that still does not fit is shortened with an ellipsis, since the written
 * description carries it whole. Only a case number or office too long for the disc shrinks
 * further.
 */
function fit(parties: string, layout: (parties: string, scale: number) => Placed[] | null): Placed[] {
  for (let cut = parties.length; ; cut = Math.floor(cut * 0.8)) {
    const text = cut === parties.length ? parties : `${wholeNames(parties.slice(0, cut))}…`;
    for (const scale of [1, 0.95, 0.9, 0.85]) {
      const placed = layout(text, scale);
      if (placed) return placed;
    }
    if (cut === 0) break;
  }
  for (const scale of [0.8, 0.75, 0.7, 0.65, 0.6]) {
    const placed = layout('…', scale);
    if (placed) return placed;
  }
  throw new Error('the label does not fit its disc even with the parties left out');
}

function draw(w: PdfWriter, placed: Placed[]): void {
  for (const p of placed) w.font(p.bold ? 'bold' : 'regular', p.size).fillColor('black').text(p.text, p.x, p.y, { width: p.width, align: p.align, lineGap: 0 });
}

/** Corner marks outside the square: the cut runs between them, and no mark shows on the insert. */
function cropMarks(w: PdfWriter, x: number, y: number, size: number): void {
  const { doc } = w;
  const near = 2 * MM;
  const far = 8 * MM;
  doc.lineWidth(0.4).strokeColor('black');
  for (const cx of [x, x + size])
    for (const cy of [y, y + size]) {
      const sx = cx === x ? -1 : 1;
      const sy = cy === y ? -1 : 1;
      doc.moveTo(cx + sx * near, cy).lineTo(cx + sx * far, cy).stroke();
      doc.moveTo(cx, cy + sy * near).lineTo(cx, cy + sy * far).stroke();
    }
  doc.lineWidth(0.3).strokeColor('#b0b0b0').rect(x, y, size, size).stroke();
}

function discGuides(w: PdfWriter, cx: number, cy: number): void {
  const { doc } = w;
  doc.lineWidth(0.5).strokeColor('black').circle(cx, cy, DISC / 2).stroke();
  doc.lineWidth(0.5).dash(3, { space: 2 }).circle(cx, cy, HUB / 2).stroke().undash();
  doc.lineWidth(0.3).strokeColor('#b0b0b0');
  doc.moveTo(cx - 3 * MM, cy).lineTo(cx + 3 * MM, cy).stroke();
  doc.moveTo(cx, cy - 3 * MM).lineTo(cx, cy + 3 * MM).stroke();
}

/**
 * One A4 page per disc: the jewel-case insert (120 × 120 mm, with crop marks) above the disc-face
 * label (Φ116 mm with the Φ41 mm hub drawn as cut guides). Both say case, party, filing date,
 * which disc of how many, the short ID and the full tag manifest hash.
 */
export async function writeLabelsPdf(file: string, discs: LabelDisc[], now: Date): Promise<{ font: string }> {
  const first = discs[0];
  const written = await writePdf(
    file,
    {
      title: `光盘标签 ${first ? first.caseNo : ''}`.trim(),
      author: first?.office ?? '',
      createdAt: now,
      footer: '打印时请选“实际大小”（100%）。方形封面沿四角裁切线裁下（120 × 120 mm）；盘面标签沿外圆裁下（Φ116 mm），中心孔沿虚线圆挖空（Φ41 mm）。',
    },
    (w) => {
      const x = (w.doc.page.width - SQUARE) / 2;
      const cx = w.doc.page.width / 2;
      const cy = DISC_TOP + DISC / 2;
      for (const [i, d] of discs.entries()) {
        if (i > 0) w.newPage();
        cropMarks(w, x, SQUARE_TOP, SQUARE);
        draw(w, fit(d.parties, (parties, scale) => insertLayout(w, d, parties, x, SQUARE_TOP, scale)));
        discGuides(w, cx, cy);
        draw(w, fit(d.parties, (parties, scale) => discLayout(w, d, parties, cx, cy, scale)));
      }
    },
  );
  return { font: written.font.description };
}
