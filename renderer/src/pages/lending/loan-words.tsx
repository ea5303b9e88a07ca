import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LoanDto } from '../../../../shared/contract/loans-dto.js';

/** The lent item as people read it: 光盘 2026-G0001, 案卷 峡综执罚〔2026〕12号. */
export function loanItemText(t: TFunction, loan: Pick<LoanDto, 'item'>): string {
  return t(`loans.item_${loan.item.kind}`, { label: loan.item.label });
}

/**
 * Where a loan stands: out (due when), overdue by how many days, back on time, or back late. A
 * late return stays visible: the register is where it is looked for afterwards.
 */
export function LoanStateTag({ loan }: { loan: LoanDto }) {
  const { t } = useTranslation();
  if (loan.returnedAt) return loan.overdueDays > 0 ? <Tag color="orange">{t('loans.lateBack', { count: loan.overdueDays })}</Tag> : <Tag color="green">{t('loans.back')}</Tag>;
  return loan.overdueDays > 0 ? <Tag color="red">{t('loans.overdueDays', { count: loan.overdueDays })}</Tag> : <Tag color="blue">{t('loans.out')}</Tag>;
}
