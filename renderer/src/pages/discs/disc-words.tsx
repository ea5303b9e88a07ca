import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiscDto, DiscHealthDto } from '../../../../shared/contract/discs-dto.js';
import { DISC_MEDIA, type DiscMedium } from '../../../../shared/rules/disc-media.js';
import { formatInstant } from '../../lib/format.js';

/** "DVD 4.7 GB": the medium as it is printed on the blank's packaging, the same in every language. */
export function mediumLabel(medium: DiscMedium): string {
  return DISC_MEDIA[medium].label;
}

/** A disc is either an image waiting for a blank, or burned and read back against the register. */
export function DiscStateTag({ state }: { state: DiscDto['state'] }) {
  const { t } = useTranslation();
  return <Tag color={state === 'burned' ? 'green' : 'gold'}>{t(`discs.state_${state}`)}</Tag>;
}

const VERDICT_COLORS: Record<DiscHealthDto['verdict'], string> = { ok: 'green', altered: 'red', unreadable: 'volcano', unknown: 'orange' };

/** A check's outcome, coloured the way a reader expects: green intact, red not. */
export function VerdictTag({ verdict }: { verdict: DiscHealthDto['verdict'] }) {
  const { t } = useTranslation();
  return <Tag color={VERDICT_COLORS[verdict]}>{t(`discs.verdict_${verdict}`)}</Tag>;
}

/** The register's "last check" cell: the outcome, and when, on hover. */
export function LastCheck({ check }: { check: DiscDto['lastCheck'] }) {
  const { t } = useTranslation();
  if (!check) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('discs.neverChecked')}</span>;
  return (
    <Tooltip title={formatInstant(check.at)}>
      <span>
        <VerdictTag verdict={check.outcome} />
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{formatInstant(check.at, false).slice(0, 10)}</div>
      </span>
    </Tooltip>
  );
}

/** Where new images go by default: the data folder's disc-images, written the way that folder is. */
export function defaultImageFolder(dataDir: string): string {
  const sep = dataDir.includes('\\') ? '\\' : '/';
  return `${dataDir.replace(/[\\/]+$/, '')}${sep}disc-images`;
}
