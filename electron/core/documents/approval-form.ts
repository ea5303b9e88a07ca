import { chainHeadText } from './chain-head.js';
import { FormGrid, NONE, SIGN_AND_DATE } from './form-grid.js';
import { writePdf, type PdfWriter } from './pdf-document.js';

/** A request to view or borrow evidence, and the leader's decision on it, as printed on paper. */
export interface ApprovalForm {
  office: string;
  /** Approval number, e.g. 2026-S0007. */
  number: string;
  kind: 'officer_view' | 'department_view' | 'department_borrow' | 'party_view' | 'lend_item';
  caseNo: string | null;
  caseCause: string | null;
  requester: {
    name: string;
    /** e.g. 执法人员 / 其他部门 / 当事人 */
    role: string;
    department: string | null;
    idType: string | null;
    idNumber: string | null;
    relation: string | null;
    contact: string | null;
  };
  /** e.g. 记录 #12 T001_….MP4 / 光盘 2026-G0001 / 案件 峡综执罚〔2026〕12号 全部 */
  items: { label: string; detail: string | null }[];
  purpose: string;
  content: string;
  /** Formatted office time. */
  window: { from: string; to: string };
  requestedAt: string;
  requestedBy: string;
  decision: null | {
    outcome: 'approved' | 'rejected';
    by: string;
    role: string;
    at: string;
    reason: string | null;
    /** What was narrowed, in words. */
    narrowed: string | null;
    source: 'app' | 'paper';
    paperScanSha256: string | null;
  };
  /** The audit chain head at the moment of decision. */
  chainHead: { seq: number; hash: string } | null;
}

type Kind = ApprovalForm['kind'];

/** Each kind of request as the printed forms and registers name it. */
export const KIND_TEXT: Record<Kind, string> = {
  officer_view: '执法人员查阅',
  department_view: '其他部门查阅',
  department_borrow: '其他部门借阅',
  party_view: '当事人查阅',
  lend_item: '实物借阅（光盘、纸质卷宗）',
};

const PARTY_NOTE = '当事人只可查看，不得复制、摘录或拍摄。';
/** Height of a box for a leader's written opinion, in points: room for a few lines and the signature. */
const OPINION = { least: 66, most: 110 };

const borrowing = (kind: Kind) => kind === 'department_borrow' || kind === 'lend_item';
const verbOf = (kind: Kind) => (borrowing(kind) ? '借阅' : '查阅');

function chainText(form: ApprovalForm): string {
  if (form.chainHead) return chainHeadText(form.chainHead);
  return form.decision ? NONE : '未审批';
}

function requestPart(w: PdfWriter, grid: FormGrid, form: ApprovalForm, verb: string): void {
  const r = form.requester;
  const first = grid.pair(['姓名', r.name], ['身份', r.role]);
  grid.section('一、申请人', grid.height(first));
  grid.put(first);
  grid.put(grid.pair(['单位/部门', r.department ?? NONE], ['联系方式', r.contact ?? NONE]));
  grid.put(grid.pair(['证件类型', r.idType ?? NONE], ['证件号码', r.idNumber ?? NONE]));
  grid.put(grid.wide('与案件关系', r.relation ?? NONE));

  const kindRow = grid.pair(['申请类别', KIND_TEXT[form.kind]], ['案号', form.caseNo ?? NONE]);
  grid.section(`二、申请事项（共 ${form.items.length} 项）`, grid.height(kindRow));
  grid.put(kindRow);
  grid.put(grid.wide('案由', form.caseCause ?? NONE));
  w.table(
    [
      { header: '序号', width: 42, align: 'center' },
      { header: `申请${verb}的资料` },
      { header: '说明', width: 150 },
    ],
    form.items.map((item, i) => [String(i + 1), item.label, item.detail ?? '']),
  );

  const purpose = grid.wide(`${verb}目的`, form.purpose);
  grid.section(`三、${verb}目的和内容`, grid.height(purpose));
  grid.put(purpose);
  grid.put(grid.wide(`${verb}内容`, form.content));

  const window = grid.wide(borrowing(form.kind) ? '借阅期限' : '查阅时间', `${form.window.from} 至 ${form.window.to}`);
  grid.section('四、时间范围', grid.height(window));
  grid.put(window);
  grid.put(grid.pair(['申请时间', form.requestedAt], ['登记人', form.requestedBy]));
  // The conditions sit right above the applicant's signature: signing is agreeing to them.
  if (borrowing(form.kind)) grid.put(grid.wide('归还要求', `借阅资料须于 ${form.window.to} 前归还；借阅期间妥善保管，不得转借、涂改或损毁。`));
  if (form.kind === 'party_view') grid.put(grid.wide('查阅须知', PARTY_NOTE, { bold: true }));
  const known = form.kind === 'party_view' ? '已知悉上述查阅须知，' : borrowing(form.kind) ? '已知悉上述归还要求，' : '';
  grid.handRow('申请人确认', SIGN_AND_DATE, { text: `${known}以上所填内容属实。`, minHeight: 46 });
}

function decisionPart(w: PdfWriter, grid: FormGrid, form: ApprovalForm): void {
  const d = form.decision;
  if (!d) {
    // Both boxes stay on one page with their heading, and take the room the page has left
    // (within reason), so a short request is still one sheet.
    const bar = grid.height([{ text: '五' }]);
    const left = Math.floor((w.bottom - w.doc.y - bar) / 2);
    const box = left >= OPINION.least ? Math.min(left, OPINION.most) : OPINION.most;
    grid.section('五、审批意见', 2 * box);
    grid.handRow('分管领导意见', SIGN_AND_DATE, { minHeight: box });
    grid.handRow('主要负责人意见', SIGN_AND_DATE, { minHeight: box });
    return;
  }
  const rows = [
    grid.pair(['审批结果', d.outcome === 'approved' ? '批准' : '不予批准'], ['审批方式', d.source === 'paper' ? '纸质审批录入' : '系统内审批'], { bold: true }),
    grid.pair(['审批人', `${d.by}（${d.role}）`], ['审批时间', d.at]),
    grid.wide('审批意见', d.reason ?? NONE),
  ];
  if (d.outcome === 'approved') rows.push(grid.wide('范围调整', d.narrowed ?? '未调整，按申请事项批准'));
  else if (d.narrowed) rows.push(grid.wide('范围调整', d.narrowed));
  if (d.source === 'paper') rows.push(grid.wide('审批单扫描件', d.paperScanSha256 ? `SHA-256：${d.paperScanSha256}` : '（未附扫描件）', { small: true }));
  rows.push(grid.wide('审计链头', chainText(form), { small: true }));
  // The decision reads as one block wherever a page can hold it.
  grid.section('五、审批意见', Math.min(rows.reduce((sum, row) => sum + grid.height(row), 0), w.bottom - w.top - 40));
  for (const row of rows) grid.put(row);
}

/**
 * The approval form for viewing or borrowing evidence, A4. Undecided, it leaves boxes for the
 * leaders' opinions, signatures and dates, to be approved on paper; decided, it prints the
 * decision as recorded (a paper decision entered afterwards says so and names its scan by
 * SHA-256). Every page's foot carries the approval number and the audit chain head.
 */
export async function writeApprovalForm(file: string, form: ApprovalForm, now: Date): Promise<{ font: string }> {
  const verb = verbOf(form.kind);
  const title = `执法音像资料${verb}审批表`;
  const written = await writePdf(
    file,
    {
      title: `${title} ${form.number}`,
      author: form.office,
      subject: KIND_TEXT[form.kind],
      createdAt: now,
      footer: `审批编号：${form.number}\u3000审计链头：${chainText(form)}`,
    },
    (w) => {
      const grid = new FormGrid(w);
      grid.header(title, form.office, form.number);
      requestPart(w, grid, form, verb);
      decisionPart(w, grid, form);
    },
  );
  return { font: written.font.description };
}
