import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SavedDocumentModal, useDocumentCall } from '../../components/SavedDocument.js';

/**
 * The case-holder inserts and disc-face labels (案号、当事人、入卷日期) of some discs as one PDF:
 * a button, and a note that says where the PDF was saved and opens it when it can.
 */
export function PrintLabelsButton({ ids, size, type }: { ids: number[]; size?: 'small' | 'middle'; type?: 'default' | 'link' }) {
  const { t } = useTranslation();
  const { call, saved, close } = useDocumentCall('discs.labels');
  return (
    <>
      <Button size={size} type={type} icon={<PrinterOutlined />} disabled={ids.length === 0} loading={call.isPending} onClick={() => call.mutate({ ids })} data-testid="print-labels">
        {ids.length > 1 ? t('discs.printLabelsCount', { count: ids.length }) : t('discs.printLabels')}
      </Button>
      {saved && <SavedDocumentModal saved={saved} title={t('discs.labelsTitle')} text={t('discs.labelsSaved', { count: ids.length })} help={t('discs.labelsHelp')} testId="labels" onClose={close} />}
    </>
  );
}
