import type { Language } from '../../shared/contract/dto.js';
import { AppError, type AppErrorShape } from '../../shared/errors.js';
import { SHARED_MESSAGES, interpolate } from '../../shared/i18n/messages.js';
import { CLI_TEXTS } from './texts.js';

/** An error as a sentence; the CLI words a few codes its own way, to say which flag to use. */
export function errorLine(error: AppErrorShape, language: Language): string {
  const own = CLI_TEXTS[language][`error_${error.code}`];
  return interpolate(own ?? SHARED_MESSAGES[language].errors[error.code], error.details ?? {});
}

export function toShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** One JSON object with --json, the human text otherwise. */
export function emit(json: boolean | undefined, value: unknown, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}
