import type { TFunction } from 'i18next';
import { ClientError } from '../api/client.js';
import { formatInstant } from './format.js';

/** The user-facing text for any failure: translated from its code, never the core's English message. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ClientError) {
    const details = { ...err.details };
    if (typeof details.until === 'string') details.until = formatInstant(details.until);
    return t(`errors.${err.code}`, details);
  }
  return t('errors.INTERNAL');
}

export function errorCode(err: unknown): string | null {
  return err instanceof ClientError ? err.code : null;
}
