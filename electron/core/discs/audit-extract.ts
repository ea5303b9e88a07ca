import type { EventRow } from '../audit/audit-log.js';
import type { Db } from '../db/open.js';


/**
 * The audit events about a disc's records and their case — imports, links, views, corrections —
 * and each record's fixity checks, with the chain head when the disc was made. Each event keeps
 * its own hash and its predecessor's, so anyone holding the office's audit log can show these
 * lines are in the unbroken chain (and a supervisor can see the head was not rewritten later).
 */
export function auditExtract(db: Db, caseId: number, recordIds: number[], head: { seq: number; hash: string }, madeAt: string): string {
  const targets = [`case:${caseId}`, ...recordIds.map((id) => `record:${id}`)];
  const events = db
    .prepare(`SELECT * FROM audit_events WHERE target IN (SELECT value FROM json_each(?)) AND seq <= ? ORDER BY seq`)
    .all(JSON.stringify(targets), head.seq) as EventRow[];
  const checks = db
    .prepare(
      `SELECT e.record_id, e.at, e.outcome, e.run_id FROM fixity_events e
       WHERE e.record_id IN (SELECT value FROM json_each(?)) ORDER BY e.record_id, e.id`,
    )
    .all(JSON.stringify(recordIds)) as { record_id: number; at: string; outcome: string; run_id: number }[];
  const lines = [
    '审计日志摘录 / Audit log extract',
    `制作时间 / Made at: ${madeAt}`,
    `审计链头 / Chain head: seq ${head.seq}  ${head.hash}`,
    '',
    '# 审计事件 / Audit events (seq, time UTC, who, workstation, action, target, details, previous hash, hash)',
    ...events.map((e) => [e.seq, e.at, e.actor_name ?? '系统/system', e.workstation, e.action, e.target ?? '', e.details, e.prev_hash, e.hash].join('\t')),
    '',
    '# 完整性检查 / Fixity checks (record, time UTC, outcome, check run)',
    ...checks.map((c) => [`record:${c.record_id}`, c.at, c.outcome, `run:${c.run_id}`].join('\t')),
    '',
  ];
  return lines.join('\r\n');
}
