import type { RecordDto } from '../../../shared/contract/records-dto.js';

/**
 * Whether a record (aliased `r` in the query) was destroyed, and under which list: read wherever
 * a record is shown, so the library and a case's linked records say the same thing.
 */
export const DISPOSITION_COLUMNS = `(SELECT l.number FROM record_dispositions p JOIN destruction_lists l ON l.id = p.list_id WHERE p.record_id = r.id AND p.verified = 1) AS p_list,
  (SELECT p.destroyed_at FROM record_dispositions p WHERE p.record_id = r.id AND p.verified = 1) AS p_at`;

export interface DispositionColumns {
  p_list: string | null;
  p_at: string | null;
}

export function dispositionOf(r: DispositionColumns): RecordDto['disposition'] {
  return r.p_list && r.p_at ? { listNumber: r.p_list, destroyedAt: r.p_at } : null;
}
