import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ViewingDto } from '../../../../shared/contract/viewings-dto.js';

const REASON_COLORS: Record<NonNullable<ViewingDto['closeReason']>, string> = { closed: 'default', expired: 'gold', interrupted: 'orange', abandoned: 'volcano', session_ended: 'orange' };

/** How a viewing ended (normally, its approved time over, after a crash), or that it is still on. */
export function ViewingEndTag({ viewing }: { viewing: Pick<ViewingDto, 'closeReason'> }) {
  const { t } = useTranslation();
  if (!viewing.closeReason) return <Tag color="processing">{t('viewings.stillOpen')}</Tag>;
  return <Tag color={REASON_COLORS[viewing.closeReason]}>{t(`viewings.reason_${viewing.closeReason}`)}</Tag>;
}

/** How often anything was started in the viewer: the count the register prints. */
export const playCount = (v: Pick<ViewingDto, 'events'>): number => v.events.filter((e) => e.event === 'play').length;
