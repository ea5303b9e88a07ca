import { useMemo, useState } from 'react';
import { Alert, Button, Collapse, Empty, Flex, Segmented, Table, Typography } from 'antd';
import { DeleteOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { RetentionReviewDto } from '../../../../shared/contract/retention-dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatWallClock } from '../../lib/format.js';
import { HoldDialog } from './HoldDialog.js';
import { ProposeDialog } from './ProposeDialog.js';
import { fileNameColumn, ruleText } from './retention-words.js';

type Item = RetentionReviewDto['items'][number];
type Grouping = 'month' | 'officer' | 'case';

/**
 * The expiry review: every record whose period has ended and that nothing holds, grouped by the
 * month it was recorded, its officer or its case, each with the rule that ends it. The keeper
 * holds what must stay (with a reason) and proposes the rest, or some of it, for destruction.
 */
export function ReviewTab({ account, onProposed }: { account: AccountDto; onProposed: (listId: number) => void }) {
  const { t } = useTranslation();
  const review = useCall('retention.review', {});
  const [grouping, setGrouping] = useState<Grouping>('month');
  const [selected, setSelected] = useState<number[]>([]);
  const [holding, setHolding] = useState<Item | null>(null);
  const [proposing, setProposing] = useState(false);
  // Every group starts open (the data arrives after the first render); the keeper folds what they have seen.
  const [folded, setFolded] = useState<string[]>([]);
  const keeper = can(account, 'retention.manage');
  const items = review.data?.items ?? [];
  const groups = useMemo(() => {
    const key = (i: Item) => (grouping === 'month' ? (i.recordedAt?.slice(0, 7) ?? '') : grouping === 'officer' ? (i.officer ?? '') : (i.cases[0] ?? ''));
    const map = new Map<string, Item[]>();
    for (const i of items) map.set(key(i), [...(map.get(key(i)) ?? []), i]);
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [items, grouping]);
  const none = t(`retention.group_none_${grouping}`);
  const columns = [
    fileNameColumn(t),
    { title: t('retention.colOfficer'), key: 'officer', width: 110, render: (_: unknown, i: Item) => i.officer ?? '—' },
    { title: t('retention.colRecorded'), key: 'recorded', width: 170, render: (_: unknown, i: Item) => formatWallClock(i.recordedAt, false) || '—' },
    { title: t('retention.colCases'), key: 'cases', width: 180, render: (_: unknown, i: Item) => i.cases.join('、') || '—' },
    { title: t('retention.colKeptThrough'), dataIndex: 'keptThrough', key: 'kept', width: 110 },
    { title: t('retention.colWhy'), key: 'why', render: (_: unknown, i: Item) => <Typography.Text type="secondary">{ruleText(t, i.rule)}</Typography.Text> },
    ...(keeper
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, i: Item) => (
              <Button size="small" icon={<PauseCircleOutlined />} onClick={() => setHolding(i)} data-testid="review-hold">
                {t('retention.hold')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  if (review.isError) return <Alert type="error" showIcon message={errorText(t, review.error)} />;
  return (
    <div data-testid="retention-review">
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Segmented<Grouping> value={grouping} onChange={setGrouping} options={(['month', 'officer', 'case'] as const).map((g) => ({ value: g, label: t(`retention.group_${g}`) }))} />
        <Typography.Text type="secondary" data-testid="review-total">
          {t('retention.reviewTotal', { count: review.data?.total ?? 0, held: review.data?.held ?? 0, today: review.data?.today ?? '' })}
        </Typography.Text>
        {keeper && (
          <Button type="primary" danger icon={<DeleteOutlined />} disabled={selected.length === 0} onClick={() => setProposing(true)} style={{ marginInlineStart: 'auto' }} data-testid="review-propose">
            {t('retention.propose', { count: selected.length })}
          </Button>
        )}
      </Flex>
      {items.length === 0 && !review.isPending ? (
        <Empty description={t('retention.reviewEmpty')} />
      ) : (
        <Collapse
          activeKey={groups.map(([k]) => k).filter((k) => !folded.includes(k))}
          onChange={(open) => setFolded(groups.map(([k]) => k).filter((k) => !(open as string[]).includes(k)))}
          items={groups.map(([k, rows]) => ({
            key: k,
            label: (
              <span>
                {k || none} <Typography.Text type="secondary">{t('retention.groupCount', { count: rows.length })}</Typography.Text>
              </span>
            ),
            children: (
              <Table<Item>
                size="small"
                rowKey="recordId"
                pagination={false}
                dataSource={rows}
                columns={columns}
                rowSelection={
                  keeper
                    ? {
                        selectedRowKeys: selected.filter((id) => rows.some((r) => r.recordId === id)),
                        onChange: (keys) => setSelected((all) => [...all.filter((id) => !rows.some((r) => r.recordId === id)), ...keys.map(Number)]),
                      }
                    : undefined
                }
              />
            ),
          }))}
          data-testid="review-groups"
        />
      )}
      {holding && <HoldDialog record={holding} onClose={() => setHolding(null)} />}
      {proposing && (
        <ProposeDialog
          recordIds={selected}
          onClose={() => setProposing(false)}
          onProposed={(list) => {
            setProposing(false);
            setSelected([]);
            onProposed(list.id);
          }}
        />
      )}
    </div>
  );
}
