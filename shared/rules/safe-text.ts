/**
 * Characters that change how text reads without being seen: C0 controls (NUL, ESC, …) and DEL,
 * and the bidirectional controls (U+202A–202E embeddings and overrides, U+2066–2069 isolates,
 * the LRM/RLM/ALM marks). An officer number 000789 with U+202E in front reads 987000; an MP4 named
 * `…\u202Egnp.MP4` reads as `….png`. None belongs in a name, a number or a reason typed into a
 * records room. Tab, line feed and carriage return stay: free text has lines.
 */
const UNSAFE_CLASS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`);
const UNSAFE_ALL = new RegExp(`[${UNSAFE_CLASS}]`, 'g');

export function hasUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/** The text with every unsafe character replaced, for names that must be written somewhere (a disc, a package). */
export function withoutUnsafeText(text: string, replacement = '_'): string {
  return text.replace(UNSAFE_ALL, replacement);
}

/** The text with every unsafe character shown as its code point (⟦U+202E⟧), so a spoofed name is seen for what it is. */
export function unsafeTextRevealed(text: string): string {
  return text.replace(UNSAFE_ALL, (c) => `⟦U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** The path (a.b.0.c) of the first string in a value that holds an unsafe character, or null. */
export function unsafeTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return hasUnsafeText(value) ? path.join('.') || '-' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = unsafeTextPath(inner, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
