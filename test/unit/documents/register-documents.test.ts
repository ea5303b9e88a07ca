import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loanRegister, viewingRegister, type RegisterContext } from '../../../electron/core/approvals/register-tables.js';
import { writeRegisterPdf } from '../../../electron/core/documents/register-pdf.js';
import { writeRegisterXlsx } from '../../../electron/core/documents/register-xlsx.js';
import type { LoanDto } from '../../../shared/contract/loans-dto.js';
import type { ViewingDto } from '../../../shared/contract/viewings-dto.js';
import { pageTexts, pdfFonts, pdfInfo, renderWithoutSystemFonts, squeeze, wordBoxes } from '../../support/pdf.js';
import { scratch } from '../../support/test-app.js';

const dir = scratch();
const MM = 72 / 25.4;
/** A4 landscape inside 20 mm margins, the footer 24 mm from the foot. */
const PAGE = { left: 20 * MM, right: 841.89 - 20 * MM, bottom: 595.28 - 24 * MM };
const CONTEXT: RegisterContext = { office: '峡口镇综合行政执法办公室', exportedBy: '县局周某', now: new Date('2026-12-01T02:00:00Z'), timeZone: 'Asia/Shanghai' };

/** A month of viewings: parties and departments, one or two clips each, the last still open. */
function viewings(n: number): ViewingDto[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    requestId: i + 1,
    approvalNumber: `2026-S${String(i + 1).padStart(4, '0')}`,
    kind: i % 2 ? 'department_view' : 'party_view',
    person: i % 2 ? '赵科长' : '王某某',
    caseNo: '峡综执罚〔2026〕12号',
    purpose: i % 3 ? '了解处罚依据' : '行政复议审查，需要核对现场执法过程中当事人的陈述和执法人员的告知是否完整',
    content: '2026-11-20 上午集贸市场东门的现场执法录像',
    idCheck: i % 2 ? '核对工作证' : '核对居民身份证',
    items: [
      { recordId: 1, name: 'T001_000123_20261120093000_0001.MP4', mediaType: 'video' },
      ...(i % 2 ? [{ recordId: 2, name: 'T001_000123_20261120093500_0002.MP4', mediaType: 'video' }] : []),
    ],
    window: { from: '2026-11-01T01:00:00.000Z', to: '2026-11-30T09:00:00.000Z' },
    openedAt: new Date(Date.parse('2026-11-02T01:30:00Z') + i * 17 * 3_600_000).toISOString(),
    openedBy: '王秀兰',
    workstation: '档案室工作站',
    closedAt: i === n - 1 ? null : new Date(Date.parse('2026-11-02T02:10:00Z') + i * 17 * 3_600_000).toISOString(),
    closeReason: i === n - 1 ? null : i % 5 === 4 ? 'expired' : 'closed',
    closeNote: null,
    events: [
      { recordId: 1, at: '2026-11-02T01:31:00.000Z', event: 'play', position: 0 },
      { recordId: 1, at: '2026-11-02T01:35:00.000Z', event: 'pause', position: 240 },
    ],
  }));
}

const LOAN: LoanDto = {
  id: 1,
  number: '2026-J0001',
  requestId: 3,
  approvalNumber: '2026-S0003',
  item: { kind: 'disc', id: 1, label: '2026-G0001' },
  caseNo: '峡综执罚〔2026〕12号',
  borrower: { name: '陈立新', department: '峡口镇自然资源所', contact: '0570-1234567' },
  lentAt: '2026-11-24T01:20:00.000Z',
  lentBy: '王秀兰',
  dueOn: '2026-11-27',
  returnedAt: '2026-11-30T07:40:00.000Z',
  receivedBy: '李娟',
  condition: '完好，盘面无划痕',
  overdueDays: 3,
};

describe('a register as a document', () => {
  it('prints page after page of A4 landscape with the headings on each, inside the margins, in its own font', async () => {
    const file = path.join(dir('rr-register-pdf-'), 'viewings.pdf');
    const doc = viewingRegister(viewings(40), { from: '2026-11-01', to: '2026-11-30' }, CONTEXT);
    const written = await writeRegisterPdf(file, doc, CONTEXT.now);
    expect(written.font).toContain('Noto Sans SC');
    const pages = pageTexts(file).map(squeeze);
    expect(written.pages).toBe(pages.length);
    expect(pages.length).toBeGreaterThan(2);
    for (const [i, page] of pages.entries()) {
      // Every sheet says which register, which period, and where it stands in the whole.
      for (const fact of ['审批编号', '查阅时间', '查阅的资料', `执法音像资料查阅登记簿期间：2026-11-01至2026-11-30导出时间：2026-12-0110:00第${i + 1}页/共${pages.length}页`])
        expect(page, `page ${i + 1}: ${fact}`).toContain(fact);
    }
    expect(pages[0]).toContain('期间：2026-11-01至2026-11-30共40条导出人：县局周某');
    // Every entry once, in the order of the register.
    const numbers = pages.join('').match(/2026-S\d{4}/g) ?? [];
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => `2026-S${String(i + 1).padStart(4, '0')}`));
    expect(pdfInfo(file)['Page size']).toMatch(/^841\.89 x 595\.28/);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    for (const [i, page] of wordBoxes(file).entries())
      for (const word of page) {
        const where = `page ${i + 1}: "${word.text}" at ${word.xMin.toFixed(0)},${word.yMin.toFixed(0)}`;
        expect(word.xMin, where).toBeGreaterThanOrEqual(PAGE.left - 0.5);
        expect(word.xMax, where).toBeLessThanOrEqual(PAGE.right + 0.5);
        expect(word.yMax <= PAGE.bottom || word.yMin >= PAGE.bottom + 8, where).toBe(true);
      }
    const render = renderWithoutSystemFonts(file, dir('rr-register-fc-'));
    expect(render.stderr).toBe('');
    expect(render.ink).toBeGreaterThan(0.01);
  });

  it('says so when nothing matched, rather than printing a bare table', async () => {
    const file = path.join(dir('rr-register-pdf-'), 'loans.pdf');
    await writeRegisterPdf(file, loanRegister([], { state: 'overdue' }, CONTEXT), CONTEXT.now);
    const page = squeeze(pageTexts(file)[0] ?? '');
    expect(page).toContain('期间：全部筛选：状态：逾期未还');
    expect(page).toContain('共0条');
    expect(page).toContain('借阅单号审批编号借阅物品借阅人');
    expect(page).toContain('（本期间内没有符合条件的登记。）');
  });

  it('exports a spreadsheet that prints one page wide, headings repeated and filterable, the lent disc with its case', async () => {
    const file = path.join(dir('rr-register-xlsx-'), 'loans.xlsx');
    await writeRegisterXlsx(file, loanRegister([LOAN], { borrower: '自然资源' }, CONTEXT), CONTEXT.now);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.creator).toBe('Records Room');
    expect(book.created.toISOString()).toBe(CONTEXT.now.toISOString());
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('档案资料借阅登记簿');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    expect(sheet.autoFilter).toBe('A4:K4');
    expect(String(sheet.getCell('A2').value)).toBe('期间：全部\u3000\u3000筛选：借阅人或单位含“自然资源”');
    expect(sheet.getCell('C5').value).toBe('光盘 2026-G0001\n案件 峡综执罚〔2026〕12号');
    expect(sheet.getCell('C5').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // Office times (UTC+8) as dates that read the same wherever the file is opened.
    expect((sheet.getCell('E5').value as Date).toISOString()).toBe('2026-11-24T09:20:00.000Z');
    expect((sheet.getCell('H5').value as Date).toISOString()).toBe('2026-11-30T15:40:00.000Z');
    expect((sheet.getCell('G5').value as Date).toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(sheet.getCell('K5').value).toBe(3);
    // Wide enough for a date and time on one line.
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(16);
  });
});
