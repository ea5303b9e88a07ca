import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open.js';
import { systemClock } from '../../../electron/core/base/clock.js';
import { AccessRule } from '../../../electron/core/access/access-rule.js';
import { queryLibrary, type LibraryFilter, type PlanSwitches } from '../../../electron/core/search/library-query.js';
import { textGrams } from '../../../electron/core/search/grams.js';
import { scratch } from '../../support/test-app.js';

const N = 1500;
const WORDS = ['占道经营', '违法建设', '噪声扰民'];

interface Row {
  id: number;
  officer: number;
  late: boolean;
  body: string;
  evidence: boolean;
  keptThrough: string | null;
  recordedAt: string | null;
}

/** The library's order: newest recording first, ties by newest id, records without a camera time last. */
const inLibraryOrder = (a: Row, b: Row) => (b.recordedAt ?? '').localeCompare(a.recordedAt ?? '') || b.id - a.id;

/**
 * Text with filters is answered by one of three plans, depending on how many records the filters
 * leave (a few hundred or fewer: each is looked up in the text index) and how many the text finds
 * (few: all read and sorted; many: the library's order walked). Whatever the plan, the answer must
 * be the one a plain reading of every record gives, in the library's order (recording time, with
 * imports out of time order, ties and records without a time) — checked here against exactly that.
 */
describe('text search with filters, on either side of the plan switch', () => {
  it('gives the same records, count and pages as reading every record', () => {
    const db = openDatabase(path.join(scratch()('rr-plans-'), 'c.db'));
    db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at) VALUES ('k', 'K', 'keeper', 1, 'x', 't')").run();
    db.prepare("INSERT INTO import_jobs (source, started_at, started_by, workstation, host, pid, state) VALUES ('/m', 't', 1, 'w', 'h', 1, 'finished')").run();
    const rows: Row[] = Array.from({ length: N }, (_, i) => ({
      id: i + 1,
      officer: i % 3 === 0 ? 1 : 7,
      late: i % 97 === 0,
      evidence: i % 13 === 0,
      keptThrough: i % 13 === 0 && i % 2 === 0 ? null : `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      // Imported out of recording order, many to a minute, some without a camera time.
      recordedAt: i % 17 === 5 ? null : `2026-${String(1 + ((i * 7) % 12)).padStart(2, '0')}-10T09:${String(i % 6).padStart(2, '0')}:00`,
      body: `T00${i % 4}_${String(i).padStart(5, '0')}.MP4 ${i % 5 === 0 ? (WORDS[i % 3] ?? '') : ''} ${i % 11 === 0 ? '王某' : ''}`,
    }));
    db.transaction(() => {
      for (const r of rows) {
        db.prepare("INSERT INTO records (id, sha256, sm3, size, media_type, original_name, original_path, source, imported_at, imported_by, import_job_id) VALUES (?, ?, ?, 1, 'video', 'x', 'x', '/m', 't', 1, 1)").run(r.id, String(r.id).padStart(64, '0'), String(r.id).padStart(64, '0'));
        db.prepare("INSERT INTO record_search (record_id, media_type, officer_id, device_no, recorded_at, late, important, linked, integrity) VALUES (?, 'video', ?, 'T001', ?, ?, 0, 0, 'unchecked')").run(r.id, r.officer, r.recordedAt, r.late ? 1 : 0);
        db.prepare('INSERT INTO record_text (rowid, body) VALUES (?, ?)').run(r.id, r.body);
        db.prepare('INSERT INTO record_grams (rowid, grams) VALUES (?, ?)').run(r.id, textGrams(r.body));
        db.prepare("INSERT INTO record_retention (record_id, class, kept_through, rule) VALUES (?, ?, ?, '{}')").run(r.id, r.evidence ? 'evidence' : 'standard', r.keptThrough);
      }
    })();
    const all = { all: true } as const;
    const officer7 = new AccessRule(db, systemClock).records({ id: 7, role: 'officer' }, 'list');
    const cases: [LibraryFilter, (r: Row) => boolean][] = [
      [{ limit: 50, text: 'MP4', late: true, scope: all }, (r) => r.late], // few records: looked up one by one
      [{ limit: 50, text: '.MP4', officerId: 7, scope: all }, (r) => r.officer === 7], // many: the text index drives
      [{ limit: 50, text: '占道经营', officerId: 1, scope: all }, (r) => r.officer === 1 && r.body.includes('占道经营')],
      [{ limit: 50, text: '王某', officerId: 7, scope: all }, (r) => r.officer === 7 && r.body.includes('王某')],
      [{ limit: 50, text: '王', late: true, scope: all }, (r) => r.late && r.body.includes('王')],
      [{ limit: 50, text: '3', scope: all }, (r) => r.body.includes('3')],
      // The access rule's own condition composes with the plans: an officer's share, searched.
      [{ limit: 50, text: '.MP4', scope: officer7 }, (r) => r.officer === 7],
      [{ limit: 50, text: '王某', officerId: 1, scope: officer7 }, () => false],
    ];
    // The retention filters, each read from its index (few records) or checked record by record (many).
    const today = '2026-06-10';
    const retention: [LibraryFilter, (r: Row) => boolean][] = [
      [{ limit: 50, retention: 'evidence', scope: all }, (r) => r.evidence],
      [{ limit: 50, retention: 'standard', officerId: 7, scope: all }, (r) => !r.evidence && r.officer === 7],
      [{ limit: 50, retention: 'expired', today, scope: all }, (r) => r.keptThrough !== null && r.keptThrough < today],
      [{ limit: 50, retention: 'expiring', today, text: '.MP4', scope: officer7 }, (r) => r.officer === 7 && r.keptThrough !== null && r.keptThrough >= today && r.keptThrough < '2026-07-10'],
    ];
    // Every page in turn, to the end: the pages meet without a gap or a repeat, those without a time last.
    const pages = (filter: LibraryFilter, switches: Partial<PlanSwitches>) => {
      const ids: number[] = [];
      for (let beforeId: number | undefined; ; ) {
        const page = queryLibrary(db, { ...filter, beforeId }, switches);
        ids.push(...page.ids.slice(0, filter.limit));
        if (page.ids.length <= filter.limit) return { ids, total: page.total };
        beforeId = ids.at(-1);
      }
    };
    const expectPlans = (filter: LibraryFilter, keep: (r: Row) => boolean, plans: Partial<PlanSwitches>[] = [{}]) => {
      const expected = rows.filter((r) => keep(r)).sort(inLibraryOrder).map((r) => r.id);
      for (const switches of plans) {
        const got = pages(filter, switches);
        expect(got.total, `${JSON.stringify(filter)} ${JSON.stringify(switches)}`).toBe(expected.length);
        expect(got.ids, `${JSON.stringify(filter)} ${JSON.stringify(switches)}`).toEqual(expected);
      }
    };
    // Retention: its set read first (few), or many and either walked in order or sorted.
    for (const [filter, keep] of retention) expectPlans(filter, keep, [{ retentionFew: 10_000 }, { retentionFew: 0, sampleHits: 0 }, { retentionFew: 0, sampleHits: 10_000 }]);
    for (const [filter, keep] of cases) expectPlans(filter, keep, [{ textFew: 0 }, { textFew: 10_000 }]);
    // Days, and the order with no filter at all.
    expectPlans({ limit: 50, from: '2026-03-01', to: '2026-05-31', scope: all }, (r) => r.recordedAt !== null && r.recordedAt >= '2026-03-01' && r.recordedAt < '2026-06');
    expectPlans({ limit: 50, to: '2026-02-28', scope: all }, (r) => r.recordedAt !== null && r.recordedAt < '2026-03');
    expectPlans({ limit: 200, scope: all }, () => true);
    db.close();
  });
});
