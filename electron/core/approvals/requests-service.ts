import type { RequestCaseDto, RequestDto, RequestItem, Requester, RequestKind } from '../../../shared/contract/requests-dto.js';
import type { ParsedInputOf } from '../../../shared/contract/methods.js';
import { AppError } from '../../../shared/errors.js';
import { normalizeCaseNo } from '../../../shared/rules/case-number.js';
import type { Role } from '../../../shared/roles.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { keepFile } from '../store/keep-file.js';
import { refuseImpossibleDecisionTime } from '../base/paper-time.js';
import { refusalsAudited } from './refusals.js';
import { itemLabel, recordsOf, refuseUnavailable, sameItem } from './request-items.js';
import { approvalFormOf } from './request-form.js';
import { writeApprovalForm } from '../documents/approval-form.js';
import type { DocumentsFolder } from '../documents/documents-folder.js';
import type { SettingsService } from '../settings/settings-service.js';
import { nextRegisterNumber } from '../base/register-number.js';
import { scopeCondition, type AccessRule } from '../access/access-rule.js';
import { UNDER_ALARM } from '../record-state/alarms.js';
import { REQUEST_GRANT_COLUMNS, grant } from '../record-state/grants.js';

interface RequestRow {
  id: number;
  number: string;
  kind: RequestKind;
  case_id: number | null;
  case_no: string | null;
  requester_id: number | null;
  requester: string;
  items: string;
  purpose: string;
  content: string;
  starts_at: string;
  ends_at: string;
  approver_role: 'responsible_leader' | 'principal_leader';
  created_at: string;
  created_by_name: string;
  created_by: number;
  state: RequestDto['state'];
  decided_at: string | null;
  decided_by_name: string | null;
  decision_source: 'app' | 'paper' | null;
  recorded_by_name: string | null;
  paper_scan: string | null;
  reason: string | null;
  granted_items: string | null;
  granted_from: string | null;
  granted_to: string | null;
  head_seq: number | null;
  head_hash: string | null;
  live: number;
  used: number;
  viewing_open: number;
}

const SELECT = `SELECT q.*, c.case_no, a.display_name AS created_by_name, d.display_name AS decided_by_name, k.display_name AS recorded_by_name,
    ${REQUEST_GRANT_COLUMNS},
    EXISTS (SELECT 1 FROM viewings v WHERE v.request_id = q.id AND v.closed_at IS NULL) AS viewing_open
  FROM access_requests q LEFT JOIN cases c ON c.id = q.case_id JOIN accounts a ON a.id = q.created_by
  LEFT JOIN accounts d ON d.id = q.decided_by LEFT JOIN accounts k ON k.id = q.recorded_by`;

/** Who may see which requests: an officer the ones they made or that are about them; everyone else all. */
const VISIBLE = '(@role <> \'officer\' OR q.requester_id = @me OR q.created_by = @me)';

type Decision = { outcome: 'approved' | 'rejected'; reason?: string; items?: RequestItem[]; window?: { from: string; to: string } };

/**
 * Requests to view or borrow and their decisions (REQUIREMENTS §5). A decision is made once —
 * by the leader the approval rule names, never the requester — and an approval becomes grants,
 * which the access rule reads and nothing else does. Every refusal is audited with its reason.
 */
export class RequestsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly store: () => EvidenceStore,
    private readonly settings: SettingsService,
    private readonly documents: DocumentsFolder,
    private readonly access: AccessRule,
  ) {}

  /** The printable approval form (审批表) of a request the caller may see, as a PDF for the caller's session. */
  async form(ctx: CallContext, id: number): Promise<{ path: string; name: string }> {
    const r = this.get(ctx, id);
    const cause = r.caseId ? (this.db.prepare('SELECT cause FROM cases WHERE id = ?').get(r.caseId) as { cause: string }).cause : null;
    const doc = this.documents.reserve('approval', ctx.token);
    await writeApprovalForm(doc.file, approvalFormOf(r, this.settings.office()?.name ?? '', cause, this.settings.timeliness().timeZone), this.clock.now());
    return { path: doc.file, name: doc.name };
  }

  /**
   * A case by its exact number, for the request form: that it exists and how many recordings are
   * linked to it. Their names, times and ids only to whom already reaches them: before an approval
   * a case outside the caller's reach tells no more than its number and its size (file names carry
   * officer numbers, and case numbers run in sequence). The look-up is audited all the same.
   */
  findCase(ctx: CallContext, caseNo: string): RequestCaseDto {
    const account = ctx.account as NonNullable<CallContext['account']>;
    const row = this.db.prepare('SELECT id, case_no FROM cases WHERE case_no = ?').get(normalizeCaseNo(caseNo)) as { id: number; case_no: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'no such case', { id: caseNo });
    this.audit.append({ ...ctx.auditBase(), action: 'request.case_looked_up', target: `case:${row.id}` });
    const reach = scopeCondition(this.access.records(account, 'list'));
    const records = this.db
      .prepare(
        `SELECT r.id, r.original_name AS name, r.media_type AS mediaType, s.recorded_at AS recordedAt,
           NOT ${UNDER_ALARM('r.id')} AS available, (${reach.sql}) AS reached
         FROM record_links l JOIN records r ON r.id = l.record_id LEFT JOIN record_search s ON s.record_id = r.id
         WHERE l.case_id = @case AND l.unlinked_at IS NULL ORDER BY s.recorded_at, r.id`,
      )
      .all({ ...reach.params, case: row.id }) as { id: number; name: string; mediaType: RequestCaseDto['records'][number]['mediaType']; recordedAt: string | null; available: number; reached: number }[];
    const shown = records.filter((r) => r.reached === 1).map(({ reached: _reached, ...r }) => ({ ...r, available: r.available === 1 }));
    return { id: row.id, caseNo: row.case_no, recordCount: records.length, records: shown };
  }

  rules(): { kind: RequestKind; approverRole: 'responsible_leader' | 'principal_leader' }[] {
    return (this.db.prepare('SELECT kind, approver_role AS approverRole FROM approval_rules ORDER BY rowid').all() as { kind: RequestKind; approverRole: 'responsible_leader' | 'principal_leader' }[]);
  }

  setRule(ctx: CallContext, kind: RequestKind, approverRole: 'responsible_leader' | 'principal_leader') {
    this.db.transaction(() => {
      const before = this.rules().find((r) => r.kind === kind)?.approverRole;
      this.db.prepare('UPDATE approval_rules SET approver_role = ?, changed_at = ?, changed_by = ? WHERE kind = ?').run(approverRole, this.clock.now().toISOString(), ctx.account?.id ?? null, kind);
      this.audit.append({ ...ctx.auditBase(), action: 'request.rule_changed', details: { kind, from: before, to: approverRole } });
    })();
    return this.rules();
  }

  create(ctx: CallContext, input: ParsedInputOf<'requests.create'>): RequestDto {
    return refusalsAudited(this.audit, ctx, 'create', null, () => {
      const account = ctx.account as NonNullable<CallContext['account']>;
      let requester: Requester;
      let requesterId: number | null = null;
      if (input.kind === 'officer_view') {
        // An officer asks for themselves; nobody files it on their behalf.
        if (account.role !== 'officer') throw new AppError('FORBIDDEN', 'officers ask for themselves', { reason: 'role' });
        requester = { name: account.displayName, department: '', idType: '', idNumber: '', relation: '', contact: '' };
        requesterId = account.id;
      } else {
        if (account.role !== 'keeper') throw new AppError('FORBIDDEN', 'the keeper registers this request', { reason: 'role' });
        if (!input.requester) throw new AppError('VALIDATION_FAILED', 'who asks', { fields: 'requester' });
        requester = input.requester;
      }
      const caseRow = input.caseId ? this.caseRow(input.caseId) : null;
      if (input.kind === 'party_view') {
        if (!caseRow) throw new AppError('VALIDATION_FAILED', 'a party applies for a case', { fields: 'caseId' });
        const party = caseRow.parties.find((p) => p.name === requester.name && (!p.idNumber || !requester.idNumber || p.idNumber === requester.idNumber));
        if (!party || (party.idNumber && requester.idNumber && party.idNumber !== requester.idNumber)) throw new AppError('NOT_A_PARTY', 'not a party', { name: requester.name, caseNo: caseRow.caseNo });
      }
      const discs = input.items.filter((i) => i.kind === 'disc');
      if (discs.length > 0 && input.kind !== 'lend_item' && input.kind !== 'department_borrow') throw new AppError('VALIDATION_FAILED', 'a disc is lent, not viewed', { fields: 'items' });
      refuseUnavailable(this.db, input.items.flatMap((i) => recordsOf(this.db, i)));
      const approver = this.rules().find((r) => r.kind === input.kind)?.approverRole as string;
      const now = this.clock.now();
      const id = this.db.transaction(() => {
        const newId = Number(
          this.db
            .prepare(
              `INSERT INTO access_requests (number, kind, case_id, requester_id, requester, items, purpose, content, starts_at, ends_at, approver_role, created_at, created_by, state)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
            )
            .run(nextRegisterNumber(this.db, 'access_requests', 'S', now.getUTCFullYear()), input.kind, input.caseId ?? null, requesterId, JSON.stringify(requester), JSON.stringify(input.items), input.purpose, input.content, input.window.from, input.window.to, approver, now.toISOString(), account.id).lastInsertRowid,
        );
        this.audit.append({ ...ctx.auditBase(), action: 'request.created', target: `request:${newId}`, details: { kind: input.kind, caseId: input.caseId ?? null, items: input.items, requester: requester.name } });
        return newId;
      })();
      return this.get(ctx, id);
    });
  }

  list(ctx: CallContext, filter: ParsedInputOf<'requests.list'>): { requests: RequestDto[]; total: number } {
    const params = { ...this.scope(ctx), state: filter.state ?? null, before: filter.beforeId ?? null, limit: filter.limit };
    const where = `WHERE ${VISIBLE} AND (@state IS NULL OR q.state = @state)`;
    const rows = this.db.prepare(`${SELECT} ${where} AND (@before IS NULL OR q.id < @before) ORDER BY q.id DESC LIMIT @limit`).all(params) as RequestRow[];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM access_requests q ${where}`).get(params) as { n: number }).n;
    return { requests: rows.map((r) => this.toDto(r, ctx)), total };
  }

  get(ctx: CallContext, id: number): RequestDto {
    const row = this.db.prepare(`${SELECT} WHERE q.id = @id AND ${VISIBLE}`).get({ ...this.scope(ctx), id }) as RequestRow | undefined;
    // Someone else's request reads as none at all, as records and cases do.
    if (!row) throw new AppError('NOT_FOUND', `no request ${id}`, { id });
    return this.toDto(row, ctx);
  }

  decide(ctx: CallContext, id: number, decision: Decision): RequestDto {
    return refusalsAudited(this.audit, ctx, 'decide', id, () => {
      const account = ctx.account as NonNullable<CallContext['account']>;
      this.settle(ctx, id, account.id, account.role, decision, { source: 'app', at: this.clock.now().toISOString(), recordedBy: null, scan: null });
      return this.get(ctx, id);
    });
  }

  /** A decision signed on paper: the keeper enters who decided and when, with the scan, kept write-once in the store. */
  async recordPaperDecision(ctx: CallContext, input: ParsedInputOf<'requests.recordPaperDecision'>): Promise<RequestDto> {
    const decision: Decision = { outcome: input.outcome, reason: input.reason };
    const at = new Date(input.decidedAt).toISOString();
    // Everything is checked before the scan is stored, so a refused entry leaves no file behind.
    const leader = refusalsAudited(this.audit, ctx, 'paper', input.id, () => {
      const row = this.db.prepare('SELECT id, role FROM accounts WHERE id = ?').get(input.decidedBy) as { id: number; role: Role } | undefined;
      if (!row) throw new AppError('NOT_FOUND', `no account ${input.decidedBy}`, { id: input.decidedBy });
      const asked = this.check(input.id, row.id, row.role, decision);
      refuseImpossibleDecisionTime(at, asked.row.created_at, this.clock.now().toISOString());
      return row;
    });
    const scan = await refusalsAudited(this.audit, ctx, 'paper', input.id, () => keepFile(this.store(), input.scanPath));
    return refusalsAudited(this.audit, ctx, 'paper', input.id, () => {
      this.settle(ctx, input.id, leader.id, leader.role, decision, { source: 'paper', at, recordedBy: ctx.account?.id ?? null, scan });
      return this.get(ctx, input.id);
    });
  }

  /** Whether the leader may make `decision` on request `id` now: the request, and what the decision would grant. */
  private check(id: number, deciderId: number, deciderRole: Role, decision: Decision) {
    const row = this.db.prepare('SELECT * FROM access_requests WHERE id = ?').get(id) as (RequestRow & { requester_id: number | null }) | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no request ${id}`, { id });
    if (row.state !== 'pending') throw new AppError('ALREADY_DECIDED', 'decided already', { number: row.number });
    if (deciderRole !== row.approver_role) throw new AppError('NOT_APPROVER', 'another leader decides this', { number: row.number, role: row.approver_role });
    if (row.created_by === deciderId || row.requester_id === deciderId) throw new AppError('OWN_REQUEST', 'nobody approves their own request', { number: row.number });
    if (decision.outcome === 'rejected' && !decision.reason) throw new AppError('VALIDATION_FAILED', 'a rejection says why', { fields: 'reason' });
    const asked = JSON.parse(row.items) as RequestItem[];
    const items = decision.outcome === 'approved' ? (decision.items ?? asked) : null;
    // Narrowing may keep some of what was asked, or single records out of an asked case or disc.
    const covered = new Set(asked.flatMap((a) => recordsOf(this.db, a)));
    if (items?.some((i) => !asked.some((a) => sameItem(a, i)) && !(i.kind === 'record' && covered.has(i.id)))) throw new AppError('VALIDATION_FAILED', 'an approval can only narrow the items', { fields: 'items' });
    const window = decision.outcome === 'approved' ? (decision.window ?? { from: row.starts_at, to: row.ends_at }) : null;
    if (window && (window.from < row.starts_at || window.to > row.ends_at)) throw new AppError('VALIDATION_FAILED', 'an approval can only narrow the window', { fields: 'window' });
    const records = items ? [...new Set(items.flatMap((i) => recordsOf(this.db, i)))] : [];
    refuseUnavailable(this.db, records);
    return { row, items, window, records };
  }

  /** Checks and writes one decision (and its grants) in one transaction, with the chain head it was made at. */
  private settle(ctx: CallContext, id: number, deciderId: number, deciderRole: Role, decision: Decision, how: { source: 'app' | 'paper'; at: string; recordedBy: number | null; scan: string | null }): void {
    const { row, items, window, records } = this.check(id, deciderId, deciderRole, decision);
    this.db.transaction(() => {
      const head = this.audit.head();
      this.db
        .prepare(
          `UPDATE access_requests SET state = ?, decided_at = ?, decided_by = ?, decision_source = ?, recorded_by = ?, paper_scan = ?, reason = ?,
             granted_items = ?, granted_from = ?, granted_to = ?, head_seq = ?, head_hash = ? WHERE id = ?`,
        )
        .run(decision.outcome, how.at, deciderId, how.source, how.recordedBy, how.scan, decision.reason ?? null, items ? JSON.stringify(items) : null, window?.from ?? null, window?.to ?? null, head.seq, head.hash, id);
      if (window) grant(this.db, id, row.requester_id, records, window);
      this.audit.append({
        ...ctx.auditBase(),
        action: decision.outcome === 'approved' ? 'request.approved' : 'request.rejected',
        target: `request:${id}`,
        details: { number: row.number, decidedBy: deciderId, source: how.source, reason: decision.reason ?? null, recordIds: records, window, ...(how.scan ? { scanSha256: how.scan } : {}) },
      });
    })();
  }

  private scope(ctx: CallContext) {
    return { role: ctx.account?.role ?? 'officer', me: ctx.account?.id ?? 0, now: this.clock.now().toISOString() };
  }

  private caseRow(id: number): { caseNo: string; parties: { name: string; idNumber: string }[] } {
    const row = this.db.prepare('SELECT case_no, parties FROM cases WHERE id = ?').get(id) as { case_no: string; parties: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no case ${id}`, { id });
    return { caseNo: row.case_no, parties: JSON.parse(row.parties) as { name: string; idNumber: string }[] };
  }

  /**
   * A record item is named for whom reaches the record (its own, a handled case's, or granted);
   * to anyone else it is its number: asking for record ids one by one must not read their names.
   */
  private toDto(r: RequestRow, ctx: CallContext): RequestDto {
    const items = JSON.parse(r.items) as RequestItem[];
    const named = (i: RequestItem) => i.kind !== 'record' || (ctx.account !== null && this.access.decideRecord(ctx.account, 'list', i.id)?.allowed === true);
    const labelled = (i: RequestItem) => ({ ...i, label: named(i) ? itemLabel(this.db, i) : `#${i.id}` });
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      caseId: r.case_id,
      caseNo: r.case_no,
      requester: { ...(JSON.parse(r.requester) as Requester), accountId: r.requester_id },
      items: items.map(labelled),
      purpose: r.purpose,
      content: r.content,
      window: { from: r.starts_at, to: r.ends_at },
      approverRole: r.approver_role,
      createdAt: r.created_at,
      createdBy: r.created_by_name,
      state: r.state,
      decision:
        r.decided_at && r.decided_by_name && r.decision_source
          ? {
              at: r.decided_at,
              by: r.decided_by_name,
              source: r.decision_source,
              recordedBy: r.recorded_by_name,
              reason: r.reason,
              paperScanSha256: r.paper_scan,
              grantedItems: r.granted_items ? (JSON.parse(r.granted_items) as RequestItem[]).map(labelled) : null,
              grantedWindow: r.granted_from && r.granted_to ? { from: r.granted_from, to: r.granted_to } : null,
              chainHead: { seq: r.head_seq ?? 0, hash: r.head_hash ?? '' },
            }
          : null,
      liveGrants: r.live,
      usedUp: r.used === 1,
      viewingOpen: r.viewing_open === 1,
    };
  }
}
