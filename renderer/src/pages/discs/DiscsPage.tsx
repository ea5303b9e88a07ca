import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import { FireOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountDto, SystemStatus } from '../../../../shared/contract/dto.js';
import type { DiscDto } from '../../../../shared/contract/discs-dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format-size.js';
import { formatInstant } from '../../lib/format.js';
import { BurnDialog } from './BurnDialog.js';
import { CasePicker } from './CasePicker.js';
import { DiscDrawer, type DiscRights } from './DiscDrawer.js';
import { RunningJob } from './disc-job.js';
import { DiscStateTag, LastCheck, mediumLabel } from './disc-words.js';
import { HealthCheckDialog } from './HealthCheckDialog.js';
import { PrintLabelsButton } from './labels.js';
import { NewDiscFlow } from './NewDiscFlow.js';

/** `#/discs/new` or `#/discs/new-12` (case 12 chosen): the new-disc flow; anything else the register. */
function flowCase(part: string | null): { flow: boolean; caseId?: number } {
  const m = /^new(?:-(\d+))?$/.exec(part ?? '');
  if (!m) return { flow: false };
  return { flow: true, caseId: m[1] ? Number(m[1]) : undefined };
}

export function DiscsPage({ status, account, part, onPart }: { status: SystemStatus; account: AccountDto; part: string | null; onPart: (part?: string) => void }) {
  const rights: DiscRights = { manage: can(account, 'discs.manage'), check: can(account, 'discs.check') };
  const route = flowCase(part);
  if (route.flow && rights.manage) return <NewDiscFlow key={route.caseId ?? 0} initialCaseId={route.caseId} status={status} onBack={() => onPart()} />;
  return <DiscRegister rights={rights} onNew={() => onPart('new')} />;
}

/**
 * The disc register (光盘登记簿): every evidence disc made here, what it holds, whether it was
 * burned and read back, where it is filed and how its last check went.
 */
function DiscRegister({ rights, onNew }: { rights: DiscRights; onNew: () => void }) {
  const { t } = useTranslation();
  const [caseId, setCaseId] = useState<number | undefined>();
  const [state, setState] = useState<DiscDto['state'] | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  const [checking, setChecking] = useState(false);
  const [burning, setBurning] = useState<DiscDto | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const list = useCall('discs.list', caseId ? { caseId } : {});
  const rows = (list.data ?? []).filter((d) => !state || d.state === state);
  return (
    <Card
      title={t('discs.registerTitle')}
      extra={
        <Space>
          {rights.check && (
            <Button icon={<SafetyCertificateOutlined />} onClick={() => setChecking(true)} data-testid="open-check">
              {t('discs.check')}
            </Button>
          )}
          {rights.manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onNew} data-testid="new-disc-button">
              {t('discs.new')}
            </Button>
          )}
        </Space>
      }
    >
      <RunningJob />
      <Flex gap={8} style={{ marginBottom: 16 }} wrap align="center">
        <CasePicker value={caseId} onChange={setCaseId} allowClear placeholder={t('discs.filterCase')} testId="disc-filter-case" />
        <Select
          allowClear
          placeholder={t('discs.state')}
          value={state}
          onChange={setState}
          style={{ width: 200 }}
          options={(['image', 'burned'] as const).map((s) => ({ value: s, label: t(`discs.state_${s}`) }))}
        />
        <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="disc-total">
          {t('discs.total', { count: rows.length })}
        </Typography.Text>
        {rights.manage && <PrintLabelsButton ids={selected} />}
      </Flex>
      {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} style={{ marginBottom: 16 }} />}
      <Table<DiscDto>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: rights.manage ? t('discs.emptyKeeper') : t('discs.empty') }}
        rowSelection={rights.manage ? { selectedRowKeys: selected, onChange: (keys) => setSelected((keys as number[]).slice(0, 50)), columnWidth: 36 } : undefined}
        onRow={(d) => ({ onClick: () => setOpen(d.id), style: { cursor: 'pointer' } })}
        data-testid="disc-register"
        columns={[
          {
            title: t('discs.number'),
            dataIndex: 'number',
            width: 140,
            render: (n: string, d) => (
              <div>
                <Typography.Text strong>{n}</Typography.Text>
                {d.replaces && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('discs.replacesShort', { number: d.replaces.number })}</div>
                )}
              </div>
            ),
          },
          {
            title: t('discs.caseNo'),
            key: 'case',
            width: 210,
            render: (_v, d) => (
              <div>
                <div>{d.caseNo}</div>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('discs.discOfShort', { index: d.index, count: d.count })}</div>
              </div>
            ),
          },
          {
            title: t('discs.content'),
            key: 'content',
            width: 130,
            render: (_v, d) => (
              <div>
                <div>{mediumLabel(d.medium)}</div>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('discs.filesSize', { count: d.fileCount, size: formatBytes(d.payloadBytes) })}</div>
              </div>
            ),
          },
          {
            title: t('discs.state'),
            key: 'state',
            width: 160,
            render: (_v, d) => (
              <div>
                <DiscStateTag state={d.state} />
                {d.burnedAt && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('discs.burnedOn', { at: formatInstant(d.burnedAt, false) })}</div>}
                {rights.manage && d.state === 'image' && (
                  <Button
                    size="small"
                    type="link"
                    icon={<FireOutlined />}
                    style={{ padding: 0 }}
                    onClick={(e) => {
                      e.stopPropagation();
                      setBurning(d);
                    }}
                  >
                    {t('discs.burn')}
                  </Button>
                )}
              </div>
            ),
          },
          {
            title: t('discs.built'),
            key: 'built',
            width: 140,
            render: (_v, d) => (
              <div>
                <div>{formatInstant(d.builtAt, false)}</div>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{d.builtBy ?? t('common.system')}</div>
              </div>
            ),
          },
          {
            title: t('discs.location'),
            dataIndex: 'location',
            render: (l: string | null) => l ?? <Typography.Text type="warning">{t('discs.noLocation')}</Typography.Text>,
          },
          { title: t('discs.lastCheck'), key: 'check', width: 110, render: (_v, d) => <LastCheck check={d.lastCheck} /> },
        ]}
      />
      {open !== null && <DiscDrawer id={open} rights={rights} onClose={() => setOpen(null)} onOpen={setOpen} />}
      {checking && <HealthCheckDialog onClose={() => setChecking(false)} />}
      {burning && <BurnDialog disc={burning} onClose={() => setBurning(null)} />}
    </Card>
  );
}
