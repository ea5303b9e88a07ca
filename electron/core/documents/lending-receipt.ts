import { LOAN_CONDITIONS } from '../../../shared/contract/loans-dto.js';
import { DATE_BLANKS, FormGrid, NONE, SIGN_AND_DATE } from './form-grid.js';
import { writePdf } from './pdf-document.js';

/** A physical loan (a disc or a paper file) as signed for when it leaves the room and comes back. */
export interface LendingReceipt {
  office: string;
  /** The loan number. */
  number: string;
  approvalNumber: string | null;
  item: { label: string; detail: string | null };
  borrower: { name: string; department: string | null; contact: string | null };
  lentAt: string;
  dueOn: string;
  lentBy: string;
  returned: null | { at: string; condition: string; receivedBy: string };
}

export const LENDING_TITLE = '档案资料借阅单';
const TERMS = '借阅期间妥善保管，不得转借、涂改或损毁，并于应还日期前归还。';

/**
 * The receipt for a loan, A4, signed by the borrower and by the archivist who hands it over.
 * Its return part is printed filled in once the item is back, else left to fill in by hand
 * when it comes back: date, condition (tick one) and who received it.
 */
export async function writeLendingReceipt(file: string, r: LendingReceipt, now: Date): Promise<{ font: string }> {
  const written = await writePdf(
    file,
    {
      title: `${LENDING_TITLE} ${r.number}`,
      author: r.office,
      subject: r.item.label,
      createdAt: now,
      footer: `借阅单号：${r.number}\u3000审批编号：${r.approvalNumber ?? NONE}`,
    },
    (w) => {
      const grid = new FormGrid(w, 96);
      grid.header(LENDING_TITLE, r.office, r.number);

      const item = grid.wide('物品名称', r.item.label);
      grid.section('一、借阅物品', grid.height(item));
      grid.put(item);
      grid.put(grid.wide('说明', r.item.detail ?? NONE));
      grid.put(grid.wide('审批编号', r.approvalNumber ?? NONE));

      const borrower = grid.pair(['姓名', r.borrower.name], ['联系方式', r.borrower.contact ?? NONE]);
      grid.section('二、借阅人', grid.height(borrower));
      grid.put(borrower);
      grid.put(grid.wide('单位/部门', r.borrower.department ?? NONE));

      // The due date is what the borrower must remember: it stands out.
      const lent = [...grid.pair(['借出时间', r.lentAt], ['应还日期', r.dueOn]).slice(0, 3), { text: r.dueOn, bold: true }];
      grid.section('三、借出', grid.height(lent) + 3 * 40);
      grid.put(lent);
      grid.put(grid.wide('经办人', `${r.lentBy}（档案管理员）`));
      grid.put(grid.wide('借阅须知', TERMS, { bold: true }));
      grid.handRow('借阅人签名', SIGN_AND_DATE, { text: '已收到上述物品，知悉借阅须知。', minHeight: 46 });
      grid.handRow('经办人签名\n（档案管理员）', SIGN_AND_DATE, { minHeight: 36 });

      if (r.returned) {
        const back = grid.pair(['归还时间', r.returned.at], ['接收人', r.returned.receivedBy]);
        grid.section('四、归还', 2 * grid.height(back));
        grid.put(back);
        grid.put(grid.wide('归还时状况', r.returned.condition));
      } else {
        grid.section('四、归还（归还时填写）', 32 + 60 + 36);
        grid.handRow('归还日期', DATE_BLANKS, { minHeight: 32, align: 'left' });
        grid.handRow('归还时状况', [], { text: `${Object.values(LOAN_CONDITIONS).map((c) => `□ ${c}`).join('\u3000\u3000')}\n情况说明：`, minHeight: 60 });
        grid.handRow('接收人签名', SIGN_AND_DATE, { minHeight: 36 });
      }
    },
  );
  return { font: written.font.description };
}
