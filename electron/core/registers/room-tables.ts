import { ROOM_COLUMNS, type RoomColumnKind, type RoomColumnKey, type RoomFilters, type RoomRegister, type RoomRow } from '../../../shared/contract/room-registers.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import { SHARED_MESSAGES } from '../../../shared/i18n/messages.js';
import { conditions, document, periodText, type RegisterContext } from '../approvals/register-tables.js';
import { humanSize } from '../discs/description.js';
import type { RegisterColumn, RegisterDocument, RegisterValue } from '../documents/register-document.js';

/**
 * The room registers as printed and exported: each one's title, its columns' headings and
 * widths, the words its codes print as, and what its flag means, in the office's words. The
 * columns and their order are ROOM_COLUMNS', shared with the screen.
 */
interface Heading {
  header: string;
  width: number;
  print: number;
  /** For a code column: what each code prints as. */
  words?: Record<string, string>;
}

interface RoomTable<R extends RoomRegister> {
  title: string;
  /** The flag in words, as the register's filter line says it. */
  flag: string;
  headings: Record<RoomColumnKey<R>, Heading>;
}

const OUTCOME = { ok: '完好', altered: '与登记不一致', unreadable: '无法读取' };

const TABLES: { [R in RoomRegister]: RoomTable<R> } = {
  imports: {
    title: '执法音像资料导入登记簿',
    flag: '仅逾期上传',
    headings: {
      id: { header: '登记号', width: 8, print: 5 },
      importedAt: { header: '导入时间', width: 17, print: 9 },
      name: { header: '原始文件名', width: 36, print: 22 },
      mediaType: { header: '类型', width: 7, print: 4, words: { video: '视频', audio: '音频', photo: '照片' } },
      officer: { header: '执法人员', width: 10, print: 7 },
      recordedAt: { header: '拍摄时间', width: 17, print: 9 },
      deadline: { header: '应上传期限', width: 17, print: 9 },
      hoursLate: { header: '逾期（小时）', width: 10, print: 6 },
      explanation: { header: '逾期说明', width: 30, print: 16 },
      size: { header: '大小', width: 11, print: 7 },
      importedBy: { header: '导入人', width: 10, print: 6 },
      sha256: { header: 'SHA-256', width: 66, print: 20 },
    },
  },
  discs: {
    title: '证据光盘登记簿',
    flag: '仅最近一次检查发现问题的光盘',
    headings: {
      number: { header: '光盘编号', width: 13, print: 9 },
      caseNo: { header: '案号', width: 24, print: 14 },
      part: { header: '张次', width: 6, print: 4 },
      medium: { header: '介质', width: 10, print: 6, words: { cd: 'CD', dvd: 'DVD', dvd_dl: 'DVD 双层', bd: '蓝光', bd_dl: '蓝光双层' } },
      builtAt: { header: '制作时间', width: 17, print: 9 },
      burnedAt: { header: '刻录时间', width: 17, print: 9 },
      location: { header: '存放位置', width: 24, print: 14 },
      lastCheck: { header: '最近检查', width: 17, print: 9 },
      lastOutcome: { header: '检查结果', width: 14, print: 8, words: OUTCOME },
      checks: { header: '检查次数', width: 9, print: 5 },
    },
  },
  destruction: {
    title: '执法音像资料销毁登记簿',
    flag: '仅待审批的清单',
    headings: {
      number: { header: '清单编号', width: 13, print: 9 },
      proposedAt: { header: '提出时间', width: 17, print: 9 },
      proposedBy: { header: '提出人', width: 10, print: 6 },
      reason: { header: '销毁事由', width: 36, print: 22 },
      records: { header: '记录数', width: 8, print: 5 },
      state: { header: '状态', width: 10, print: 7, words: SHARED_MESSAGES['zh-CN'].decisions },
      decidedBy: { header: '审批人', width: 10, print: 6 },
      decidedAt: { header: '审批时间', width: 17, print: 9 },
      witness: { header: '监销人', width: 10, print: 6 },
      executedAt: { header: '销毁时间', width: 17, print: 9 },
    },
  },
  integrity: {
    title: '执法音像资料完整性检查登记簿',
    flag: '仅发现问题的检查',
    headings: {
      id: { header: '检查号', width: 8, print: 5 },
      startedAt: { header: '开始时间', width: 17, print: 10 },
      trigger: { header: '方式', width: 8, print: 5, words: { schedule: '定时', manual: '手动' } },
      startedBy: { header: '发起人', width: 10, print: 7 },
      state: { header: '状态', width: 10, print: 6, words: { running: '进行中', finished: '完成', cancelled: '已取消', interrupted: '中断' } },
      checked: { header: '检查数', width: 9, print: 6 },
      ok: { header: '一致', width: 9, print: 6 },
      problems: { header: '问题数', width: 9, print: 6 },
      chain: { header: '审计链', width: 10, print: 7, words: { ok: '完整', broken: '被改动' } },
      finishedAt: { header: '结束时间', width: 17, print: 10 },
    },
  },
};

const PRINT_KIND: Record<RoomColumnKind, RegisterColumn['kind']> = { text: 'text', code: 'text', time: 'time', day: 'day', number: 'number', bytes: 'number' };

/**
 * A stored time as the office's wall clock to the minute: an instant (with its zone) turned to
 * the office's clock, a camera's wall-clock time (no zone) as it reads.
 */
function wallMinute(value: string, timeZone: string): string {
  return /[zZ]|[+-]\d\d:\d\d$/.test(value) ? officeTime(value, timeZone).slice(0, 16) : value.replace('T', ' ').slice(0, 16);
}

/** A row as both the screen and the documents show it: times on the office's clock; everything else as stored. */
export function onOfficeClock(register: RoomRegister, row: RoomRow, timeZone: string): RoomRow {
  const out: RoomRow = { ...row };
  for (const c of ROOM_COLUMNS[register]) {
    const v = row[c.key];
    if (c.kind === 'time' && typeof v === 'string') out[c.key] = wallMinute(v, timeZone);
  }
  return out;
}

/** The register as a document to print or export: the office's headings, codes in words. Rows come on the office's clock. */
export function roomRegister(register: RoomRegister, rows: RoomRow[], f: RoomFilters, ctx: RegisterContext): RegisterDocument {
  const table = TABLES[register] as RoomTable<RoomRegister>;
  const columns = ROOM_COLUMNS[register].map((c) => ({ key: c.key, kind: c.kind as RoomColumnKind, heading: (table.headings as Record<string, Heading>)[c.key] as Heading }));
  const cell = (c: (typeof columns)[number], v: RegisterValue): RegisterValue => {
    if (v === null) return null;
    if (c.kind === 'code') return c.heading.words?.[String(v)] ?? String(v);
    if (c.kind === 'bytes' && typeof v === 'number') return humanSize(v);
    return v;
  };
  return document(
    ctx,
    table.title,
    periodText(f),
    conditions([f.text && `含“${f.text}”`, f.flagged && table.flag]),
    columns.map((c) => ({ header: c.heading.header, width: c.heading.width, print: c.heading.print, kind: PRINT_KIND[c.kind] })),
    rows.map((row) => columns.map((c) => cell(c, row[c.key] ?? null))),
  );
}
