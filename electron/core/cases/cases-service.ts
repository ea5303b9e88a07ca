import type { CaseDetailDto, CaseDto, CaseFields, CaseLinkDto, EvidenceFacts } from '../../../shared/contract/cases-dto.js';
import { NO_LEDGER_FACTS, type LedgerFacts } from '../../../shared/contract/ledgers-dto.js';
import { caseHistory } from './case-history.js';
import { AppError } from '../../../shared/errors.js';
import { fitsCasePattern, linkNeedsReason, normalizeCaseNo, type CaseKind, type CaseStatus } from '../../../shared/rules/case-number.js';
import { scopeCondition, type AccessRule } from '../access/access-rule.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { CallContext } from '../base/call-context.js';
import { SearchIndex } from '../search/search-index.js';
import { refuseDestroyed } from '../record-state/disposition.js';
import { DISPOSITION_COLUMNS, dispositionOf, type DispositionColumns } from '../record-state/disposition.js';
import { likeContaining } from '../base/like.js';
import { OPEN_ALARMS } from '../record-state/alarms.js';

interface CaseRow {
  id: number;
  case_no: string;
  kind: CaseKind;
  cause: string;
  parties: string;
  handlers: string;
  status: CaseStatus;
  filed_on: string | null;
  decided_on: string | null;
  closed_on: string | null;
  archived_on: string | null;
  ledger_facts: string | null;
  created_at: string;
  created_by_name: string;
  version: number;
  evidence: number;
  other: number;
}

const SELECT = `SELECT c.*, a.display_name AS created_by_name,
  (SELECT count(*) FROM record_links l WHERE l.case_id = c.id AND l.unlinked_at IS NULL AND l.role = 'evidence') AS evidence,
  (SELECT count(*) FROM record_links l WHERE l.case_id = c.id AND l.unlinked_at IS NULL AND l.role = 'other') AS other
  FROM cases c JOIN accounts a ON a.id = c.created_by`;

/** A case's ledger facts, every key present (a case filed before they existed has none entered). */
export function ledgerFactsOf(stored: string | null): LedgerFacts {
  return { ...NO_LEDGER_FACTS, ...(stored ? (JSON.parse(stored) as Partial<LedgerFacts>) : {}) };
}

function fieldsOf(r: CaseRow): CaseFields {
  return {
    caseNo: r.case_no,
    kind: r.kind,
    cause: r.cause,
    parties: JSON.parse(r.parties) as CaseFields['parties'],
    handlerIds: JSON.parse(r.handlers) as number[],
    filedOn: r.filed_on,
    decidedOn: r.decided_on,
    closedOn: r.closed_on,
    archivedOn: r.archived_on,
    status: r.status,
  };
}

/**
 * Cases and the recordings linked to them (REQUIREMENTS §3). Every change is an appended event
 * with old and new values; an evidence link carries its written-description facts; a link to a
 * closed case needs a reason; officers see only the cases they handle.
 */
export class CasesService {
  private readonly search: SearchIndex;

  constructor(
    private readonly db: Db,
    private readonly access: AccessRule,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly numberPattern: () => string,
  ) {
    this.search = new SearchIndex(db, audit);
  }

  /** Cases in reach, newest first; the text is found as typed (no wildcards) in the number, the cause or a party's name. */
  list(ctx: CallContext, filter: { text?: string; kind?: CaseKind; status?: CaseStatus; limit: number; beforeId?: number }): { cases: CaseDto[]; total: number } {
    const reach = scopeCondition(this.access.cases(this.account(ctx)));
    const params = {
      ...reach.params,
      text: filter.text ? likeContaining(filter.text) : null,
      kind: filter.kind ?? null,
      status: filter.status ?? null,
      before: filter.beforeId ?? null,
      limit: filter.limit,
    };
    const where = `WHERE (@text IS NULL OR c.case_no LIKE @text ESCAPE '\\' OR c.cause LIKE @text ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(c.parties) p WHERE p.value ->> 'name' LIKE @text ESCAPE '\\'))
      AND (@kind IS NULL OR c.kind = @kind) AND (@status IS NULL OR c.status = @status) AND ${reach.sql}`;
    const rows = this.db.prepare(`${SELECT} ${where} AND (@before IS NULL OR c.id < @before) ORDER BY c.id DESC LIMIT @limit`).all(params) as CaseRow[];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM cases c ${where}`).get(params) as { n: number }).n;
    return { cases: rows.map((r) => this.toDto(r)), total };
  }

  get(ctx: CallContext, id: number): CaseDetailDto {
    this.access.requireCase(ctx, id);
    const row = this.row(id);
    const links = this.db
      .prepare(
        `SELECT l.*, r.original_path AS record_name, r.media_type, a.display_name AS linked_by_name,
           ${OPEN_ALARMS('r.id')} AS alarms,
           (SELECT last_checked_at FROM record_fixity f WHERE f.record_id = r.id) AS checked,
           rt.class AS kept_class, rt.kept_through, ${DISPOSITION_COLUMNS}
         FROM record_links l JOIN records r ON r.id = l.record_id JOIN accounts a ON a.id = l.linked_by
           LEFT JOIN record_retention rt ON rt.record_id = r.id
         WHERE l.case_id = ? AND l.unlinked_at IS NULL ORDER BY l.role, l.id`,
      )
      .all(id) as ({
      id: number;
      record_id: number;
      record_name: string;
      media_type: string;
      role: 'evidence' | 'other';
      facts: string | null;
      reason: string | null;
      linked_at: string;
      linked_by_name: string;
      alarms: number;
      checked: string | null;
      kept_class: 'standard' | 'evidence' | null;
      kept_through: string | null;
    } & DispositionColumns)[];
    return {
      ...this.toDto(row),
      links: links.map(
        (l): CaseLinkDto => ({
          id: l.id,
          recordId: l.record_id,
          recordName: l.record_name,
          mediaType: l.media_type,
          role: l.role,
          facts: l.facts ? (JSON.parse(l.facts) as EvidenceFacts) : null,
          reason: l.reason,
          linkedAt: l.linked_at,
          linkedBy: l.linked_by_name,
          integrity: l.alarms > 0 ? 'alarm' : l.checked ? 'ok' : 'unchecked',
          retention: l.kept_class === null ? null : { class: l.kept_class, keptThrough: l.kept_through },
          disposition: dispositionOf(l),
        }),
      ),
      history: caseHistory(this.db, id),
    };
  }

  create(ctx: CallContext, input: CaseFields): CaseDetailDto {
    const account = this.account(ctx);
    const fields = { ...input, caseNo: normalizeCaseNo(input.caseNo) };
    this.validate(fields, null);
    const id = this.db.transaction(() => {
      const newId = Number(
        this.db
          .prepare(
            `INSERT INTO cases (case_no, kind, cause, parties, handlers, status, filed_on, decided_on, closed_on, archived_on, created_at, created_by)
             VALUES (@caseNo, @kind, @cause, @parties, @handlers, @status, @filedOn, @decidedOn, @closedOn, @archivedOn, @at, @by)`,
          )
          .run({ ...fields, parties: JSON.stringify(fields.parties), handlers: JSON.stringify(fields.handlerIds), at: this.clock.now().toISOString(), by: account.id }).lastInsertRowid,
      );
      this.setHandlers(newId, fields.handlerIds);
      this.event(newId, account.id, 'created', null, fields);
      this.audit.append({ ...ctx.auditBase(), action: 'case.created', target: `case:${newId}`, details: { caseNo: fields.caseNo, kind: fields.kind } });
      return newId;
    })();
    return this.get(ctx, id);
  }

  /** Changes a case as it was when the editor loaded it (`version`); a stale edit is refused, not merged. */
  update(ctx: CallContext, id: number, version: number, input: CaseFields): CaseDetailDto {
    const account = this.access.requireCase(ctx, id);
    const fields = { ...input, caseNo: normalizeCaseNo(input.caseNo) };
    const row = this.row(id);
    if (row.version !== version) throw new AppError('STALE_VERSION', 'the case changed meanwhile', { id, version: row.version });
    const old = fieldsOf(row);
    this.validate(fields, id);
    if (JSON.stringify(old) === JSON.stringify(fields)) return this.get(ctx, id);
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE cases SET case_no = @caseNo, kind = @kind, cause = @cause, parties = @parties, handlers = @handlers, status = @status,
             filed_on = @filedOn, decided_on = @decidedOn, closed_on = @closedOn, archived_on = @archivedOn, version = version + 1 WHERE id = @id`,
        )
        .run({ ...fields, parties: JSON.stringify(fields.parties), handlers: JSON.stringify(fields.handlerIds), id });
      this.setHandlers(id, fields.handlerIds);
      this.event(id, account.id, 'changed', old, fields);
      this.audit.append({ ...ctx.auditBase(), action: 'case.changed', target: `case:${id}`, details: { caseNo: fields.caseNo } });
      this.search.refreshCase(id);
    })();
    return this.get(ctx, id);
  }

  /**
   * Sets what the county ledger asks of the case (台账信息), as it was when the editor loaded it
   * (`version`). Only the facts that changed are events; an empty text is a fact not entered.
   */
  setLedgerFacts(ctx: CallContext, id: number, version: number, input: LedgerFacts): CaseDetailDto {
    const account = this.access.requireCase(ctx, id);
    const row = this.row(id);
    if (row.version !== version) throw new AppError('STALE_VERSION', 'the case changed meanwhile', { id, version: row.version });
    const old = ledgerFactsOf(row.ledger_facts);
    const next = Object.fromEntries(Object.entries({ ...NO_LEDGER_FACTS, ...input }).map(([k, v]) => [k, v === '' ? null : v])) as LedgerFacts;
    if (next.inspectedOn && next.recheckedOn && next.recheckedOn < next.inspectedOn) throw new AppError('VALIDATION_FAILED', 're-checked before inspected', { fields: 'recheckedOn' });
    if (next.measureTakenOn && next.measureLiftedOn && next.measureLiftedOn < next.measureTakenOn) throw new AppError('VALIDATION_FAILED', 'lifted before taken', { fields: 'measureLiftedOn' });
    if (JSON.stringify(old) === JSON.stringify(next)) return this.get(ctx, id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE cases SET ledger_facts = ?, version = version + 1 WHERE id = ?').run(JSON.stringify(next), id);
      this.event(id, account.id, 'changed', { ledger: old }, { ledger: next });
      this.audit.append({ ...ctx.auditBase(), action: 'case.changed', target: `case:${id}`, details: { caseNo: row.case_no } });
    })();
    return this.get(ctx, id);
  }

  /**
   * Links records to a case, as evidence (with the written-description facts) or as other
   * material. A record already linked to the case gets the new role and facts, as an event.
   */
  link(ctx: CallContext, input: { caseId: number; recordIds: number[]; role: 'evidence' | 'other'; facts?: EvidenceFacts; reason?: string }): CaseDetailDto {
    const account = this.access.requireCase(ctx, input.caseId);
    const row = this.row(input.caseId);
    for (const recordId of input.recordIds) this.access.requireRecord(ctx, 'link', recordId);
    refuseDestroyed(this.db, input.recordIds);
    if (input.role === 'evidence' && !input.facts) throw new AppError('EVIDENCE_FACTS_REQUIRED', 'evidence needs its facts');
    if (linkNeedsReason(row.status) && !input.reason?.trim()) throw new AppError('CASE_CLOSED_NEEDS_REASON', 'closed case', { caseNo: row.case_no });
    const facts = input.role === 'evidence' ? JSON.stringify(input.facts) : null;
    this.db.transaction(() => {
      for (const recordId of input.recordIds) {
        const live = this.db.prepare('SELECT id, role, facts FROM record_links WHERE record_id = ? AND case_id = ? AND unlinked_at IS NULL').get(recordId, input.caseId) as
          | { id: number; role: string; facts: string | null }
          | undefined;
        const now = this.clock.now().toISOString();
        if (live) {
          if (live.role === input.role && live.facts === facts) continue;
          // A changed link is a new link row: the old one is closed, so its facts stay as they were.
          this.db.prepare('UPDATE record_links SET unlinked_at = ?, unlinked_by = ?, unlink_reason = ? WHERE id = ?').run(now, account.id, 'replaced', live.id);
          this.insertLink(recordId, input.caseId, input.role, facts, input.reason ?? null, now, account.id);
          this.event(input.caseId, account.id, 'link_changed', { recordId, role: live.role, facts: live.facts ? (JSON.parse(live.facts) as unknown) : null }, { recordId, role: input.role, facts: input.facts ?? null });
        } else {
          this.insertLink(recordId, input.caseId, input.role, facts, input.reason ?? null, now, account.id);
          this.event(input.caseId, account.id, 'linked', null, { recordId, role: input.role, facts: input.facts ?? null, reason: input.reason ?? null });
        }
      }
      this.audit.append({ ...ctx.auditBase(), action: 'case.linked', target: `case:${input.caseId}`, details: { recordIds: input.recordIds, role: input.role, reason: input.reason ?? null } });
      this.search.refresh(input.recordIds);
    })();
    return this.get(ctx, input.caseId);
  }

  unlink(ctx: CallContext, linkId: number, reason: string): CaseDetailDto {
    const link = this.db.prepare('SELECT case_id, record_id, role FROM record_links WHERE id = ? AND unlinked_at IS NULL').get(linkId) as { case_id: number; record_id: number; role: string } | undefined;
    if (!link) throw new AppError('NOT_FOUND', `no live link ${linkId}`, { id: linkId });
    const account = this.access.requireCase(ctx, link.case_id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE record_links SET unlinked_at = ?, unlinked_by = ?, unlink_reason = ? WHERE id = ?').run(this.clock.now().toISOString(), account.id, reason, linkId);
      this.event(link.case_id, account.id, 'unlinked', { recordId: link.record_id, role: link.role }, { reason });
      this.audit.append({ ...ctx.auditBase(), action: 'case.unlinked', target: `case:${link.case_id}`, details: { recordId: link.record_id, reason } });
      this.search.refresh([link.record_id]);
    })();
    return this.get(ctx, link.case_id);
  }

  private validate(fields: CaseFields, id: number | null): void {
    if (!fitsCasePattern(fields.caseNo, this.numberPattern())) throw new AppError('CASE_NO_PATTERN', 'pattern', { caseNo: fields.caseNo });
    const taken = this.db.prepare('SELECT id FROM cases WHERE case_no = ?').get(fields.caseNo) as { id: number } | undefined;
    if (taken && taken.id !== id) throw new AppError('CASE_NO_TAKEN', 'taken', { caseNo: fields.caseNo });
    if (new Set(fields.handlerIds).size < 2) throw new AppError('VALIDATION_FAILED', 'two different handlers', { fields: 'handlerIds' });
    // Handlers are officers: a keeper or a supervisor named here would sign the county ledger as
    // its 检查人员, and a supervisor could draw her own case in a spot check.
    for (const h of fields.handlerIds) {
      const handler = this.db.prepare('SELECT role FROM accounts WHERE id = ?').get(h) as { role: string } | undefined;
      if (!handler) throw new AppError('NOT_FOUND', `no account ${h}`, { id: h });
      if (handler.role !== 'officer') throw new AppError('HANDLER_NOT_OFFICER', 'case handlers are officers', { id: h });
    }
  }

  private insertLink(recordId: number, caseId: number, role: string, facts: string | null, reason: string | null, at: string, by: number): void {
    this.db.prepare('INSERT INTO record_links (record_id, case_id, role, facts, reason, linked_at, linked_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(recordId, caseId, role, facts, reason, at, by);
  }

  private setHandlers(caseId: number, handlerIds: number[]): void {
    this.db.prepare('DELETE FROM case_handlers WHERE case_id = ?').run(caseId);
    const add = this.db.prepare('INSERT OR IGNORE INTO case_handlers (case_id, officer_id) VALUES (?, ?)');
    for (const h of handlerIds) add.run(caseId, h);
  }

  private event(caseId: number, by: number, action: string, old: unknown, next: unknown): void {
    this.db
      .prepare('INSERT INTO case_events (case_id, at, by_account, action, old, new) VALUES (?, ?, ?, ?, ?, ?)')
      .run(caseId, this.clock.now().toISOString(), by, action, old === null ? null : JSON.stringify(old), next === null ? null : JSON.stringify(next));
  }

  private account(ctx: CallContext) {
    if (!ctx.account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    return ctx.account;
  }

  private row(id: number): CaseRow {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no case ${id}`, { id });
    return row;
  }

  private toDto(r: CaseRow): CaseDto {
    const fields = fieldsOf(r);
    const handlers = fields.handlerIds.map((hid) => {
      const a = this.db.prepare('SELECT display_name, officer_no FROM accounts WHERE id = ?').get(hid) as { display_name: string; officer_no: string | null } | undefined;
      return { id: hid, name: a?.display_name ?? '', officerNo: a?.officer_no ?? null };
    });
    return { ...fields, id: r.id, version: r.version, handlers, createdAt: r.created_at, createdBy: r.created_by_name, evidenceCount: r.evidence, otherCount: r.other, ledger: ledgerFactsOf(r.ledger_facts) };
  }
}
