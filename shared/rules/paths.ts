/** Absolute on Windows (C:\, \\server\share) or POSIX (/): a relative path would depend on where the app started. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export function isAbsolutePath(p: string): boolean {
  return ABSOLUTE_PATH.test(p);
}
