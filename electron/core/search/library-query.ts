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

/**
 * Below this many records found by a text alone, they are all read from the text index and put in
 * order (sorting 20,000 rows takes a few ms); above, the library's order drives and each record is
 * checked against the set the text index gives, so the first page stops early.
 */
const TEXT_FEW = 20_000;

/**
 * A retention set's walk in the library's order is sampled on this many of the newest records; with
 * fewer of them in the set than SAMPLE_HITS (1 in 100), the set is sorted instead.
 */
const SAMPLE = 1000;
const SAMPLE_HITS = 10;

/** Where the plans change; tests move them to try each plan on a small archive. */
export interface PlanSwitches {
  retentionFew: number;
  textFew: number;
  sampleHits: number;
}

const PLAN_SWITCHES: PlanSwitches = { retentionFew: RETENTION_FEW, textFew: TEXT_FEW, sampleHits: SAMPLE_HITS };

interface Plan {
  from: string;
  where: string[];
}

/** Newest recording first; a record without a camera time last (recorded_key is '' for it). */
const ORDER = 's.recorded_key DESC, s.record_id DESC';

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
 * recording first. Text of three characters or more uses the trigram index, one or two letters or
 * digits (a two-character Chinese name) the bigram index; only a short search with punctuation in
 * it scans. `switches` are where the plans change (tests set them to try each plan).
 * A page starts after `beforeId`, the last record of the page before, in this order.
 */
export function queryLibrary(db: Db, f: LibraryFilter, switches: Partial<PlanSwitches> = {}): { ids: number[]; total: number; capped: boolean } {
  const { retentionFew, textFew, sampleHits } = { ...PLAN_SWITCHES, ...switches };
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
  // On recorded_key, the order's own column, so a span of days is a range of the index the page walks.
  if (f.from || f.to) add('s.recorded_key BETWEEN @from AND @to', { from: `${f.from ?? '0000-01-01'}T00:00:00`, to: `${f.to ?? '9999-12-31'}T23:59:59` });
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
  const text = f.text?.trim();
  // A page starts after the last record of the page before, in the library's order.
  const after = f.beforeId === undefined ? null : ((db.prepare('SELECT recorded_key FROM record_search WHERE record_id = ?').get(f.beforeId) as { recorded_key: string } | undefined)?.recorded_key ?? '');
  const cursor = after === null ? [] : ['(s.recorded_key, s.record_id) < (@before_key, @before)'];
  if (after !== null) Object.assign(params, { before_key: after, before: f.beforeId });
  // The count and the page may take different plans: the count stops at its cap in any order, so
  // the retention or text index may drive it; the page must come in the library's order.
  let alone: Plan | null = null;
  let pageFrom = 'record_search s';
  if (f.retention) {
    if ((f.retention === 'expired' || f.retention === 'expiring') && !f.today) throw new Error('the retention filter needs the office day');
    const [index, cond] = RETENTION_WHERE[f.retention];
    Object.assign(params, { rclass: f.retention, today: f.today });
    const set = `record_retention x INDEXED BY ${index} CROSS JOIN record_search s ON s.record_id = x.record_id`;
    const own = cond.replace(/\b(class|kept_through)\b/g, 'x.$1');
    const few = countWhere(db, `record_retention INDEXED BY ${index}`, [cond], params, retentionFew) <= retentionFew;
    if (few) {
      // A few records (those expiring, usually evidence): read from record_retention's own index once.
      where.push(`s.record_id IN (SELECT record_id FROM record_retention INDEXED BY ${index} WHERE ${cond})`);
    } else {
      // Many: alone, the count reads the retention index (checked record by record, counting to
      // the cap read 200,000 rows). The page walks the library's order checking each record when
      // the set is among the newest records (the standard class, evidence); when it is not (years
      // of expired records lie below months of newer ones, a walk of 250,000 rows), the set is
      // read from its index and put in order. With a text, the text's plans decide.
      if (where.length === 0 && !text) alone = { from: set, where: [own] };
      const check = `EXISTS (SELECT 1 FROM record_retention WHERE record_id = s.record_id AND ${cond})`;
      const sample = `(SELECT s.record_id FROM record_search s WHERE ${cursor.join(' AND ') || '1'} ORDER BY ${ORDER} LIMIT ${SAMPLE}) s`;
      if (text || countWhere(db, sample, [check], params, SAMPLE) >= sampleHits) where.push(check);
      else {
        pageFrom = set;
        where.push(own);
      }
    }
  }
  const count = alone ?? { from: pageFrom, where: [...where] };
  const page = { from: pageFrom, where: [...where, ...cursor] };
  const both = (clause: string) => {
    count.where.push(clause);
    page.where.push(clause);
  };
  // Text and filters: when the filters leave few records, each is looked up in the text index.
  // Otherwise the count reads the text index, so a word found in most records stops at the cap;
  // the page reads every match and sorts them when the text finds few, else walks the library's
  // order checking each record against the text's matches, read once. (bench:catalog measures
  // each: a common word with a rare flag, a rare word with a common filter, a word in most records.)
  let known: number | null = null;
  const byIndex = (table: 'record_text' | 'record_grams', query: string) => {
    params.match = query;
    if (where.length > 0 && countWhere(db, 'record_search s', where, params, FEW) <= FEW) {
      return both(`EXISTS (SELECT 1 FROM ${table} g WHERE g.${table} MATCH @match AND g.rowid = s.record_id)`);
    }
    const matched = [...where, `g.${table} MATCH @match`];
    const from = `${table} g JOIN record_search s ON s.record_id = g.rowid`;
    Object.assign(count, { from, where: matched });
    const matches = countWhere(db, table, [`${table} MATCH @match`], params, Math.max(textFew, COUNT_CAP));
    // With no filter, the text's own count is the library's (its cap is past the library's).
    if (where.length === 0) known = matches;
    if (matches <= textFew) Object.assign(page, { from, where: [...matched, ...cursor] });
    else page.where.push(`s.record_id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @match)`);
  };
  const grams = text ? gramQuery(text) : null;
  if (text && [...text].length >= 3) byIndex('record_text', ftsPhrase(text));
  else if (grams) byIndex('record_grams', grams);
  else if (text) {
    params.like = likeContaining(text);
    both("s.record_id IN (SELECT rowid FROM record_text WHERE body LIKE @like ESCAPE '\\')");
  }
  const counted = known ?? countWhere(db, count.from, count.where, params, COUNT_CAP);
  const ids = db.prepare(`SELECT s.record_id AS id FROM ${page.from} WHERE ${page.where.join(' AND ') || '1'} ORDER BY ${ORDER} LIMIT @limit`).all({ ...params, limit: f.limit + 1 }) as { id: number }[];
  return { ids: ids.map((r) => r.id), total: Math.min(counted, COUNT_CAP), capped: counted > COUNT_CAP };
}
