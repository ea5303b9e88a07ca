import { Button, Card, Empty, Flex, Input, Space, Tag, Typography } from 'antd';
import { FolderOpenOutlined, HddOutlined, UsbOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SourceDto } from '../../../../shared/contract/records-dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { transport } from '../../api/transport.js';
import { formatBytes } from '../../lib/format-size.js';
import { useCall } from '../../api/use-call.js';

/** How often the drive list is re-read, so a camera shows up soon after it is plugged in. */
const POLL_MS = 3000;

/** Drives plugged in now and the office's regular folders as cards, then any other folder by path or chooser. */
export function SourcePicker({ value, onChange, disabled }: { value: string; onChange: (source: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const sources = useCall('import.sources', {}, { refetchInterval: POLL_MS });
  const pick = transport.pickFolder;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {sources.data && sources.data.length > 0 ? (
        <Flex wrap gap={12} data-testid="import-sources">
          {sources.data.map((s) => (
            <SourceCard key={s.path} source={s} selected={s.path === value} disabled={disabled || !s.available} onSelect={() => onChange(s.path)} />
          ))}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('importer.noDrives')} style={{ margin: 0 }} />
      )}
      <Flex gap={8} align="center">
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('importer.orFolder')}</Typography.Text>
        <Input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder="E:\\   /media/camera"
          maxLength={LIMITS.pathMax}
          disabled={disabled}
          aria-label={t('importer.source')}
          data-testid="import-source"
        />
        {pick && (
          <Button icon={<FolderOpenOutlined />} disabled={disabled} onClick={() => void pick().then((p) => p && onChange(p))}>
            {t('importer.browse')}
          </Button>
        )}
      </Flex>
    </Space>
  );
}

function SourceCard({ source, selected, disabled, onSelect }: { source: SourceDto; selected: boolean; disabled: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      hoverable={!disabled}
      onClick={disabled ? undefined : onSelect}
      style={{ width: 260, cursor: disabled ? 'not-allowed' : 'pointer', opacity: source.available ? 1 : 0.55, borderColor: selected ? '#1677ff' : undefined, borderWidth: selected ? 2 : 1 }}
      role="radio"
      aria-checked={selected}
      data-testid="import-source-card"
    >
      <Space align="start">
        {source.kind === 'drive' ? <UsbOutlined style={{ fontSize: 22 }} /> : <HddOutlined style={{ fontSize: 22 }} />}
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ maxWidth: 190, display: 'block' }}>
            {source.label}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 190, display: 'block', fontSize: 12 }}>
            {source.path}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            {!source.available ? (
              <Tag>{t('importer.unavailable')}</Tag>
            ) : (
              <>
                {source.cameraFolders.length > 0 && <Tag color="blue">{t('importer.looksLikeCamera')}</Tag>}
                {source.totalBytes !== null && source.freeBytes !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {t('importer.used', { used: formatBytes(source.totalBytes - source.freeBytes), total: formatBytes(source.totalBytes) })}
                  </Typography.Text>
                )}
              </>
            )}
          </div>
        </div>
      </Space>
    </Card>
  );
}
