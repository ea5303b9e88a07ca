import { AppError } from '../../../shared/errors.js';
import type { AuditLog } from './audit-log.js';
import type { CallContext } from '../base/call-context.js';

/**
 * Runs one step on a request or a destruction list (asking, deciding, lending, proposing, …): a
 * refused step leaves nothing changed but the audit line `<area>.refused` saying who tried what on
 * which one and why not, so an attempt to get around the rules is on the record too.
 */
export function refusalsAuditor(area: 'request' | 'destruction') {
  return <T>(audit: AuditLog, ctx: CallContext, step: string, id: number | null, fn: () => T): T => {
    const refused = (e: unknown): never => {
      if (e instanceof AppError && ctx.account) audit.append({ ...ctx.auditBase(), action: `${area}.refused`, target: id ? `${area}:${id}` : null, details: { step, code: e.code, ...(e.details ?? {}) } });
      throw e;
    };
    try {
      const result = fn();
      // A step that stores a file first refuses later, when its promise settles.
      return (result instanceof Promise ? result.catch(refused) : result) as T;
    } catch (e) {
      return refused(e);
    }
  };
}
