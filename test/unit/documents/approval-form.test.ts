import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeApprovalForm, type ApprovalForm } from '../../../electron/core/documents/approval-form.js';
import { columnText, pageTexts, pdfFonts, pdfInfo, renderWithoutSystemFonts, squeeze, wordBoxes } from '../../support/pdf.js';
import { scratch } from '../../support/test-app.js';

const dir = scratch();
const NOW = new Date('2026-12-02T02:15:00Z');
const MM = 72 / 25.4;
const PAGE = { left: 20 * MM, right: 595.28 - 20 * MM, bottom: 841.89 - 24 * MM };
const SCAN = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const CHAIN = { seq: 1842, hash: 'a3c1e0b29f7d4c5e8a6b1f0d2c3e4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5' };
const PARTY_NOTE = '当事人只可查看，不得复制、摘录或拍摄。';

const PENDING: ApprovalForm = {
  office: '峡口镇综合行政执法办公室',
  number: '2026-S0007',
  kind: 'party_view',
  caseNo: '峡综执罚〔2026〕12号',
  caseCause: '占道经营',
  requester: { name: '王某某', role: '当事人', department: null, idType: '居民身份证', idNumber: '330327198801012345', relation: '本案当事人', contact: '138 0000 1234' },
  items: [
    { label: '记录 #12 T001_000123_20261120093000_0001.MP4', detail: '人民路 12 号门前，时长 00:05:25' },
    { label: '记录 #13 T001_000123_20261120094000_0002.MP4', detail: null },
  ],
  purpose: '核对执法过程，准备陈述申辩意见。',
  content: '查看 2026-11-20 上午人民路现场执法录像两段。',
  window: { from: '2026-12-03 09:00', to: '2026-12-03 11:00' },
  requestedAt: '2026-12-02 10:15',
  requestedBy: '王秀兰',
  decision: null,
  chainHead: null,
};

const OFFICER = { name: '张建国', role: '执法人员', department: '执法一中队', idType: null, idNumber: null, relation: null, contact: null };

async function write(form: ApprovalForm): Promise<{ file: string; pages: string[] }> {
  const file = path.join(dir('rr-approval-'), 'approval.pdf');
  const written = await writeApprovalForm(file, form, NOW);
  expect(written.font).toContain('Noto Sans SC');
  return { file, pages: pageTexts(file).map(squeeze) };
}

const count = (text: string, part: string) => text.split(part).length - 1;

/** Every word inside the margins, and none straddling the line above the footer. */
function expectInsideMargins(file: string): void {
  for (const [i, page] of wordBoxes(file).entries())
    for (const word of page) {
      const where = `page ${i + 1}: "${word.text}" at ${word.xMin.toFixed(0)},${word.yMin.toFixed(0)}`;
      expect(word.xMin, where).toBeGreaterThanOrEqual(PAGE.left - 0.5);
      expect(word.xMax, where).toBeLessThanOrEqual(PAGE.right + 0.5);
      expect(word.yMax <= PAGE.bottom || word.yMin >= PAGE.bottom + 8, where).toBe(true);
    }
}

describe('the viewing and lending approval form', () => {
  it('undecided, prints every fact of the request, boxes for both leaders to sign on paper, and the no-copying note for a party', async () => {
    const { file, pages } = await write(PENDING);
    expect(pages).toHaveLength(1);
    const page = pages[0] ?? '';
    for (const fact of [
      '执法音像资料查阅审批表',
      '填表单位：峡口镇综合行政执法办公室',
      '编号：2026-S0007',
      '一、申请人',
      '姓名王某某',
      '身份当事人',
      '单位/部门（无）',
      '联系方式13800001234',
      '证件类型居民身份证',
      '证件号码330327198801012345',
      '与案件关系本案当事人',
      '二、申请事项（共2项）',
      '申请类别当事人查阅',
      '案号峡综执罚〔2026〕12号',
      '案由占道经营',
      '序号申请查阅的资料说明',
      '1记录#12T001_000123_20261120093000_0001.MP4人民路12号门前，时长00:05:25',
      '2记录#13T001_000123_20261120094000_0002.MP4',
      '三、查阅目的和内容',
      '查阅目的核对执法过程，准备陈述申辩意见。',
      '查阅内容查看2026-11-20上午人民路现场执法录像两段。',
      '四、时间范围',
      '查阅时间2026-12-0309:00至2026-12-0311:00',
      '申请时间2026-12-0210:15登记人王秀兰',
      `查阅须知${PARTY_NOTE}`,
      '已知悉上述查阅须知，以上所填内容属实。',
      '五、审批意见',
      '分管领导意见',
      '主要负责人意见',
    ])
      expect(page, fact).toContain(fact);
    // The applicant and both leaders each sign and date.
    expect(count(page, '签名：')).toBe(3);
    expect(count(page, '日期：年月日')).toBe(3);
    expect(page).not.toContain('审批结果');
    expect(page).toContain('审批编号：2026-S0007审计链头：未审批第1页/共1页');

    const info = pdfInfo(file);
    expect(info.Title).toBe('执法音像资料查阅审批表 2026-S0007');
    expect(info.Author).toBe('峡口镇综合行政执法办公室');
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    const render = renderWithoutSystemFonts(file, dir('rr-approval-fc-'));
    expect(render.stderr).toBe('');
    expect(render.ink).toBeGreaterThan(0.01);
    expectInsideMargins(file);
  });

  it('decided in the program, prints the decision and the audit chain head in place of the boxes to sign', async () => {
    const form: ApprovalForm = {
      ...PENDING,
      kind: 'officer_view',
      requester: OFFICER,
      decision: { outcome: 'approved', by: '李建华', role: '分管领导', at: '2026-12-02 14:30', reason: null, narrowed: null, source: 'app', paperScanSha256: null },
      chainHead: CHAIN,
    };
    const { file, pages } = await write(form);
    expect(pages).toHaveLength(1);
    const page = pages[0] ?? '';
    for (const fact of [
      '申请类别执法人员查阅',
      '单位/部门执法一中队联系方式（无）',
      '证件类型（无）证件号码（无）',
      '与案件关系（无）',
      '五、审批意见',
      '审批结果批准审批方式系统内审批',
      '审批人李建华（分管领导）审批时间2026-12-0214:30',
      '审批意见（无）',
      '范围调整未调整，按申请事项批准',
      `审计链头第1842条${CHAIN.hash}`,
      '以上所填内容属实。',
    ])
      expect(page, fact).toContain(fact);
    for (const absent of ['分管领导意见', '主要负责人意见', '纸质审批录入', '审批单扫描件', PARTY_NOTE, '已知悉']) expect(page, absent).not.toContain(absent);
    // Only the applicant still signs.
    expect(count(page, '签名：')).toBe(1);
    expect(page).toContain(`审批编号：2026-S0007审计链头：第1842条${CHAIN.hash}第1页/共1页`);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    expectInsideMargins(file);
  });

  it('decided on paper, says it was entered from paper and names the scan; a loan asks for the item back by the end of its term', async () => {
    const form: ApprovalForm = {
      ...PENDING,
      kind: 'department_borrow',
      requester: { name: '陈立新', role: '其他部门', department: '峡口镇自然资源所', idType: '工作证', idNumber: 'ZR-0412', relation: null, contact: '0570-1234567' },
      items: [{ label: '光盘 2026-G0001', detail: '峡综执罚〔2026〕12号 第 1 张 / 共 2 张' }],
      decision: { outcome: 'rejected', by: '赵志强', role: '主要负责人', at: '2026-12-02 16:05', reason: '借阅理由不充分，可改为到档案室查阅。', narrowed: null, source: 'paper', paperScanSha256: SCAN },
      chainHead: CHAIN,
    };
    const { file, pages } = await write(form);
    const page = pages.join('');
    for (const fact of [
      '执法音像资料借阅审批表',
      '申请类别其他部门借阅',
      '序号申请借阅的资料说明',
      '1光盘2026-G0001峡综执罚〔2026〕12号第1张/共2张',
      '三、借阅目的和内容',
      '借阅目的核对执法过程',
      '借阅期限2026-12-0309:00至2026-12-0311:00',
      '归还要求借阅资料须于2026-12-0311:00前归还',
      '已知悉上述归还要求，以上所填内容属实。',
      '审批结果不予批准审批方式纸质审批录入',
      '审批人赵志强（主要负责人）审批时间2026-12-0216:05',
      '审批意见借阅理由不充分，可改为到档案室查阅。',
      `审批单扫描件SHA-256：${SCAN}`,
    ])
      expect(page, fact).toContain(fact);
    expect(page).not.toContain('范围调整');
    expect(page).not.toContain(PARTY_NOTE);
    expect(pdfInfo(file).Title).toBe('执法音像资料借阅审批表 2026-S0007');

    // A narrowed approval says what was narrowed; a paper decision without its scan says so.
    const narrowed = await write({ ...form, decision: { ...form.decision!, outcome: 'approved', reason: '同意。', narrowed: '只借第 1 张光盘，第 2 张不借', paperScanSha256: null } });
    expect(narrowed.pages.join('')).toContain('范围调整只借第1张光盘，第2张不借');
    expect(narrowed.pages.join('')).toContain('审批单扫描件（未附扫描件）');
  });

  it('is titled for viewing or for borrowing by its kind', async () => {
    for (const [kind, title] of [['department_view', '查阅'], ['lend_item', '借阅']] as const) {
      const { file, pages } = await write({ ...PENDING, kind, requester: OFFICER });
      expect(pdfInfo(file).Title).toBe(`执法音像资料${title}审批表 2026-S0007`);
      expect(pages[0]).toContain(kind === 'lend_item' ? '申请类别实物借阅（光盘、纸质卷宗）' : '申请类别其他部门查阅');
    }
  });

  it('runs a long purpose and thirty items over pages inside the margins, with the header, footer and page count on each', async () => {
    const purpose = Array.from({ length: 100 }, (_, i) => `目${String(i + 1).padStart(3, '0')}。`).join('');
    expect(purpose).toHaveLength(500);
    const items = Array.from({ length: 30 }, (_, i) => ({
      label: i % 7 === 3 ? `记录 #${200 + i} ${'T001_0123456789ABCDEF'.repeat(5)}.MP4` : `记录 #${200 + i} T001_000123_202611200930${String(i).padStart(2, '0')}_0001.MP4`,
      detail: i % 3 === 0 ? `人民路沿街商户${i + 1}号，现场执法录像，证明占道经营的事实。` : null,
    }));
    const form: ApprovalForm = {
      ...PENDING,
      kind: 'officer_view',
      requester: { ...OFFICER, department: '峡口镇综合行政执法办公室执法一中队（城镇管理、市场监管、环境卫生综合执法）' },
      items,
      purpose,
      content: '查看上述全部录像，'.repeat(20),
    };
    const { file, pages } = await write(form);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pdfInfo(file).Pages).toBe(String(pages.length));
    for (const [i, page] of pages.entries()) expect(page, `page ${i + 1}`).toContain(`审批编号：2026-S0007审计链头：未审批第${i + 1}页/共${pages.length}页`);

    // Each item once, whole, in order; the table's header again on every page it continues on.
    const itemColumn = columnText(file, PAGE.left + 42, PAGE.right - 150);
    let from = 0;
    for (const item of items) {
      const at = itemColumn.indexOf(squeeze(item.label), from);
      expect(at, item.label).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    const tablePages = pages.filter((p) => p.includes('T001_'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) expect(page).toContain('序号申请查阅的资料说明');
    // The purpose reads whole down its column.
    expect(columnText(file, PAGE.left + 84, PAGE.right)).toContain(purpose);
    // Both leaders' boxes on the one page.
    expect(pages.filter((p) => p.includes('分管领导意见') && p.includes('主要负责人意见'))).toHaveLength(1);
    expectInsideMargins(file);
  });
});
