import { Image, Tag, Tooltip, Typography } from 'antd';
import { AudioOutlined, FileImageOutlined, VideoCameraOutlined } from '@ant-design/icons';
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
      <ProxyTag record={record} />
    </span>
  );
}

const PROXY_COLORS = { pending: 'processing', ready: 'blue', failed: 'warning' } as const;

/** Whether a browser-playable copy stands in for an original the browser can't play. */
function ProxyTag({ record }: { record: RecordDto }) {
  const { t } = useTranslation();
  const state = record.derived.proxy;
  if (state === 'not_needed') return null;
  return (
    <Tooltip title={t('library.proxyHelp')}>
      <Tag color={PROXY_COLORS[state]} style={{ marginInlineStart: 6 }}>
        {t(`library.proxy_${state}`)}
      </Tag>
    </Tooltip>
  );
}

const TYPE_ICONS = { video: VideoCameraOutlined, audio: AudioOutlined, photo: FileImageOutlined } as const;

/** The poster frame, or the media type's icon until there is one (audio never has one). No context menu: it is not for saving. */
export function PosterCell({ record, src }: { record: RecordDto; src: string | undefined }) {
  if (src) {
    return <Image src={src} width={72} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} preview={false} alt="" onContextMenu={(e) => e.preventDefault()} draggable={false} />;
  }
  const Icon = TYPE_ICONS[record.mediaType];
  return (
    <div style={{ width: 72, height: 40, borderRadius: 4, background: '#f0f2f5', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#8c8c8c' }}>
      <Icon />
    </div>
  );
}

export function durationText(record: RecordDto): string {
  const d = record.media?.durationSeconds;
  return d && record.mediaType !== 'photo' ? formatDuration(d) : '';
}
