import { useState } from 'react';
import { Alert, Badge, Button, Card, Flex, Segmented, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { RequestDto } from '../../../../shared/contract/requests-dto.js';
import { can } from '../../../../shared/roles.js';
import { call } from '../../api/client.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { NewRequestDialog } from './NewRequestDialog.js';
import { RequestDrawer } from './RequestDrawer.js';
import { PaperMark } from '../../components/PaperDecisionText.js';
import { GrantState, RequestStateTag, decidesNow, itemText } from './request-words.js';

const PAGE = 50;
type Filter = 'mine' | 'all' | RequestDto['state'];

const muted = { fontSize: 12, color: 'rgba(0,0,0,0.45)' } as const;

/**
 * Requests to view or borrow (查阅借阅): an officer's own, everyone's for the keeper, the leaders and
 * the supervisor. Leaders start at what waits for them; the keeper registers requests made at the
 * counter and enters decisions signed on paper.
 */
export function RequestsPage({ account, onOpenLibrary }: { account: AccountDto; onOpenLibrary: () => void }) {
  const { t } = useTranslation();
  const leader = can(account, 'requests.decide');
  const [filter, setFilter] = useState<Filter>(leader ? 'mine' : 'all');
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const mayCreate = account.role === 'officer' || can(account, 'requests.record');
  const state = filter === 'mine' ? 'pending' : filter === 'all' ? undefined : filter;
  const list = useInfiniteQuery({
    queryKey: ['requests.list', { state }],
    queryFn: ({ pageParam }) => call('requests.list', { state, limit: PAGE, beforeId: pageParam ?? undefined }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.requests.length === PAGE ? (last.requests[last.requests.length - 1]?.id ?? null) : null),
  });
  // What waits for this leader, counted on the badge whichever filter is on.
  const waiting = useCall('requests.list', { state: 'pending', limit: 200 }, { enabled: leader });
  const mine = (waiting.data?.requests ?? []).filter((r) => decidesNow(account, r)).length;
  const loaded = list.data?.pages.flatMap((p) => p.requests) ?? [];
  const rows = filter === 'mine' ? loaded.filter((r) => decidesNow(account, r)) : loaded;
  const total = filter === 'mine' ? rows.length : (list.data?.pages[0]?.total ?? 0);
  const filters = [
    ...(leader
      ? [
          {
            value: 'mine' as Filter,
            label: (
              <span>
                {t('requests.filter_mine')}
                {mine > 0 && <Badge count={mine} size="small" style={{ marginInlineStart: 6 }} />}
              </span>
            ),
          },
        ]
      : []),
    { value: 'all' as Filter, label: t('requests.filter_all') },
    ...(['pending', 'approved', 'rejected'] as const).map((f) => ({ value: f as Filter, label: t(`decisions.${f}`) })),
  ];

  return (
    <Card
      title={t('requests.title')}
      extra={
        mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-request">
            {account.role === 'officer' ? t('requests.newOfficer') : t('requests.newKeeper')}
          </Button>
        )
      }
    >
      {account.role === 'officer' && <Alert type="info" showIcon message={t('requests.officerHelp')} style={{ marginBottom: 16 }} />}
      <Flex gap={8} style={{ marginBottom: 16 }} wrap align="center">
        <Segmented<Filter> value={filter} onChange={setFilter} options={filters} data-testid="request-filter" />
        <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="request-total">
          {t('requests.total', { count: total })}
        </Typography.Text>
      </Flex>
      {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} style={{ marginBottom: 16 }} />}
      <Table<RequestDto>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: filter === 'mine' ? t('requests.emptyMine') : account.role === 'officer' ? t('requests.emptyOfficer') : t('requests.empty') }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        data-testid="request-table"
        columns={[
          {
            title: t('requests.number'),
            key: 'number',
            width: 118,
            render: (_v, r) => (
              <div>
                <Typography.Text strong>{r.number}</Typography.Text>
                <div style={muted}>{formatInstant(r.createdAt, false)}</div>
              </div>
            ),
          },
          { title: t('requests.kind'), dataIndex: 'kind', width: 110, render: (k: RequestDto['kind']) => t(`requests.kind_${k}`) },
          {
            title: t('requests.requester'),
            key: 'requester',
            width: 120,
            render: (_v, r) => (
              <div>
                <Typography.Text ellipsis={{ tooltip: r.requester.name }} style={{ display: 'block' }}>
                  {r.requester.name}
                </Typography.Text>
                {(r.requester.department || r.requester.relation) && (
                  <Typography.Text type="secondary" ellipsis={{ tooltip: r.requester.department || r.requester.relation }} style={{ display: 'block', fontSize: 12 }}>
                    {r.requester.department || r.requester.relation}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          {
            title: t('requests.items'),
            key: 'items',
            render: (_v, r) => (
              <div>
                {r.items.slice(0, 2).map((i) => (
                  <Typography.Text key={`${i.kind}-${i.id}`} ellipsis={{ tooltip: itemText(t, i) }} style={{ display: 'block' }}>
                    {itemText(t, i)}
                  </Typography.Text>
                ))}
                {r.items.length > 2 && <div style={muted}>{t('requests.itemsMoreCount', { count: r.items.length - 2 })}</div>}
                {r.caseNo && !r.items.some((i) => i.kind === 'case') && <div style={muted}>{t('requests.ofCase', { caseNo: r.caseNo })}</div>}
              </div>
            ),
          },
          {
            title: t('requests.window'),
            key: 'window',
            width: 150,
            render: (_v, r) => (
              <div style={{ fontSize: 13 }}>
                <div>{formatInstant(r.window.from, false)}</div>
                <div>{t('requests.windowTo', { to: formatInstant(r.window.to, false) })}</div>
              </div>
            ),
          },
          {
            title: t('requests.state'),
            key: 'state',
            width: 128,
            render: (_v, r) => (
              <div>
                <RequestStateTag state={r.state} />
                <div style={{ fontSize: 12 }}>
                  <GrantState request={r} />
                </div>
              </div>
            ),
          },
          {
            // Who decides by the rule, then who did and when (纸质审批 when it was signed on paper).
            title: t('requests.decided'),
            key: 'decided',
            width: 170,
            render: (_v, r) => (
              <div>
                <div>{t(`roles.${r.approverRole}`)}</div>
                {r.decision ? (
                  <Flex gap={4} align="center" wrap style={{ fontSize: 12 }}>
                    <span>{t('requests.decidedLine', { by: r.decision.by, at: formatInstant(r.decision.at, false) })}</span>
                    {r.decision.source === 'paper' && <PaperMark />}
                  </Flex>
                ) : (
                  <div style={muted}>{t('requests.undecided')}</div>
                )}
              </div>
            ),
          },
        ]}
      />
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('audit.more')}
          </Button>
        </Flex>
      )}
      {open !== null && <RequestDrawer id={open} account={account} onClose={() => setOpen(null)} onOpenLibrary={onOpenLibrary} />}
      {creating && (
        <NewRequestDialog
          account={account}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            setOpen(r.id);
          }}
        />
      )}
    </Card>
  );
}
