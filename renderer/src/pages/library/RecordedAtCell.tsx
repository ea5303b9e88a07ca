import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import { formatWallClock } from '../../lib/format.js';

/**
 * When the camera recorded it: the time in the file name, else the file's date (greyed, with why
 * on hover), the time the library is ordered by.
 */
export function RecordedAtCell({ record }: { record: RecordDto }) {
  const { t } = useTranslation();
  if (record.attribution.recordedAt) return <span style={{ whiteSpace: 'nowrap' }}>{formatWallClock(record.attribution.recordedAt)}</span>;
  if (!record.timeliness) return null;
  return (
    <Tooltip title={t('library.basisMtime')}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="recorded-from-file-date">
        {formatWallClock(record.timeliness.recordedAt)}
      </Typography.Text>
    </Tooltip>
  );
}
