import type { TFunction } from 'i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';

/** "account:2" reads as the account's name, "office" as its label; anything else stays as recorded. */
export function describeTarget(t: TFunction, target: string | null, accounts: AccountDto[]): string {
  if (!target) return '';
  const m = /^account:(\d+)$/.exec(target);
  const account = m ? accounts.find((a) => a.id === Number(m[1])) : undefined;
  return account ? `${account.displayName} (${account.username})` : t(`auditTargets.${target}`, { defaultValue: target });
}

function describeValue(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (key === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
  if (typeof value === 'object') return JSON.stringify(value);
  return t(`auditValues.${String(value)}`, { defaultValue: String(value) });
}

/** The recorded details as "label: value" pairs in the reader's language; the raw record stays in the tooltip. */
export function describeDetails(t: TFunction, details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${t(`auditKeys.${key}`, { defaultValue: key })}: ${describeValue(t, key, value)}`)
    .join('；');
}
