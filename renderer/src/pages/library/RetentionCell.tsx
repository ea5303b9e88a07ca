import { Tag, Tooltip, Typography } from 'antd';
import { formatInstant, officeToday } from '../../lib/format.js';
import { useTranslation } from 'react-i18next';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import { daysBetween, type RetentionPolicy } from '../../../../shared/rules/retention.js';

/**
 * The last day a record must be kept, its class beneath: red once the day has passed, orange
 * within the 30 days the dashboard warns about. No date yet reads as long-term until its case is
 * archived, or permanent when the office keeps evidence permanently. Two short lines, so the
 * column fits beside the key ones at 1366 px.
 */
export function RetentionCell({ record, policy }: { record: Pick<RecordDto, 'retention' | 'disposition'>; policy: RetentionPolicy | undefined }) {
  const { t } = useTranslation();
  // A destroyed record stays findable: it says under which list and when, in place of its period.
  if (record.disposition) {
    return (
      <Tooltip title={t('library.destroyedHelp', { at: formatInstant(record.disposition.destroyedAt, false) })}>
        <Tag color="red" style={{ whiteSpace: 'normal' }} data-testid="destroyed">
          {/* The list number kept whole on one line where the words around it wrap. */}
          {t('library.destroyedUnder', { number: '\u0000' })
            .split('\u0000')
            .map((words, i) => (i === 0 ? words : [<span key="n" style={{ whiteSpace: 'nowrap' }}>{record.disposition?.listNumber}</span>, words]))}
        </Tag>
      </Tooltip>
    );
  }
  const r = record.retention;
  if (!r) return null;
  const cls = t(`library.keptClass_${r.class}`);
  const permanent = r.keptThrough === null && policy?.evidenceYears === 'permanent';
  // The office's day, as the core's filter and review count it, not the workstation's.
  const today = officeToday();
  const type = r.keptThrough === null ? undefined : r.keptThrough < today ? 'danger' : daysBetween(today, r.keptThrough) < 30 ? 'warning' : undefined;
  const help = r.keptThrough !== null ? t('library.keptHelp', { class: t(`retention.class_${r.class}`) }) : permanent ? t(`retention.class_${r.class}`) : t('library.keptNoEndHelp');
  return (
    <Tooltip title={help}>
      <div style={{ lineHeight: 1.3 }} data-testid="kept-through">
        <Typography.Text type={type} strong={type !== undefined}>
          {r.keptThrough ?? (permanent ? t('library.keptPermanent') : t('library.keptNoEnd'))}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.keptThrough === null && !permanent ? t('library.keptNotArchived', { class: cls }) : cls}
        </Typography.Text>
      </div>
    </Tooltip>
  );
}
