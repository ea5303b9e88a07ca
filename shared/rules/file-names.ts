/**
 * Reading body-camera file names. Cameras name clips after their device number, the officer's
 * number and the camera's clock, in vendor-specific orders; each pattern is a regular expression
 * with named groups: device, officer, ts (YYYYMMDDhhmmss) or date (YYYYMMDD) + time (hhmmss), seq.
 * The keeper can add patterns; the first that matches wins.
 */
export interface NamePattern {
  id: string;
  regex: string;
}

export const DEFAULT_NAME_PATTERNS: readonly NamePattern[] = [
  // 设备编号_警号_时间_序号: the common GA/T 947 style, e.g. T001_000123_20261120093000_0001.MP4
  { id: 'device_officer_time_seq', regex: '^(?<device>[A-Za-z0-9]+)_(?<officer>[A-Za-z0-9]+)_(?<ts>\\d{14})_(?<seq>\\d+)' },
  // 设备编号_时间_序号, officer left to the device register
  { id: 'device_time_seq', regex: '^(?<device>[A-Za-z0-9]+)_(?<ts>\\d{14})(?:_(?<seq>\\d+))?' },
  // 时间_设备编号
  { id: 'time_device', regex: '^(?<ts>\\d{14})_(?<device>[A-Za-z0-9]+)' },
  // Generic cameras and phones: VID_20261120_093000, REC-20261120-093000-01, 20261120_093000
  { id: 'date_time', regex: '^(?:[A-Za-z]{2,5}[_-]?)?(?<date>\\d{8})[_-](?<time>\\d{6})(?:[_-](?<seq>\\d+))?' },
];

/** A file name each default pattern reads, shown beside it when the keeper picks patterns. */
export const NAME_PATTERN_EXAMPLES: Readonly<Record<string, string>> = {
  device_officer_time_seq: 'T001_000123_20261120093000_0001.MP4',
  device_time_seq: 'T001_20261120093000_0001.MP4',
  time_device: '20261120093000_T001.MP4',
  date_time: 'VID_20261120_093000.mp4',
};

/** Words a camera or an officer puts in a file or folder name to mark a recording as important. */
export const DEFAULT_IMPORTANT_MARKS: readonly string[] = ['重点', '重要', 'IMPORTANT', 'IMP_', '_IMP', 'KEY_'];

export interface ParsedName {
  patternId: string;
  device: string | null;
  officer: string | null;
  /** The camera's wall-clock time, without a zone: 2026-11-20T09:30:00. */
  recordedAt: string | null;
  sequence: number | null;
}

function wallClock(date: string, time: string): string | null {
  const [y, mo, d, h, mi, s] = [date.slice(0, 4), date.slice(4, 6), date.slice(6, 8), time.slice(0, 2), time.slice(2, 4), time.slice(4, 6)].map(Number) as [
    number, number, number, number, number, number,
  ];
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const valid = y >= 2000 && probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return valid ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}` : null;
}

/** The facts a file name carries, or null when no pattern matches (the register and the keeper decide). */
export function parseFileName(fileName: string, patterns: readonly NamePattern[] = DEFAULT_NAME_PATTERNS): ParsedName | null {
  const base = fileName.replace(/\.[^.]*$/, '');
  for (const pattern of patterns) {
    let re: RegExp;
    try {
      re = new RegExp(pattern.regex);
    } catch {
      continue;
    }
    const g = re.exec(base)?.groups;
    if (!g) continue;
    const date = g.ts?.slice(0, 8) ?? g.date;
    const time = g.ts?.slice(8, 14) ?? g.time;
    return {
      patternId: pattern.id,
      device: g.device ?? null,
      officer: g.officer ?? null,
      recordedAt: date && time ? wallClock(date, time) : null,
      sequence: g.seq !== undefined ? Number(g.seq) : null,
    };
  }
  return null;
}

/** Whether the file's name or any folder above it carries an importance mark. */
export function hasImportantMark(relativePath: string, marks: readonly string[] = DEFAULT_IMPORTANT_MARKS): boolean {
  const upper = relativePath.toUpperCase();
  return marks.some((m) => m.trim() !== '' && upper.includes(m.toUpperCase()));
}
