import { useState } from 'react';
import { AutoComplete, Empty, Flex, Select, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineDto } from '../../../../shared/contract/timeline-dto.js';
import { formatDuration } from '../../lib/format-size.js';
import { useCall } from '../../api/use-call.js';

const DAY_SECONDS = 86_400;

function secondOfDay(wall: string): number {
  const [h, m, s] = wall.slice(11, 19).split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

/** The day on a 24-hour strip: clips as blocks, interruptions in red. */
function DayStrip({ clips }: { clips: TimelineDto['clips'] }) {
  return (
    <div style={{ position: 'relative', height: 28, background: '#f0f2f5', borderRadius: 4, margin: '8px 0 4px' }} data-testid="timeline-strip">
      {clips.map((c) => {
        const left = (secondOfDay(c.start) / DAY_SECONDS) * 100;
        const width = Math.max(0.25, ((c.durationSeconds ?? 0) / DAY_SECONDS) * 100);
        return (
          <Tooltip key={c.recordId} title={`${c.start.slice(11)} ${c.name}`}>
            <div style={{ position: 'absolute', left: `${left}%`, width: `${width}%`, top: 4, bottom: 4, background: c.interrupted ? '#cf1322' : '#1f3a60', borderRadius: 2 }} />
          </Tooltip>
        );
      })}
      {[0, 6, 12, 18, 24].map((h) => (
        <span key={h} style={{ position: 'absolute', left: `${(h / 24) * 100}%`, top: 28, fontSize: 11, color: '#8c8c8c', transform: 'translateX(-50%)' }}>
          {h}:00
        </span>
      ))}
    </div>
  );
}

/**
 * One camera's day in its own time, clip after clip with the gap before each: an interrupted
 * recording (a real gap between video clips) must be explained (001 art.13–15), so it stands out.
 */
export function DeviceTimeline() {
  const { t } = useTranslation();
  const devices = useCall('devices.list', {});
  const [deviceNo, setDeviceNo] = useState('');
  const [day, setDay] = useState<string | undefined>();
  const valid = /^[A-Za-z0-9]{1,32}$/.test(deviceNo);
  const timeline = useCall('records.timeline', { deviceNo, day }, { enabled: valid });
  const data = timeline.data;
  return (
    <div data-testid="device-timeline">
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <AutoComplete
          value={deviceNo}
          onChange={(v: string) => {
            setDeviceNo(v.trim());
            setDay(undefined);
          }}
          options={(devices.data ?? []).map((d) => ({ value: d.deviceNo, label: `${d.deviceNo}${d.officerName ? ` · ${d.officerName}` : ''}` }))}
          placeholder={t('timeline.device')}
          style={{ width: 220 }}
          data-testid="timeline-device"
        />
        <Select value={data?.day || undefined} onChange={setDay} placeholder={t('timeline.day')} style={{ width: 200 }} options={(data?.days ?? []).map((d) => ({ value: d.day, label: t('timeline.dayOption', d) }))} data-testid="timeline-day" />
      </Flex>
      {!data || data.clips.length === 0 ? (
        <Empty description={valid ? t('timeline.none') : t('timeline.pick')} />
      ) : (
        <>
          <DayStrip clips={data.clips} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
            {t('timeline.summary', { count: data.clips.length, interrupted: data.clips.filter((c) => c.interrupted).length })}
          </Typography.Paragraph>
          <Timeline
            items={data.clips.map((c) => ({
              color: c.interrupted ? 'red' : 'blue',
              children: (
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{c.start.slice(11)}</Typography.Text>
                  <Typography.Text>{c.name}</Typography.Text>
                  {c.durationSeconds !== null && <Typography.Text type="secondary">{formatDuration(c.durationSeconds)}</Typography.Text>}
                  {c.gapBeforeSeconds !== null && <Typography.Text type="secondary">{t('timeline.gap', { gap: formatDuration(c.gapBeforeSeconds) })}</Typography.Text>}
                  {c.interrupted && <Tag color="red">{t('timeline.interrupted')}</Tag>}
                  {c.linked && <Tag color="blue">{t('cases.role_evidence')}</Tag>}
                </Flex>
              ),
            }))}
          />
        </>
      )}
    </div>
  );
}
