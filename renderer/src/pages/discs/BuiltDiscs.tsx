import { useState } from 'react';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { FireOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DiscDto, DiscJobDto } from '../../../../shared/contract/discs-dto.js';
import { useCall } from '../../api/use-call.js';
import { formatBytes } from '../../lib/format-size.js';
import { BurnDialog } from './BurnDialog.js';
import { PrintLabelsButton } from './labels.js';

/** What a finished build registered, with the next step for each disc: burn it. */
export function BuiltDiscs({ job }: { job: DiscJobDto }) {
  const { t } = useTranslation();
  const [burning, setBurning] = useState<DiscDto | null>(null);
  const list = useCall('discs.list', { caseId: job.caseId });
  const discs = (list.data ?? []).filter((d) => job.discIds.includes(d.id)).sort((a, b) => a.index - b.index);
  return (
    <div data-testid="built-discs">
      <Alert
        type="success"
        showIcon
        message={t('discs.builtTitle', { count: job.discIds.length })}
        description={t('discs.builtHelp')}
        style={{ marginBottom: 12 }}
        action={<PrintLabelsButton ids={job.discIds} size="small" />}
      />
      <Table<DiscDto>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={discs}
        columns={[
          { title: t('discs.number'), dataIndex: 'number', width: 150, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
          { title: t('discs.discOf'), key: 'of', width: 110, render: (_v, d) => t('discs.discOfShort', { index: d.index, count: d.count }) },
          { title: t('discs.volumeLabel'), dataIndex: 'volumeLabel', ellipsis: true, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('discs.files'), key: 'files', width: 150, render: (_v, d) => t('discs.filesSize', { count: d.fileCount, size: formatBytes(d.payloadBytes) }) },
          { title: t('discs.imageSize'), dataIndex: 'imageBytes', width: 100, render: (b: number) => formatBytes(b) },
          {
            title: t('discs.next'),
            key: 'next',
            width: 110,
            render: (_v, d) =>
              d.state === 'image' ? (
                <Button type="primary" size="small" icon={<FireOutlined />} onClick={() => setBurning(d)} data-testid={`burn-${d.index}`}>
                  {t('discs.burn')}
                </Button>
              ) : (
                <Typography.Text type="success">{t('discs.state_burned')}</Typography.Text>
              ),
          },
        ]}
      />
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {discs[0] && t('discs.imageFolder', { path: discs[0].imagePath.replace(/[\\/][^\\/]*$/, '') })}
        </Typography.Text>
      </Flex>
      {burning && <BurnDialog disc={burning} onClose={() => setBurning(null)} />}
    </div>
  );
}
