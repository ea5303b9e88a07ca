import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SavedDocumentModal, useDocumentCall } from '../../components/SavedDocument.js';

/**
 * The receipt (借阅单) of a loan as a PDF, written with the loan as it stands (its return part
 * filled in once the item is back): to sign when it leaves, to file when it returns.
 */
export function PrintReceiptButton({ loanId, number, primary, size }: { loanId: number; number: string; primary?: boolean; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { call, saved, close } = useDocumentCall('loans.receipt');
  return (
    <>
      <Button type={primary ? 'primary' : 'default'} size={size} icon={<PrinterOutlined />} loading={call.isPending} onClick={() => call.mutate({ loanId })} data-testid="loan-print">
        {t('loans.printReceipt')}
      </Button>
      {saved && <SavedDocumentModal saved={saved} title={t('loans.receiptTitle', { number })} text={t('loans.receiptSaved')} help={t('loans.receiptHelp')} testId="receipt" onClose={close} />}
    </>
  );
}
