import { describe, expect, it } from 'vitest';
import { SEED_MAX, mulberry32, seededDraw } from '../../../shared/rules/seeded-draw.js';

/** mulberry32 exactly as published (bryc, "Seeding the random number generator in JavaScript"). */
function published(a: number): () => number {
  return function () {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = Array.from({ length: 40 }, (_, i) => i + 1);

describe('the seeded draw', () => {
  it('is the published mulberry32, step for step, for small and the largest seeds', () => {
    for (const seed of [0, 1, 20261124, 0x7fffffff, SEED_MAX]) {
      const ours = mulberry32(seed);
      const theirs = published(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(theirs());
    }
  });

  it('draws the same cases for the same seed, in the same order', () => {
    const first = seededDraw(ids, 5, 20261124);
    expect(seededDraw(ids, 5, 20261124)).toEqual(first);
    expect(new Set(first).size).toBe(5);
    for (const id of first) expect(ids).toContain(id);
  });

  it('draws other cases for other seeds (nearly always)', () => {
    const base = JSON.stringify(seededDraw(ids, 5, 1));
    const same = Array.from({ length: 50 }, (_, i) => JSON.stringify(seededDraw(ids, 5, i + 2))).filter((d) => d === base);
    expect(same.length).toBe(0);
  });

  it('reaches every candidate over many seeds, each about equally often', () => {
    const counts = new Map<number, number>();
    for (let seed = 0; seed < 4000; seed++) for (const id of seededDraw(ids, 4, seed)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // 4000 draws of 4 out of 40: 400 each on average.
    expect(counts.size).toBe(40);
    for (const n of counts.values()) expect(Math.abs(n - 400)).toBeLessThan(100);
  });

  it('takes every candidate when the sample is larger than the ledger', () => {
    const all = seededDraw([3, 7, 9], 10, 42);
    expect([...all].sort()).toEqual([3, 7, 9]);
  });

  it('draws nothing from nothing, and leaves the candidates as they were', () => {
    expect(seededDraw([], 5, 42)).toEqual([]);
    const given = [1, 2, 3, 4];
    seededDraw(given, 2, 42);
    expect(given).toEqual([1, 2, 3, 4]);
  });
});
