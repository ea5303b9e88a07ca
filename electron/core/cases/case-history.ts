import type { Db } from '../db/open.js';
import type { CaseEventDto, CaseFields, EvidenceFacts, HistoryField } from '../../../shared/contract/cases-dto.js';
import { LEDGER_FACTS, type LedgerFacts } from '../../../shared/contract/ledgers-dto.js';

interface StoredEvent {
  id: number;
  at: string;
  by: string;
  action: CaseEventDto['action'];
  old: string | null;
  new: string | null;
}

type LinkSide = { recordId: number; role: string; facts?: EvidenceFacts | null; reason?: string | null } | null;

/**
 * A case's appended events as the case page shows them: for each, what changed, old and new,
 * as text. Handlers are named, parties listed, a link names its record, even one unlinked since.
 */
export function caseHistory(db: Db, caseId: number): CaseEventDto[] {
  const rows = db
    .prepare('SELECT e.id, e.at, a.display_name AS by, e.action, e.old, e.new FROM case_events e JOIN accounts a ON a.id = e.by_account WHERE e.case_id = ? ORDER BY e.id DESC')
    .all(caseId) as StoredEvent[];
  const officer = db.prepare("SELECT display_name || coalesce('（' || officer_no || '）', '') AS name FROM accounts WHERE id = ?").pluck();
  const recordName = db.prepare('SELECT original_path FROM records WHERE id = ?').pluck();
  const handlers = (ids: number[] | undefined) => (ids ?? []).map((id) => (officer.get(id) as string | undefined) ?? `#${id}`).join('、');
  return rows.map((e) => {
    const before = e.old ? (JSON.parse(e.old) as unknown) : null;
    const after = e.new ? (JSON.parse(e.new) as unknown) : null;
    if (e.action === 'changed' && after !== null && typeof after === 'object' && 'ledger' in after) {
      const changes = ledgerChanges((before as { ledger: LedgerFacts }).ledger, (after as { ledger: LedgerFacts }).ledger);
      return { id: e.id, at: e.at, by: e.by, action: e.action, record: null, changes };
    }
    if (e.action === 'created' || e.action === 'changed') {
      const changes = fieldChanges(before as CaseFields | null, after as CaseFields, handlers);
      return { id: e.id, at: e.at, by: e.by, action: e.action, record: null, changes };
    }
    const o = before as LinkSide;
    const n = after as LinkSide;
    const recordId = n?.recordId ?? o?.recordId ?? 0;
    const changes =
      e.action === 'unlinked'
        ? [change('role', o?.role ?? null, null), change('reason', null, (after as { reason: string } | null)?.reason ?? null)]
        : [change('role', o?.role ?? null, n?.role ?? null), ...factChanges(o?.facts ?? null, n?.facts ?? null), ...(n?.reason ? [change('reason', null, n.reason)] : [])];
    return { id: e.id, at: e.at, by: e.by, action: e.action, record: (recordName.get(recordId) as string | undefined) ?? `#${recordId}`, changes: changes.filter((c) => c.old !== c.new) };
  });
}

function change(field: HistoryField, old: string | null, next: string | null) {
  return { field, old, new: next };
}

function fieldChanges(old: CaseFields | null, next: CaseFields, handlers: (ids: number[] | undefined) => string) {
  const parties = (f: CaseFields | null) => f?.parties.map((p) => [p.name, p.idNumber, p.contact].filter(Boolean).join(' ')).join('；') ?? null;
  const all = [
    change('caseNo', old?.caseNo ?? null, next.caseNo),
    change('kind', old?.kind ?? null, next.kind),
    change('cause', old?.cause ?? null, next.cause),
    change('parties', parties(old), parties(next)),
    change('handlers', old ? handlers(old.handlerIds) : null, handlers(next.handlerIds)),
    change('status', old?.status ?? null, next.status),
    change('filedOn', old?.filedOn ?? null, next.filedOn),
    change('decidedOn', old?.decidedOn ?? null, next.decidedOn),
    change('closedOn', old?.closedOn ?? null, next.closedOn),
    change('archivedOn', old?.archivedOn ?? null, next.archivedOn),
  ];
  return all.filter((c) => c.old !== c.new);
}

/** A ledger fact as text: a count as digits, the remedy's result as the codes 'done' / 'not_done' the UI names. */
function ledgerText(v: LedgerFacts[keyof LedgerFacts]): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 'done' : 'not_done';
  return String(v);
}

function ledgerChanges(old: LedgerFacts, next: LedgerFacts) {
  return LEDGER_FACTS.map((f) => change(f, ledgerText(old[f] ?? null), ledgerText(next[f] ?? null))).filter((c) => c.old !== c.new);
}

function factChanges(old: EvidenceFacts | null, next: EvidenceFacts | null) {
  return [
    change('collectors', old?.collectors.join('、') ?? null, next?.collectors.join('、') ?? null),
    change('collectedAt', old?.collectedAt.replace('T', ' ').slice(0, 16) ?? null, next?.collectedAt.replace('T', ' ').slice(0, 16) ?? null),
    change('place', old?.place ?? null, next?.place ?? null),
    change('statement', old?.statement ?? null, next?.statement ?? null),
  ];
}
