import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SavedDocumentModal, useDocumentCall } from '../../components/SavedDocument.js';

/**
 * The approval form (审批表) of a request as a PDF, written fresh with the request as it stands: a
 * button, and a note that says where the PDF was saved and opens it when the bridge serves it.
 */
export function PrintFormButton({ id, number, decided }: { id: number; number: string; decided: boolean }) {
  const { t } = useTranslation();
  const { call, saved, close } = useDocumentCall('requests.form');
  return (
    <>
      <Button icon={<PrinterOutlined />} loading={call.isPending} onClick={() => call.mutate({ id })} data-testid="request-print">
        {t('requests.printForm')}
      </Button>
      {saved && (
        <SavedDocumentModal
          saved={saved}
          title={t('requests.formTitle', { number })}
          text={t('requests.formSaved')}
          help={decided ? t('requests.formHelpDecided') : t('requests.formHelp')}
          testId="form"
          onClose={close}
        />
      )}
    </>
  );
}
