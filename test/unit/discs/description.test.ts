import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptionText, durationText, humanSize, sizeText, writeDescriptionPdf, type DescribedRecord, type DescriptionDoc } from '../../../electron/core/discs/description.js';
import { pageTexts, pdfFonts, pdfInfo, renderWithoutSystemFonts, squeeze, wordBoxes } from '../../support/pdf.js';
import { BAG_INFO } from '../../support/bag.js';
import { scratch } from '../../support/test-app.js';

const dir = scratch();
const TAG = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const NOW = new Date('2026-12-02T02:15:00Z');

function record(i: number): DescribedRecord {
  return {
    recordId: 100 + i,
    discPath: `data/T001_000123_2026112009${30 + i}00_000${i}.MP4`,
    originalName: `T001_000123_2026112009${30 + i}00_000${i}.MP4`,
    collectors: ['张建国', '李明'],
    collectedAt: `2026-11-20 09:${30 + i}`,
    place: `峡口镇人民路 ${10 + i} 号门前人行道`,
    statement: `证明当事人占道经营的事实（第 ${i} 段）。`,
    camera: `DSJ-T001（序列号 SN88230${i}）`,
    officer: '张建国（警号 041203）',
    recordedAt: `2026-11-20 09:${30 + i}:00`,
    durationSeconds: 325 + i,
    size: 1288490188 + i,
    sha256: `${i}`.repeat(8) + 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b',
    sm3: `${i}`.repeat(8) + '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb',
  };
}

function doc(records: DescribedRecord[]): DescriptionDoc {
  return {
    ...BAG_INFO,
    disc: { index: 2, count: 3 },
    preparedAt: '2026-12-02 10:15',
    preparedBy: '王秀兰',
    records,
  };
}

describe('the written description', () => {
  it('goes in the bag as CRLF text with every fact, and without the tag manifest hash it cannot know', () => {
    const unknown = { ...record(1), camera: null, officer: null, recordedAt: null, durationSeconds: null, statement: '第一行\n第二行' };
    const text = descriptionText(doc([unknown, record(2)]));
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('执法音像资料文字说明');
    for (const line of ['办案单位：峡口镇综合行政执法办公室（XK-01）', '案号：峡综执罚〔2026〕1号', '立案日期：2026-11-20', '光盘：第 2 张 / 共 3 张', '制作人：王秀兰'])
      expect(lines).toContain(line);
    for (const line of ['【第 1 条　记录号 101】', '取证人员：张建国、李明', '执法记录仪：（无）', '录制时间：（无）', '时长：（无）', '证明对象/内容：', '    第一行', '    第二行'])
      expect(lines).toContain(line);
    expect(lines).toContain(`SHA-256：${record(2).sha256}`);
    expect(lines).toContain(`SM3：${record(2).sm3}`);
    expect(lines).toContain('文件大小：1.2 GB（1,288,490,190 字节）');
    expect(lines).toContain('光盘内路径：data/T001_000123_20261120093200_0002.MP4');
    expect(text).not.toContain('tagmanifest');
  });

  it('says sizes as Explorer does, with the exact bytes, and durations as a clock', () => {
    expect(humanSize(512)).toBe('512 B');
    expect(humanSize(1536)).toBe('1.5 KB');
    expect(humanSize(4_700_000_000)).toBe('4.4 GB');
    expect(sizeText(1288490188)).toBe('1.2 GB（1,288,490,188 字节）');
    expect(durationText(3725.4)).toBe('01:02:05');
    expect(durationText(null)).toBe('（无）');
  });

  it('prints every record, keeps each on one page, and carries the disc hash at the foot of every page', async () => {
    const folder = dir('rr-desc-');
    const file = path.join(folder, 'description.pdf');
    const records = [1, 2, 3, 4, 5, 6, 7].map(record);
    const long = { ...record(8), originalName: `T001_${'0123456789abcdef'.repeat(8)}.MP4`, discPath: `data/现场执法录像_${'很长的文件名'.repeat(12)}.MP4`, statement: '当事人在人行道摆摊经营水果，经劝导后拒不改正。'.repeat(6) };
    const written = await writeDescriptionPdf(file, doc([...records, long]), TAG, NOW);
    expect(written.font).toContain('Noto Sans SC');

    const pages = pageTexts(file);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pdfInfo(file).Pages).toBe(String(pages.length));
    for (const [i, page] of pages.entries()) {
      expect(squeeze(page)).toContain(`光盘校验值（tagmanifest-sha256.txt的SHA-256）：${TAG}`);
      expect(squeeze(page)).toContain(`第${i + 1}页/共${pages.length}页`);
    }
    const first = squeeze(pages[0] ?? '');
    for (const fact of ['执法音像资料文字说明', '峡口镇综合行政执法办公室（XK-01）', '峡综执罚〔2026〕1号', '占道经营', '王某某', '2026-11-20', '第2张/共3张', '2026-12-0210:15', '王秀兰'])
      expect(first).toContain(fact);
    for (const r of [...records, long]) {
      const facts = [`记录号${r.recordId}`, '张建国、李明', r.collectedAt, r.place, r.statement, r.originalName, r.discPath, r.camera, r.officer, r.recordedAt, durationText(r.durationSeconds), sizeText(r.size), r.sha256, r.sm3];
      const holding = pages.filter((p) => facts.every((f) => squeeze(p).includes(squeeze(f ?? ''))));
      expect(holding, `record ${r.recordId} whole on one page`).toHaveLength(1);
    }
    expect(squeeze(pages.at(-1) ?? '')).toMatch(/制作人（签名）：.*日期：年月日审核人（签名）：.*日期：年月日/);

    // Nothing runs past the right edge of the table, hashes and long names included.
    const right = 595.28 - 20 * (72 / 25.4);
    for (const page of wordBoxes(file)) for (const word of page) expect(word.xMax, word.text).toBeLessThanOrEqual(right);

    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    const render = renderWithoutSystemFonts(file, dir('rr-desc-fc-'));
    expect(render.stderr).toBe('');
    expect(render.ink).toBeGreaterThan(0.01);
  });
});
