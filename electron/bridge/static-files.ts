import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './security.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file of the built renderer, never outside it; anything that isn't a file
 * is the single-page app's index. Used by the bridge and by Electron's app:// protocol.
 */
export function resolveRendererFile(rootDir: string, urlPath: string): string {
  const root = path.resolve(rootDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '/';
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return path.join(root, 'index.html');
  return file;
}

export function serveStatic(rootDir: string, urlPath: string, res: ServerResponse): void {
  const file = resolveRendererFile(rootDir, urlPath);
  if (!fs.existsSync(file)) {
    res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The user interface is not built: run `npm run build`.\n界面尚未构建：请运行 npm run build。');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType(file),
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'private, max-age=31536000, immutable',
  });
  fs.createReadStream(file).pipe(res);
}
