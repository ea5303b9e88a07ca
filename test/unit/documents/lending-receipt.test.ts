import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLendingReceipt, type LendingReceipt } from '../../../electron/core/documents/lending-receipt.js';
import { columnText, pageTexts, pdfFonts, pdfInfo, renderWithoutSystemFonts, squeeze, wordBoxes } from '../../support/pdf.js';
import { scratch } from '../../support/test-app.js';

const dir = scratch();
const NOW = new Date('2026-12-03T01:20:00Z');
const MM = 72 / 25.4;
const PAGE = { left: 20 * MM, right: 595.28 - 20 * MM, bottom: 841.89 - 24 * MM };

const ON_LOAN: LendingReceipt = {
  office: '峡口镇综合行政执法办公室',
  number: '2026-J0003',
  approvalNumber: '2026-S0007',
  item: { label: '光盘 2026-G0001', detail: '峡综执罚〔2026〕12号 第 1 张 / 共 2 张，DVD 4.7 GB' },
  borrower: { name: '陈立新', department: '峡口镇自然资源所', contact: '0570-1234567' },
  lentAt: '2026-12-03 09:20',
  dueOn: '2026-12-10',
  lentBy: '王秀兰',
  returned: null,
};

async function write(r: LendingReceipt): Promise<{ file: string; pages: string[] }> {
  const file = path.join(dir('rr-receipt-'), 'receipt.pdf');
  const written = await writeLendingReceipt(file, r, NOW);
  expect(written.font).toContain('Noto Sans SC');
  return { file, pages: pageTexts(file).map(squeeze) };
}

const count = (text: string, part: string) => text.split(part).length - 1;

function expectInsideMargins(file: string): void {
  for (const [i, page] of wordBoxes(file).entries())
    for (const word of page) {
      const where = `page ${i + 1}: "${word.text}" at ${word.xMin.toFixed(0)},${word.yMin.toFixed(0)}`;
      expect(word.xMin, where).toBeGreaterThanOrEqual(PAGE.left - 0.5);
      expect(word.xMax, where).toBeLessThanOrEqual(PAGE.right + 0.5);
      expect(word.yMax <= PAGE.bottom || word.yMin >= PAGE.bottom + 8, where).toBe(true);
    }
}

describe('the lending receipt', () => {
  it('on loan, prints the item, borrower and due date, lines for borrower and archivist to sign, and a return part to fill in by hand', async () => {
    const { file, pages } = await write(ON_LOAN);
    expect(pages).toHaveLength(1);
    const page = pages[0] ?? '';
    for (const fact of [
      '档案资料借阅单',
      '填表单位：峡口镇综合行政执法办公室',
      '编号：2026-J0003',
      '物品名称光盘2026-G0001',
      '说明峡综执罚〔2026〕12号第1张/共2张，DVD4.7GB',
      '审批编号2026-S0007',
      '姓名陈立新联系方式0570-1234567',
      '单位/部门峡口镇自然资源所',
      '借出时间2026-12-0309:20应还日期2026-12-10',
      '经办人王秀兰（档案管理员）',
      '借阅须知借阅期间妥善保管，不得转借、涂改或损毁，并于应还日期前归还。',
      '借阅人签名',
      '已收到上述物品，知悉借阅须知。',
      '经办人签名（档案管理员）',
      '四、归还（归还时填写）',
      '归还日期',
      '□完好□有损坏□有缺失',
      '情况说明：',
      '接收人签名',
    ])
      expect(page, fact).toContain(fact);
    // Borrower, archivist and the one who takes it back each sign and date; the return date is a blank too.
    expect(count(page, '签名：')).toBe(3);
    expect(count(page, '年月日')).toBe(4);
    expect(page).toContain('借阅单号：2026-J0003审批编号：2026-S0007第1页/共1页');

    const info = pdfInfo(file);
    expect(info.Title).toBe('档案资料借阅单 2026-J0003');
    expect(info.Author).toBe('峡口镇综合行政执法办公室');
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    const render = renderWithoutSystemFonts(file, dir('rr-receipt-fc-'));
    expect(render.stderr).toBe('');
    expect(render.ink).toBeGreaterThan(0.01);
    expectInsideMargins(file);
  });

  it('returned, prints the return as recorded instead of blanks', async () => {
    const { pages } = await write({ ...ON_LOAN, approvalNumber: null, borrower: { ...ON_LOAN.borrower, contact: null }, returned: { at: '2026-12-09 15:40', condition: '完好，盘面无划痕，可正常读取', receivedBy: '李娟' } });
    const page = pages[0] ?? '';
    for (const fact of ['四、归还', '归还时间2026-12-0915:40接收人李娟', '归还时状况完好，盘面无划痕，可正常读取', '审批编号（无）', '联系方式（无）']) expect(page, fact).toContain(fact);
    for (const absent of ['归还时填写', '□', '情况说明', '接收人签名']) expect(page, absent).not.toContain(absent);
    expect(count(page, '签名：')).toBe(2);
    expect(page).toContain('借阅单号：2026-J0003审批编号：（无）第1页/共1页');
  });

  it('wraps a long paper file description inside its cell and keeps everything inside the margins', async () => {
    const detail = Array.from({ length: 60 }, (_, i) => `第${i + 1}册卷宗。`).join('');
    const { file, pages } = await write({
      ...ON_LOAN,
      item: { label: `纸质卷宗 峡综执罚〔2026〕12号 ${'ABCDEFGHIJ0123456789'.repeat(4)}`, detail },
      borrower: { ...ON_LOAN.borrower, department: '峡口镇人民政府党政综合办公室（党建工作办公室、宣传统战办公室、信访工作办公室）' },
    });
    expect(pdfInfo(file).Pages).toBe(String(pages.length));
    expect(columnText(file, PAGE.left + 96, PAGE.right)).toContain(detail);
    for (const [i, page] of pages.entries()) expect(page).toContain(`借阅单号：2026-J0003审批编号：2026-S0007第${i + 1}页/共${pages.length}页`);
    expectInsideMargins(file);
  });
});
