import { describe, expect, it } from 'vitest';
import { BackgroundQueue } from '../../../electron/core/jobs/background-queue.js';

describe('a backfill scan over the catalogue', () => {
  it('enqueues what each slice finds, in order, letting other work run between slices', async () => {
    const done: number[] = [];
    const q = new BackgroundQueue((id) => {
      done.push(id);
      return Promise.resolve('next');
    });
    const slices: [number, number][] = [];
    // Work another caller queued during a slice has run by the next one.
    let ranBetween = 0;
    const seenBySlice: number[] = [];
    await q.enqueueScan(10, (after, upTo) => {
      slices.push([after, upTo]);
      seenBySlice.push(ranBetween);
      setImmediate(() => ranBetween++);
      return [after + 1, upTo].filter((id) => id % 2 === 0);
    }, 4);
    await q.idle();
    expect(slices).toEqual([[0, 4], [4, 8], [8, 12]]);
    expect(done).toEqual([4, 8, 12]);
    expect(seenBySlice).toEqual([0, 1, 2]);
  });

  it('stops scanning once the queue is closed', async () => {
    const q = new BackgroundQueue(() => Promise.resolve('next'));
    const slices: number[] = [];
    const scan = q.enqueueScan(100, (after) => {
      slices.push(after);
      return [];
    }, 10);
    await q.close();
    await scan;
    expect(slices).toEqual([0]);
  });
});
