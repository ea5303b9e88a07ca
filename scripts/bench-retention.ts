// Retention over the bench:catalog archive: the first start's fill of every record's term (and the
// longest the process is held meanwhile), the scan every later start does, the library's retention
// filters, and the review and dashboard warnings with 1 record in 20 past its period.
import type { RecordsApp } from '../electron/core/app/records-app.js';
import { heldWhile } from './bench-data.js';

const ROUNDS = 30;

export function retentionFilters(officer: (i: number) => number): [string, (i: number) => Record<string, unknown>][] {
  return [
    ['retention evidence', () => ({ retention: 'evidence' })],
    ['retention standard', () => ({ retention: 'standard' })],
    ['retention expired', () => ({ retention: 'expired' })],
    ['retention expiring', () => ({ retention: 'expiring' })],
    ['expired + officer', (i) => ({ retention: 'expired', officerId: officer(i) })],
  ];
}

const p95 = (ms: number[]) => Number(([...ms].sort((a, b) => a - b)[Math.floor(0.95 * ms.length)] ?? 0).toFixed(1));

export async function benchRetention(app: RecordsApp, filters: () => Promise<number[]>, call: (method: 'retention.review' | 'retention.warnings') => Promise<number>) {
  const core = app.core;
  const first = await heldWhile(() => core.retention.fillMissing());
  console.log(`  start  retention first fill        ${(first.ms / 1000).toFixed(1)} s   longest hold ${first.held.toFixed(1)} ms`);
  const later = await heldWhile(() => core.retention.fillMissing());
  console.log(`  start  retention scan (filled)     ${later.ms.toFixed(1)} ms   longest hold ${later.held.toFixed(1)} ms`);
  // The bench's recordings are from 2026: move 1 in 20 back to 2021 so that they are past their period.
  core.db.exec("UPDATE record_retention SET kept_through = '2024-' || printf('%02d', 1 + record_id % 12) || '-15' WHERE record_id % 20 = 4 AND class = 'standard'");
  core.db.exec('ANALYZE');
  const f = await filters();
  const review: number[] = [];
  const warnings: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    review.push(await call('retention.review'));
    warnings.push(await call('retention.warnings'));
  }
  console.log(`  retention review (expired)        p95 ${p95(review).toFixed(1)} ms`);
  console.log(`  retention dashboard warnings      p95 ${p95(warnings).toFixed(1)} ms`);
  return {
    retention_first_fill_s: Number((first.ms / 1000).toFixed(1)),
    retention_first_fill_longest_hold_ms: Number(first.held.toFixed(1)),
    retention_start_scan_ms: Number(later.ms.toFixed(1)),
    p95_retention_filter_ms: p95(f),
    p95_retention_review_ms: p95(review),
    p95_retention_warnings_ms: p95(warnings),
  };
}
