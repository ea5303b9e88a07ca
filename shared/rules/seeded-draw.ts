/**
 * A draw anyone can repeat: the same seed over the same candidates in the same order always picks
 * the same ones (the county's spot check "from the ledger", 004 §11, is repeated from its seed).
 */

/** The largest seed: seeds are unsigned 32-bit numbers, short enough to read aloud and type. */
export const SEED_MAX = 0xffffffff;

/**
 * mulberry32 (Tommy Ettinger, 2017): a small, public-domain 32-bit generator whose every step is
 * written out here, so the draw can be re-done from the seed by anyone, with any tool.
 * Returns numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` of `candidates` (all of them when there are fewer), in the order drawn: a partial
 * Fisher–Yates shuffle driven by mulberry32(seed). The caller hands the candidates in a stable
 * order (by id), which is part of what makes the draw repeatable.
 */
export function seededDraw<T>(candidates: readonly T[], size: number, seed: number): T[] {
  const pool = [...candidates];
  const next = mulberry32(seed);
  const take = Math.min(Math.max(0, Math.floor(size)), pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, take);
}
