import { useCallback, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { PushEvent } from '../../../../shared/contract/envelope.js';
import type { ImportJobDto, ImportProgress } from '../../../../shared/contract/records-dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { can } from '../../../../shared/roles.js';
import { call } from '../../api/client.js';
import { usePushEvents } from '../../api/events.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { ImportItems } from './ImportItems.js';
import { JobProgress } from './JobProgress.js';

const STATE_COLORS: Record<ImportJobDto['state'], string> = { running: 'processing', finished: 'success', cancelled: 'warning', failed: 'error', interrupted: 'error' };

export function ImportPage({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const allowed = can(account, 'records.import');
  const recent = useQuery({ queryKey: ['import.recent'], queryFn: () => call('import.recent', {}), enabled: allowed });

  const onEvent = useCallback(
    (e: PushEvent) => {
      if (e.type === 'import.progress') {
        const { jobId, progress } = e.payload as { jobId: number; progress: ImportProgress };
        queryClient.setQueryData<ImportJobDto[]>(['import.recent'], (jobs) => jobs?.map((j) => (j.id === jobId ? { ...j, progress } : j)));
      }
      if (e.type === 'import.finished') {
        void queryClient.invalidateQueries({ queryKey: ['import.recent'] });
        void queryClient.invalidateQueries({ queryKey: ['records.list'] });
      }
    },
    [queryClient],
  );
  usePushEvents(onEvent);

  const start = useMutation({
    mutationFn: (source: string) => call('import.start', { source }),
    onMutate: () => setError(null),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['import.recent'] }),
    onError: (err) => setError(errorText(t, err)),
  });
  const cancel = useMutation({
    mutationFn: (jobId: number) => call('import.cancel', { jobId }),
    onError: (err) => void message.error(errorText(t, err)),
  });

  if (!allowed) return <Alert type="info" showIcon message={t('importer.keeperOnly')} />;
  const running = recent.data?.find((j) => j.state === 'running');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('importer.sourceTitle')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="inline" onFinish={(v: { source: string }) => start.mutate(v.source.trim())} disabled={Boolean(running) || start.isPending}>
          <Form.Item
            name="source"
            label={t('importer.source')}
            rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('importer.source') }) }, { max: LIMITS.pathMax }]}
            style={{ flex: 1, minWidth: 360 }}
          >
            <Input placeholder="E:\\   /media/camera" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<CloudUploadOutlined />} loading={start.isPending}>
            {t('importer.start')}
          </Button>
        </Form>
        <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)' }}>{t('importer.sourceHelp')}</div>
      </Card>
      {running && <JobProgress job={running} onCancel={() => cancel.mutate(running.id)} />}
      <Card title={t('importer.recent')}>
        <Table<ImportJobDto>
          rowKey="id"
          size="middle"
          loading={recent.isPending}
          dataSource={recent.data ?? []}
          pagination={false}
          locale={{ emptyText: t('importer.empty') }}
          data-testid="import-jobs"
          expandable={{ expandedRowRender: (job) => <ImportItems items={job.items} />, rowExpandable: (job) => job.items.length > 0 }}
          columns={[
            { title: t('importer.startedAt'), dataIndex: 'startedAt', width: 170, render: (v: string) => formatInstant(v) },
            { title: t('importer.source'), dataIndex: 'source', ellipsis: true },
            { title: t('importer.by'), dataIndex: 'startedBy', width: 100 },
            { title: t('importer.state'), dataIndex: 'state', width: 100, render: (s: ImportJobDto['state']) => <Tag color={STATE_COLORS[s]}>{t(`importer.state_${s}`)}</Tag> },
            { title: t('importer.result'), dataIndex: 'summary', render: (s: ImportJobDto['summary']) => (s ? t('importer.resultText', s) : '') },
          ]}
        />
      </Card>
    </Space>
  );
}
