/** An item of a request: a recording, a whole case or a disc. */
interface Item {
  kind: string;
  id: number;
}

/**
 * Whether an approval granted less than was asked: fewer items, or other ones (a case asked for
 * whole and approved as some of its recordings). An approval only ever narrows (the core refuses
 * anything else), so a different set is a smaller one.
 */
export function itemsNarrowed(asked: readonly Item[], granted: readonly Item[] | null): boolean {
  if (granted === null) return false;
  return granted.length !== asked.length || !granted.every((g) => asked.some((a) => a.kind === g.kind && a.id === g.id));
}
