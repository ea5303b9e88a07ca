import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { RequestDto, RequestItem, RequestKind } from '../../../../shared/contract/requests-dto.js';
import { can } from '../../../../shared/roles.js';
import { itemsNarrowed } from '../../../../shared/rules/request-narrowing.js';
import { formatInstant } from '../../lib/format.js';

/** Whether this account decides the request now: the leader the approval rule named, while it is pending. */
export const decidesNow = (account: AccountDto, r: RequestDto): boolean => can(account, 'requests.decide') && r.state === 'pending' && r.approverRole === account.role;

const STATE_COLORS: Record<RequestDto['state'], string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** Pending, approved or rejected, coloured as a reader expects. */
export function RequestStateTag({ state }: { state: RequestDto['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`decisions.${state}`)}</Tag>;
}

/** Viewing kinds bring a viewing; the others take something out of the room (借阅). */
export const isViewing = (kind: RequestKind): boolean => kind === 'officer_view' || kind === 'department_view' || kind === 'party_view';

/** "2026-12-02 09:00 至 2026-12-03 09:00", on the office's clock. */
export function windowText(t: TFunction, w: { from: string; to: string }): string {
  return t('requests.windowText', { from: formatInstant(w.from, false), to: formatInstant(w.to, false) });
}

/** An item as people read it: a whole case, a recording, a disc, each with its kind said. */
export function itemText(t: TFunction, item: RequestItem & { label: string }): string {
  return t(`requests.item_${item.kind}`, { label: item.label });
}

/** The items an approval granted, with their names (a case may have been approved as some of its recordings). */
export function grantedItems(r: RequestDto): (RequestItem & { label: string })[] | null {
  return r.decision?.grantedItems ?? null;
}

/** Whether the approval took less than was asked: fewer items or a shorter window. */
export function narrowed(r: RequestDto): { items: boolean; window: boolean } {
  const d = r.decision;
  return {
    items: itemsNarrowed(r.items, d?.grantedItems ?? null),
    window: Boolean(d?.grantedWindow && (d.grantedWindow.from !== r.window.from || d.grantedWindow.to !== r.window.to)),
  };
}

/** Where an approval stands now: not yet begun, in force (how many records it opens), or over. */
export function GrantState({ request: r }: { request: RequestDto }) {
  const { t } = useTranslation();
  const w = r.decision?.grantedWindow;
  if (r.state !== 'approved' || !w) return null;
  const now = Date.now();
  if (now < Date.parse(w.from)) return <Typography.Text type="secondary">{t('requests.grantNotYet')}</Typography.Text>;
  if (r.usedUp) return <Typography.Text type="secondary">{t('requests.grantUsed')}</Typography.Text>;
  if (now >= Date.parse(w.to)) return <Typography.Text type="secondary">{t('requests.grantOver')}</Typography.Text>;
  // A loan's approval opens nothing to watch: it lets the keeper lend inside its period.
  return <Typography.Text type="success">{isViewing(r.kind) ? t('requests.grantLive', { count: r.liveGrants }) : t('requests.grantLiveLoan')}</Typography.Text>;
}

/** 纸质审批: a decision signed on paper and entered by the keeper. */
