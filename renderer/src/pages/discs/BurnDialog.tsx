import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Modal, Result, Space, Spin, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DiscDto, DriveDto } from '../../../../shared/contract/discs-dto.js';
import { useCall } from '../../api/use-call.js';
import { errorText, shapeText } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format-size.js';
import { DiscJobProgress, JobProblem, useOwnDiscJob } from './disc-job.js';
import { LocationDialog } from './LocationDialog.js';
import { mediumLabel } from './disc-words.js';

/** Whether a drive can take this image now, and if not, why in words. */
function readiness(drive: DriveDto, imageBytes: number): { ok: boolean; reason: string | null } {
  if (drive.problem) return { ok: false, reason: null };
  const m = drive.medium;
  if (!m) return { ok: false, reason: 'mediumUnknown' };
  if (!m.loaded) return { ok: false, reason: 'noMedium' };
  if (!m.blank) return { ok: false, reason: 'notBlank' };
  if (m.capacityBytes !== null && m.capacityBytes < imageBytes) return { ok: false, reason: 'tooSmall' };
  return { ok: true, reason: null };
}

/**
 * Burning a registered image: pick a drive with a blank that fits, write, read every file back
 * against the register, eject. Until the read-back agrees the disc does not count.
 */
export function BurnDialog({ disc, onClose }: { disc: DiscDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [drive, setDrive] = useState<string | null>(null);
  const { jobId, setJobId, job, cancel, start } = useOwnDiscJob('discs.burn');
  // Right after a good burn the keeper files the disc: the same dialog asks where.
  const [locating, setLocating] = useState(false);
  const drives = useCall('discs.drives', {}, { enabled: jobId === null });
  const j = job.data;
  const running = jobId !== null && (!j || j.state === 'running');
  const done = j && j.state !== 'running';
  const chosen = drives.data?.find((d) => d.id === drive);
  const ready = chosen ? readiness(chosen, disc.imageBytes).ok : false;
  const again = () => {
    setJobId(null);
    setDrive(null);
    void drives.refetch();
  };
  const footer = done
    ? [
        j.state === 'finished' && (
          <Button key="locate" onClick={() => setLocating(true)}>
            {t('discs.setLocation')}
          </Button>
        ),
        j.state !== 'finished' && (
          <Button key="again" onClick={again} data-testid="burn-again">
            {t('discs.burnAgain')}
          </Button>
        ),
        <Button key="close" type="primary" onClick={onClose}>
          {t('discs.close')}
        </Button>,
      ]
    : running
      ? [
          <Button key="hide" onClick={onClose}>
            {t('discs.hide')}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="burn" type="primary" disabled={!ready || !disc.imagePresent} loading={start.isPending} onClick={() => drive && start.mutate({ discId: disc.id, drive })} data-testid="burn-start">
            {t('discs.burnStart')}
          </Button>,
        ];
  if (locating) return <LocationDialog disc={disc} onClose={onClose} />;
  return (
    <Modal open width={680} title={t('discs.burnTitle', { number: disc.number })} onCancel={onClose} footer={footer} maskClosable={false} data-testid="burn-dialog">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('discs.burnHelp', { size: formatBytes(disc.imageBytes), medium: mediumLabel(disc.medium), files: disc.fileCount })}
        </Typography.Paragraph>
        {!disc.imagePresent && <Alert type="error" showIcon message={t('errors.IMAGE_MISSING', { number: disc.number, path: disc.imagePath })} />}
        {start.isError && <Alert type="error" showIcon message={errorText(t, start.error)} role="alert" />}
        {jobId === null && <DrivePicker drives={drives.data} loading={drives.isFetching} error={drives.isError ? errorText(t, drives.error) : null} imageBytes={disc.imageBytes} value={drive} onChange={setDrive} onRefresh={() => void drives.refetch()} />}
        {j && j.state === 'running' && <DiscJobProgress job={j} onCancel={() => cancel.mutate({ jobId: j.id })} />}
        {jobId !== null && !j && <Spin />}
        {j && j.state === 'finished' && <Result status="success" title={t('discs.burnDone', { number: disc.number })} subTitle={t('discs.burnDoneHelp')} data-testid="burn-done" />}
        {j && <JobProblem job={j} />}
      </Space>
    </Modal>
  );
}

function DrivePicker(props: { drives: DriveDto[] | undefined; loading: boolean; error: string | null; imageBytes: number; value: string | null; onChange: (id: string) => void; onRefresh: () => void }) {
  const { t } = useTranslation();
  const { drives, loading, error, imageBytes, value, onChange, onRefresh } = props;
  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('discs.drive')}</Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} loading={loading} onClick={onRefresh}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon message={error} />}
      {drives && drives.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('discs.noDrives')} style={{ margin: 0 }} />}
      <Flex vertical gap={8} role="radiogroup" data-testid="burn-drives">
        {drives?.map((d) => {
          const r = readiness(d, imageBytes);
          const selected = d.id === value;
          return (
            <Card
              key={d.id}
              size="small"
              hoverable={r.ok}
              role="radio"
              aria-checked={selected}
              aria-disabled={!r.ok}
              onClick={r.ok ? () => onChange(d.id) : undefined}
              style={{ cursor: r.ok ? 'pointer' : 'not-allowed', opacity: r.ok ? 1 : 0.75, borderColor: selected ? '#1677ff' : undefined, borderWidth: selected ? 2 : 1 }}
            >
              <Flex justify="space-between" align="start" gap={12}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{d.name || d.id}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.id}
                    </Typography.Text>
                  </div>
                  {d.problem && <Typography.Text type="danger">{shapeText(t, d.problem)}</Typography.Text>}
                  {r.reason && <Typography.Text type={r.reason === 'tooSmall' || r.reason === 'notBlank' ? 'danger' : 'secondary'}>{t(`discs.drive_${r.reason}`, { size: formatBytes(imageBytes) })}</Typography.Text>}
                </div>
                <MediumTags drive={d} />
              </Flex>
            </Card>
          );
        })}
      </Flex>
    </div>
  );
}

function MediumTags({ drive }: { drive: DriveDto }) {
  const { t } = useTranslation();
  const m = drive.medium;
  // A drive that could not be asked says why beside it; no state to show.
  if (!m) return drive.problem ? null : <Tag>{t('discs.mediumUnknownTag')}</Tag>;
  if (!m.loaded) return <Tag>{t('discs.mediumEmpty')}</Tag>;
  return (
    <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
      {m.kind && <Tag>{m.kind}</Tag>}
      <Tag color={m.blank ? 'green' : 'orange'}>{t(m.blank ? 'discs.mediumBlank' : 'discs.mediumWritten')}</Tag>
      {m.blank && m.capacityBytes !== null && <Tag>{t('discs.mediumFree', { size: formatBytes(m.capacityBytes) })}</Tag>}
    </Space>
  );
}
