/**
 * The audit chain head as printed on a form: the moment it was taken, in words, before the hash,
 * so a cell or footer too narrow for the whole line breaks before the hash and never splits the
 * words (a hash's width varies with its digits, so where a line ends cannot be known in advance).
 */
export function chainHeadText(head: { seq: number; hash: string }, moment?: string): string {
  return `第 ${head.seq} 条${moment ? `（${moment}）` : ''} ${head.hash}`;
}
