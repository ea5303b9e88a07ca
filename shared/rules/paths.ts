/** Absolute on Windows (C:\, \\server\share) or POSIX (/): a relative path would depend on where the app started. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export function isAbsolutePath(p: string): boolean {
  return ABSOLUTE_PATH.test(p);
}

/** A URL path segment decoded, or null when its escapes are malformed (%E0%A4%A): a bad request, not a crash. */
export function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
