import { useState, type ReactNode } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodName, OutputOf } from '../../../shared/contract/methods.js';
import { servedUrl } from '../api/documents.js';
import { useCallMutation } from '../api/use-call.js';

/** The methods that write a document for the caller's session and answer where it is. */
export type DocumentMethod = { [M in MethodName]: OutputOf<M> extends { path: string; name: string } ? M : never }[MethodName];

export interface SavedDocument {
  path: string;
  /** The bridge's address for the file, when it serves it (a browser can't open a local path). */
  url: string | null;
}

/**
 * A call that writes a document (labels, a form, a receipt, a register), and what it saved: the
 * path, and the address to open it at when the bridge serves it.
 */
export function useDocumentCall<M extends DocumentMethod>(method: M) {
  const [saved, setSaved] = useState<SavedDocument | null>(null);
  const call = useCallMutation(method, {
    onSuccess: (out) => {
      const { path, name } = out as { path: string; name: string };
      void servedUrl(name).then((url) => setSaved({ path, url }));
    },
  });
  return { call, saved, close: () => setSaved(null) };
}

/**
 * Says where a document the core wrote was saved, with a word on what to do with it, and opens it
 * (a PDF) or downloads it (a spreadsheet) when the bridge serves it. `testId` names the modal
 * (`<testId>-result`), its path (`-path`) and its button (`-open`).
 */
export function SavedDocumentModal({ saved, title, text, help, testId, onClose }: { saved: SavedDocument; title: string; text: ReactNode; help?: ReactNode; testId: string; onClose: () => void }) {
  const { t } = useTranslation();
  // A PDF opens in a tab; a spreadsheet or a Word file is downloaded.
  const kind = saved.path.endsWith('.xlsx') ? 'sheet' : saved.path.endsWith('.docx') ? 'word' : 'pdf';
  const open = { sheet: { icon: <FileExcelOutlined />, label: t('documents.download') }, word: { icon: <FileWordOutlined />, label: t('documents.downloadWord') }, pdf: { icon: <FilePdfOutlined />, label: t('documents.openPdf') } }[kind];
  return (
    <Modal open title={title} onCancel={onClose} footer={<Button onClick={onClose}>{t('discs.close')}</Button>} data-testid={`${testId}-result`}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>{text}</Typography.Text>
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid={`${testId}-path`}>
          {saved.path}
        </Typography.Text>
        {help && <Typography.Text type="secondary">{help}</Typography.Text>}
        {saved.url && (
          <Button type="primary" icon={open.icon} href={saved.url} {...(kind === 'pdf' ? { target: '_blank', rel: 'noopener' } : { download: '' })} data-testid={`${testId}-open`}>
            {open.label}
          </Button>
        )}
      </Space>
    </Modal>
  );
}
