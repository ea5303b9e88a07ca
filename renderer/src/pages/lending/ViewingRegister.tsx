import { useState } from 'react';
import { Alert, Card, Table, Typography } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract/limits.js';
import type { InputOf } from '../../../../shared/contract/methods.js';
import { VIEWING_STATES } from '../../../../shared/contract/registers-dto.js';
import type { ViewingDto } from '../../../../shared/contract/viewings-dto.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { RegisterCount } from './RegisterCount.js';
import { RegisterExportButtons } from './RegisterExportButtons.js';
import { NO_FILTERS, RegisterFilters, type RegisterFilterValues } from './RegisterFilters.js';
import { ViewingDrawer } from './ViewingDrawer.js';
import { ViewingEndTag, playCount } from './viewing-words.js';

const muted = { fontSize: 12, color: 'rgba(0,0,0,0.45)' } as const;

/** The bar's values as the core's filter (an empty field filters nothing). */
function viewingFilters(v: RegisterFilterValues): InputOf<'viewings.list'> {
  return { from: v.from, to: v.to, person: v.text.trim() || undefined, caseNo: v.caseNo.trim() || undefined, state: v.state as (typeof VIEWING_STATES)[number] | undefined };
}

/**
 * The viewing register (查阅登记): every viewing at the workstation by a party or a department —
 * who, on which approval, what they viewed and why, how it ended — newest first. A row opens the
 * viewing with each item's play, pause, seek and end.
 */
export function ViewingRegister() {
  const { t } = useTranslation();
  const [values, setValues] = useState<RegisterFilterValues>(NO_FILTERS);
  const [open, setOpen] = useState<number | null>(null);
  const filters = viewingFilters(values);
  const list = useCall('viewings.list', filters, { placeholderData: keepPreviousData });
  const rows = list.data ?? [];
  return (
    <Card title={t('lending.tab_viewings')} extra={<RegisterExportButtons request={{ register: 'viewings', filters }} />} data-testid="viewing-register">
      <RegisterFilters
        value={values}
        onChange={setValues}
        textLabel={t('registers.person')}
        states={VIEWING_STATES.map((s) => ({ value: s, label: t(`registers.viewingState_${s}`) }))}
        testId="viewing-filters"
      />
      <RegisterCount count={rows.length} capped={rows.length >= LIMITS.registerRowsMax} />
      {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} style={{ marginBottom: 16 }} />}
      <Table<ViewingDto>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('registers.emptyViewings') }}
        onRow={(v) => ({ onClick: () => setOpen(v.id), style: { cursor: 'pointer' } })}
        data-testid="viewing-table"
        columns={[
          {
            title: t('viewings.id'),
            key: 'id',
            width: 120,
            render: (_x, v) => (
              <div>
                <Typography.Text strong>#{v.id}</Typography.Text>
                <div style={muted}>{v.approvalNumber}</div>
              </div>
            ),
          },
          { title: t('viewings.openedAt'), key: 'openedAt', width: 140, render: (_x, v) => formatInstant(v.openedAt, false) },
          {
            title: t('viewings.person'),
            key: 'person',
            width: 130,
            render: (_x, v) => (
              <div>
                <div>{v.person}</div>
                <div style={muted}>{t(`requests.kind_${v.kind}`, { defaultValue: v.kind })}</div>
              </div>
            ),
          },
          { title: t('viewings.caseNo'), dataIndex: 'caseNo', width: 170, render: (c: string | null) => c ?? '—' },
          {
            title: t('viewings.purpose'),
            key: 'purpose',
            render: (_x, v) => (
              <div>
                <Typography.Text ellipsis={{ tooltip: v.purpose }} style={{ display: 'block' }}>
                  {v.purpose}
                </Typography.Text>
                <Typography.Text type="secondary" ellipsis={{ tooltip: v.content }} style={{ display: 'block', fontSize: 12 }}>
                  {v.content}
                </Typography.Text>
              </div>
            ),
          },
          { title: t('viewings.items'), key: 'items', width: 90, render: (_x, v) => t('viewings.itemCount', { count: v.items.length }) },
          { title: t('viewings.openedBy'), dataIndex: 'openedBy', width: 90 },
          {
            title: t('viewings.closedAt'),
            key: 'closed',
            width: 150,
            render: (_x, v) => (
              <div>
                <ViewingEndTag viewing={v} />
                {v.closedAt && <div style={muted}>{formatInstant(v.closedAt, false)}</div>}
              </div>
            ),
          },
          { title: t('viewings.plays'), key: 'plays', width: 80, align: 'center', render: (_x, v) => playCount(v) },
        ]}
      />
      {open !== null && <ViewingDrawer id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
