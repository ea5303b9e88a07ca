import type { Db } from '../db/open.js';

/**
 * Short searches — one or two characters, like the name 王某 — can't use the trigram index, and a
 * substring scan of a million records is too slow. So the same text is also indexed as its
 * bigrams: every pair of adjacent letters or digits, plus the last one of each run on its own, so
 * that every character starts at least one token. A two-character search is then one token, a
 * one-character search a prefix. Text between runs (spaces, punctuation) can't be searched this
 * way; such a short search falls back to the scan.
 */
const RUN = /[\p{L}\p{N}]+/gu;

/** The bigram tokens of a text, space-separated, each once. Registered as SQL function `rr_grams`. */
export function textGrams(text: string | null): string {
  const out = new Set<string>();
  for (const match of (text ?? '').toLowerCase().matchAll(RUN)) {
    const chars = [...match[0]];
    for (let i = 0; i < chars.length - 1; i++) out.add(`${chars[i]}${chars[i + 1]}`);
    out.add(chars[chars.length - 1] ?? '');
  }
  return [...out].join(' ');
}

/**
 * The record_grams query for a search of one or two characters, or null when it holds something
 * other than letters and digits (then only the scan can find it).
 */
export function gramQuery(text: string): string | null {
  const chars = [...text.toLowerCase()];
  if (chars.length < 1 || chars.length > 2 || !chars.every((c) => /^[\p{L}\p{N}]$/u.test(c))) return null;
  return chars.length === 2 ? `"${chars.join('')}"` : `"${chars[0]}" *`;
}

/** The SQL functions the schema relies on; every connection that may write the catalogue has them. */
export function registerSearchFunctions(db: Db): void {
  db.function('rr_grams', { deterministic: true }, (text: unknown) => textGrams(typeof text === 'string' ? text : null));
}
