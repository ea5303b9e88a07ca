import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { AuditOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { DestructionItemDto } from '../../../../shared/contract/destruction-dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall } from '../../api/use-call.js';
import { DecidedBy, PaperRecord } from '../../components/PaperDecisionText.js';
import { SavedDocumentModal, useDocumentCall } from '../../components/SavedDocument.js';
import { errorText, shapeText } from '../../lib/errors.js';
import { formatInstant, formatWallClock } from '../../lib/format.js';
import { DecideListDialog } from './DecideListDialog.js';
import { ExecuteListButton } from './ExecuteListButton.js';
import { PaperListDialog } from './PaperListDialog.js';
import { ListStateTag, fileNameColumn, ruleText } from './retention-words.js';

/** One destruction list: why, who proposed it, what is on it (as frozen then), the decision, and its printed form. */
export function ListDrawer({ id, account, onClose }: { id: number; account: AccountDto; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useCall('destruction.get', { id });
  const [dialog, setDialog] = useState<'decide' | 'paper' | null>(null);
  const print = useDocumentCall('destruction.form');
  const l = detail.data;
  const d = l?.decision;
  const run = l?.lastRun;
  const mayDecide = l?.state === 'pending' && can(account, 'retention.approve') && l.proposedById !== account.id;
  return (
    <Drawer open width={960} title={l ? t('retention.listTitle', { number: l.number }) : ''} onClose={onClose} data-testid="list-detail">
      {detail.isError && <Alert type="error" showIcon message={errorText(t, detail.error)} />}
      {l && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            {mayDecide && (
              <Button type="primary" icon={<AuditOutlined />} onClick={() => setDialog('decide')} data-testid="list-decide">
                {t('retention.decide')}
              </Button>
            )}
            {l.state === 'approved' && can(account, 'retention.manage') && <ExecuteListButton list={l} />}
            {l.state === 'pending' && can(account, 'retention.manage') && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('paper')} data-testid="list-paper">
                {t('requests.paperDecision')}
              </Button>
            )}
            <Button icon={<PrinterOutlined />} loading={print.call.isPending} onClick={() => print.call.mutate({ id: l.id })} data-testid="list-print">
              {t('retention.printList')}
            </Button>
          </Space>
          {l.state === 'pending' && !mayDecide && <Alert type="info" showIcon message={t('retention.waitingLeader')} />}
          {l.state === 'approved' && run && run.state !== 'running' && (
            <Alert
              type="warning"
              showIcon
              message={t('retention.lastRunStopped', { at: formatInstant(run.startedAt), destroyed: run.destroyed, total: l.items.length })}
              description={
                <>
                  <div>{run.problem ? shapeText(t, run.problem) : t('retention.lastRunInterrupted')}</div>
                  <div>{t('retention.lastRunAgain')}</div>
                </>
              }
              data-testid="list-last-run"
            />
          )}
          <Descriptions bordered size="small" column={2} data-testid="list-facts">
            <Descriptions.Item label={t('retention.listNumber')}>
              <Typography.Text strong>{l.number}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('retention.listState')}>
              <ListStateTag state={l.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('retention.proposed')}>{t('discs.atBy', { at: formatInstant(l.proposedAt, false), by: l.proposedBy })}</Descriptions.Item>
            <Descriptions.Item label={t('retention.itemCount')}>{l.items.length}</Descriptions.Item>
            <Descriptions.Item label={t('retention.proposeReason')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{l.reason}</span>
            </Descriptions.Item>
            {d && (
              <>
                <Descriptions.Item label={t('retention.decidedBy')}>
                  <DecidedBy d={d} />
                </Descriptions.Item>
                <Descriptions.Item label={t('retention.witness')}>{d.witness ?? '—'}</Descriptions.Item>
                {d.source === 'paper' && (
                  <Descriptions.Item label={t('requests.paperScan')} span={2}>
                    <PaperRecord d={d} />
                  </Descriptions.Item>
                )}
                {d.reason && (
                  <Descriptions.Item label={l.state === 'rejected' ? t('retention.rejectReason') : t('retention.remark')} span={2}>
                    <span data-testid="list-reason">{d.reason}</span>
                  </Descriptions.Item>
                )}
                {l.executedAt && <Descriptions.Item label={t('retention.executedAt')} span={2}>{formatInstant(l.executedAt)}</Descriptions.Item>}
                <Descriptions.Item label={t('requests.chainHead')} span={2}>
                  <Typography.Text code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {t('requests.chainSeq', { seq: d.chainHead.seq })} {d.chainHead.hash}
                  </Typography.Text>
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          <Table<DestructionItemDto>
            size="small"
            rowKey="recordId"
            pagination={false}
            dataSource={l.items}
            data-testid="list-items"
            columns={[
              fileNameColumn(t),
              { title: t('retention.colOfficer'), key: 'officer', width: 100, render: (_: unknown, i) => i.officer ?? '—' },
              { title: t('retention.colRecorded'), key: 'recorded', width: 150, render: (_: unknown, i) => formatWallClock(i.recordedAt, false) || '—' },
              { title: t('retention.colKeptThrough'), dataIndex: 'keptThrough', key: 'kept', width: 110 },
              { title: t('retention.colWhy'), key: 'why', render: (_: unknown, i) => <Typography.Text type="secondary">{ruleText(t, i.rule)}</Typography.Text> },
              ...(l.state === 'pending' || l.state === 'rejected'
                ? []
                : [{ title: t('retention.colDestroyed'), key: 'destroyed', width: 150, render: (_: unknown, i: DestructionItemDto) => (i.destroyedAt ? formatInstant(i.destroyedAt) : '—') }]),
              { title: 'SHA-256', key: 'sha', width: 130, render: (_: unknown, i) => <Typography.Text code title={i.sha256}>{`${i.sha256.slice(0, 12)}…`}</Typography.Text> },
            ]}
          />
        </Space>
      )}
      {l && dialog === 'decide' && <DecideListDialog list={l} account={account} onClose={() => setDialog(null)} />}
      {l && dialog === 'paper' && <PaperListDialog list={l} onClose={() => setDialog(null)} />}
      {print.saved && l && <SavedDocumentModal saved={print.saved} title={t('retention.listPrinted', { number: l.number })} text={t('requests.formSaved')} help={t('retention.listPrintHelp')} testId="list-form" onClose={print.close} />}
    </Drawer>
  );
}
