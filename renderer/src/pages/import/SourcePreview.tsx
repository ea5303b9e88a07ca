import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format-size.js';
import { useCall } from '../../api/use-call.js';

/** What importing the chosen source would bring, before a byte of media is read. */
export function SourcePreview({ source }: { source: string }) {
  const { t } = useTranslation();
  const preview = useCall('import.preview', { source }, { enabled: source.length > 0, retry: false });
  if (!source) return null;
  if (preview.isPending) return <Spin size="small" />;
  if (preview.isError) return <Alert type="warning" showIcon message={errorText(t, preview.error)} data-testid="import-preview" />;
  const p = preview.data;
  return (
    <Alert
      type={p.files === 0 ? 'warning' : 'info'}
      showIcon
      data-testid="import-preview"
      message={p.files === 0 ? t('importer.previewEmpty') : t('importer.preview', { ...p, ...p.byType, size: formatBytes(p.bytes), fresh: p.files - p.likelyArchived })}
      description={p.likelyArchived > 0 ? t('importer.previewArchived', { count: p.likelyArchived }) : undefined}
    />
  );
}
