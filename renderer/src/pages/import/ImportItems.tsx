import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportItemDto } from '../../../../shared/contract/records-dto.js';
import { formatBytes } from '../../lib/format-size.js';

const COLORS: Record<ImportItemDto['outcome'], string> = { imported: 'green', duplicate: 'blue', failed: 'red', skipped: 'default' };

/** Every file of a job with what happened to it: failures and skips first, each with its reason. */
export function ImportItems({ items }: { items: ImportItemDto[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportItemDto>
      size="small"
      rowKey={(i) => `${i.outcome}:${i.relativePath}`}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      data-testid="import-items"
      columns={[
        { title: t('importer.path'), dataIndex: 'relativePath', ellipsis: true },
        { title: t('library.size'), dataIndex: 'size', width: 100, render: (v: number | null) => (v === null ? '' : formatBytes(v)) },
        { title: t('importer.outcome'), dataIndex: 'outcome', width: 120, render: (o: ImportItemDto['outcome']) => <Tag color={COLORS[o]}>{t(`importer.outcome_${o}`)}</Tag> },
        { title: t('importer.reason'), dataIndex: 'reason', width: 260, render: (r: string | null) => (r ? t(`reasons.${r}`, { defaultValue: r }) : '') },
        ...(items.some((i) => i.cleared !== null)
          ? [{ title: t('importer.onCamera'), key: 'cleared', width: 220, render: (_v: unknown, i: ImportItemDto) => <ClearedCell item={i} /> }]
          : []),
      ]}
    />
  );
}

function ClearedCell({ item }: { item: ImportItemDto }) {
  const { t } = useTranslation();
  if (item.cleared === null) return <Typography.Text type="secondary">{t('importer.kept')}</Typography.Text>;
  if (item.cleared) return <Tag color="purple">{t('importer.cleared')}</Tag>;
  return (
    <Typography.Text type="warning">
      {t('importer.kept')}：{t(`clearReasons.${item.clearReason}`, { defaultValue: item.clearReason ?? '' })}
    </Typography.Text>
  );
}
