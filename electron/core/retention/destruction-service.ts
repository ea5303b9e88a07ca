import type { DestructionListDto, DestructionSummaryDto } from '../../../shared/contract/destruction-dto.js';
import type { ParsedInputOf } from '../../../shared/contract/methods.js';
import { AppError } from '../../../shared/errors.js';
import type { Role } from '../../../shared/roles.js';
import { DEFAULT_RETENTION, officeDay } from '../../../shared/rules/retention.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import { nextRegisterNumber } from '../base/register-number.js';
import type { Db } from '../db/open.js';
import { writeDestructionList } from '../documents/destruction-list-form.js';
import type { DocumentsFolder } from '../documents/documents-folder.js';
import { readSetting, type SettingsService } from '../settings/settings-service.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { keepFile } from '../store/keep-file.js';
import { refusalsAuditor } from '../audit/refusals.js';
import { refuseImpossibleDecisionTime } from '../base/paper-time.js';
import { destroyable } from './destruction-checks.js';
import { destructionFormOf } from './destruction-form.js';
import { SELECT_LISTS, listWithItems, summaryOf, type ListRow } from './destruction-rows.js';

const refusalsAudited = refusalsAuditor('destruction');

type Decision = { outcome: 'approved' | 'rejected'; reason?: string; witnessId?: number };
interface Decider {
  id: number;
  role: Role;
  name: string;
}
interface How {
  source: 'app' | 'paper';
  at: string;
  recordedBy: number | null;
  scan: string | null;
}

/**
 * Destruction lists (销毁清单, REQUIREMENTS §4): the keeper proposes records whose period has
 * ended and that nothing holds, with a reason; the responsible leader approves or rejects the list
 * once — in the app, or on signed paper the keeper enters with its scan — and never a list they
 * proposed. Approval checks expiry and holds again: a hold that started since the proposal blocks
 * it. Every step is an audit event, and every refusal too. Executing an approved list is not here.
 */
export class DestructionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly store: () => EvidenceStore,
    private readonly settings: SettingsService,
    private readonly documents: DocumentsFolder,
  ) {}

  propose(ctx: CallContext, recordIds: readonly number[], reason: string): DestructionListDto {
    return refusalsAudited(this.audit, ctx, 'propose', null, () => {
      const account = ctx.account as NonNullable<CallContext['account']>;
      const ids = [...new Set(recordIds)];
      const now = this.clock.now();
      const today = this.today();
      const id = this.db.transaction(() => {
        // Checked inside the write, so two proposals at once can't both take a record.
        const items = destroyable(this.db, ids, today, now.toISOString());
        const number = nextRegisterNumber(this.db, 'destruction_lists', 'X', today.slice(0, 4));
        const listId = Number(
          this.db.prepare("INSERT INTO destruction_lists (number, reason, proposed_at, proposed_by, state) VALUES (?, ?, ?, ?, 'pending')").run(number, reason, now.toISOString(), account.id).lastInsertRowid,
        );
        const put = this.db.prepare('INSERT INTO destruction_items (list_id, record_id, name, officer, recorded_at, sha256, size, kept_through, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const i of items) put.run(listId, i.record_id, i.name, i.officer, i.recorded_at, i.sha256, i.size, i.kept_through, i.rule);
        this.audit.append({ ...ctx.auditBase(), action: 'destruction.proposed', target: `destruction:${listId}`, details: { number, reason, recordIds: ids, count: ids.length } });
        return listId;
      })();
      return this.get({ id });
    });
  }

  decide(ctx: CallContext, id: number, decision: Decision): DestructionListDto {
    return refusalsAudited(this.audit, ctx, 'decide', id, () => {
      const account = ctx.account as NonNullable<CallContext['account']>;
      this.settle(ctx, id, { id: account.id, role: account.role, name: account.displayName }, decision, { source: 'app', at: this.clock.now().toISOString(), recordedBy: null, scan: null });
      return this.get({ id });
    });
  }

  /** A decision the responsible leader signed on paper: the keeper enters who and when, with the scan kept write-once in the store. */
  async recordPaperDecision(ctx: CallContext, input: ParsedInputOf<'destruction.recordPaperDecision'>): Promise<DestructionListDto> {
    const decision: Decision = { outcome: input.outcome, reason: input.reason, witnessId: input.witnessId };
    const at = new Date(input.decidedAt).toISOString();
    // Everything is checked before the scan is stored, so a refused entry leaves no file behind.
    const leader = refusalsAudited(this.audit, ctx, 'paper', input.id, () => {
      const row = this.db.prepare('SELECT id, role, display_name AS name FROM accounts WHERE id = ?').get(input.decidedBy) as Decider | undefined;
      if (!row) throw new AppError('NOT_FOUND', `no account ${input.decidedBy}`, { id: input.decidedBy });
      const list = this.check(input.id, row, decision);
      refuseImpossibleDecisionTime(at, list.proposed_at, this.clock.now().toISOString());
      return row;
    });
    const scan = await refusalsAudited(this.audit, ctx, 'paper', input.id, () => keepFile(this.store(), input.scanPath));
    return refusalsAudited(this.audit, ctx, 'paper', input.id, () => {
      this.settle(ctx, input.id, leader, decision, { source: 'paper', at, recordedBy: ctx.account?.id ?? null, scan });
      return this.get({ id: input.id });
    });
  }

  list(filter: ParsedInputOf<'destruction.list'>): { lists: DestructionSummaryDto[]; total: number } {
    const params = { state: filter.state ?? null, before: filter.beforeId ?? null, limit: filter.limit };
    const rows = this.db.prepare(`${SELECT_LISTS} WHERE (@state IS NULL OR l.state = @state) AND (@before IS NULL OR l.id < @before) ORDER BY l.id DESC LIMIT @limit`).all(params) as ListRow[];
    const total = (this.db.prepare('SELECT count(*) AS n FROM destruction_lists l WHERE (@state IS NULL OR l.state = @state)').get(params) as { n: number }).n;
    return { lists: rows.map(summaryOf), total };
  }

  get(ref: { id?: number; number?: string }): DestructionListDto {
    const row = (ref.id !== undefined ? this.db.prepare(`${SELECT_LISTS} WHERE l.id = ?`).get(ref.id) : this.db.prepare(`${SELECT_LISTS} WHERE l.number = ?`).get((ref.number ?? '').toUpperCase())) as ListRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'no such destruction list', { id: ref.id ?? ref.number ?? '' });
    return listWithItems(this.db, row);
  }

  /** The printable list (销毁清单) for the paper file, as a PDF for the caller's session. */
  async form(ctx: CallContext, id: number): Promise<{ path: string; name: string }> {
    const list = this.get({ id });
    const doc = this.documents.reserve('destruction', ctx.token);
    await writeDestructionList(doc.file, destructionFormOf(list, this.settings.office()?.name ?? '', this.settings.timeliness().timeZone, this.audit.head()), this.clock.now());
    return { path: doc.file, name: doc.name };
  }

  private today(): string {
    return officeDay(this.clock.now(), this.settings.timeliness().timeZone);
  }

  /** Whether `decider` may make `decision` on list `id` now; the list's row when so. */
  private check(id: number, decider: Decider, decision: Decision): ListRow {
    const row = this.db.prepare(`${SELECT_LISTS} WHERE l.id = ?`).get(id) as ListRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no destruction list ${id}`, { id });
    if (row.state !== 'pending') throw new AppError('ALREADY_DECIDED', 'decided already', { number: row.number });
    if (decider.role !== 'responsible_leader') throw new AppError('NOT_RESPONSIBLE_LEADER', 'the responsible leader decides', { number: row.number, name: decider.name });
    if (decider.id === row.proposed_by) throw new AppError('OWN_LIST', 'nobody approves their own list', { number: row.number });
    if (decision.outcome === 'rejected' && !decision.reason) throw new AppError('VALIDATION_FAILED', 'a rejection says why', { fields: 'reason' });
    if (decision.outcome === 'approved' && decision.witnessId === undefined && readSetting(this.db, 'retention', DEFAULT_RETENTION).witnessRequired) {
      throw new AppError('WITNESS_REQUIRED', 'the office requires a witness', { number: row.number });
    }
    if (decision.witnessId !== undefined) {
      if (!this.db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(decision.witnessId)) throw new AppError('NOT_FOUND', `no account ${decision.witnessId}`, { id: decision.witnessId });
      // The witness watches the others: neither the keeper who proposed nor the leader who approved.
      if (decision.witnessId === row.proposed_by || decision.witnessId === decider.id) throw new AppError('VALIDATION_FAILED', 'the witness is a third person', { fields: 'witnessId' });
    }
    if (decision.outcome === 'approved') {
      const ids = (this.db.prepare('SELECT record_id AS id FROM destruction_items WHERE list_id = ? ORDER BY id').all(id) as { id: number }[]).map((r) => r.id);
      destroyable(this.db, ids, this.today(), this.clock.now().toISOString(), id);
    }
    return row;
  }

  /** Checks and writes one decision in one transaction, with the audit chain head it was made at. */
  private settle(ctx: CallContext, id: number, decider: Decider, decision: Decision, how: How): void {
    this.db.transaction(() => {
      const row = this.check(id, decider, decision);
      const head = this.audit.head();
      this.db
        .prepare(
          `UPDATE destruction_lists SET state = ?, decided_at = ?, decided_by = ?, decision_source = ?, recorded_by = ?, paper_scan = ?, decision_reason = ?,
             witness_id = ?, head_seq = ?, head_hash = ? WHERE id = ?`,
        )
        .run(decision.outcome, how.at, decider.id, how.source, how.recordedBy, how.scan, decision.reason ?? null, decision.witnessId ?? null, head.seq, head.hash, id);
      this.audit.append({
        ...ctx.auditBase(),
        action: decision.outcome === 'approved' ? 'destruction.approved' : 'destruction.rejected',
        target: `destruction:${id}`,
        details: {
          number: row.number,
          decidedBy: decider.id,
          source: how.source,
          reason: decision.reason ?? null,
          witnessId: decision.witnessId ?? null,
          count: row.item_count,
          chainHead: head,
          ...(how.scan ? { scanSha256: how.scan } : {}),
        },
      });
    })();
  }

}
