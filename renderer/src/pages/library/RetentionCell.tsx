import { Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import type { RetentionPolicy } from '../../../../shared/rules/retention.js';

/**
 * The last day a record must be kept, with its class: red once the day has passed, orange within
 * the 30 days the dashboard warns about. No date yet reads as long-term until its case is
 * archived, or permanent when the office keeps evidence permanently.
 */
export function RetentionCell({ record, policy }: { record: RecordDto; policy: RetentionPolicy | undefined }) {
  const { t } = useTranslation();
  const r = record.retention;
  if (!r) return null;
  const cls = t(`retention.class_${r.class}`);
  const tag = (
    <Tag color={r.class === 'evidence' ? 'gold' : undefined} style={{ marginInlineEnd: 6 }}>
      {t(`library.keptClass_${r.class}`)}
    </Tag>
  );
  if (r.keptThrough === null) {
    const permanent = policy?.evidenceYears === 'permanent';
    return (
      <Tooltip title={permanent ? cls : t('library.keptNoEndHelp')}>
        <span style={{ whiteSpace: 'nowrap' }} data-testid="kept-through">
          {tag}
          {permanent ? t('library.keptPermanent') : t('library.keptNoEnd')}
        </span>
      </Tooltip>
    );
  }
  const today = dayjs().format('YYYY-MM-DD');
  const type = r.keptThrough < today ? 'danger' : r.keptThrough < dayjs().add(30, 'day').format('YYYY-MM-DD') ? 'warning' : undefined;
  return (
    <Tooltip title={t('library.keptHelp', { class: cls })}>
      <span style={{ whiteSpace: 'nowrap' }} data-testid="kept-through">
        {tag}
        <Typography.Text type={type}>{r.keptThrough}</Typography.Text>
      </span>
    </Tooltip>
  );
}
