import { describe, expect, it } from 'vitest';
import { gramQuery, textGrams } from '../../../electron/core/search/grams.js';

describe('bigram tokens for one- and two-character searches', () => {
  it('gives every adjacent pair of letters or digits, and each run its last character, once', () => {
    expect(textGrams('王某某 占道')).toBe('王某 某某 某 占道 道');
    expect(textGrams('IMG_0001.jpg')).toBe('im mg g 00 01 1 jp pg');
    expect(textGrams('〔2026〕')).toBe('20 02 26 6');
    expect(textGrams('')).toBe('');
    expect(textGrams(null)).toBe('');
  });

  it('asks for one token for two characters, a prefix for one, and nothing it cannot answer', () => {
    expect(gramQuery('王某')).toBe('"王某"');
    expect(gramQuery('Ab')).toBe('"ab"');
    expect(gramQuery('王')).toBe('"王" *');
    expect(gramQuery('〕1')).toBeNull();
    expect(gramQuery('王某某')).toBeNull();
    expect(gramQuery('"')).toBeNull();
  });
});
