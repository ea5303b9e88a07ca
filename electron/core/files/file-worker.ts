import { parentPort, workerData } from 'node:worker_threads';
import { CopyError, chunkBuffer, copyAndHash, hashStoreFile } from './copy-file.js';
import { CANCEL_INDEX, type FileMessage, type FileTask } from './file-protocol.js';

/** A worker thread that copies or re-hashes one file at a time, keeping hashing off the process's main thread. */
const cancel = new Int32Array(workerData.cancel as SharedArrayBuffer);
const cancelled = () => Atomics.load(cancel, CANCEL_INDEX) !== 0;
const buffer = chunkBuffer();
const port = parentPort;

function failure(id: number, err: unknown): FileMessage {
  return { id, kind: 'failed', reason: err instanceof CopyError ? err.reason : 'io_error', message: err instanceof Error ? err.message : String(err) };
}

port?.on('message', (task: FileTask) => {
  const send = (m: FileMessage) => port.postMessage(m);
  if (task.op === 'hash') {
    try {
      send({ id: task.id, kind: 'hashed', ...hashStoreFile(task.file, buffer, cancelled) });
    } catch (err) {
      send(failure(task.id, err));
    }
    return;
  }
  copyAndHash(task.source, task.temp, (bytes) => send({ id: task.id, kind: 'progress', bytes }), cancelled)
    .then((r) => send({ id: task.id, kind: 'copied', ...r }))
    .catch((err: unknown) => send(failure(task.id, err)));
});
