/**
 * A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` taken as themselves: a search for
 * "10%" or "A_1" means those characters. Use with `ESCAPE '\'`.
 */
export function likeContaining(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
