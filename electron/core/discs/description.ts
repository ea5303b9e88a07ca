import { writePdf, type FieldRow } from '../documents/pdf-document.js';
import type { BagInfo } from './bag.js';

/** One evidence record on the disc, with its facts already formatted for paper. */
export interface DescribedRecord {
  recordId: number;
  /** Where it sits in the bag, e.g. data/T001_….MP4. */
  discPath: string;
  originalName: string;
  collectors: string[];
  /** Office wall clock, e.g. 2026-11-20 09:30. */
  collectedAt: string;
  place: string;
  statement: string;
  /** Device serial or name. */
  camera: string | null;
  /** Name and officer number. */
  officer: string | null;
  recordedAt: string | null;
  durationSeconds: number | null;
  size: number;
  sha256: string;
  sm3: string;
}

/** The case and disc as bag-info names them, and who prepared the paper when. */
export interface DescriptionDoc extends Omit<BagInfo, 'baggingDate'> {
  /** Formatted office wall clock. */
  preparedAt: string;
  preparedBy: string;
  records: DescribedRecord[];
}

export const DESCRIPTION_TITLE = '执法音像资料文字说明';
const NONE = '（无）';

/** As Windows Explorer counts (1 KB = 1024 bytes), so the paper matches what the keeper sees on screen. */
export function humanSize(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Human size and the exact byte count a checker can compare against the file on the disc. */
export function sizeText(bytes: number): string {
  return `${humanSize(bytes)}（${bytes.toLocaleString('en-US')} 字节）`;
}

export function durationText(seconds: number | null): string {
  if (seconds === null) return NONE;
  const total = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
}

function discText(disc: DescriptionDoc['disc']): string {
  return `第 ${disc.index} 张 / 共 ${disc.count} 张`;
}

function caseRows(doc: DescriptionDoc): FieldRow[] {
  return [
    { label: '办案单位', value: `${doc.office}（${doc.unitCode}）` },
    { label: '案号', value: doc.caseNo },
    { label: '案由', value: doc.cause },
    { label: '当事人', value: doc.parties },
    { label: '立案日期', value: doc.filedOn ?? NONE },
    { label: '光盘', value: discText(doc.disc) },
    { label: '本盘资料', value: `${doc.records.length} 个文件` },
    { label: '制作时间', value: doc.preparedAt },
    { label: '制作人', value: doc.preparedBy },
  ];
}

function recordRows(r: DescribedRecord): FieldRow[] {
  return [
    { label: '取证人员', value: r.collectors.join('、') || NONE },
    { label: '取证时间', value: r.collectedAt },
    { label: '取证地点', value: r.place },
    { label: '证明对象/内容', value: r.statement },
    { label: '原始文件名', value: r.originalName },
    { label: '光盘内路径', value: r.discPath },
    { label: '执法记录仪', value: r.camera ?? NONE },
    { label: '执法人员', value: r.officer ?? NONE },
    { label: '录制时间', value: r.recordedAt ?? NONE },
    { label: '时长', value: durationText(r.durationSeconds) },
    { label: '文件大小', value: sizeText(r.size) },
    { label: 'SHA-256', value: r.sha256, small: true },
    { label: 'SM3', value: r.sm3, small: true },
  ];
}

function recordHeading(r: DescribedRecord, i: number): string {
  return `第 ${i + 1} 条\u3000记录号 ${r.recordId}`;
}

/** A value on one line stays after its label; one with line breaks goes below it, indented. */
function textField(row: FieldRow): string[] {
  const lines = row.value.split(/\r\n|\r|\n/);
  return lines.length === 1 ? [`${row.label}：${row.value}`] : [`${row.label}：`, ...lines.map((l) => `    ${l}`)];
}

/**
 * The written description as a plain text file for inside the bag. CRLF line ends, so Notepad
 * on any Windows shows its lines. It is one of the files the tag manifest covers, so it can't
 * carry the tag manifest's own hash (that is printed on the paper copy instead).
 */
export function descriptionText(doc: DescriptionDoc): string {
  const lines = [DESCRIPTION_TITLE, '', ...caseRows(doc).flatMap(textField)];
  for (const [i, r] of doc.records.entries()) lines.push('', `【${recordHeading(r, i)}】`, ...recordRows(r).flatMap(textField));
  lines.push('', '各文件的校验值与光盘内 manifest-sha256.txt、manifest-sm3.txt 所列一致，可用 sha256sum -c manifest-sha256.txt 核对。');
  return lines.map((l) => `${l}\r\n`).join('');
}

/**
 * The paper copy to print, sign and file with the disc: the same fields, and on every page the
 * SHA-256 of tagmanifest-sha256.txt, which pins every byte of the disc to this sheet.
 */
export async function writeDescriptionPdf(file: string, doc: DescriptionDoc, tagmanifestSha256: string, now: Date): Promise<{ font: string }> {
  const written = await writePdf(
    file,
    {
      title: `${DESCRIPTION_TITLE} ${doc.caseNo} ${discText(doc.disc)}`,
      author: doc.office,
      subject: doc.cause,
      createdAt: now,
      footer: `光盘校验值（tagmanifest-sha256.txt 的 SHA-256）：${tagmanifestSha256}`,
    },
    (w) => {
      w.heading(DESCRIPTION_TITLE, { size: 18, align: 'center', keepWith: 0 });
      w.space(6);
      w.heading('一、案件信息', { keepWith: 0 });
      w.fields(caseRows(doc));
      w.space(14);
      w.heading(`二、音像资料（共 ${doc.records.length} 个文件）`, { keepWith: 0 });
      for (const [i, r] of doc.records.entries()) {
        const rows = recordRows(r);
        if (i > 0) w.space(10);
        // A record's table stays on one page with its heading whenever a page can hold it.
        w.heading(recordHeading(r, i), { size: 11, keepWith: w.fieldsHeight(rows) });
        w.fields(rows);
      }
      w.space(14);
      w.heading('三、签名', { keepWith: 80 });
      w.paragraph('以上文字说明与光盘内容一致。\n各文件的校验值另见光盘中的 manifest-sha256.txt 和 manifest-sm3.txt。');
      w.signatures(['制作人（签名）', '审核人（签名）']);
    },
  );
  return { font: written.font.description };
}
