import { useState } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { servedUrl } from '../../api/documents.js';
import { useCallMutation } from '../../api/use-call.js';

/**
 * The approval form (审批表) of a request as a PDF, written fresh with the request as it stands: a
 * button, and a note that says where the PDF was saved and opens it when the bridge serves it.
 */
export function PrintFormButton({ id, number, decided }: { id: number; number: string; decided: boolean }) {
  const { t } = useTranslation();
  const [printed, setPrinted] = useState<{ path: string; url: string | null } | null>(null);
  const print = useCallMutation('requests.form', { onSuccess: (out) => void servedUrl(out.name).then((url) => setPrinted({ path: out.path, url })) });
  return (
    <>
      <Button icon={<PrinterOutlined />} loading={print.isPending} onClick={() => print.mutate({ id })} data-testid="request-print">
        {t('requests.printForm')}
      </Button>
      {printed && (
        <Modal open title={t('requests.formTitle', { number })} onCancel={() => setPrinted(null)} footer={<Button onClick={() => setPrinted(null)}>{t('discs.close')}</Button>} data-testid="form-result">
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text>{t('requests.formSaved')}</Typography.Text>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="form-path">
              {printed.path}
            </Typography.Text>
            <Typography.Text type="secondary">{decided ? t('requests.formHelpDecided') : t('requests.formHelp')}</Typography.Text>
            {printed.url && (
              <Button type="primary" icon={<FilePdfOutlined />} href={printed.url} target="_blank" rel="noopener" data-testid="form-open">
                {t('discs.labelsOpen')}
              </Button>
            )}
          </Space>
        </Modal>
      )}
    </>
  );
}
