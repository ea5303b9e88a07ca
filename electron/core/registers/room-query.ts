import type { RoomFilters, RoomRegister, RoomRow } from '../../../shared/contract/room-registers.js';
import { has, period, words, type RegisterOrder } from '../approvals/register-query.js';
import type { Db } from '../db/open.js';

/**
 * Per room register: the rows, one per entry, with the columns of ROOM_COLUMNS as they are
 * stored (instants as instants, codes as codes); `at` is the instant that puts an entry in a
 * period, `text` what its words search, `flagged` what its flag keeps.
 */
interface RoomSql {
  select: string;
  at: string;
  text: string[];
  flagged: string;
  /** Orders a list by the entry's id: newest first on screen, in order made in a document. */
  id: string;
}

const FIXITY_PROBLEMS = `(coalesce(json_extract(f.summary, '$.mismatch'), 0) + coalesce(json_extract(f.summary, '$.missing'), 0)
  + coalesce(json_extract(f.summary, '$.unreadable'), 0) + coalesce(json_extract(f.summary, '$.unexpected'), 0))`;

const SQL: Record<RoomRegister, RoomSql> = {
  imports: {
    select: `SELECT r.id, r.imported_at AS importedAt, r.original_name AS name, r.media_type AS mediaType, o.display_name AS officer,
        t.recorded_at AS recordedAt, t.deadline_at AS deadline, CASE WHEN t.record_id IS NULL THEN NULL ELSE round(t.seconds_late / 3600.0, 1) END AS hoursLate,
        (SELECT e.reason FROM late_explanations e WHERE e.record_id = r.id ORDER BY e.id DESC LIMIT 1) AS explanation,
        r.size, i.display_name AS importedBy, r.sha256
      FROM records r JOIN record_search s ON s.record_id = r.id LEFT JOIN accounts o ON o.id = s.officer_id
        LEFT JOIN record_timeliness t ON t.record_id = r.id JOIN accounts i ON i.id = r.imported_by`,
    at: 'r.imported_at',
    text: ['r.original_name', "coalesce(o.display_name, '')"],
    flagged: 't.seconds_late > 0',
    id: 'r.id',
  },
  discs: {
    select: `SELECT d.number, c.case_no AS caseNo, d.disc_index || '/' || d.disc_count AS part, d.medium, d.built_at AS builtAt, d.burned_at AS burnedAt, d.location,
        k.at AS lastCheck, k.outcome AS lastOutcome, (SELECT COUNT(*) FROM disc_checks x WHERE x.disc_id = d.id) AS checks
      FROM discs d JOIN cases c ON c.id = d.case_id LEFT JOIN disc_checks k ON k.id = (SELECT MAX(x.id) FROM disc_checks x WHERE x.disc_id = d.id)`,
    at: 'd.built_at',
    text: ['d.number', 'c.case_no', "coalesce(d.location, '')"],
    flagged: "k.outcome IS NOT NULL AND k.outcome <> 'ok'",
    id: 'd.id',
  },
  destruction: {
    select: `SELECT l.number, l.proposed_at AS proposedAt, p.display_name AS proposedBy, l.reason, (SELECT COUNT(*) FROM destruction_items i WHERE i.list_id = l.id) AS records,
        l.state, dd.display_name AS decidedBy, l.decided_at AS decidedAt, w.display_name AS witness, l.executed_at AS executedAt
      FROM destruction_lists l JOIN accounts p ON p.id = l.proposed_by LEFT JOIN accounts dd ON dd.id = l.decided_by LEFT JOIN accounts w ON w.id = l.witness_id`,
    at: 'l.proposed_at',
    text: ['l.number', 'l.reason'],
    flagged: "l.state = 'pending'",
    id: 'l.id',
  },
  integrity: {
    select: `SELECT f.id, f.started_at AS startedAt, f.trigger, a.display_name AS startedBy, f.state, json_extract(f.summary, '$.checked') AS checked,
        json_extract(f.summary, '$.ok') AS ok, CASE WHEN f.summary IS NULL THEN NULL ELSE ${FIXITY_PROBLEMS} END AS problems,
        CASE json_extract(f.summary, '$.auditChainOk') WHEN 1 THEN 'ok' WHEN 0 THEN 'broken' END AS chain, f.finished_at AS finishedAt
      FROM fixity_runs f LEFT JOIN accounts a ON a.id = f.started_by`,
    at: 'f.started_at',
    text: ["coalesce(a.display_name, '')"],
    flagged: `(${FIXITY_PROBLEMS} > 0 OR json_extract(f.summary, '$.auditChainOk') = 0)`,
    id: 'f.id',
  },
};

/**
 * The one query behind a room register's screen and its documents, so a printed register holds
 * exactly what the screen showed for the same filter.
 */
export function roomRows(db: Db, register: RoomRegister, f: RoomFilters, timeZone: string, order: RegisterOrder, limit: number | null): RoomRow[] {
  const q = SQL[register];
  const sql = `${q.select}
    WHERE (@from IS NULL OR ${q.at} >= @from) AND (@to IS NULL OR ${q.at} < @to)
      AND (@text IS NULL OR ${q.text.map((column) => has(column, 'text')).join(' OR ')})
      AND (@flagged = 0 OR ${q.flagged})
    ORDER BY ${q.id} ${order === 'screen' ? 'DESC' : 'ASC'} LIMIT @limit`;
  return db.prepare(sql).all({ ...period(f, timeZone), text: words(f.text), flagged: f.flagged ? 1 : 0, limit: limit ?? -1 }) as RoomRow[];
}
