import { describe, expect, it } from 'vitest';
import { hasImportantMark, parseFileName } from '../../../shared/rules/file-names.js';
import { recordFlags } from '../../../shared/rules/record-flags.js';

describe('body-camera file names', () => {
  it('reads device, officer, camera time and sequence from the common layout', () => {
    expect(parseFileName('T001_000123_20261120093000_0001.MP4')).toEqual({
      patternId: 'device_officer_time_seq',
      device: 'T001',
      officer: '000123',
      recordedAt: '2026-11-20T09:30:00',
      sequence: 1,
    });
  });

  it('reads the vendor variants', () => {
    expect(parseFileName('DSJ5A2_20261120093000_0007.mp4')).toMatchObject({ device: 'DSJ5A2', officer: null, recordedAt: '2026-11-20T09:30:00', sequence: 7 });
    expect(parseFileName('20261120093000_DSJ5A2.AVI')).toMatchObject({ patternId: 'time_device', device: 'DSJ5A2' });
    expect(parseFileName('VID_20261120_093000.mp4')).toMatchObject({ patternId: 'date_time', device: null, recordedAt: '2026-11-20T09:30:00' });
    expect(parseFileName('REC-20261120-093000-03.amr')).toMatchObject({ recordedAt: '2026-11-20T09:30:00', sequence: 3 });
  });

  it('keeps the match but not an impossible time', () => {
    expect(parseFileName('T001_000123_20261341093000_0001.MP4')).toMatchObject({ device: 'T001', recordedAt: null });
    expect(parseFileName('T001_000123_20260230093000_0001.MP4')?.recordedAt).toBeNull();
    expect(parseFileName('T001_000123_20261120253000_0001.MP4')?.recordedAt).toBeNull();
  });

  it('answers null for names it cannot read, and skips a broken custom pattern', () => {
    expect(parseFileName('现场录音.wav')).toBeNull();
    expect(parseFileName('IMG.JPG')).toBeNull();
    expect(parseFileName('A1_20261120093000.mp4', [{ id: 'broken', regex: '(' }, { id: 'mine', regex: '^(?<device>A\\d)_(?<ts>\\d{14})' }])).toMatchObject({ patternId: 'mine', device: 'A1' });
  });

  it('finds importance marks in the name or a folder above it', () => {
    expect(hasImportantMark('PHOTO/重点/IMG_0001.JPG')).toBe(true);
    expect(hasImportantMark('DCIM/T001_000123_20261120093000_0001_重要.MP4')).toBe(true);
    expect(hasImportantMark('DCIM/imp_0001.mp4')).toBe(true);
    expect(hasImportantMark('DCIM/T001_000123_20261120093000_0001.MP4')).toBe(false);
    expect(hasImportantMark('DCIM/a.mp4', ['', ' '])).toBe(false);
  });
});

describe('record flags', () => {
  it('flags empty files before probing and unreadable ones after', () => {
    expect(recordFlags({ size: 0, media: null })).toEqual(['empty']);
    expect(recordFlags({ size: 10, media: null })).toEqual([]);
    expect(recordFlags({ size: 10, media: { readable: false } })).toEqual(['unreadable']);
    expect(recordFlags({ size: 10, media: { readable: true } })).toEqual([]);
  });
});
