import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Space, Table, Tag } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PushEvent } from '../../../../shared/contract/envelope.js';
import type { ImportJobDto } from '../../../../shared/contract/records-dto.js';
import { call } from '../../api/client.js';
import { usePushEvents } from '../../api/events.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { AbsencesCard } from './AbsencesCard.js';
import { ImportItems } from './ImportItems.js';
import { ImportOptionsForm, type ImportOptionsValue } from './ImportOptionsForm.js';
import { JobProgress } from './JobProgress.js';
import { SourcePicker } from './SourcePicker.js';
import { SourcePreview } from './SourcePreview.js';
import { callKey, useCall, useCallMutation } from '../../api/use-call.js';

const STATE_COLORS: Record<ImportJobDto['state'], string> = { running: 'processing', finished: 'success', cancelled: 'warning', failed: 'error', interrupted: 'error' };

export function ImportPage() {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [source, setSource] = useState('');
  const [options, setOptions] = useState<ImportOptionsValue>({ clearDevice: false });
  const recent = useCall('import.recent', {});

  const onEvent = useCallback(
    (e: PushEvent) => {
      if (e.type === 'import.progress') {
        const { jobId, progress } = e.payload;
        queryClient.setQueryData<ImportJobDto[]>(callKey('import.recent', {}), (jobs) => jobs?.map((j) => (j.id === jobId ? { ...j, progress } : j)));
      }
      if (e.type === 'import.finished') {
        void queryClient.invalidateQueries({ queryKey: ['import.recent'] });
        void queryClient.invalidateQueries({ queryKey: ['records.list'] });
        void queryClient.invalidateQueries({ queryKey: ['import.preview'] });
      }
    },
    [queryClient],
  );
  usePushEvents(onEvent);

  const start = useMutation({
    mutationFn: () => call('import.start', { source: source.trim(), options }),
    onMutate: () => setError(null),
    onSuccess: () => {
      setOptions((o) => ({ ...o, clearDevice: false }));
      void queryClient.invalidateQueries({ queryKey: ['import.recent'] });
    },
    onError: (err) => setError(errorText(t, err)),
  });
  const cancel = useCallMutation('import.cancel');

  const running = recent.data?.find((j) => j.state === 'running');
  const busy = Boolean(running) || start.isPending;
  const begin = () => {
    if (!source.trim()) {
      setError(t('validation.required', { field: t('importer.source') }));
      return;
    }
    if (!options.clearDevice) {
      start.mutate();
      return;
    }
    modal.confirm({ title: t('importer.clearConfirmTitle'), content: t('importer.clearConfirm'), okText: t('importer.start'), cancelText: t('common.cancel'), onOk: () => start.mutate() });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('importer.sourceTitle')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <SourcePicker
            value={source}
            onChange={(next) => {
              setSource(next);
              setError(null);
            }}
            disabled={busy}
          />
          {/* After a failed start the alert above says it; the preview would only repeat it. */}
          {!error && <DebouncedPreview source={source.trim()} />}
          <ImportOptionsForm value={options} onChange={setOptions} disabled={busy} />
          <Button type="primary" icon={<CloudUploadOutlined />} loading={start.isPending} disabled={busy} onClick={begin} data-testid="import-start">
            {t('importer.start')}
          </Button>
        </Space>
      </Card>
      {running && <JobProgress job={running} onCancel={() => cancel.mutate({ jobId: running.id })} />}
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
            { title: t('importer.result'), render: (_v, job) => <JobResult job={job} /> },
          ]}
        />
      </Card>
      <AbsencesCard />
    </Space>
  );
}

/** Waits for typing to pause before asking the core to scan a path. */
function DebouncedPreview({ source }: { source: string }) {
  const [settled, setSettled] = useState(source);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(source), 400);
    return () => clearTimeout(timer);
  }, [source]);
  return <SourcePreview source={settled} />;
}

function JobResult({ job }: { job: ImportJobDto }) {
  const { t } = useTranslation();
  const s = job.summary;
  if (!s) return null;
  return (
    <>
      {t('importer.resultText', s)}
      {job.options.clearDevice && <div>{t(job.state === 'cancelled' ? 'importer.clearSkipped' : 'importer.clearResult', s)}</div>}
    </>
  );
}
