import type { PushEvent } from '../../shared/contract/envelope.js';

/** A valid event for tests about who receives pushes, not about what they say. */
export const SOME_IMPORT_PROGRESS: PushEvent = {
  type: 'import.progress',
  payload: { jobId: 1, progress: { filesTotal: 2, filesDone: 1, bytesTotal: 2048, bytesDone: 1024, mibPerSecond: 0, etaSeconds: null } },
};
