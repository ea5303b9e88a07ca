import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { CheckOutlined, FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LedgerDto, LedgerFormat } from '../../../../shared/contract/ledgers-dto.js';
import type { CaseKind } from '../../../../shared/rules/case-number.js';
import { wholeMonth } from '../../../../shared/rules/ledger-period.js';
import { useCallMutation } from '../../api/use-call.js';
import { SavedDocumentModal, useDocumentCall } from '../../components/SavedDocument.js';
import { officeToday } from '../../lib/format.js';

const BUTTONS: { format: LedgerFormat; icon: React.ReactNode; label: string }[] = [
  { format: 'xlsx', icon: <FileExcelOutlined />, label: 'ledgers.exportXlsx' },
  { format: 'docx', icon: <FileWordOutlined />, label: 'ledgers.exportDocx' },
  { format: 'pdf', icon: <PrinterOutlined />, label: 'ledgers.print' },
];

/** 导出 Excel / 导出 Word / 打印 of the ledger on screen, and the keeper's 标记已报送 for a finished month. */
export function LedgerActions({ kind, period, ledger, canMark }: { kind: CaseKind; period: { from: string; to: string }; ledger: LedgerDto | undefined; canMark: boolean }) {
  const { t } = useTranslation();
  const { call, saved, close } = useDocumentCall('ledgers.export');
  const mark = useCallMutation('ledgers.markSent', { invalidates: ['ledgers.get', 'ledgers.due'], announce: true });
  const month = wholeMonth(period.from, period.to);
  const over = month !== null && month < officeToday().slice(0, 7);
  const format = saved?.path.slice(saved.path.lastIndexOf('.') + 1) ?? 'pdf';
  return (
    <Space wrap>
      {BUTTONS.map((b) => (
        <Button key={b.format} icon={b.icon} loading={call.isPending && call.variables?.format === b.format} disabled={call.isPending} onClick={() => call.mutate({ kind, ...period, format: b.format })} data-testid={`ledger-export-${b.format}`}>
          {t(b.label)}
        </Button>
      ))}
      {canMark && (
        <Tooltip title={month === null ? t('ledgers.notMonth') : !over ? t('ledgers.notOver') : undefined}>
          <Popconfirm
            title={t('ledgers.markSent')}
            description={t('ledgers.markSentConfirm', { month, ledger: t(`ledgers.title_${kind}`) })}
            disabled={!over || Boolean(ledger?.sent)}
            onConfirm={() => month && mark.mutate({ kind, month })}
          >
            <Button type="primary" icon={<CheckOutlined />} disabled={!over || Boolean(ledger?.sent)} loading={mark.isPending} data-testid="ledger-mark-sent">
              {t('ledgers.markSent')}
            </Button>
          </Popconfirm>
        </Tooltip>
      )}
      {saved && <SavedDocumentModal saved={saved} title={t('ledgers.exportTitle')} text={t(`ledgers.exportSaved_${format}`)} help={t('ledgers.exportHelp')} testId="ledger-document" onClose={close} />}
    </Space>
  );
}
