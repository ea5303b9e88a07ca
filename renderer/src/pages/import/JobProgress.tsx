import { Button, Card, Flex, Popconfirm, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto } from '../../../../shared/contract/records-dto.js';
import { formatBytes, formatDuration } from '../../lib/format-size.js';

/** A running job: bytes, files, speed and time left, with a way to stop it. */
export function JobProgress({ job, onCancel }: { job: ImportJobDto; onCancel: () => void }) {
  const { t } = useTranslation();
  const p = job.progress;
  if (!p) return null;
  const percent = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : p.filesTotal > 0 ? Math.floor((p.filesDone / p.filesTotal) * 100) : 0;
  return (
    <Card title={`${t('importer.running')} · ${job.source}`} data-testid="import-progress">
      <Progress percent={percent} status="active" />
      <Flex justify="space-between" align="center" wrap gap={16} style={{ marginTop: 8 }}>
        <Typography.Text>
          {t('importer.files', { done: p.filesDone, total: p.filesTotal })} · {formatBytes(p.bytesDone)} / {formatBytes(p.bytesTotal)} ·{' '}
          {t('importer.speed', { speed: ((p.mibPerSecond * 1048576) / 1e6).toFixed(1) })}
          {p.etaSeconds !== null && ` · ${t('importer.eta', { eta: formatDuration(p.etaSeconds) })}`}
        </Typography.Text>
        <Popconfirm title={t('importer.cancelConfirm')} onConfirm={onCancel}>
          <Button danger>{t('importer.cancel')}</Button>
        </Popconfirm>
      </Flex>
    </Card>
  );
}
