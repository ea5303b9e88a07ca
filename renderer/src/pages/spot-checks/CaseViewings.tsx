import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ViewingDto } from '../../../../shared/contract/viewings-dto.js';
import { useCall } from '../../api/use-call.js';
import { formatInstant } from '../../lib/format.js';
import { ViewingEndTag } from '../lending/viewing-words.js';

/** Who viewed the case's recordings, when and why: the viewing register narrowed to the case. */
export function CaseViewings({ caseNo }: { caseNo: string }) {
  const { t } = useTranslation();
  const list = useCall('viewings.list', { caseNo });
  return (
    <div>
      <Typography.Title level={5}>{t('spotChecks.viewings', { count: list.data?.length ?? 0 })}</Typography.Title>
      <Table<ViewingDto>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('spotChecks.noViewings') }}
        data-testid="case-viewings"
        columns={[
          { title: t('viewings.openedAt'), dataIndex: 'openedAt', width: 170, render: (v: string) => formatInstant(v, false) },
          { title: t('viewings.person'), dataIndex: 'person', width: 120 },
          { title: t('viewings.purpose'), dataIndex: 'purpose', ellipsis: true },
          { title: t('viewings.items'), key: 'items', ellipsis: true, render: (_v, v) => v.items.map((i) => i.name).join('、') },
          { title: t('viewings.closedAt'), key: 'end', width: 130, render: (_v, v) => <ViewingEndTag viewing={v} /> },
        ]}
      />
    </div>
  );
}
