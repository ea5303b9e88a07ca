import type { AccountDto } from '../../../shared/contract/dto.js';
import { AppError } from '../../../shared/errors.js';
import type { PushEvent } from '../../../shared/contract/envelope.js';
import { REACH, can, type AccessDenial, type Permission, type Reach, type RecordVerb } from '../../../shared/roles.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import { GRANTED_TO, liveGrantNumber } from '../record-state/grants.js';

/** A condition for a list query: nothing to add, or a SQL fragment with its own named parameters. */
export type SqlScope = { all: true } | { all: false; sql: string; params: Record<string, unknown> };

export type Decision = { allowed: true } | { allowed: false; reason: AccessDenial };

type Account = Pick<AccountDto, 'id' | 'role'>;

/** An officer's share of the catalogue, over `record_search s`: their recordings and those of the cases they handle. */
const OWN_RECORDS = `(s.officer_id = @access_me OR s.record_id IN (SELECT l.record_id FROM record_links l JOIN case_handlers h ON h.case_id = l.case_id WHERE h.officer_id = @access_me AND l.unlinked_at IS NULL))`;
/** An officer's cases, over `cases c`: those they handle. */
const OWN_CASES = `c.id IN (SELECT h.case_id FROM case_handlers h WHERE h.officer_id = @access_me)`;

/**
 * Records an approved request lets the account reach now, over `record_search s`: a live grant in
 * its window, for a record not under an integrity alarm and not destroyed. It ends on its own
 * when the window closes, and at once when the grant is revoked, an alarm is raised or the record
 * is destroyed.
 */
const GRANTED = GRANTED_TO('@access_me', '@access_now');

function scopeOf(reach: Reach, own: string, account: Account, granted: { now: string } | null = null): SqlScope {
  if (reach === 'all') return { all: true };
  const params = { access_me: account.id, ...(granted ? { access_now: granted.now } : {}) };
  const parts = [...(reach === 'own' ? [own] : []), ...(granted ? [GRANTED] : [])];
  return parts.length === 0 ? { all: false, sql: '0', params: {} } : { all: false, sql: `(${parts.join(' OR ')})`, params };
}

/** The scope as one boolean SQL expression (single-item checks evaluate the very condition the lists use). */
export function scopeCondition(scope: SqlScope): { sql: string; params: Record<string, unknown> } {
  return scope.all ? { sql: '1', params: {} } : { sql: scope.sql, params: scope.params };
}

/**
 * The one rule for who may reach which record and case (REQUIREMENTS §5). Lists narrow by the
 * same SQL the single-item checks evaluate, so a list, its count and a direct request can't
 * disagree. Something outside an account's reach answers exactly as something that doesn't
 * exist (NOT_FOUND): a different answer would tell an officer it is there. Grants from approved
 * requests widen an account's reach here, and nowhere else.
 */
export class AccessRule {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The records an account may `verb`, as a condition on `record_search s`; a grant widens finding and watching a record, nothing else. */
  records(account: Account, verb: RecordVerb): SqlScope {
    const granted = verb === 'list' || verb === 'play' ? { now: this.clock.now().toISOString() } : null;
    return scopeOf(REACH[account.role].records[verb], OWN_RECORDS, account, granted);
  }

  /** The cases an account may see, as a condition on `cases c`. */
  cases(account: Account): SqlScope {
    return scopeOf(REACH[account.role].cases, OWN_CASES, account);
  }

  decideRecord(account: Account | null, verb: RecordVerb, recordId: number): Decision | null {
    if (!account) return { allowed: false, reason: 'signed_out' };
    const listed = scopeCondition(this.records(account, 'list'));
    const allowed = scopeCondition(this.records(account, verb));
    const row = this.db
      .prepare(`SELECT (${listed.sql}) AS listed, (${allowed.sql}) AS allowed FROM record_search s WHERE s.record_id = @access_id`)
      .get({ ...listed.params, ...allowed.params, access_id: recordId }) as { listed: number; allowed: number } | undefined;
    if (!row) return null;
    if (!row.listed) return { allowed: false, reason: 'out_of_reach' };
    if (row.allowed) return { allowed: true };
    return { allowed: false, reason: verb === 'play' ? 'needs_grant' : 'role' };
  }

  decideCase(account: Account | null, caseId: number): Decision | null {
    if (!account) return { allowed: false, reason: 'signed_out' };
    const seen = scopeCondition(this.cases(account));
    const row = this.db.prepare(`SELECT (${seen.sql}) AS seen FROM cases c WHERE c.id = @access_id`).get({ ...seen.params, access_id: caseId }) as { seen: number } | undefined;
    if (!row) return null;
    return row.seen ? { allowed: true } : { allowed: false, reason: 'out_of_reach' };
  }

  /**
   * Whether a pushed event may reach an account's window: job progress names files and runs, so
   * it goes to those who may see the job; a record's news to those who may list the record.
   */
  mayReceive(account: Account & Pick<AccountDto, 'isAdmin'>, event: PushEvent): boolean {
    const area = event.type.split('.')[0] ?? '';
    const needs: Record<string, Permission> = { import: 'records.import', integrity: 'integrity.read', backup: 'integrity.read', disc: 'discs.manage', destruction: 'retention.manage' };
    if (needs[area]) return can(account, needs[area]);
    if ('recordId' in event.payload) return this.decideRecord(account, 'list', event.payload.recordId)?.allowed === true;
    return false;
  }

  /**
   * The approval an account plays a record on when its role alone wouldn't reach it, for the
   * watermark to name; null when its own reach does.
   */
  grantNumber(account: Account, recordId: number): string | null {
    if (REACH[account.role].records.play === 'all') return null;
    return liveGrantNumber(this.db, account.id, recordId, this.clock.now().toISOString());
  }

  /** Throws unless the caller may `verb` the record; returns the signed-in account. */
  requireRecord(ctx: CallContext, verb: RecordVerb, recordId: number): AccountDto {
    return enforce(ctx, this.decideRecord(ctx.account, verb, recordId), { record: recordId, verb });
  }

  requireCase(ctx: CallContext, caseId: number): AccountDto {
    return enforce(ctx, this.decideCase(ctx.account, caseId), { case: caseId });
  }
}

function enforce(ctx: CallContext, decision: Decision | null, what: { record?: number; case?: number; verb?: RecordVerb }): AccountDto {
  if (!ctx.account || (decision && !decision.allowed && decision.reason === 'signed_out')) throw new AppError('NOT_AUTHENTICATED', 'sign in first');
  const id = what.record ?? what.case;
  if (!decision || (!decision.allowed && decision.reason === 'out_of_reach')) throw new AppError('NOT_FOUND', `no ${what.record ? 'record' : 'case'} ${id}`, { id });
  if (!decision.allowed) throw new AppError('FORBIDDEN', `may not ${what.verb ?? 'see'} this`, { reason: decision.reason, ...(what.verb ? { verb: what.verb } : {}) });
  return ctx.account;
}
