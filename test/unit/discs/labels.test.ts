import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLabelsPdf, type LabelDisc } from '../../../electron/core/discs/labels.js';
import { pageTexts, pdfFonts, pdfInfo, renderWithoutSystemFonts, squeeze, wordBoxes, type WordBox } from '../../support/pdf.js';
import { scratch } from '../../support/test-app.js';

const dir = scratch();
const MM = 72 / 25.4;
const NOW = new Date('2026-12-02T02:15:00Z');
const TAG = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const DISC: LabelDisc = {
  caseNo: '峡综执罚〔2026〕1号',
  parties: '王某某',
  filedOn: '2026-11-20',
  disc: { index: 1, count: 3 },
  shortId: 'GP-2026-0007',
  tagmanifestSha256: TAG,
  medium: 'DVD 4.7 GB',
  office: '峡口镇综合行政执法办公室',
};

// Where the page puts them: the 120 mm insert centred 14 mm from the top, the Φ116 mm disc 12 mm below it.
const A4_WIDTH = 595.28;
const SQUARE = { x: (A4_WIDTH - 120 * MM) / 2, y: 14 * MM, size: 120 * MM };
const CENTRE = { x: A4_WIDTH / 2, y: (14 + 120 + 12 + 58) * MM };

/** True if the whole box is inside the disc and clear of the hub hole. */
function onDiscFace(box: WordBox): boolean {
  const corners = [[box.xMin, box.yMin], [box.xMax, box.yMin], [box.xMin, box.yMax], [box.xMax, box.yMax]] as const;
  const inside = corners.every(([x, y]) => Math.hypot(x - CENTRE.x, y - CENTRE.y) <= 58 * MM);
  const nearestX = Math.min(Math.max(CENTRE.x, box.xMin), box.xMax);
  const nearestY = Math.min(Math.max(CENTRE.y, box.yMin), box.yMax);
  return inside && Math.hypot(nearestX - CENTRE.x, nearestY - CENTRE.y) >= 20.5 * MM;
}

function inSquare(box: WordBox): boolean {
  return box.xMin >= SQUARE.x && box.xMax <= SQUARE.x + SQUARE.size && box.yMin >= SQUARE.y && box.yMax <= SQUARE.y + SQUARE.size;
}

describe('disc labels', () => {
  it('print an insert and a disc face per disc, each with the case, the disc number and the whole hash, all inside the cut lines', async () => {
    const file = path.join(dir('rr-labels-'), 'labels.pdf');
    const crowded: LabelDisc = {
      ...DISC,
      caseNo: '峡口镇综合行政执法办公室综执罚〔2026〕第 10023 号',
      parties: '峡口镇人民路沿街商户王某某、李某某、张某某、赵某某、钱某某、孙某某、周某某、吴某某、郑某某等 12 人',
      filedOn: null,
      disc: { index: 2, count: 3 },
      shortId: 'GP-2026-0008',
    };
    const endless = { ...DISC, parties: '当事人甲、'.repeat(80), disc: { index: 3, count: 3 }, shortId: 'GP-2026-0009' };
    const written = await writeLabelsPdf(file, [DISC, crowded, endless], NOW);
    expect(written.font).toContain('Noto Sans SC');
    expect(pdfInfo(file).Pages).toBe('3');

    const pages = pageTexts(file).map(squeeze);
    const count = (text: string, part: string) => text.split(part).length - 1;
    for (const [i, d] of [DISC, crowded, endless].entries()) {
      const page = pages[i] ?? '';
      // Insert and disc face both carry each fact.
      for (const fact of [d.caseNo, `第${d.disc.index}张/共3张`, d.shortId, d.medium, TAG.slice(0, 32), TAG.slice(32)]) expect(count(page, squeeze(fact)), fact).toBe(2);
      expect(count(page, `立案日期${d.filedOn ?? '（无）'}`) + count(page, `立案日期：${d.filedOn ?? '（无）'}`)).toBe(2);
    }
    expect(count(pages[0] ?? '', '王某某')).toBe(2);
    expect(count(pages[1] ?? '', '郑某某等12人')).toBe(2);
    expect(pages[2]).toContain('…');

    for (const [i, page] of wordBoxes(file).entries()) {
      const words = page.filter((w) => w.yMax < 273 * MM);
      expect(words.length).toBeGreaterThan(20);
      for (const word of words) {
        const where = word.yMin < SQUARE.y + SQUARE.size ? inSquare(word) : onDiscFace(word);
        expect(where, `page ${i + 1}: "${word.text}" at ${word.xMin.toFixed(0)},${word.yMin.toFixed(0)}`).toBe(true);
      }
    }

    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    const render = renderWithoutSystemFonts(file, dir('rr-labels-fc-'));
    expect(render.stderr).toBe('');
    expect(render.ink).toBeGreaterThan(0.005);
  });
});
