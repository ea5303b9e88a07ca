import { Button, Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract/methods.js';
import { SavedDocumentModal, useDocumentCall } from '../../components/SavedDocument.js';

type Export = InputOf<'registers.export'>;
/** A register and the filter on screen: what is printed or exported is what is listed (all of it, past the screen's page). */
export type RegisterRequest = Export extends infer E ? (E extends Export ? Omit<E, 'format'> : never) : never;

/** 打印 (an A4 landscape PDF) and 导出 Excel of a register as filtered on screen. */
export function RegisterExportButtons({ request }: { request: RegisterRequest }) {
  const { t } = useTranslation();
  const { call, saved, close } = useDocumentCall('registers.export');
  const pending = (format: Export['format']) => call.isPending && call.variables?.format === format;
  const run = (format: Export['format']) => call.mutate({ ...request, format });
  const format = saved?.path.endsWith('.xlsx') ? 'xlsx' : 'pdf';
  return (
    <Space>
      <Button icon={<PrinterOutlined />} loading={pending('pdf')} disabled={call.isPending} onClick={() => run('pdf')} data-testid={`${request.register}-print`}>
        {t('registers.print')}
      </Button>
      <Button icon={<FileExcelOutlined />} loading={pending('xlsx')} disabled={call.isPending} onClick={() => run('xlsx')} data-testid={`${request.register}-export`}>
        {t('registers.exportXlsx')}
      </Button>
      {saved && (
        <SavedDocumentModal
          saved={saved}
          title={t(`registers.exportTitle_${request.register}`)}
          text={t(`registers.exportSaved_${format}`)}
          help={t(`registers.exportHelp_${format}`)}
          testId={`${request.register}-document`}
          onClose={close}
        />
      )}
    </Space>
  );
}
