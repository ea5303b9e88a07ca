import { AppError } from '../../../shared/errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';

/**
 * Runs one step of a request's life (asking, deciding, opening a viewing, lending, returning):
 * a refused step leaves nothing changed but the audit line that says who tried what on which
 * request and why it was refused.
 */
export function refusalsAudited<T>(audit: AuditLog, ctx: CallContext, step: string, requestId: number | null, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && ctx.account) audit.append({ ...ctx.auditBase(), action: 'request.refused', target: requestId ? `request:${requestId}` : null, details: { step, code: e.code, ...(e.details ?? {}) } });
    throw e;
  }
}
