import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import { formatDuration } from '../../lib/format-size.js';
import { recordFlags } from '../../../../shared/rules/record-flags.js';

/** Codec and size of the picture, or the flag that says the file could not be read. */
export function FormatCell({ record }: { record: RecordDto }) {
  const { t } = useTranslation();
  const m = record.media;
  if (!m) return <Typography.Text type="secondary">{t('library.probing')}</Typography.Text>;
  const [flag] = recordFlags(record);
  if (flag) {
    return (
      <Tooltip title={t('library.flagHint', { problem: m.problem ?? '' })}>
        <Tag color="orange">{flag === 'empty' ? t('library.flagEmpty') : t('library.flagUnreadable')}</Tag>
      </Tooltip>
    );
  }
  const codecs = [m.videoCodec, m.audioCodec].filter(Boolean).join(' / ');
  return (
    <span>
      {codecs}
      {m.width && m.height ? ` · ${m.width}×${m.height}` : ''}
    </span>
  );
}

export function durationText(record: RecordDto): string {
  const d = record.media?.durationSeconds;
  return d && record.mediaType !== 'photo' ? formatDuration(d) : '';
}
