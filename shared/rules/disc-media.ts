/**
 * Recordable media and what a disc of each holds. Capacities are the sector counts of common
 * blank discs × 2048 bytes (an 80-minute CD-R, single-layer DVD±R, DVD+R DL, BD-R SL and DL), so a
 * plan never promises more than a drive will take.
 */
export const DISC_MEDIA = {
  cd: { bytes: 359_847 * 2048, label: 'CD 700 MB' },
  dvd: { bytes: 2_295_104 * 2048, label: 'DVD 4.7 GB' },
  dvd_dl: { bytes: 4_171_712 * 2048, label: 'DVD DL 8.5 GB' },
  bd: { bytes: 12_219_392 * 2048, label: 'BD 25 GB' },
  bd_dl: { bytes: 24_438_784 * 2048, label: 'BD DL 50 GB' },
} as const;
export type DiscMedium = keyof typeof DISC_MEDIA;
export const DISC_MEDIUM_CODES = Object.keys(DISC_MEDIA) as [DiscMedium, ...DiscMedium[]];

/**
 * What a disc spends besides the payload: the file system's tables and per-file directory
 * records, the tag files, the written description, the README and the verifier page. Generous on
 * purpose; a disc that is 1% short of full is fine, one that does not fit is a wasted blank.
 */
export function discOverhead(fileCount: number): number {
  return 16 * 1024 * 1024 + fileCount * 64 * 1024;
}

/** Bytes a file takes on an ISO 9660 volume: whole 2 KiB sectors. */
export function sectorBytes(size: number): number {
  return Math.ceil(size / 2048) * 2048;
}

export interface SpanItem {
  recordId: number;
  size: number;
}

/**
 * Splits the evidence into discs in the order given (recording time), each disc as full as the
 * next item allows, so disc 1 holds the earliest recordings and a reader can follow the event
 * across discs. Items bigger than one disc are returned apart: they can't go on this medium.
 */
export function spanDiscs<T extends SpanItem>(items: T[], medium: DiscMedium): { discs: T[][]; tooLarge: T[] } {
  const capacity = DISC_MEDIA[medium].bytes;
  const fits = (list: T[]) => list.reduce((n, i) => n + sectorBytes(i.size), 0) + discOverhead(list.length) <= capacity;
  const discs: T[][] = [];
  const tooLarge: T[] = [];
  for (const item of items) {
    if (!fits([item])) {
      tooLarge.push(item);
      continue;
    }
    const current = discs.at(-1);
    if (current && fits([...current, item])) current.push(item);
    else discs.push([item]);
  }
  return { discs, tooLarge };
}
