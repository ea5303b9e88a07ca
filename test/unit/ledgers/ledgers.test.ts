import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CaseFields } from '../../../shared/contract/cases-dto.js';
import { NO_LEDGER_FACTS, type LedgerFacts } from '../../../shared/contract/ledgers-dto.js';
import type { CaseKind } from '../../../shared/rules/case-number.js';
import { pageTexts, squeeze, wordBoxes } from '../../support/pdf.js';
import { KEEPER, appPerTest, codeOf } from '../../support/test-app.js';

const { open, app } = appPerTest();

/** The seed's headings (004), word for word. */
const PENALTY_HEADINGS = ['序号', '行政处罚决定书', '案由', '行政相对人名称', '主要违法事实', '结案时间', '处罚情况', '处罚依据', '执法人员', '罚没票据号', '备注'];
const INSPECTION_TOP = ['序号', '行政检查文书号', '检查时间', '检查人员', '行政相对人名称', '检查方法', '发现隐患数', '隐患内容', '整改措施', '整改责任人', '整改结果', '复检日期', '复检人', '备注'];
const PENALTY_RULE = '报送要求：行政处罚案件以结案时间为标准报送，如：立案时间为9月，但结案时间为10月，该案件以10月份案件报送。';

async function office() {
  const t = await open();
  const token = await t.login(KEEPER.username, KEEPER.password);
  const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' }, token);
  const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
  let serial = 0;
  const file = async (kind: CaseKind, dates: Partial<CaseFields>, facts: Partial<LedgerFacts> = {}, party = 'XX有限公司') => {
    serial += 1;
    const fields: CaseFields = {
      caseNo: `峡综执${{ penalty: '罚', inspection: '检', coercion: '强' }[kind]}〔2026〕${serial}号`,
      kind,
      cause: `案由${serial}`,
      parties: [{ kind: 'organisation', name: party, idType: '', idNumber: '', contact: '' }],
      handlerIds: [li.id, zhang.id],
      filedOn: '2026-09-20',
      decidedOn: null,
      closedOn: null,
      archivedOn: null,
      status: dates.closedOn ? 'closed' : 'open',
      ...dates,
    };
    const c = await t.call('cases.create', { fields }, token);
    if (Object.keys(facts).length === 0) return c;
    return t.call('cases.setLedgerFacts', { id: c.id, version: c.version, facts: { ...NO_LEDGER_FACTS, ...facts } }, token);
  };
  return { t, token, file };
}

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

async function exported(token: string, input: { kind: CaseKind; from?: string; to?: string; format: 'xlsx' | 'docx' | 'pdf' }): Promise<string> {
  return (await app().call('ledgers.export', input, token)).path;
}

function documentXml(docx: string): string {
  return execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
}

/** The text of each table row of a DOCX, cell by cell. */
function docxRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => [...(tc[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
}

describe('the county case ledgers (004)', () => {
  it('keeps ledger facts with the case, each change in its history, and refuses a stale or backward edit', async () => {
    const { t, token, file } = await office();
    const c = await file('penalty', { closedOn: '2026-10-03' });
    expect(c.ledger).toEqual(NO_LEDGER_FACTS);
    const set = await t.call('cases.setLedgerFacts', { id: c.id, version: c.version, facts: { ...NO_LEDGER_FACTS, decisionNo: '峡综执罚决〔2026〕1号', penalty: '警告，并处罚款2000元' } }, token);
    expect(set.version).toBe(c.version + 1);
    expect(set.history[0]).toMatchObject({ action: 'changed', changes: [{ field: 'decisionNo', old: null, new: '峡综执罚决〔2026〕1号' }, { field: 'penalty', old: null, new: '警告，并处罚款2000元' }] });
    // An emptied text is a fact no longer entered; the same facts again change nothing.
    const emptied = await t.call('cases.setLedgerFacts', { id: c.id, version: set.version, facts: { ...set.ledger, penalty: '' } }, token);
    expect(emptied.ledger.penalty).toBeNull();
    expect(emptied.history[0]?.changes).toEqual([{ field: 'penalty', old: '警告，并处罚款2000元', new: null }]);
    expect((await t.call('cases.setLedgerFacts', { id: c.id, version: emptied.version, facts: emptied.ledger }, token)).version).toBe(emptied.version);
    expect(await codeOf(() => t.call('cases.setLedgerFacts', { id: c.id, version: c.version, facts: NO_LEDGER_FACTS }, token))).toBe('STALE_VERSION');
    const inspection = await file('inspection', {});
    const backward = { ...NO_LEDGER_FACTS, inspectedOn: '2026-10-09', hazardsFound: 1, recheckedOn: '2026-10-01' };
    expect(await codeOf(() => t.call('cases.setLedgerFacts', { id: inspection.id, version: inspection.version, facts: backward }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('cases.setLedgerFacts', { id: inspection.id, version: inspection.version, facts: { ...NO_LEDGER_FACTS, hazardsFound: -1 } }, token))).toBe('VALIDATION_FAILED');
    expect((await t.call('cases.get', { id: inspection.id }, token)).ledger).toEqual(NO_LEDGER_FACTS);
  });

  it("puts a case filed in September and closed in October on October's penalty ledger only, gaps marked, and exports it as XLSX with the seed's layout", async () => {
    const { t, token, file } = await office();
    const full = await file(
      'penalty',
      { closedOn: '2026-10-20' },
      { decisionNo: '峡综执罚决〔2026〕7号', mainFacts: 'XX有限公司生产不符合食品安全标准的食品案', penalty: '警告，并处以罚款2000元', legalBasis: '食品安全法第一百二十四条', receiptNo: 'No.0012345' },
    );
    const bare = await file('penalty', { closedOn: '2026-10-05' }, {}, '王某某');
    await file('penalty', { closedOn: '2026-11-02' });
    const open = await file('penalty', {});

    expect((await t.call('ledgers.get', { kind: 'penalty', from: '2026-09-01', to: '2026-09-30' }, token)).rows).toEqual([]);
    const october = await t.call('ledgers.get', { kind: 'penalty', ...OCTOBER }, token);
    expect(october.title).toBe('峡口镇综合行政执法办公室 2026年10月1日--2026年10月31日 行政处罚案件台账');
    expect(october.headings.map((h) => h.text)).toEqual(PENALTY_HEADINGS);
    expect(october.rows.map((r) => r.caseId)).toEqual([bare.id, full.id]);
    expect(october.rows[1]?.cells).toEqual(['2', '峡综执罚决〔2026〕7号', full.cause, 'XX有限公司', 'XX有限公司生产不符合食品安全标准的食品案', '2026年10月20日', '警告，并处以罚款2000元', '食品安全法第一百二十四条', '李建国、张伟', 'No.0012345', '']);
    // Nothing entered: the decision, facts, penalty and basis are gaps; no receipt and no remark are not.
    expect(october.rows[0]?.cells).toEqual(['1', null, bare.cause, '王某某', null, '2026年10月5日', null, null, '李建国、张伟', '', '']);
    expect(october.rows[0]?.gaps).toBe(4);
    expect(october.waiting).toEqual([{ caseId: open.id, caseNo: open.caseNo, cause: open.cause, waiting: 'not_closed' }]);
    // The default period is last month (the fake clock's today is 2026-11-24).
    expect((await t.call('ledgers.get', { kind: 'penalty' }, token)).rows.map((r) => r.caseId)).toEqual([bare.id, full.id]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exported(token, { kind: 'penalty', ...OCTOBER, format: 'xlsx' }));
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(october.title);
    expect(sheet.getCell('K1').isMerged).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(PENALTY_HEADINGS);
    expect((sheet.getRow(4).values as unknown[]).slice(1, 7)).toEqual(['2', '峡综执罚决〔2026〕7号', full.cause, 'XX有限公司', 'XX有限公司生产不符合食品安全标准的食品案', '2026年10月20日']);
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.getCell('B3').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
    expect((sheet.getCell('C3').fill as { pattern?: string } | undefined)?.pattern).not.toBe('solid');
    expect(sheet.getCell('A6').value).toBe(PENALTY_RULE);

    const audit = await t.call('audit.list', { limit: 5 }, token);
    expect(audit.events.find((e) => e.action === 'ledger.exported')?.details).toEqual({ kind: 'penalty', from: '2026-10-01', to: '2026-10-31', format: 'xlsx', rows: 2, gaps: 4 });
  });

  it('places inspections by re-check or inspection day and writes the two-row heading in XLSX, DOCX and PDF', async () => {
    const { t, token, file } = await office();
    const rechecked = await file(
      'inspection',
      {},
      { inspectionNo: '峡综执检〔2026〕3号', inspectedOn: '2026-09-28', inspectionMethod: '现场检查', hazardsFound: 1, hazardContent: '未设置警示标牌', remedy: '按照规定在2个工作日内整改完毕', remedyOwner: '赵某', remedyDone: true, recheckedOn: '2026-10-09', rechecker: '张三 李四' },
      'xx机械厂',
    );
    const clean = await file('inspection', {}, { inspectionNo: '峡综执检〔2026〕4号', inspectedOn: '2026-10-12', inspectionMethod: '现场检查', hazardsFound: 0 });
    const unchecked = await file('inspection', {}, { inspectedOn: '2026-10-02', hazardsFound: 2 });
    const unknown = await file('inspection', {}, { inspectedOn: '2026-10-02' });

    const ledger = await t.call('ledgers.get', { kind: 'inspection', ...OCTOBER }, token);
    expect(ledger.rows.map((r) => [r.caseId, r.basis])).toEqual([
      [rechecked.id, 'rechecked'],
      [clean.id, 'inspected'],
    ]);
    expect(ledger.rows[0]?.cells).toEqual(['1', '峡综执检〔2026〕3号', '2026年9月28日', '李建国、张伟', 'xx机械厂', '现场检查', '1', '未设置警示标牌', '按照规定在2个工作日内整改完毕', '赵某', '√', '', '2026年10月9日', '张三 李四', '']);
    // No hazards: nothing to remedy or re-check, so those cells are blank, not gaps.
    expect(ledger.rows[1]?.gaps).toBe(0);
    expect(ledger.waiting.map((w) => [w.caseId, w.waiting])).toEqual([
      [unchecked.id, 'not_rechecked'],
      [unknown.id, 'hazards_unknown'],
    ]);
    expect((await t.call('ledgers.get', { kind: 'inspection', from: '2026-09-01', to: '2026-09-30' }, token)).rows).toEqual([]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exported(token, { kind: 'inspection', ...OCTOBER, format: 'xlsx' }));
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(2).values as unknown[]).slice(1).filter((v, i, all) => v !== all[i - 1])).toEqual(INSPECTION_TOP);
    expect(sheet.getCell('K2').value).toBe('整改结果');
    expect(sheet.getCell('L2').isMerged).toBe(true);
    expect([sheet.getCell('K3').value, sheet.getCell('L3').value]).toEqual(['已完成', '未完成']);
    expect(sheet.getCell('A3').isMerged).toBe(true);
    expect(sheet.getCell('K4').value).toBe('√');
    expect(String(sheet.getCell(`A${sheet.rowCount}`).value)).toMatch(/^报送要求：①有隐患的案件以复检时间为标准报送/);

    const xml = documentXml(await exported(token, { kind: 'inspection', ...OCTOBER, format: 'docx' }));
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    const rows = docxRows(xml);
    expect(rows[0]).toEqual(INSPECTION_TOP);
    expect(rows[1]).toEqual(['', '', '', '', '', '', '', '', '', '', '已完成', '未完成', '', '', '']);
    expect(rows[2]).toEqual(ledger.rows[0]?.cells);
    expect(squeeze(xml.replace(/<[^>]+>/g, ''))).toContain(squeeze(ledger.title));
    expect(xml).toContain('报送要求：①有隐患的案件以复检时间为标准报送');

    const pdfFile = await exported(token, { kind: 'inspection', ...OCTOBER, format: 'pdf' });
    const pdf = squeeze(pageTexts(pdfFile).join(''));
    // Narrow headings wrap on paper, so only those on one line are looked for as a whole.
    for (const text of [ledger.title, '整改结果', '复检日期', '已完成', '未完成', '未设置警示标牌', '②无隐患案件以初次检查时间为标准报送。']) expect(pdf).toContain(squeeze(text));
    // As on the paper form: 整改结果 over its two columns, every other heading down both rows.
    const middle = (text: string) => {
      const box = wordBoxes(pdfFile)[0]?.find((w) => w.text === text);
      return box ? (box.yMin + box.yMax) / 2 : NaN;
    };
    expect(middle('整改结果')).toBeLessThan(middle('序号'));
    expect(middle('序号')).toBeLessThan(middle('已完成'));
    expect(middle('复检日期')).toBeCloseTo(middle('序号'), 0);
  });

  it('exports an empty period with its headings, a coercion ledger of our design, and refuses a bad period or kind', async () => {
    const { t, token, file } = await office();
    const coerced = await file('coercion', { closedOn: '2026-10-15' }, { decisionNo: '峡综执强决〔2026〕2号', measureKind: '扣押财物', measureTakenOn: '2026-10-01', measureLiftedOn: '2026-10-15', measureResult: '依法解除' });
    const ledger = await t.call('ledgers.get', { kind: 'coercion', ...OCTOBER }, token);
    expect(ledger.title).toMatch(/行政强制案件台账$/);
    expect(ledger.rows[0]).toMatchObject({ caseId: coerced.id, gaps: 0 });
    expect(ledger.rows[0]?.cells.slice(4, 8)).toEqual(['扣押财物', '2026年10月1日', '2026年10月15日', '依法解除']);

    const empty = { kind: 'penalty' as const, from: '2026-08-01', to: '2026-08-31' };
    const xml = documentXml(await exported(token, { ...empty, format: 'docx' }));
    expect(docxRows(xml)).toEqual([PENALTY_HEADINGS]);
    expect(xml).toContain(PENALTY_RULE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exported(token, { ...empty, format: 'xlsx' }));
    expect((book.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual(PENALTY_HEADINGS);

    expect(await codeOf(() => t.call('ledgers.get', { kind: 'penalty', from: '2026-10-31', to: '2026-10-01' }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('ledgers.export', { kind: 'fines' as CaseKind, format: 'xlsx' }, token))).toBe('VALIDATION_FAILED');
    expect(await codeOf(() => t.call('ledgers.export', { kind: 'penalty', format: 'csv' as 'xlsx' }, token))).toBe('VALIDATION_FAILED');
  });

  it("reminds of last month's three ledgers until each is marked sent, once, by the keeper", async () => {
    const { t, token } = await office();
    const due = await t.call('ledgers.due', {}, token);
    expect(due).toEqual({ month: '2026-10', from: '2026-10-01', to: '2026-10-31', kinds: ['penalty', 'inspection', 'coercion'].map((kind) => ({ kind, sent: null })) });
    // This month is not over: its ledger cannot have gone out.
    expect(await codeOf(() => t.call('ledgers.markSent', { kind: 'penalty', month: '2026-11' }, token))).toBe('VALIDATION_FAILED');
    const marked = await t.call('ledgers.markSent', { kind: 'penalty', month: '2026-10' }, token);
    expect(marked.kinds[0]?.sent).toEqual({ at: t.clock.now().toISOString(), by: KEEPER.displayName });
    t.clock.advanceMinutes(1);
    const again = await t.call('ledgers.markSent', { kind: 'penalty', month: '2026-10' }, token);
    expect(again.kinds[0]?.sent).toEqual(marked.kinds[0]?.sent);
    expect((await t.call('audit.list', { limit: 10 }, token)).events.filter((e) => e.action === 'ledger.sent')).toHaveLength(1);
    expect((await t.call('ledgers.get', { kind: 'penalty' }, token)).sent).toEqual(marked.kinds[0]?.sent);
    expect((await t.call('ledgers.get', { kind: 'inspection' }, token)).sent).toBeNull();
  });
});
