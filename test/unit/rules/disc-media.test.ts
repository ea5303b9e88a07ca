import { describe, expect, it } from 'vitest';
import { DISC_MEDIA, discOverhead, sectorBytes, spanDiscs } from '../../../shared/rules/disc-media.js';

const MB = 1024 * 1024;
const items = (...sizes: number[]) => sizes.map((size, i) => ({ recordId: i + 1, size }));

describe('spanning evidence over discs', () => {
  it('fills discs in recording order and starts the next when one is full', () => {
    const cd = DISC_MEDIA.cd.bytes;
    expect(cd).toBe(736_966_656);
    const { discs, tooLarge } = spanDiscs(items(300 * MB, 300 * MB, 300 * MB, 10 * MB), 'cd');
    expect(discs.map((d) => d.map((i) => i.recordId))).toEqual([[1, 2], [3, 4]]);
    expect(tooLarge).toEqual([]);
    for (const d of discs) expect(d.reduce((n, i) => n + sectorBytes(i.size), 0) + discOverhead(d.length)).toBeLessThanOrEqual(cd);
  });

  it('keeps the order even when a later small file would fit an earlier disc', () => {
    const { discs } = spanDiscs(items(600 * MB, 200 * MB, 50 * MB), 'cd');
    expect(discs.map((d) => d.map((i) => i.recordId))).toEqual([[1], [2, 3]]);
  });

  it('sets apart a file bigger than one disc of the medium', () => {
    const { discs, tooLarge } = spanDiscs(items(10 * MB, 800 * MB, 20 * MB), 'cd');
    expect(tooLarge.map((i) => i.recordId)).toEqual([2]);
    expect(discs.map((d) => d.map((i) => i.recordId))).toEqual([[1, 3]]);
    expect(spanDiscs(items(800 * MB), 'dvd').tooLarge).toEqual([]);
  });

  it('counts whole sectors and a margin for the file system and papers', () => {
    expect(sectorBytes(1)).toBe(2048);
    expect(sectorBytes(2048)).toBe(2048);
    expect(sectorBytes(0)).toBe(0);
    const exact = DISC_MEDIA.cd.bytes - discOverhead(1);
    expect(spanDiscs(items(exact), 'cd').tooLarge).toEqual([]);
    expect(spanDiscs(items(exact + 1), 'cd').tooLarge).toHaveLength(1);
  });
});
