import type { SqlScope } from '../access/access-rule.js';
import type { Db } from '../db/open.js';
import { gramQuery } from './grams.js';
import { likeContaining } from '../base/like.js';

export interface LibraryFilter {
  limit: number;
  beforeId?: number;
  importJobId?: number;
  text?: string;
  officerId?: number;
  deviceNo?: string;
  /** Camera days, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  caseId?: number;
  mediaType?: 'video' | 'audio' | 'photo';
  linked?: 'linked' | 'unlinked';
  late?: boolean;
  important?: boolean;
  integrity?: 'unchecked' | 'ok' | 'alarm';
  /** A retention class, or the period ended before `today` (expired) or ends within the 30 days from it (expiring). */
  retention?: 'evidence' | 'standard' | 'expired' | 'expiring';
  /** The office's day (its time zone), for `retention`'s expired and expiring. */
  today?: string;
  /** What the caller may list, from the access rule. */
  scope: SqlScope;
}

/** Counting stops here: beyond it the library says "10,000+" rather than scanning a million rows. */
export const COUNT_CAP = 10_000;

/**
 * Below this many records matching the filters, a text search looks each of them up in the text
 * index: a lookup of a word found in most records costs ~150 µs (bench:catalog), so past a few
 * hundred records reading the text index newest first is cheaper.
 */
const FEW = 500;

/** Below this many records in a retention filter, its set is read from its index first (a few ms); above, each record is checked. */
const RETENTION_FEW = 20_000;

/** Each retention filter: the index that answers it and its condition on record_retention. */
const RETENTION_WHERE: Record<NonNullable<LibraryFilter['retention']>, [string, string]> = {
  evidence: ['record_retention_class', 'class = @rclass'],
  standard: ['record_retention_class', 'class = @rclass'],
  expired: ['record_retention_expiry', 'kept_through < @today'],
  expiring: ['record_retention_expiry', "kept_through >= @today AND kept_through < date(@today, '+30 days')"],
};

/** How many rows match, counting no further than one past `cap`. */
function countWhere(db: Db, from: string, where: string[], params: Record<string, unknown>, cap: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where.join(' AND ') || '1'} LIMIT ${cap + 1})`).get(params) as { n: number }).n;
}

/** FTS5 trigram needs three characters; a phrase in quotes matches them in order. */
function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The library's filters combined, over the one-row-per-record search table and its indexes, newest
 * first. Text of three characters or more uses the trigram index, one or two letters or digits (a
 * two-character Chinese name) the bigram index; only a short search with punctuation in it scans.
 * `retentionFew` is the retention filters' switch (tests set it to try both plans).
 */
export function queryLibrary(db: Db, f: LibraryFilter, retentionFew = RETENTION_FEW): { ids: number[]; total: number; capped: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, values: Record<string, unknown>) => {
    where.push(clause);
    Object.assign(params, values);
  };
  if (!f.scope.all) add(f.scope.sql, f.scope.params);
  if (f.importJobId !== undefined) add('s.record_id IN (SELECT id FROM records WHERE import_job_id = @job)', { job: f.importJobId });
  if (f.officerId !== undefined) add('s.officer_id = @officer', { officer: f.officerId });
  if (f.deviceNo) add('s.device_no = @device', { device: f.deviceNo });
  if (f.from) add('s.recorded_at >= @from', { from: `${f.from}T00:00:00` });
  if (f.to) add('s.recorded_at <= @to', { to: `${f.to}T23:59:59` });
  if (f.caseId !== undefined) add('s.record_id IN (SELECT record_id FROM record_links WHERE case_id = @case AND unlinked_at IS NULL)', { case: f.caseId });
  if (f.mediaType) add('s.media_type = @type', { type: f.mediaType });
  if (f.linked === 'linked') where.push('s.linked > 0');
  if (f.linked === 'unlinked') where.push('s.linked = 0');
  // Flags as literals, not parameters: with a parameter, SQLite 3.50's planner fails ("internal
  // query planner error") on an officer's scope (an OR over subqueries) beside the flags' partial
  // indexes; with a literal it uses the partial index. Every filter × every role is tried in
  // test/contract/access.test.ts.
  if (f.late !== undefined) where.push(f.late ? 's.late = 1' : 's.late = 0');
  if (f.important !== undefined) where.push(f.important ? 's.important = 1' : 's.important = 0');
  if (f.integrity) add('s.integrity = @integrity', { integrity: f.integrity });
  let from = 'record_search s';
  let key = 's.record_id';
  if (f.retention) {
    if ((f.retention === 'expired' || f.retention === 'expiring') && !f.today) throw new Error('the retention filter needs the office day');
    const [index, cond] = RETENTION_WHERE[f.retention];
    const values = { rclass: f.retention, today: f.today };
    // A few records (those expired or expiring, usually evidence): read from record_retention's
    // own index and looked up; most of the archive (the standard class, years of expired records):
    // each record newest first is checked by its key, so the page and the capped count stop early.
    // Alone and matching many (evidence at the oldest ids, a year of expired records), its index
    // drives: the search table checked record by record read 850,000 rows to find the first page.
    const few = countWhere(db, `record_retention INDEXED BY ${index}`, [cond], values, retentionFew) <= retentionFew;
    if (few) add(`s.record_id IN (SELECT record_id FROM record_retention INDEXED BY ${index} WHERE ${cond})`, values);
    else if (where.length === 0 && !f.text?.trim()) {
      from = `record_retention x INDEXED BY ${index} JOIN record_search s ON s.record_id = x.record_id`;
      key = 'x.record_id';
      add(cond.replace(/\b(class|kept_through)\b/g, 'x.$1'), values);
    } else add(`EXISTS (SELECT 1 FROM record_retention WHERE record_id = s.record_id AND ${cond})`, values);
  }
  // Text and filters: when the filters leave few records, each is looked up in the text index;
  // otherwise the text index drives, newest first, so a word found in most records still stops at
  // the first page and the count's cap. (bench:catalog measures both: a common word with a rare
  // flag, a rare word with a common filter.)
  const byIndex = (table: 'record_text' | 'record_grams', query: string) => {
    const few = where.length > 0 && countWhere(db, 'record_search s', where, params, FEW) <= FEW;
    if (few) return add(`EXISTS (SELECT 1 FROM ${table} g WHERE g.${table} MATCH @match AND g.rowid = s.record_id)`, { match: query });
    from = `${table} g JOIN record_search s ON s.record_id = g.rowid`;
    key = 'g.rowid';
    add(`g.${table} MATCH @match`, { match: query });
  };
  const text = f.text?.trim();
  const grams = text ? gramQuery(text) : null;
  if (text && [...text].length >= 3) byIndex('record_text', ftsPhrase(text));
  else if (grams) byIndex('record_grams', grams);
  else if (text) add("s.record_id IN (SELECT rowid FROM record_text WHERE body LIKE @like ESCAPE '\\')", { like: likeContaining(text) });
  const counted = countWhere(db, from, where, params, COUNT_CAP);
  if (f.beforeId !== undefined) add(`${key} < @before`, { before: f.beforeId });
  const page = db.prepare(`SELECT ${key} AS id FROM ${from} WHERE ${where.join(' AND ') || '1'} ORDER BY ${key} DESC LIMIT @limit`).all({ ...params, limit: f.limit + 1 }) as { id: number }[];
  return { ids: page.map((r) => r.id), total: Math.min(counted, COUNT_CAP), capped: counted > COUNT_CAP };
}
