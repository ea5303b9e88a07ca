import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Reading a PDF back the way a person and a checker would: poppler's own tools. */

/** The text of each page, as `pdftotext -layout` lays it out. */
export function pageTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/** Without layout spaces: wrapped cell text reads as one string again. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export function pdfInfo(pdf: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** `pdffonts` rows: each font's name and whether it is embedded (columns found from the dashed rule). */
export function pdfFonts(pdf: string): { name: string; embedded: boolean }[] {
  const [, rule = '', ...rows] = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trimEnd().split('\n');
  const columns = [...rule.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const cell = (row: string, i: number) => row.slice(columns[i]?.[0], columns[i]?.[1]).trim();
  return rows.map((row) => ({ name: cell(row, 0), embedded: cell(row, 3) === 'yes' }));
}

/**
 * Renders page 1 with fontconfig pointing at an empty configuration: poppler then has no
 * system font to substitute, so the page shows only what the PDF itself carries. Returns
 * poppler's complaints and the share of dark pixels (a grey map is simple to count).
 */
export function renderWithoutSystemFonts(pdf: string, scratchDir: string): { stderr: string; ink: number } {
  const conf = path.join(scratchDir, 'fonts.conf');
  fs.writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><cachedir>${path.join(scratchDir, 'fc-cache')}</cachedir></fontconfig>\n`);
  const env = { ...process.env, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: scratchDir };
  const fonts = execFileSync('fc-list', [], { env, encoding: 'utf8' });
  if (fonts.trim() !== '') throw new Error(`the empty fontconfig still lists fonts: ${fonts.slice(0, 200)}`);
  const prefix = path.join(scratchDir, 'page');
  const run = spawnSync('pdftoppm', ['-gray', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, prefix], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
  return { stderr: run.stderr, ink: darkShare(fs.readFileSync(`${prefix}.pgm`)) };
}

/** Share of pixels darker than mid-grey in a binary PGM (P5, 8-bit). */
function darkShare(pgm: Buffer): number {
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const [, w, h] = header.map(Number) as [number, number, number];
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / (w * h);
}

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Where each word sits on each page (points, origin top left), from `pdftotext -bbox`. */
export function wordBoxes(pdf: string): WordBox[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5] ?? '',
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}

/**
 * One column of a table read down: the words lying across [from, to] (points from the left
 * edge), page by page, top to bottom and left to right, run together. Text wrapped in a cell
 * reads whole again, without the labels beside it that `pdftotext -layout` mixes in.
 */
export function columnText(pdf: string, from: number, to: number): string {
  return wordBoxes(pdf)
    .flatMap((page) => page.filter((w) => w.xMin >= from && w.xMax <= to).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin))
    .map((w) => w.text)
    .join('');
}
