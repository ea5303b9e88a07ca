import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { SpotCheckSummaryDto } from '../../../../shared/contract/spot-checks-dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { DrawDialog } from './DrawDialog.js';
import { SpotCheckDetail } from './SpotCheckDetail.js';

/**
 * 抽查: the supervisor's spot checks of case files drawn at random from the ledger (004 §11),
 * newest first; one opens below the list. The open check is in the address (`#/spotChecks/3`),
 * so a reload or a link comes back to it. The keeper and leaders read; the supervisor draws and judges.
 */
export function SpotChecksPage({ account, part, onPart }: { account: AccountDto; part: string | null; onPart: (part: string) => void }) {
  const { t } = useTranslation();
  const [drawing, setDrawing] = useState(false);
  const judge = can(account, 'spotChecks.manage');
  const discs = can(account, 'discs.read') ? { manage: false, check: can(account, 'discs.check') } : null;
  const list = useCall('spotChecks.list', {});
  const selected = part && /^\d+$/.test(part) ? Number(part) : null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('spotChecks.title')}
        extra={
          judge && (
            <Button type="primary" onClick={() => setDrawing(true)} data-testid="spot-new">
              {t('spotChecks.new')}
            </Button>
          )
        }
      >
        {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} style={{ marginBottom: 16 }} />}
        <Table<SpotCheckSummaryDto>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={(list.data?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: judge ? t('spotChecks.emptyJudge') : t('spotChecks.empty') }}
          rowClassName={(c) => (c.id === selected ? 'ant-table-row-selected' : '')}
          onRow={(c) => ({ onClick: () => onPart(String(c.id)), style: { cursor: 'pointer' } })}
          data-testid="spot-list"
          columns={[
            { title: t('spotChecks.number'), dataIndex: 'number', width: 120 },
            { title: t('spotChecks.period'), key: 'period', width: 220, render: (_v, c) => t('spotChecks.periodText', { from: c.from, to: c.to }) },
            { title: t('spotChecks.seed'), dataIndex: 'seed', width: 120 },
            { title: t('spotChecks.sample'), key: 'sample', width: 170, render: (_v, c) => t('spotChecks.sampleText', { drawn: c.drawn, candidates: c.candidates }) },
            {
              title: t('spotChecks.results'),
              key: 'results',
              render: (_v, c) => (
                <Space size={4}>
                  <Tag color="green">{t('spotChecks.passedCount', { count: c.passed })}</Tag>
                  <Tag color="red">{t('spotChecks.problemsCount', { count: c.problems })}</Tag>
                  <Tag>{t('spotChecks.uncheckedCount', { count: c.unchecked })}</Tag>
                </Space>
              ),
            },
            { title: t('spotChecks.drawnBy'), key: 'drawnBy', width: 220, render: (_v, c) => `${c.drawnBy}，${formatInstant(c.drawnAt, false)}` },
            { title: t('spotChecks.state'), key: 'state', width: 100, render: (_v, c) => (c.closedAt ? <Tag>{t('spotChecks.closed')}</Tag> : <Tag color="blue">{t('spotChecks.open')}</Tag>) },
          ]}
        />
      </Card>
      {selected !== null && <SpotCheckDetail key={selected} id={selected} judge={judge} discs={discs} />}
      {drawing && (
        <DrawDialog
          onClose={() => setDrawing(false)}
          onDrawn={(c) => {
            setDrawing(false);
            onPart(String(c.id));
          }}
        />
      )}
    </Space>
  );
}
