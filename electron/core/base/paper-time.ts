import { AppError } from '../../../shared/errors.js';

/**
 * A decision signed on paper is entered to the minute: it can't predate the paper it was signed on
 * (compared within that minute, as the keeper typed it) nor lie in the future.
 */
export function refuseImpossibleDecisionTime(at: string, paperMadeAt: string, now: string): void {
  if (at.slice(0, 16) < paperMadeAt.slice(0, 16) || at > now) throw new AppError('VALIDATION_FAILED', 'decided before the paper existed, or in the future', { fields: 'decidedAt' });
}
