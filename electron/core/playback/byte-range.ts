/** What to send for a media request: the whole file, one byte range, or "range not satisfiable". */
export type RangeAnswer = { status: 200; start: 0; end: number } | { status: 206; start: number; end: number } | { status: 416 };

/**
 * Reads a single `Range: bytes=…` header against a file of `size` bytes (players seek with it).
 * Multiple ranges are answered with the first; a malformed header gets the whole file.
 */
export function byteRange(header: string | undefined, size: number): RangeAnswer {
  const whole = { status: 200 as const, start: 0 as const, end: size - 1 };
  const m = /^bytes=(\d*)-(\d*)/.exec(header ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return whole;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return { status: 416 };
  return { status: 206, start, end };
}

/** Headers for a media answer: never cached, never offered as a download. */
export function mediaHeaders(answer: RangeAnswer, size: number, mime: string): Record<string, string> {
  const base = { 'Content-Type': mime, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store', 'Content-Disposition': 'inline' };
  if (answer.status === 416) return { ...base, 'Content-Range': `bytes */${size}` };
  const length = String(answer.end - answer.start + 1);
  return answer.status === 206 ? { ...base, 'Content-Length': length, 'Content-Range': `bytes ${answer.start}-${answer.end}/${size}` } : { ...base, 'Content-Length': length };
}
