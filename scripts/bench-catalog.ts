// npm run bench:catalog — library queries over a catalogue of 1,000,000 records and 50,000 cases.
// Not a test: it fills a scratch archive with SQL (no media), then times typical filters, text
// searches, the first page of the library and each statistics chart, and prints p50/p95 and one JSON line.
// BENCH_RECORDS / BENCH_CASES change the size; BENCH_KEEP=1 keeps the scratch archive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../electron/core/db/open.js';
import { benchArchive, heldWhile } from './bench-data.js';
import { benchRetention, retentionFilters } from './bench-retention.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const OFFICERS = 40;
const scratch = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'rr-bench-catalog-'));

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const CAUSES = ['占道经营', '违法建设', '乱倒垃圾', '噪声扰民', '无证经营', '违规停车', '损毁绿地', '违规广告', '露天烧烤', '渣土撒漏'];
const PLACES = ['集贸市场东门', '镇政府西路', '滨河公园', '中心小学门口', '长途汽车站', '工业园区三号路'];

function fill(db: Db, keeperId: number): void {
  const t = performance.now();
  db.exec('PRAGMA synchronous = OFF');
  const officerIds = Array.from({ length: OFFICERS }, (_, i) => {
    const name = `${SURNAMES[i % 10]}${'建国伟敏芳军'[i % 6]}${i}`;
    return Number(
      db.prepare("INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at, officer_no) VALUES (?, ?, 'officer', 0, 'x', 't', ?)").run(`o${i}`, name, String(100000 + i)).lastInsertRowid,
    );
  });
  const firstOfficer = officerIds[0] ?? 0;
  db.prepare("INSERT INTO import_jobs (source, started_at, started_by, workstation, host, pid, state) VALUES ('/bench', 't', ?, 'bench', 'bench', 1, 'finished')").run(keeperId);
  db.transaction(() => {
    // One body-camera clip per row; officers and devices spread evenly, about 4% late, 1% important.
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO records (id, sha256, sm3, size, media_type, original_name, original_path, source, imported_at, imported_by, import_job_id)
       SELECT i, printf('%064x', i), printf('%064x', i), 1048576 + i, CASE i % 10 WHEN 0 THEN 'audio' WHEN 1 THEN 'photo' ELSE 'video' END,
         printf('T%03d_%06d_2026%02d%02d%02d%02d00_%04d.MP4', i % 200, 100000 + i % ${OFFICERS}, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 10000),
         printf('DCIM/100MEDIA/T%03d_%06d_2026%02d%02d%02d%02d00_%04d.MP4', i % 200, 100000 + i % ${OFFICERS}, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 10000),
         '/bench', '2026-11-24T08:00:00.000Z', ?, 1 FROM n`,
    ).run(RECORDS, keeperId);
    db.prepare(
      `INSERT INTO record_search (record_id, media_type, officer_id, device_no, recorded_at, late, important, linked, integrity)
       SELECT id, media_type, ? + id % ${OFFICERS}, printf('T%03d', id % 200), printf('2026-%02d-%02dT%02d:%02d:00', 1 + id % 12, 1 + id % 28, id % 24, id % 60),
         id % 25 = 0, id % 100 = 7, 0, CASE WHEN id % 50000 = 3 THEN 'alarm' WHEN id % 3 = 0 THEN 'ok' ELSE 'unchecked' END FROM records`,
    ).run(firstOfficer);
    db.prepare(
      `INSERT INTO cases (id, case_no, kind, cause, parties, handlers, status, filed_on, created_at, created_by)
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       SELECT i, printf('峡综执罚〔%d〕%d号', 2020 + i % 7, i), CASE i % 3 WHEN 0 THEN 'penalty' WHEN 1 THEN 'inspection' ELSE 'coercion' END,
         json_extract(?, printf('$[%d]', i % 10)), json_array(json_object('kind', 'person', 'name', json_extract(?, printf('$[%d]', i % 10)) || '某' || i)),
         json_array(?, ?), CASE i % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'decided' WHEN 2 THEN 'closed' ELSE 'archived' END, '2026-01-01', 't', ? FROM n`,
    ).run(CASES, JSON.stringify(CAUSES), JSON.stringify(SURNAMES), officerIds[0], officerIds[1], keeperId);
    // Three evidence clips per case.
    db.prepare(
      `INSERT INTO record_links (record_id, case_id, role, facts, linked_at, linked_by)
       SELECT c.id * 3 + k.k, c.id, 'evidence', json_object('collectors', json_array('执法人员甲', '执法人员乙'), 'collectedAt', '2026-01-01T09:00:00', 'place', json_extract(?, printf('$[%d]', c.id % 6)), 'statement', '当事人' || c.cause || '，现场取证'), 't', ?
       FROM cases c, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) k WHERE c.id * 3 + k.k <= ?`,
    ).run(JSON.stringify(PLACES), keeperId, RECORDS);
    db.exec('UPDATE record_search SET linked = 1 WHERE record_id IN (SELECT record_id FROM record_links WHERE unlinked_at IS NULL)');
    // What ffprobe and the deadline said: clips of half a minute to ten minutes; the late ones up to ten days late.
    db.exec(`INSERT INTO record_media (record_id, probed_at, readable, duration_seconds) SELECT id, 't', 1, CASE media_type WHEN 'photo' THEN NULL ELSE 30 + id % 570 END FROM records;
      INSERT INTO record_timeliness (record_id, basis, recorded_at, deadline_at, arrived_at, seconds_late, rule)
        SELECT record_id, 'file_name', recorded_at, recorded_at, recorded_at, CASE late WHEN 1 THEN 3600 * (1 + record_id % 240) ELSE 0 END, '{}' FROM record_search;`);
    db.prepare(
      `INSERT INTO record_text (rowid, body)
       SELECT r.id, concat_ws(' ', r.original_path, s.device_no, a.officer_no, a.display_name,
         (SELECT concat_ws(' ', c.case_no, c.cause, json_extract(c.parties, '$[0].name'), l.facts ->> '$.place', l.facts ->> '$.statement') FROM record_links l JOIN cases c ON c.id = l.case_id WHERE l.record_id = r.id AND l.unlinked_at IS NULL))
       FROM records r JOIN record_search s ON s.record_id = r.id LEFT JOIN accounts a ON a.id = s.officer_id`,
    ).run();
    db.exec('INSERT INTO record_grams (rowid, grams) SELECT rowid, rr_grams(body) FROM record_text');
  })();
  db.exec('PRAGMA synchronous = FULL; ANALYZE');
  console.log(`filled ${RECORDS.toLocaleString()} records, ${CASES.toLocaleString()} cases in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

try {
  const { app, d, token } = await benchArchive(path.join(scratch, 'data'));
  fill(app.core.db, 1);
  const officer = (i: number) => 2 + (i % OFFICERS);
  const filters: [string, (i: number) => Record<string, unknown>][] = [
    ['officer', (i) => ({ officerId: officer(i) })],
    ['device + month', (i) => ({ deviceNo: `T${String(i % 200).padStart(3, '0')}`, from: `2026-${String(1 + (i % 12)).padStart(2, '0')}-01`, to: `2026-${String(1 + (i % 12)).padStart(2, '0')}-28` })],
    ['late', () => ({ late: true })],
    ['case', (i) => ({ caseId: 1 + ((i * 997) % CASES) })],
    ['unlinked video', () => ({ linked: 'unlinked', mediaType: 'video' })],
    ['integrity alarm', () => ({ integrity: 'alarm' })],
    ['important + officer', (i) => ({ important: true, officerId: officer(i) })],
    ['late + officer + days', (i) => ({ late: true, officerId: officer(i), from: '2026-03-01', to: '2026-06-30' })],
  ];
  const searches: [string, (i: number) => string][] = [
    ['case cause', (i) => CAUSES[i % 10] ?? ''],
    ['party name', (i) => `${SURNAMES[i % 10]}某${1 + ((i * 37) % CASES)}`],
    ['place', (i) => PLACES[i % 6] ?? ''],
    ['file name', (i) => `T${String(i % 200).padStart(3, '0')}_${100000 + (i % OFFICERS)}`],
    ['case number', (i) => `〕${1 + ((i * 131) % CASES)}号`],
  ];
  // Text and filters together: a common word with a rare flag is the hard case for any plan.
  const combined: [string, (i: number) => Record<string, unknown>][] = [
    ['cause + officer', (i) => ({ text: CAUSES[i % 10], officerId: officer(i) })],
    ['every record + alarm', () => ({ text: 'MP4', integrity: 'alarm' })],
    ['every record + important + officer', (i) => ({ text: '.MP4', important: true, officerId: officer(i) })],
  ];
  const time = async (input: Record<string, unknown>) => {
    const t = performance.now();
    await d.call('records.list', { limit: 100, ...input }, token, 'bench');
    return performance.now() - t;
  };
  const ROUNDS = 30;
  const report = async (label: string, kinds: [string, (i: number) => Record<string, unknown>][]) => {
    const all: number[] = [];
    for (const [name, make] of kinds) {
      await time(make(0)); // warm
      const ms: number[] = [];
      for (let i = 1; i <= ROUNDS; i++) ms.push(await time(make(i)));
      ms.sort((a, b) => a - b);
      all.push(...ms);
      console.log(`  ${label} ${name.padEnd(24)} p50 ${percentile(ms, 50).toFixed(1)} ms   p95 ${percentile(ms, 95).toFixed(1)} ms`);
    }
    return all.sort((a, b) => a - b);
  };
  console.log('each figure: a whole records.list call (first page of 100 with every column, and the count)');
  const firstPage = await report('page  ', [['no filter', () => ({})]]);
  const f = await report('filter', filters);
  const s = await report('search', [...searches.map(([n, make]): [string, (i: number) => Record<string, unknown>] => [n, (i: number) => ({ text: make(i) })]), ...combined]);
  // Reported apart: one or two characters read the bigram index, not the trigram one.
  const short = await report('search', [
    ['two characters', (i) => ({ text: `${SURNAMES[i % 10]}某` })],
    ['one character', (i) => ({ text: CAUSES[i % 10]?.slice(1, 2) })],
    ['two characters + officer', (i) => ({ text: `${SURNAMES[i % 10]}某`, officerId: officer(i) })],
    ['one digit (every record)', (i) => ({ text: String(i % 10) })],
  ]);
  const retention = await benchRetention(app, () => report('filter', retentionFilters(officer)), async (method) => {
    const t = performance.now();
    await d.call(method, {}, token, 'bench');
    return performance.now() - t;
  });
  // Each statistics chart over the default period (the twelve months to today: the whole bench
  // year). The first interruptions call counts every camera day once; it is reported apart.
  const statistics = async (input: Record<string, unknown>) => {
    const t = performance.now();
    await d.call('statistics.get', input, token, 'bench');
    return performance.now() - t;
  };
  const interruptionsFirst = await statistics({ chart: 'interruptions' });
  console.log(`  chart  interruptions, first call   ${interruptionsFirst.toFixed(0)} ms (counts every camera day once)`);
  const charts: [string, Record<string, unknown>][] = [
    ...['month', 'officer', 'camera'].map((groupBy): [string, Record<string, unknown>] => [`recordings by ${groupBy}`, { chart: 'recordings', groupBy }]),
    ...['timeliness', 'lateness', 'unlinked', 'interruptions', 'lending', 'storage'].map((chart): [string, Record<string, unknown>] => [chart, { chart }]),
  ];
  const chartP95: Record<string, number> = {};
  for (const [name, input] of charts) {
    await statistics(input);
    const ms: number[] = [];
    for (let i = 0; i < ROUNDS; i++) ms.push(await statistics(input));
    ms.sort((a, b) => a - b);
    chartP95[name] = Number(percentile(ms, 95).toFixed(1));
    console.log(`  chart  ${name.padEnd(24)} p50 ${percentile(ms, 50).toFixed(1)} ms   p95 ${percentile(ms, 95).toFixed(1)} ms`);
  }
  // What a start does on an archive this size: look for records still to probe and to make posters
  // for (here, all of them are done). Reported: the whole scan, and the longest the process was
  // held at a time (the scan yields between slices).
  app.core.db.exec(`INSERT INTO record_derivatives (record_id, kind, state, made_at) SELECT id, k.kind, 'not_needed', 't' FROM records, (SELECT 'poster' AS kind UNION ALL SELECT 'proxy') k;`);
  const startup: number[] = [];
  let held = 0;
  for (let i = 0; i < 5; i++) {
    const run = await heldWhile(() => Promise.all([app.core.media.backfill(), app.core.derive.backfill()]));
    startup.push(run.ms);
    held = Math.max(held, run.held);
  }
  startup.sort((a, b) => a - b);
  console.log(`  start  backfill scans            p50 ${percentile(startup, 50).toFixed(1)} ms   longest hold ${held.toFixed(1)} ms`);
  await app.close();
  const out = {
    records: RECORDS,
    cases: CASES,
    p50_filter_ms: Number(percentile(f, 50).toFixed(1)),
    p95_filter_ms: Number(percentile(f, 95).toFixed(1)),
    p50_search_ms: Number(percentile(s, 50).toFixed(1)),
    p95_search_ms: Number(percentile(s, 95).toFixed(1)),
    p95_first_page_ms: Number(percentile(firstPage, 95).toFixed(1)),
    p50_short_search_ms: Number(percentile(short, 50).toFixed(1)),
    p95_short_search_ms: Number(percentile(short, 95).toFixed(1)),
    startup_backfill_ms: Number(percentile(startup, 50).toFixed(1)),
    startup_longest_hold_ms: Number(held.toFixed(1)),
    ...retention,
    p95_chart_ms: chartP95,
    interruptions_first_call_ms: Number(interruptionsFirst.toFixed(1)),
  };
  console.log(JSON.stringify(out));
} finally {
  // BENCH_KEEP=1 leaves the archive for reading query plans (sqlite3 <dir>/data/catalogue.db).
  if (process.env.BENCH_KEEP) console.log(`kept ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
}
