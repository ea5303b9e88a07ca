import { Table, Tag } from 'antd';
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
      ]}
    />
  );
}
