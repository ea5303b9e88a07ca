import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StorageOutlook as Outlook } from '../../../../shared/contract/statistics-dto.js';
import { formatBytes } from '../../lib/format-size.js';

/** What the store holds, what its drive has left, the growth per month, and the month the drive is full at that rate. */
export function StorageOutlook({ outlook }: { outlook: Outlook }) {
  const { t } = useTranslation();
  const growth = outlook.growthPerMonthBytes;
  const full =
    outlook.freeBytes === null
      ? t('statistics.driveUnreadable')
      : growth === null
        ? t('statistics.noRateYet')
        : outlook.fullMonth
          ? t('statistics.fullIn', { month: outlook.fullMonth })
          : t('statistics.notFull', { years: outlook.horizonYears });
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }} data-testid="storage-outlook">
        <Descriptions.Item label={t('statistics.used')}>{formatBytes(outlook.usedBytes)}</Descriptions.Item>
        <Descriptions.Item label={t('statistics.free')}>
          {outlook.freeBytes === null || outlook.totalBytes === null ? '—' : t('statistics.freeOf', { free: formatBytes(outlook.freeBytes), total: formatBytes(outlook.totalBytes) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('statistics.growth')}>{growth === null ? t('statistics.growthUnknown') : t('statistics.perMonth', { size: formatBytes(growth) })}</Descriptions.Item>
      </Descriptions>
      <Alert type={outlook.fullMonth ? 'warning' : 'info'} showIcon message={full} style={{ marginBottom: 12 }} data-testid="storage-full" />
    </>
  );
}
