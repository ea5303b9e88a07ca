import { parentPort, workerData } from 'node:worker_threads';
import { CopyError, copyAndHash } from './copy-file.js';
import { CANCEL_INDEX, type CopyMessage, type CopyTask } from './copy-protocol.js';

/** A worker thread that copies one file at a time, keeping hashing off the process's main thread. */
const cancel = new Int32Array(workerData.cancel as SharedArrayBuffer);
const port = parentPort;

port?.on('message', (task: CopyTask) => {
  const send = (m: CopyMessage) => port.postMessage(m);
  copyAndHash(task.source, task.temp, (bytes) => send({ id: task.id, kind: 'progress', bytes }), () => Atomics.load(cancel, CANCEL_INDEX) !== 0)
    .then((r) => send({ id: task.id, kind: 'done', ...r }))
    .catch((err: unknown) =>
      send({
        id: task.id,
        kind: 'failed',
        reason: err instanceof CopyError ? err.reason : 'io_error',
        message: err instanceof Error ? err.message : String(err),
      }),
    );
});
