import type { RequestDto, RequestItem } from '../../../shared/contract/requests-dto.js';
import { SHARED_MESSAGES } from '../../../shared/i18n/messages.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import type { ApprovalForm } from '../documents/approval-form.js';
import { itemsNarrowed } from '../../../shared/rules/request-narrowing.js';

const REQUESTER_ROLE: Record<RequestDto['kind'], string> = {
  officer_view: '执法人员',
  department_view: '其他部门',
  department_borrow: '其他部门',
  party_view: '当事人',
  lend_item: '借用人',
};
const ITEM_WORD: Record<RequestItem['kind'], string> = { record: '记录', case: '案件', disc: '光盘' };
const blank = (v: string) => (v.trim() === '' ? null : v);

/** A request as its printed approval form (审批表) shows it: names and times as the office reads them. */
export function approvalFormOf(r: RequestDto, office: string, caseCause: string | null, timeZone: string): ApprovalForm {
  const at = (instant: string) => officeTime(instant, timeZone).slice(0, 16);
  const label = (i: RequestItem & { label?: string }) => `${ITEM_WORD[i.kind]} ${i.label ?? `#${i.id}`}${i.kind === 'case' ? ' 全部' : ''}`;
  const d = r.decision;
  const granted = d?.grantedItems;
  const narrowedItems = granted && itemsNarrowed(r.items, granted) ? `只批准：${granted.map(label).join('、')}` : null;
  const narrowedWindow = d?.grantedWindow && (d.grantedWindow.from !== r.window.from || d.grantedWindow.to !== r.window.to) ? `时间改为 ${at(d.grantedWindow.from)} 至 ${at(d.grantedWindow.to)}` : null;
  return {
    office,
    number: r.number,
    kind: r.kind,
    caseNo: r.caseNo,
    caseCause,
    requester: {
      name: r.requester.name,
      role: REQUESTER_ROLE[r.kind],
      department: blank(r.requester.department),
      idType: blank(r.requester.idType),
      idNumber: blank(r.requester.idNumber),
      relation: blank(r.requester.relation),
      contact: blank(r.requester.contact),
    },
    items: r.items.map((i) => ({ label: label(i), detail: null })),
    purpose: r.purpose,
    content: r.content,
    window: { from: at(r.window.from), to: at(r.window.to) },
    requestedAt: at(r.createdAt),
    requestedBy: r.createdBy,
    decision: d
      ? {
          outcome: r.state === 'approved' ? 'approved' : 'rejected',
          by: d.by,
          role: SHARED_MESSAGES['zh-CN'].roles[r.approverRole],
          at: at(d.at),
          reason: d.reason,
          narrowed: [narrowedItems, narrowedWindow].filter(Boolean).join('；') || null,
          source: d.source,
          paperScanSha256: d.paperScanSha256,
        }
      : null,
    chainHead: d ? d.chainHead : null,
  };
}
