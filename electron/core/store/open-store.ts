import { AppError } from '../../../shared/errors.js';
import { ensureWritableDir } from '../datadir/probe.js';
import type { EvidenceStore } from './evidence-store.js';
import { FsEvidenceStore } from './fs-store.js';

/**
 * The store is opened on first use, not with the app: its drive may be unplugged, and the rest
 * of the app (accounts, audit) must still work. A store that can't be written is STORE_UNAVAILABLE.
 */
export function openStore(location: () => string): () => EvidenceStore {
  let store: EvidenceStore | null = null;
  return () => {
    if (store) return store;
    const dir = location();
    try {
      ensureWritableDir(dir);
      store = new FsEvidenceStore(dir);
      return store;
    } catch (err) {
      const reason = err instanceof AppError ? String(err.details?.reason ?? err.code) : err instanceof Error ? err.message : String(err);
      throw new AppError('STORE_UNAVAILABLE', `store ${dir} unavailable`, { path: dir, reason });
    }
  };
}
