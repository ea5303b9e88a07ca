import { Alert, Button, Card, Flex, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useRef, useState } from 'react';
import { useViewportRest } from '../../lib/use-viewport-rest.js';
import { useInfiniteQuery, useQueries, useQueryClient } from '@tanstack/react-query';
import type { PushEvent } from '../../../../shared/contract/envelope.js';
import { useTranslation } from 'react-i18next';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import { call } from '../../api/client.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { formatBytes } from '../../lib/format-size.js';
import { usePushEvents } from '../../api/events.js';
import { FileName } from '../../components/FileName.js';
import { FormatCell, PosterCell, durationText } from './MediaCells.js';
import { TimelinessCell } from './TimelinessCell.js';
import { RecordedAtCell } from './RecordedAtCell.js';
import { OfficerCell } from './OfficerCell.js';
import { IntegrityCell } from './IntegrityCell.js';
import { RetentionCell } from './RetentionCell.js';
import { useCall } from '../../api/use-call.js';
import { LinkToCaseDialog } from './LinkToCaseDialog.js';
import { PlayerDialog } from './PlayerDialog.js';
import { DeviceTimeline } from './DeviceTimeline.js';
import { ColumnChooser, useShownColumns } from './ColumnChooser.js';
import { LibraryFilters, type LibraryFilterValue } from './LibraryFilters.js';
import { REACH, can } from '../../../../shared/roles.js';
import type { AccountDto } from '../../../../shared/contract/dto.js';

/** Columns that start hidden: identifiers and technical facts the keeper looks up now and then. */
const OPTIONAL_COLUMNS = ['id', 'type', 'device', 'officer', 'duration', 'format', 'size', 'importedAt', 'importedBy', 'sha256'];

const TYPE_COLORS: Record<string, string> = { video: 'geekblue', audio: 'purple', photo: 'cyan' };

/** Every archived record, newest recording first, narrowed by filters that combine and a text search; batch-linked to cases. */
export function LibraryPage({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  // The archive keeper corrects what the import decided: late explanations, whose recording it is.
  // A destroyed record stays listed but is past correcting, linking or playing.
  const canExplain = can(account, 'records.import');
  const canLink = can(account, 'cases.manage');
  // An officer's library holds their own recordings and their cases'; the whole-archive views are for the others.
  const canReadAll = can(account, 'records.read');
  // A supervisor lists the catalogue but plays only with a grant: no play button that can only say no.
  const canPlay = REACH[account.role].records.play !== 'none';
  const [selected, setSelected] = useState<number[]>([]);
  const [linking, setLinking] = useState(false);
  const [playing, setPlaying] = useState<RecordDto | null>(null);
  const [view, setView] = useState<'list' | 'timeline'>('list');
  const [filter, setFilter] = useState<LibraryFilterValue>({});
  const height = useViewportRest(360);
  // Whether evidence without an end date is permanent (the policy) or waits for its case's archiving.
  const policy = useCall('retention.policy', {});
  const list = useInfiniteQuery({
    queryKey: ['records.list', filter],
    queryFn: ({ pageParam }) => call('records.list', { ...filter, limit: 200, beforeId: pageParam ?? undefined }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeId,
  });
  const rows = list.data?.pages.flatMap((p) => p.records) ?? [];
  // One posters call per page of records; a page's posters arrive as they are made.
  const posterPages = useQueries({
    queries: (list.data?.pages ?? []).map((page) => {
      const ids = page.records.filter((r) => r.derived.poster === 'ready').map((r) => r.id);
      return { queryKey: ['records.posters', ids], queryFn: () => call('records.posters', { ids }), enabled: ids.length > 0, staleTime: Infinity };
    }),
  });
  const posters = new Map(posterPages.flatMap((q) => q.data ?? []).map((p) => [p.recordId, p.dataUrl]));
  const queryClient = useQueryClient();
  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Probes and posters land one by one in the background; refresh at most once a second as they do.
  const onEvent = useCallback(
    (e: PushEvent) => {
      if ((e.type !== 'record.media' && e.type !== 'record.derived') || refresh.current) return;
      refresh.current = setTimeout(() => {
        refresh.current = null;
        void queryClient.invalidateQueries({ queryKey: ['records.list'] });
      }, 1000);
    },
    [queryClient],
  );
  usePushEvents(onEvent);
  // Key columns always; the rest behind the column chooser, so the key ones fit at 1366 px without a sideways scroll.
  const [shown, setShown] = useShownColumns(OPTIONAL_COLUMNS);
  const allColumns: ColumnsType<RecordDto> = [
    { title: '#', dataIndex: 'id', key: 'id', width: 70 },
    {
      title: '',
      key: 'poster',
      width: 88,
      render: (_, r) =>
        canPlay && !r.disposition ? (
          <Button type="text" style={{ padding: 0, height: 'auto' }} onClick={() => setPlaying(r)} aria-label={t('player.play')} data-testid="play">
            <PosterCell record={r} src={posters.get(r.id)} />
          </Button>
        ) : (
          <PosterCell record={r} src={posters.get(r.id)} />
        ),
    },
    { title: t('library.type'), dataIndex: 'mediaType', key: 'type', width: 80, render: (v: string) => <Tag color={TYPE_COLORS[v]}>{t(`library.${v}`)}</Tag> },
    {
      title: t('library.name'),
      key: 'name',
      // Narrower since 保管至 joined the key columns: the name gives way in its middle, the path shows on hover.
      width: 215,
      render: (_, r) => (
        <span style={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
          {r.attribution.important && (
            <Tag color="red" style={{ marginInlineEnd: 6, flex: 'none' }}>
              {t('library.important')}
            </Tag>
          )}
          <FileName name={r.originalName} full={r.originalPath} />
        </span>
      ),
    },
    { title: t('library.device'), key: 'device', width: 100, render: (_, r) => r.attribution.device ?? '' },
    { title: t('library.officer'), key: 'officer', width: 90, render: (_, r) => r.attribution.officer ?? '' },
    { title: t('library.officerCol'), key: 'officerName', width: 130, render: (_, r) => <OfficerCell record={r} canAssign={canExplain && !r.disposition} /> },
    { title: t('library.recordedAt'), key: 'recordedAt', width: 160, render: (_, r) => <RecordedAtCell record={r} /> },
    { title: t('library.timeliness'), key: 'timeliness', width: 170, render: (_, r) => <TimelinessCell record={r} canExplain={canExplain && !r.disposition} /> },
    { title: t('library.integrity'), key: 'integrity', width: 140, render: (_, r) => <IntegrityCell record={r} withHistory={canReadAll} /> },
    { title: t('library.keptThrough'), key: 'keptThrough', width: 130, render: (_, r) => <RetentionCell record={r} policy={policy.data} /> },
    { title: t('library.duration'), key: 'duration', width: 80, render: (_, r) => durationText(r) },
    { title: t('library.format'), key: 'format', width: 190, render: (_, r) => <FormatCell record={r} /> },
    { title: t('library.size'), dataIndex: 'size', key: 'size', width: 100, render: (v: number) => formatBytes(v) },
    { title: t('library.importedAt'), dataIndex: 'importedAt', key: 'importedAt', width: 160, render: (v: string) => formatInstant(v) },
    { title: t('library.importedBy'), dataIndex: 'importedBy', key: 'importedBy', width: 100 },
    {
      title: t('library.sha256'),
      dataIndex: 'sha256',
      key: 'sha256',
      width: 180,
      render: (v: string) => (
        <Typography.Text code copyable={{ text: v }} style={{ fontSize: 12 }}>
          {v.slice(0, 16)}…
        </Typography.Text>
      ),
    },
  ];
  const columns = allColumns.filter((c) => !OPTIONAL_COLUMNS.includes(String(c.key)) || shown.has(String(c.key)));
  return (
    <Card
      title={t('library.title')}
      extra={
        <Space>
          <ColumnChooser options={OPTIONAL_COLUMNS.map((key) => ({ key, label: allColumns.find((c) => c.key === key)?.title as string }))} shown={shown} onChange={setShown} />
          {canLink && (
            <Button disabled={selected.length === 0} onClick={() => setLinking(true)} data-testid="link-selected">
              {t('cases.linkSelected', { count: selected.length })}
            </Button>
          )}
          <Typography.Text type="secondary">
            {t('library.order')} · <span data-testid="library-total">{t(list.data?.pages[0]?.totalCapped ? 'library.totalCapped' : 'library.total', { count: list.data?.pages[0]?.total ?? 0 })}</span>
          </Typography.Text>
        </Space>
      }
    >
      {canReadAll && (
        <Tabs activeKey={view} onChange={(k) => setView(k as 'list' | 'timeline')} items={[{ key: 'list', label: t('timeline.list') }, { key: 'timeline', label: t('timeline.title') }]} style={{ marginTop: -12 }} />
      )}
      {!canReadAll && <Alert type="info" showIcon message={t('library.ownOnly')} style={{ marginBottom: 16 }} />}
      {view === 'timeline' ? <DeviceTimeline /> : null}
      <div style={{ display: view === 'list' ? undefined : 'none' }}>
        <LibraryFilters
          value={filter}
          onChange={(next) => {
            setFilter(next);
            setSelected([]);
          }}
        />
        {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} style={{ marginBottom: 16 }} />}
        <Table<RecordDto>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t(Object.values(filter).some((v) => v !== undefined) ? 'library.noMatch' : 'library.empty') }}
          // Only the rows in view are in the page, however many have been loaded; the next page is
          // fetched as the keeper scrolls near the end.
          virtual
          scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), canLink ? 32 : 0), y: height }}
          onScroll={(e) => {
            const el = e.currentTarget;
            if (el.scrollHeight - el.scrollTop - el.clientHeight < 800 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
          }}
          onRow={() => ({ role: 'row' })}
          rowSelection={canLink ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: r.disposition !== null }) } : undefined}
          data-testid="library-table"
          columns={columns}
        />
      </div>
      {playing && <PlayerDialog record={playing} onClose={() => setPlaying(null)} />}
      {linking && (
        <LinkToCaseDialog
          recordIds={selected}
          onClose={() => {
            setLinking(false);
            setSelected([]);
          }}
        />
      )}
      {view === 'list' && rows.length > 0 && (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" data-testid="library-loaded">
            {list.isFetchingNextPage ? t('library.loading') : t(list.hasNextPage ? 'library.loadedMore' : 'library.loadedAll', { count: rows.length })}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
