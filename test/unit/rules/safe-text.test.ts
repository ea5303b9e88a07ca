import { describe, expect, it } from 'vitest';
import { hasUnsafeText, unsafeTextPath, unsafeTextRevealed, withoutUnsafeText } from '../../../shared/rules/safe-text.js';

describe('text that reads as something else', () => {
  it('finds C0 controls, DEL and every bidirectional control, and lets tabs and line breaks be', () => {
    for (const c of ['\u0000', '\u0007', '\u001B', '\u007F', '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(hasUnsafeText(`000${c}789`), `U+${c.codePointAt(0)!.toString(16)}`).toBe(true);
    }
    expect(hasUnsafeText('第一行\n第二行\r\n\t缩进')).toBe(false);
    expect(hasUnsafeText('峡综执罚〔2026〕12号 · 李建国')).toBe(false);
  });

  it('replaces them in names written out, and shows them where a spoof must be seen', () => {
    expect(withoutUnsafeText('IMG_\u202Egnp.MP4')).toBe('IMG__gnp.MP4');
    expect(unsafeTextRevealed('000\u202E789')).toBe('000⟦U+202E⟧789');
  });

  it('names the first field that carries one, however deep', () => {
    expect(unsafeTextPath({ a: 'ok', b: [{ c: 'fine' }, { d: 'x\u202Ey' }] })).toBe('b.1.d');
    expect(unsafeTextPath({ a: 'ok', n: 3, z: null })).toBeNull();
    expect(unsafeTextPath('\u0000')).toBe('-');
  });
});
