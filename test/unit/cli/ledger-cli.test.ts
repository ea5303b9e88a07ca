import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NO_LEDGER_FACTS } from '../../../shared/contract/ledgers-dto.js';
import { runCli as cli } from '../../support/cli-process.js';
import { KEEPER, openTestApp, scratch } from '../../support/test-app.js';

const scratchDir = scratch();
const AS_KEEPER = { RECORDS_PASSWORD: KEEPER.password };

describe('records ledger export', () => {
  it('writes the penalty ledger as XLSX and DOCX, the format from the file name, and refuses a wrong kind, day, period, extension or folder', async () => {
    const d = scratchDir();
    const t = await openTestApp({ dir: d });
    const token = await t.login(KEEPER.username, KEEPER.password);
    const li = await t.call('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
    const zhang = await t.call('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026' }, token);
    const c = await t.call(
      'cases.create',
      {
        fields: {
          caseNo: '峡综执罚〔2026〕9号', kind: 'penalty', cause: '生产不符合食品安全标准的食品', parties: [{ kind: 'organisation', name: 'XX有限公司' }],
          handlerIds: [zhang.id, li.id], filedOn: '2026-09-10', decidedOn: '2026-09-30', closedOn: '2026-10-08', archivedOn: null, status: 'closed',
        },
      },
      token,
    );
    await t.call('cases.setLedgerFacts', { id: c.id, version: c.version, facts: { ...NO_LEDGER_FACTS, decisionNo: '峡综执罚决〔2026〕9号', penalty: '警告，并处以罚款5000元' } }, token);
    await t.app.close();
    const out = scratchDir();
    const run = (...args: string[]) => cli(['--data', d, '--user', 'keeper', 'ledger', 'export', ...args], AS_KEEPER);
    const october = ['--kind', 'penalty', '--from', '2026-10-01', '--to', '2026-10-31'];

    const xlsx = await run(...october, '--out', path.join(out, '十月处罚台账.xlsx'));
    expect(xlsx.code, xlsx.err).toBe(0);
    expect(xlsx.out).toContain('峡口镇综合行政执法办公室 2026年10月1日--2026年10月31日 行政处罚案件台账');
    expect(xlsx.out).toContain('共 1 件案件，2 处待补');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, '十月处罚台账.xlsx'));
    expect((book.worksheets[0]!.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['1', '峡综执罚决〔2026〕9号', '生产不符合食品安全标准的食品']);

    const docx = await run(...october, '--out', path.join(out, 'october.DOCX'));
    expect(docx.code, docx.err).toBe(0);
    const xml = execFileSync('unzip', ['-p', path.join(out, 'october.DOCX'), 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('行政处罚决定书');
    expect(xml).toContain('警告，并处以罚款5000元');
    // September has the case's filing, not its closing: an empty ledger, still with its headings.
    const september = await run('--kind', 'penalty', '--from', '2026-09-01', '--to', '2026-09-30', '--out', path.join(out, 'sep.docx'), '--json');
    expect(september.code, september.err).toBe(0);
    expect(JSON.parse(september.out)).toMatchObject({ rows: 0, gaps: 0 });

    const refusals: [string[], string][] = [
      [['--kind', 'fine', '--from', '2026-10-01', '--to', '2026-10-31', '--out', path.join(out, 'a.xlsx')], '台账类型应为 penalty'],
      [['--kind', 'penalty', '--from', '2026-02-30', '--to', '2026-10-31', '--out', path.join(out, 'a.xlsx')], '2026-02-30 不是有效日期'],
      [['--kind', 'penalty', '--from', '2026-10-31', '--to', '2026-10-01', '--out', path.join(out, 'a.xlsx')], '早于开始日'],
      [[...october, '--out', path.join(out, 'a.csv')], '应以 .xlsx（Excel）或 .docx（Word）结尾'],
      [[...october, '--out', path.join(out, 'missing', 'a.xlsx')], `输出文件夹 ${path.join(out, 'missing')} 不存在`],
    ];
    for (const [args, message] of refusals) {
      const refused = await run(...args);
      expect(refused.code, refused.out).toBe(2);
      expect(refused.err).toContain(message);
    }
    expect(fs.readdirSync(out).sort()).toEqual(['october.DOCX', 'sep.docx', '十月处罚台账.xlsx']);
    const english = await cli(['--data', d, '--user', 'keeper', 'ledger', 'export', '--kind', 'arrest', '--from', '2026-10-01', '--to', '2026-10-31', '--out', 'x.xlsx'], { ...AS_KEEPER, RECORDS_LANG: 'en' });
    expect(english.err).toContain('The ledger kind is penalty, inspection or coercion, not arrest.');
  }, 120_000);
});
