import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_PRESETS, fitsCasePattern, normalizeCaseNo } from '../../../shared/rules/case-number.js';
import { DEFAULT_NAME_PATTERNS, NAME_PATTERN_EXAMPLES, parseFileName } from '../../../shared/rules/file-names.js';

describe('patterns offered to pick', () => {
  it('each file-name pattern reads its own example (the first match wins, so only it and those before it are tried)', () => {
    for (const [i, p] of DEFAULT_NAME_PATTERNS.entries()) {
      const example = NAME_PATTERN_EXAMPLES[p.id];
      expect(example, p.id).toBeDefined();
      expect(parseFileName(example ?? '', DEFAULT_NAME_PATTERNS.slice(0, i + 1))?.patternId, p.id).toBe(p.id);
    }
  });

  it('each case-number scheme accepts its example', () => {
    for (const p of CASE_NUMBER_PRESETS) expect(fitsCasePattern(normalizeCaseNo(p.example), p.pattern), p.id).toBe(true);
  });
});
