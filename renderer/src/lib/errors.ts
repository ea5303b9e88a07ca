import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../../shared/errors.js';
import { ClientError } from '../api/client.js';
import { formatInstant } from './format.js';

/** The user-facing text for any failure: translated from its code, never the core's English message. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ClientError) return shapeText(t, { code: err.code, message: err.message, details: err.details });
  return t('errors.INTERNAL');
}

/**
 * The text of a failure the core kept rather than threw (a finished job's problem, a drive's
 * problem). A code this build does not know yet still reads as a sentence, with the code for support.
 */
export function shapeText(t: TFunction, shape: AppErrorShape): string {
  const details: Record<string, unknown> = { ...shape.details };
  if (typeof details.until === 'string') details.until = formatInstant(details.until);
  return t(`errors.${shape.code}`, { ...details, defaultValue: t('common.unknownProblem', { code: shape.code }) });
}

export function errorCode(err: unknown): string | null {
  return err instanceof ClientError ? err.code : null;
}
