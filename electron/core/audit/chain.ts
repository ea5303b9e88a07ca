import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same details always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

export interface ChainedFields {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  workstation: string;
  action: string;
  target: string | null;
  details: string;
  prevHash: string;
}

/** Each event's hash covers its own fields and its predecessor's hash: change or drop one and the chain breaks. */
export function eventHash(f: ChainedFields): string {
  const material = JSON.stringify([f.seq, f.at, f.actorId, f.actorName, f.workstation, f.action, f.target, f.details, f.prevHash]);
  return createHash('sha256').update(material, 'utf8').digest('hex');
}
