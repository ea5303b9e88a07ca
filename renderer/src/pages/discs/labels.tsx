import { useState } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { servedUrl } from '../../api/documents.js';
import { useCallMutation } from '../../api/use-call.js';

interface Printed {
  path: string;
  /** The bridge's address for the PDF, when it serves it (a browser can't open a local path). */
  url: string | null;
  count: number;
}

/**
 * The case-holder inserts and disc-face labels (案号、当事人、入卷日期) of some discs as one PDF:
 * a button, and a note that says where the PDF was saved and opens it when it can.
 */
export function PrintLabelsButton({ ids, size, type }: { ids: number[]; size?: 'small' | 'middle'; type?: 'default' | 'link' }) {
  const { t } = useTranslation();
  const [printed, setPrinted] = useState<Printed | null>(null);
  const print = useCallMutation('discs.labels', {
    onSuccess: (out) => void servedUrl(out.name).then((url) => setPrinted({ path: out.path, url, count: ids.length })),
  });
  return (
    <>
      <Button size={size} type={type} icon={<PrinterOutlined />} disabled={ids.length === 0} loading={print.isPending} onClick={() => print.mutate({ ids })} data-testid="print-labels">
        {ids.length > 1 ? t('discs.printLabelsCount', { count: ids.length }) : t('discs.printLabels')}
      </Button>
      {printed && (
        <Modal open title={t('discs.labelsTitle')} onCancel={() => setPrinted(null)} footer={<Button onClick={() => setPrinted(null)}>{t('discs.close')}</Button>} data-testid="labels-result">
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text>{t('discs.labelsSaved', { count: printed.count })}</Typography.Text>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="labels-path">
              {printed.path}
            </Typography.Text>
            <Typography.Text type="secondary">{t('discs.labelsHelp')}</Typography.Text>
            {printed.url && (
              <Button type="primary" icon={<FilePdfOutlined />} href={printed.url} target="_blank" rel="noopener" data-testid="labels-open">
                {t('discs.labelsOpen')}
              </Button>
            )}
          </Space>
        </Modal>
      )}
    </>
  );
}
