import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoomRegister } from '../../../shared/contract/room-registers.js';
import { roomRegister } from '../../../electron/core/registers/room-tables.js';
import { builtDisc } from '../../support/discs.js';
import { make } from '../../support/media.js';
import { pageTexts, squeeze } from '../../support/pdf.js';
import { appPerTest, scratch } from '../../support/test-app.js';
import { readSheet, rowValues } from '../../support/xlsx.js';

const dir = scratch();
const { open } = appPerTest();

/** A row's cells as text. */
const rowText = (sheet: Awaited<ReturnType<typeof readSheet>>, n: number): string[] => rowValues(sheet, n).map((v) => String(v ?? ''));

/**
 * The disc office of support/discs.ts (three camera files of 11-20 imported late on 11-24, a
 * photo on time, all evidence on one built disc), one more recording nobody linked, put on a
 * destruction list once its period is taken as ended, and an integrity check of everything.
 */
async function room() {
  const t = await open();
  const { token, disc } = await builtDisc(t, dir('rr-room-src-'), dir('rr-room-out-'));
  const more = dir('rr-room-more-');
  make.wav(path.join(more, '补充录音.wav'), 7);
  await t.app.core.imports.wait((await t.call('import.start', { source: more }, token)).jobId);
  const extra = (await t.call('records.list', { limit: 10 }, token)).records.find((r) => r.originalName === '补充录音.wav');
  if (!extra) throw new Error('the extra recording was imported');
  const clip = (await t.call('records.list', { limit: 10 }, token)).records.find((r) => r.originalName.endsWith('_0001.MP4'));
  await t.call('records.explainLate', { recordId: clip?.id ?? 0, reason: '执法人员在水上执勤' }, token);
  // Taken as past its period, as the destruction tests do: it may go on a list.
  t.app.core.db.prepare("UPDATE record_retention SET kept_through = '2020-01-01' WHERE record_id = ?").run(extra.id);
  const list = await t.call('destruction.propose', { recordIds: [extra.id], reason: '保管期满' }, token);
  await t.app.core.fixity.wait((await t.call('integrity.check', { scope: { kind: 'all' } }, token)).runId);
  return { t, token, disc, list };
}

describe('the room registers', () => {
  it('list, filter and export each register as an XLSX that reads back with its headings and rows', async () => {
    const { t, token, disc, list } = await room();
    const headings = (register: RoomRegister) => roomRegister(register, [], {}, { office: '', exportedBy: '', now: new Date(), timeZone: 'UTC' }).columns.map((c) => c.header);

    const imports = await t.call('registers.rows', { register: 'imports', filters: {} }, token);
    expect(imports).toHaveLength(5);
    const late = await t.call('registers.rows', { register: 'imports', filters: { flagged: true } }, token);
    expect(late.map((r) => r.name).sort()).toEqual(['T001_000123_20261120093000_0001.MP4', 'T001_000123_20261120093500_0002.MP4', 'T001_000123_20261120094000_0003.WAV']);
    expect(late.find((r) => r.name === 'T001_000123_20261120093000_0001.MP4')).toMatchObject({ recordedAt: '2026-11-20 09:30', deadline: '2026-11-21 09:30', hoursLate: 78.5, explanation: '执法人员在水上执勤', officer: '李建国' });
    expect((await t.call('registers.rows', { register: 'imports', filters: { text: '补充' } }, token)).map((r) => r.name)).toEqual(['补充录音.wav']);
    expect(await t.call('registers.rows', { register: 'imports', filters: { from: '2026-11-25' } }, token)).toEqual([]);

    const lateSheet = await readSheet((await t.call('registers.export', { register: 'imports', format: 'xlsx', filters: { flagged: true } }, token)).path);
    expect(rowText(lateSheet, 1)[0]).toBe('峡口镇综合行政执法办公室 执法音像资料导入登记簿');
    expect(rowText(lateSheet, 2)[0]).toContain('筛选：仅逾期上传');
    expect(rowText(lateSheet, 4)).toEqual(headings('imports'));
    // The first late clip: its times as dates, its type in words, how late and why.
    const clipRow = [5, 6, 7].map((n) => rowText(lateSheet, n)).find((r) => r[2] === 'T001_000123_20261120093000_0001.MP4') ?? [];
    expect(clipRow.slice(2, 9)).toEqual(['T001_000123_20261120093000_0001.MP4', '视频', '李建国', '2026-11-20 09:30', '2026-11-21 09:30', '78.5', '执法人员在水上执勤']);
    expect(lateSheet.rowCount).toBe(4 + 3);

    const discSheet = await readSheet((await t.call('registers.export', { register: 'discs', format: 'xlsx', filters: { text: disc.number } }, token)).path);
    expect(rowText(discSheet, 4)).toEqual(headings('discs'));
    expect(rowText(discSheet, 5).slice(0, 4)).toEqual([disc.number, '峡综执罚〔2026〕12号', '1/1', 'DVD']);
    expect(rowText(discSheet, 5)[9]).toBe('0');

    const destructionSheet = await readSheet((await t.call('registers.export', { register: 'destruction', format: 'xlsx', filters: { flagged: true } }, token)).path);
    expect(rowText(destructionSheet, 4)).toEqual(headings('destruction'));
    expect(rowText(destructionSheet, 5)).toEqual(expect.arrayContaining([list.number, '王秀兰', '保管期满', '1', '待审批']));

    const integritySheet = await readSheet((await t.call('registers.export', { register: 'integrity', format: 'xlsx', filters: {} }, token)).path);
    expect(rowText(integritySheet, 4)).toEqual(headings('integrity'));
    expect(rowText(integritySheet, 5).slice(2, 9)).toEqual(['手动', '王秀兰', '完成', '5', '5', '0', '完整']);
    // Nothing found: the flag leaves no check in the register.
    expect(await t.call('registers.rows', { register: 'integrity', filters: { flagged: true } }, token)).toEqual([]);

    const pdf = await t.call('registers.export', { register: 'discs', format: 'pdf', filters: {} }, token);
    expect(squeeze(pageTexts(pdf.path).join(''))).toContain(squeeze(`证据光盘登记簿 期间：全部`));
    expect(squeeze(pageTexts(pdf.path).join(''))).toContain(disc.number);

    const exported = (await t.call('audit.list', { action: 'register.exported', limit: 10 }, token)).events.map((e) => [e.details.register, e.details.format, e.details.rows]);
    expect(exported).toEqual(expect.arrayContaining([['imports', 'xlsx', 3], ['discs', 'xlsx', 1], ['destruction', 'xlsx', 1], ['integrity', 'xlsx', 1], ['discs', 'pdf', 1]]));
  });
});
