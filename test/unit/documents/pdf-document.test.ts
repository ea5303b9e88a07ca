import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { carriedFont, documentFont } from '../../../electron/core/documents/document-font.js';
import { writePdf, type PdfOptions } from '../../../electron/core/documents/pdf-document.js';
import { columnText, pageTexts, pdfFonts, pdfInfo, renderWithoutSystemFonts, squeeze } from '../../support/pdf.js';
import { codeOf, scratch } from '../../support/test-app.js';

const dir = scratch();
const CREATED = new Date('2026-12-02T02:15:00Z');
const OPTIONS: PdfOptions = { title: '测试文书', author: '峡口镇综合行政执法办公室', createdAt: CREATED, footer: '页脚：本页属于测试文书 ABC-123' };
const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

describe('printable PDFs', () => {
  it('embed their Chinese font and render on a machine with no fonts at all', async () => {
    const file = path.join(dir('rr-pdf-'), 'a.pdf');
    const written = await writePdf(file, OPTIONS, (w) => {
      w.heading('执法音像资料', { size: 18, align: 'center' });
      w.paragraph('峡口镇综合行政执法办公室，案号峡综执罚〔2026〕1号。');
      w.fields([{ label: '当事人', value: '王某某' }]);
    });
    expect(written.font.source).toBe('carried');
    expect(written.pages).toBe(1);
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(squeeze(pageTexts(file)[0] ?? '')).toContain('案号峡综执罚〔2026〕1号');

    const render = renderWithoutSystemFonts(file, dir('rr-pdf-fc-'));
    expect(render.stderr).toBe('');
    expect(render.ink).toBeGreaterThan(0.002);

    // The check can fail: a PDF that leans on a system font (pdfkit's Helvetica) renders blank there, with a complaint.
    const leaning = path.join(dir('rr-pdf-helv-'), 'helvetica.pdf');
    await new Promise<void>((resolve) => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(fs.writeFileSync(leaning, Buffer.concat(chunks))));
      doc.text('Hello records room');
      doc.end();
    });
    const bare = renderWithoutSystemFonts(leaning, dir('rr-pdf-fc-'));
    expect(bare.stderr).toContain("Couldn't find a font");
    expect(bare.ink).toBe(0);
  });

  it('stamp the footer and "page i of n" on every page, and never split a row that fits a page', async () => {
    const file = path.join(dir('rr-pdf-'), 'long.pdf');
    const rows = Array.from({ length: 60 }, (_, i) => ({ label: `第 ${i + 1} 行`, value: `第${i + 1}行的内容，` + '较长的说明文字'.repeat(8 + (i % 5) * 4) + `（完${i + 1}）` }));
    const written = await writePdf(file, OPTIONS, (w) => w.fields(rows));
    expect(written.pages).toBeGreaterThanOrEqual(3);
    expect(pdfInfo(file).Pages).toBe(String(written.pages));
    const pages = pageTexts(file);
    expect(pages).toHaveLength(written.pages);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('页脚：本页属于测试文书 ABC-123');
      // pdftotext drops the spaces between Chinese and digits.
      expect(squeeze(page)).toContain(`第${i + 1}页/共${written.pages}页`);
    }
    // Each row's whole value is on one page.
    for (const row of rows) expect(pages.filter((p) => squeeze(p).includes(squeeze(row.value)))).toHaveLength(1);
  });

  it('continue a row taller than a page on the next, losing nothing', async () => {
    const file = path.join(dir('rr-pdf-'), 'tall.pdf');
    const value = Array.from({ length: 400 }, (_, i) => `第${i + 1}句。`).join('');
    const footer = OPTIONS.footer ?? '';
    const written = await writePdf(file, OPTIONS, (w) => w.fields([{ label: '长文', value }]));
    expect(written.pages).toBeGreaterThanOrEqual(2);
    const pages = pageTexts(file);
    expect(squeeze(pages[1] ?? '')).toContain('长文（续）');
    const read = pages.map((p, i) => squeeze(p).replace(squeeze(footer), '').replace(`第${i + 1}页/共${pages.length}页`, '').replace(/^长文(（续）)?/, '')).join('');
    expect(read).toBe(value);
  });

  it('lay cells side by side: a table repeats its header on each page, and a row taller than a page continues in every cell', async () => {
    const file = path.join(dir('rr-pdf-'), 'table.pdf');
    const rows = Array.from({ length: 70 }, (_, i) => [String(i + 1), `第${i + 1}项资料`, `说明${i + 1}`]);
    const left = Array.from({ length: 300 }, (_, i) => `甲${i + 1}。`).join('');
    const right = Array.from({ length: 500 }, (_, i) => `乙${i + 1}。`).join('');
    const written = await writePdf(file, OPTIONS, (w) => {
      w.table([{ header: '序号', width: 40, align: 'center' }, { header: '资料' }, { header: '说明', width: 160 }], rows);
      w.row([{ text: '长行', width: 60, label: true }, { text: left, width: 200 }, { text: right }]);
      w.row([{ text: '手写处', width: 60, label: true }, { text: '' }], { minHeight: 80 });
    });
    const pages = pageTexts(file).map(squeeze);
    expect(pages).toHaveLength(written.pages);
    const tablePages = pages.filter((p) => p.includes('项资料'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) expect(page).toContain('序号资料说明');
    for (const [i, row] of rows.entries()) expect(pages.filter((p) => p.includes(`${row.join('')}`)), `row ${i + 1}`).toHaveLength(1);
    // Both long cells read whole, in order, across the pages they run over; the label repeats.
    const left0 = 20 * (72 / 25.4);
    // Only the numbered sentences: the column also holds the table's own rows and the page number.
    const column = (from: number, to: number) => (columnText(file, from, to).match(/[甲乙]\d+。/g) ?? []).join('');
    expect(column(left0 + 60, left0 + 260)).toBe(left);
    expect(column(left0 + 260, 595.28)).toBe(right);
    expect(pages.some((p) => p.includes('长行（续）'))).toBe(true);
    expect(pages.at(-1)).toContain('手写处');
  });

  it('carry their title, author and the given date, and come out byte for byte the same from the same input', async () => {
    const folder = dir('rr-pdf-');
    const draw = (w: Parameters<Parameters<typeof writePdf>[2]>[0]) => w.paragraph('同一份文书');
    await writePdf(path.join(folder, 'a.pdf'), OPTIONS, draw);
    await writePdf(path.join(folder, 'b.pdf'), OPTIONS, draw);
    const info = pdfInfo(path.join(folder, 'a.pdf'));
    expect(info.Title).toBe('测试文书');
    expect(info.Author).toBe('峡口镇综合行政执法办公室');
    expect(info.CreationDate).toBe('2026-12-02T02:15:00Z');
    expect(fs.readFileSync(path.join(folder, 'a.pdf'))).toEqual(fs.readFileSync(path.join(folder, 'b.pdf')));
  });

  it('are written whole or not at all', async () => {
    const folder = dir('rr-pdf-');
    const draw = (w: Parameters<Parameters<typeof writePdf>[2]>[0]) => w.paragraph('内容');
    // No such folder: an error, and nothing anywhere.
    await expect(writePdf(path.join(folder, 'missing', 'a.pdf'), OPTIONS, draw)).rejects.toThrow(/ENOENT/);
    // The rename fails (a folder is in the way): the part file is cleaned up.
    fs.mkdirSync(path.join(folder, 'taken.pdf'));
    await expect(writePdf(path.join(folder, 'taken.pdf'), OPTIONS, draw)).rejects.toThrow();
    // Drawing fails: nothing is written.
    await expect(writePdf(path.join(folder, 'c.pdf'), OPTIONS, () => { throw new Error('layout bug'); })).rejects.toThrow('layout bug');
    expect(fs.readdirSync(folder)).toEqual(['taken.pdf']);
    expect(fs.readdirSync(path.join(folder, 'taken.pdf'))).toEqual([]);
  });
});

describe('the document font', () => {
  const windows = (files: string[]) => {
    const root = dir('rr-windir-');
    fs.mkdirSync(path.join(root, 'Fonts'));
    for (const f of files) fs.writeFileSync(path.join(root, 'Fonts', f), 'placeholder');
    return root;
  };

  it('is the carried Noto Sans SC, unless RECORDS_PDF_FONT names another', () => {
    const carried = documentFont({});
    expect(carried.source).toBe('carried');
    expect(fs.existsSync(carried.regular.file) && fs.existsSync(carried.bold.file)).toBe(true);
    expect(carried.bold.file).toMatch(/NotoSansSC_700Bold\.ttf$/);

    const chosen = documentFont({ RECORDS_PDF_FONT: `${NOTO_CJK}#NotoSansCJKsc-Regular`, WINDIR: windows(['msyh.ttc']) });
    expect(chosen).toMatchObject({ source: 'env', regular: { file: NOTO_CJK, postscriptName: 'NotoSansCJKsc-Regular' } });
    expect(chosen.description).toContain(NOTO_CJK);
  });

  it('falls back to Microsoft YaHei, then SimSun, then gives up with FONT_MISSING', async () => {
    const both = windows(['msyh.ttc', 'msyhbd.ttc', 'simsun.ttc']);
    expect(documentFont({ WINDIR: both }, null)).toMatchObject({
      source: 'windows',
      regular: { file: path.join(both, 'Fonts', 'msyh.ttc'), postscriptName: 'MicrosoftYaHei' },
      bold: { file: path.join(both, 'Fonts', 'msyhbd.ttc'), postscriptName: 'MicrosoftYaHei-Bold' },
    });
    const simsun = windows(['simsun.ttc']);
    expect(documentFont({ WINDIR: simsun }, null)).toMatchObject({ source: 'windows', regular: { postscriptName: 'SimSun' }, bold: { postscriptName: 'SimSun' } });
    expect(await codeOf(async () => documentFont({ WINDIR: windows([]) }, null))).toBe('FONT_MISSING');
    // A setting that names a missing file is an error, not a quiet switch to another font.
    expect(await codeOf(async () => documentFont({ RECORDS_PDF_FONT: path.join(simsun, 'nope.ttf') }))).toBe('FONT_MISSING');
    expect(carriedFont()).not.toBeNull();
  });

  it.runIf(fs.existsSync(NOTO_CJK))('prints with a font collection named by RECORDS_PDF_FONT, and refuses one it cannot load', async () => {
    const folder = dir('rr-pdf-');
    const font = documentFont({ RECORDS_PDF_FONT: `${NOTO_CJK}#NotoSansCJKsc-Regular` });
    const file = path.join(folder, 'env.pdf');
    await writePdf(file, { ...OPTIONS, font }, (w) => w.paragraph('系统字体'));
    expect(pdfFonts(file).map((f) => [f.name.replace(/^[A-Z]{6}\+/, ''), f.embedded])).toEqual([['NotoSansCJKsc-Regular', true]]);
    expect(squeeze(pageTexts(file)[0] ?? '')).toContain('系统字体');

    const wrong = documentFont({ RECORDS_PDF_FONT: `${NOTO_CJK}#NoSuchFace` });
    expect(await codeOf(() => writePdf(path.join(folder, 'wrong.pdf'), { ...OPTIONS, font: wrong }, (w) => w.paragraph('x')))).toBe('FONT_MISSING');
    expect(fs.readdirSync(folder)).toEqual(['env.pdf']);
  });
});
