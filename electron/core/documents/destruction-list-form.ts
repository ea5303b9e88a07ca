import { chainHeadText } from './chain-head.js';
import { FormGrid, NONE, SIGN_AND_DATE } from './form-grid.js';
import { writePdf, type PdfWriter } from './pdf-document.js';

/** A destruction list (销毁清单) as printed for the paper file. */
export interface DestructionListForm {
  office: string;
  /** e.g. 2026-X0001 */
  number: string;
  /** The list's state in words (待审批, 已批准, …). */
  state: string;
  reason: string;
  proposedAt: string;
  proposedBy: string;
  totalBytes: number;
  items: { name: string; officer: string | null; recordedAt: string | null; keptThrough: string; sha256: string }[];
  decision: null | {
    outcome: 'approved' | 'rejected';
    by: string;
    at: string;
    reason: string | null;
    source: 'app' | 'paper';
    recordedBy: string | null;
    paperScanSha256: string | null;
    witness: string | null;
  };
  /** The audit chain head: when the list was decided, or (undecided) when it was printed. */
  chainHead: { seq: number; hash: string; when: 'decided' | 'printed' };
}

export const DESTRUCTION_TITLE = '执法音像资料销毁清单';

/** The hash wraps in its column at this size: two lines of 32 hex digits fit the column below. */
const HASH_SIZE = 7.5;

function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function chainText(form: DestructionListForm): string {
  return chainHeadText(form.chainHead, form.chainHead.when === 'decided' ? '审批时' : '打印时');
}

function decisionPart(grid: FormGrid, form: DestructionListForm): void {
  const d = form.decision;
  if (!d) {
    grid.section('三、审批意见', 90);
    grid.handRow('分管领导意见', SIGN_AND_DATE, { text: '□ 同意销毁\u3000\u3000□ 不同意销毁\n意见：', minHeight: 90 });
    return;
  }
  const rows = [
    grid.pair(['审批结果', d.outcome === 'approved' ? '同意销毁' : '不同意销毁'], ['审批方式', d.source === 'paper' ? `纸质审批录入（录入人：${d.recordedBy ?? NONE}）` : '系统内审批'], { bold: true }),
    grid.pair(['审批人', `${d.by}（分管领导）`], ['审批时间', d.at]),
    grid.wide('审批意见', d.reason ?? NONE),
    grid.wide('监销人', d.witness ?? '（未指定，签字时填写）'),
  ];
  if (d.source === 'paper') rows.push(grid.wide('审批单扫描件', d.paperScanSha256 ? `SHA-256：${d.paperScanSha256}` : '（未附扫描件）', { small: true }));
  grid.section('三、审批意见', rows.reduce((sum, row) => sum + grid.height(row), 0));
  for (const row of rows) grid.put(row);
}

function itemsPart(w: PdfWriter, grid: FormGrid, form: DestructionListForm): void {
  grid.section(`二、拟销毁资料（共 ${form.items.length} 条，合计 ${sizeText(form.totalBytes)}）`, 60);
  w.table(
    [
      { header: '序号', width: 30, align: 'center', size: 8.5 },
      { header: '文件名', size: 8.5 },
      { header: '执法人员', width: 52, size: 8.5 },
      { header: '录制时间', width: 62, size: 8.5 },
      { header: '保管至', width: 52, size: 8.5 },
      { header: 'SHA-256', width: 150, size: HASH_SIZE },
    ],
    form.items.map((i, n) => [String(n + 1), i.name, i.officer ?? NONE, i.recordedAt ?? NONE, i.keptThrough, i.sha256]),
  );
}

/**
 * The destruction list for the paper file, A4: the list number, why, who proposed it and when;
 * every record with its file name, officer, recording time, last day kept and SHA-256 (frozen when
 * proposed); the leader's decision as recorded, or a box to decide on paper; then signature
 * spaces for the approver (审批人), the witness (监销人) and the keeper who handles it (经办人).
 * Every page's foot carries the list number and the audit chain head.
 */
export async function writeDestructionList(file: string, form: DestructionListForm, now: Date): Promise<{ font: string; pages: number }> {
  const written = await writePdf(
    file,
    {
      title: `${DESTRUCTION_TITLE} ${form.number}`,
      author: form.office,
      subject: `${form.items.length} 条记录`,
      createdAt: now,
      footer: `清单编号：${form.number}\u3000审计链头：${chainText(form)}`,
    },
    (w) => {
      const grid = new FormGrid(w);
      grid.header(DESTRUCTION_TITLE, form.office, form.number);
      const first = grid.pair(['提出人', `${form.proposedBy}（档案管理员）`], ['提出时间', form.proposedAt]);
      grid.section('一、销毁事由', grid.height(first) * 3);
      grid.put(first);
      grid.put(grid.pair(['清单状态', form.state], ['记录数', `${form.items.length} 条`]));
      grid.put(grid.wide('销毁事由', form.reason));
      grid.put(grid.wide('依据', '所列资料保管期限均已届满；提出和审批时均无案件未结、查阅借阅申请、借出、完整性告警或人工保全。'));
      itemsPart(w, grid, form);
      decisionPart(grid, form);
      grid.put(grid.wide('审计链头', chainText(form), { small: true }));
      grid.section('四、签字', 3 * 40);
      grid.handRow('审批人\n（分管领导）', SIGN_AND_DATE, { minHeight: 40 });
      grid.handRow('监销人', SIGN_AND_DATE, { minHeight: 40 });
      grid.handRow('经办人\n（档案管理员）', SIGN_AND_DATE, { minHeight: 40 });
    },
  );
  return { font: written.font.description, pages: written.pages };
}
