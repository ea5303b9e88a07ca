import { viewingRegister } from '../../../electron/core/approvals/register-tables.js';
import type { RegisterDocument } from '../../../electron/core/documents/register-document.js';
import { pdfColumns } from '../../../electron/core/documents/register-pdf.js';
import { describe, expect, it } from 'vitest';
import { approvalsOffice, hours } from '../../support/approvals.js';
import { pageTexts, pdfInfo, squeeze, wordBoxes } from '../../support/pdf.js';
import { KEEPER, appPerTest, codeOf, scratch } from '../../support/test-app.js';
import { readSheet, rowValues } from '../../support/xlsx.js';

const dir = scratch();
const { open } = appPerTest();

const DAY = 24 * 60;
const stranger = { idType: '', idNumber: '', relation: '', contact: '' };

/**
 * Two weeks of a records room, on the fake clock (which starts 2026-11-24 16:00 office time): a
 * party views a clip on the 24th and ends; a department's viewing on the 26th is still open. A
 * second case exists; its file is lent on the 24th and is overdue, the first case's file is lent
 * on the 25th and comes back a day late.
 */
async function twoWeeks() {
  const o = await approvalsOffice(await open(), dir('rr-register-src-'));
  const { t } = o;
  // A day idle ends every session: each day everyone signs in again. A viewer left open asks after
  // its viewing all day long, as its window does every half minute (here every four minutes).
  let keeper = o.token;
  const viewers: string[] = [];
  const nextDay = async () => {
    for (let m = 0; m < DAY; m += 4) {
      t.clock.advanceMinutes(4);
      for (const desk of viewers) await t.call('viewings.current', {}, desk);
    }
    keeper = await t.login(KEEPER.username, KEEPER.password);
  };
  // Departments' requests go to the principal leader, the others to the responsible one (the default rules).
  const approve = async (input: Parameters<typeof t.call<'requests.create'>>[1]) => {
    const asked = await t.call('requests.create', input, keeper);
    await t.call('requests.decide', { id: asked.id, outcome: 'approved' }, await o.as(input.kind.startsWith('department') ? 'sun' : 'liu'));
    return asked;
  };
  const soon = (h: number) => ({ from: t.clock.now().toISOString(), to: hours(h, t.clock.now()) });

  const party = await approve({ kind: 'party_view', caseId: o.caseId, requester: { name: '王某某', department: '', idType: '居民身份证', idNumber: '', relation: '本人', contact: '' }, items: [{ kind: 'record', id: o.clipA.id }], purpose: '了解处罚依据', content: '现场录像', window: soon(1) });
  // A viewing locks the workstation's session in the viewer until the keeper's password ends it.
  const desk = await t.login(KEEPER.username, KEEPER.password);
  const first = await t.call('viewings.open', { requestId: party.id, idCheck: '核对居民身份证' }, desk);
  await t.call('viewings.play', { viewingId: first.id, recordId: o.clipA.id }, desk);
  await t.call('viewings.log', { viewingId: first.id, recordId: o.clipA.id, event: 'seek', position: 12.5 }, desk);
  await t.call('viewings.log', { viewingId: first.id, recordId: o.clipA.id, event: 'play', position: 12.5 }, desk);
  await t.call('viewings.unlock', { password: KEEPER.password }, desk);

  const other = await t.call('cases.create', { fields: { caseNo: '峡综执罚〔2026〕15号', kind: 'penalty', cause: '违规搭建', parties: [{ kind: 'person', name: '李某', idType: '', idNumber: '', contact: '' }], handlerIds: [o.li.id, o.wang.id], filedOn: '2026-11-22', decidedOn: null, closedOn: null, archivedOn: null, status: 'open' } }, keeper);
  const lendOther = await approve({ kind: 'lend_item', caseId: other.id, requester: { name: '陈立新', department: '镇自然资源所', ...stranger, contact: '0570-7654321' }, items: [{ kind: 'case', id: other.id }], purpose: '核对', content: '纸质案卷', window: soon(24 * 10) });
  const overdue = await t.call('loans.lend', { requestId: lendOther.id, item: { kind: 'case', id: other.id }, dueOn: '2026-11-25' }, keeper);

  await nextDay();
  const lendFirst = await approve({ kind: 'lend_item', caseId: o.caseId, requester: { name: '赵科长', department: '镇司法所', ...stranger }, items: [{ kind: 'case', id: o.caseId }], purpose: '行政复议', content: '纸质案卷', window: soon(24 * 10) });
  const back = await t.call('loans.lend', { requestId: lendFirst.id, item: { kind: 'case', id: o.caseId }, dueOn: '2026-11-26' }, keeper);

  await nextDay();
  const department = await approve({ kind: 'department_view', caseId: o.caseId, requester: { name: '赵科长', department: '镇司法所', ...stranger }, items: [{ kind: 'record', id: o.clipB.id }], purpose: '复议审查', content: '第二段录像', window: soon(24 * 5) });
  const secondDesk = await t.login(KEEPER.username, KEEPER.password);
  const second = await t.call('viewings.open', { requestId: department.id, idCheck: '核对工作证' }, secondDesk);
  viewers.push(secondDesk);

  await nextDay();
  await t.call('loans.return', { loanId: back.id, condition: '完好' }, keeper);
  return { ...o, token: keeper, first, second, overdue, back, party };
}

/** A4 landscape: the table between 20 mm margins, above the footer 24 mm from the foot. */
const MM = 72 / 25.4;
const TABLE = { left: 20 * MM, width: 841.89 - 40 * MM };
const FOOT = 595.28 - 24 * MM;

/** Where the PDF's column borders fall, from the left margin, as the writer shares the page out. */
function columnBorders(doc: RegisterDocument): number[] {
  const columns = pdfColumns(doc, TABLE.width);
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const borders = [TABLE.left];
  for (const c of columns) borders.push((borders[borders.length - 1] ?? 0) + (c.width ?? TABLE.width - fixed));
  return borders;
}
const EMPTY_VIEWING_REGISTER = viewingRegister([], {}, { office: '', exportedBy: '', now: new Date(), timeZone: 'UTC' });
const VIEWING_HEADINGS = EMPTY_VIEWING_REGISTER.columns.map((c) => c.header);

describe('the viewing and lending registers', () => {
  it('narrow by period, person, case number and state, on screen as in every caller', async () => {
    const o = await twoWeeks();
    const { t } = o;
    const county = await o.as('county');
    const viewings = async (filters: Parameters<typeof t.call<'viewings.list'>>[1]) => (await t.call('viewings.list', filters, county)).map((v) => v.id);
    expect(await viewings({})).toEqual([o.second.id, o.first.id]);
    expect(await viewings({ from: '2026-11-24', to: '2026-11-24' })).toEqual([o.first.id]);
    expect(await viewings({ from: '2026-11-25' })).toEqual([o.second.id]);
    expect(await viewings({ to: '2026-11-23' })).toEqual([]);
    expect(await viewings({ person: '王某' })).toEqual([o.first.id]);
    expect(await viewings({ caseNo: '峡综执罚[2026]12号' })).toEqual([o.second.id, o.first.id]);
    expect(await viewings({ caseNo: '15号' })).toEqual([]);
    expect(await viewings({ state: 'open' })).toEqual([o.second.id]);
    expect(await viewings({ open: false })).toEqual([o.first.id]);

    const loans = async (filters: Parameters<typeof t.call<'loans.list'>>[1]) => (await t.call('loans.list', filters, county)).map((l) => l.number);
    expect(await loans({})).toEqual([o.overdue.number, o.back.number]);
    expect(await loans({ state: 'overdue' })).toEqual([o.overdue.number]);
    expect(await loans({ out: true })).toEqual([o.overdue.number]);
    expect(await loans({ state: 'returned' })).toEqual([o.back.number]);
    expect(await loans({ borrower: '司法所' })).toEqual([o.back.number]);
    expect(await loans({ borrower: '陈立' })).toEqual([o.overdue.number]);
    expect(await loans({ caseNo: '15号' })).toEqual([o.overdue.number]);
    expect(await loans({ from: '2026-11-25', to: '2026-11-30' })).toEqual([o.back.number]);
    expect(await codeOf(() => t.call('loans.list', { from: '2026-11-30', to: '2026-11-01' }, county))).toBe('VALIDATION_FAILED');

    // What came back late stays on the register as late: the day it came back against its due day.
    const [late, returned] = await t.call('loans.list', {}, county);
    expect(late).toMatchObject({ overdueDays: 2, caseNo: '峡综执罚〔2026〕15号', returnedAt: null });
    expect(returned).toMatchObject({ overdueDays: 1, caseNo: '峡综执罚〔2026〕12号', condition: '完好' });
  });

  it('exports the lending register as a spreadsheet a supervisor can sort: title, frozen Chinese headings, a row per loan, office times as dates', async () => {
    const o = await twoWeeks();
    const { t } = o;
    const county = await o.as('county');
    const out = await t.call('registers.export', { register: 'loans', format: 'xlsx', filters: { from: '2026-11-24', to: '2026-11-30' } }, county);
    expect(out.name).toMatch(/^loans-register-[0-9a-f]{12}\.xlsx$/);
    expect(t.app.core.documents.resolve(out.name, county)).toBe(out.path);
    const sheet = await readSheet(out.path);
    expect(String(sheet.getCell('A1').value)).toBe('峡口镇综合行政执法办公室 档案资料借阅登记簿');
    expect(String(sheet.getCell('A2').value)).toContain('期间：2026-11-24 至 2026-11-30');
    expect(String(sheet.getCell('A3').value)).toMatch(/共 2 条.*导出人：县局周某.*导出时间：2026-11-27 16:00/);
    expect(rowValues(sheet, 4)).toEqual(['借阅单号', '审批编号', '借阅物品', '借阅人', '借出时间', '经办人', '应还日期', '归还时间', '接收人', '归还时状况', '逾期天数']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(6).width ?? 0);
    // In the order lent, as a paper register is written.
    expect(rowValues(sheet, 5)).toEqual([
      o.overdue.number, expect.stringMatching(/^2026-S/), '案卷 峡综执罚〔2026〕15号', '陈立新\n镇自然资源所\n0570-7654321', '2026-11-24 16:00', '王秀兰', '2026-11-25 00:00', '—', '—', '—', 2,
    ]);
    expect(rowValues(sheet, 6)).toEqual([
      o.back.number, expect.stringMatching(/^2026-S/), '案卷 峡综执罚〔2026〕12号', '赵科长\n镇司法所', '2026-11-25 16:00', '王秀兰', '2026-11-26 00:00', '2026-11-27 16:00', '王秀兰', '完好', 1,
    ]);
    expect(sheet.getCell('E5').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getCell('G5').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.rowCount).toBe(6);

    const narrowed = await readSheet((await t.call('registers.export', { register: 'loans', format: 'xlsx', filters: { state: 'overdue' } }, county)).path);
    expect(String(narrowed.getCell('A2').value)).toContain('期间：全部\u3000\u3000筛选：状态：逾期未还');
    expect(narrowed.rowCount).toBe(5);
    expect(narrowed.getCell('A5').value).toBe(o.overdue.number);

    const audit = (await t.call('audit.list', { action: 'register.exported', limit: 5 }, o.token)).events;
    expect(audit.map((e) => [e.actorName, e.details])).toEqual([
      ['县局周某', { register: 'loans', format: 'xlsx', rows: 1, filters: { state: 'overdue' } }],
      ['县局周某', { register: 'loans', format: 'xlsx', rows: 2, filters: { from: '2026-11-24', to: '2026-11-30' } }],
    ]);
  });

  it('prints the viewing register on A4 landscape with every entry, its purpose, items and play count; an officer may not export it', async () => {
    const o = await twoWeeks();
    const { t } = o;
    const county = await o.as('county');
    const out = await t.call('registers.export', { register: 'viewings', format: 'pdf', filters: { caseNo: '12号' } }, county);
    expect(out.name).toMatch(/^viewings-register-[0-9a-f]{12}\.pdf$/);
    const info = pdfInfo(out.path);
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28/);
    expect(info.Title).toBe('峡口镇综合行政执法办公室 执法音像资料查阅登记簿');
    const pages = pageTexts(out.path);
    expect(pages).toHaveLength(1);
    const page = squeeze(pages[0] ?? '');
    for (const fact of ['峡口镇综合行政执法办公室执法音像资料查阅登记簿', '期间：全部筛选：案号含“12号”', '共2条导出人：县局周某', '审批编号', '查阅时间', o.party.number, '王某某', '第1页/共1页'])
      expect(page, fact).toContain(squeeze(fact));
    // Wrapped cells read down their column, its borders where the writer put them.
    const borders = columnBorders(EMPTY_VIEWING_REGISTER);
    const words = wordBoxes(out.path)[0] ?? [];
    const top = (words.find((w) => w.text === '审批编号')?.yMin ?? 0) - 12;
    const cells = (heading: string) => {
      const i = VIEWING_HEADINGS.indexOf(heading);
      const inside = words.filter((w) => w.xMin >= (borders[i] ?? 0) && w.xMax <= (borders[i + 1] ?? 0) && w.yMin >= top && w.yMax <= FOOT);
      return inside.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin).map((w) => w.text).join('');
    };
    expect(cells('身份核验')).toBe('身份核验核对居民身份证核对工作证');
    expect(cells('类别')).toBe('类别当事人查阅其他部门查阅');
    expect(cells('查阅目的和内容')).toBe('查阅目的和内容目的：了解处罚依据内容：现场录像目的：复议审查内容：第二段录像');
    expect(cells('结束方式')).toBe('结束方式正常结束查阅中');
    // The party's viewing played twice (at the start and after the seek); the open one not yet.
    expect(cells('播放次数')).toBe('播放次数20');

    const wang = await o.as('wang');
    expect(await codeOf(() => t.call('registers.export', { register: 'viewings', format: 'pdf', filters: {} }, wang))).toBe('FORBIDDEN');
    expect(await codeOf(() => t.call('viewings.list', {}, wang))).toBe('FORBIDDEN');
  });
});
