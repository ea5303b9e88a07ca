import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DestructionSummaryDto } from '../../../../shared/contract/destruction-dto.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { ListStateTag } from './retention-words.js';

/** Every destruction list, newest first: what waits for the leader, what was approved, rejected or carried out. */
export function ListsTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const lists = useCall('destruction.list', { limit: 200 });
  if (lists.isError) return <Alert type="error" showIcon message={errorText(t, lists.error)} />;
  return (
    <Table<DestructionSummaryDto>
      rowKey="id"
      size="middle"
      loading={lists.isPending}
      dataSource={lists.data?.lists ?? []}
      pagination={false}
      onRow={(l) => ({ onClick: () => onOpen(l.id), style: { cursor: 'pointer' } })}
      data-testid="list-table"
      columns={[
        { title: t('retention.listNumber'), key: 'number', width: 130, render: (_: unknown, l) => <Typography.Text strong>{l.number}</Typography.Text> },
        { title: t('retention.listState'), key: 'state', width: 100, render: (_: unknown, l) => <ListStateTag state={l.state} /> },
        { title: t('retention.itemCount'), dataIndex: 'itemCount', key: 'count', width: 90 },
        { title: t('retention.proposeReason'), dataIndex: 'reason', key: 'reason', ellipsis: true },
        { title: t('retention.proposed'), key: 'proposed', width: 220, render: (_: unknown, l) => t('discs.atBy', { at: formatInstant(l.proposedAt, false), by: l.proposedBy }) },
        { title: t('retention.decidedBy'), key: 'decided', width: 220, render: (_: unknown, l) => (l.decision ? t('discs.atBy', { at: formatInstant(l.decision.at, false), by: l.decision.by }) : '—') },
      ]}
    />
  );
}
