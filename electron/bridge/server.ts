import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { workstationName } from '../core/base/workstation.js';
import type { Dispatcher } from '../core/rpc/dispatcher.js';
import { sessionAfter } from '../core/rpc/window-session.js';
import { COOKIE_NAME, SECURITY_HEADERS, SESSION_COOKIE, readCookie, sameSecret, trustedHostAndOrigin } from './security.js';
import { serveStatic } from './static-files.js';
import { byteRange, mediaHeaders } from '../core/playback/byte-range.js';
import { documentTypeOf } from '../core/documents/documents-folder.js';
import { decodedSegment } from '../../shared/rules/paths.js';

const MAX_BODY = 1024 * 1024;
const HEARTBEAT_MS = 25_000;

export interface BridgeOptions {
  dispatcher: Dispatcher;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  /** Open this once: it carries the launch token, which the bridge swaps for a cookie. */
  launchUrl: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function json(res: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * The body, or null past the limit. Reading stops at the limit: a caller who sends 64 MiB gets its
 * 413 after the first MiB, and the connection is closed behind the answer (see `refuseTooLarge`).
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Answers 413 and closes the connection without reading the rest. The socket is ended (not reset)
 * once the answer is written, so the caller still reads the 413 instead of a broken pipe.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.shouldKeepAlive = false;
  res.writeHead(413, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end('Request too large', () => {
    const cut = setTimeout(() => req.socket.destroy(), 1000);
    cut.unref();
    req.socket.end();
  });
}

function sessionCookie(token: string | null): string {
  return token ? `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` : `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}

/**
 * The loopback shell: the same UI as the Electron window, served to an ordinary browser on
 * 127.0.0.1 only, for machines where Electron can't run (and for the end-to-end tests).
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const workstation = workstationName('browser');
  /** Each open push stream and the session it was opened for. */
  const streams = new Map<ServerResponse, string>();
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!trustedHostAndOrigin(req, port)) return plain(res, 403, 'Forbidden host or origin.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/launch') {
      if (!sameSecret(url.searchParams.get('token') ?? undefined, token)) return plain(res, 401, 'Invalid launch link.');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        Location: '/',
        'Set-Cookie': `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }
    if (!sameSecret(readCookie(req, COOKIE_NAME), token)) {
      return plain(res, 401, '请使用程序启动时显示的链接打开本页面。\nOpen this page with the link the program printed when it started.');
    }
    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') return plain(res, 405, 'POST only');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return plain(res, 415, 'JSON only');
      const body = await readBody(req);
      if (body === null) return refuseTooLarge(req, res);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return json(res, { ok: false, error: { code: 'VALIDATION_FAILED', message: 'malformed JSON', details: { fields: 'JSON' } } });
      }
      const answer = await options.dispatcher.dispatch(parsed, workstation);
      const before = readCookie(req, SESSION_COOKIE) ?? null;
      const after = sessionAfter(parsed, answer, before);
      return json(res, answer, after === before ? {} : { 'Set-Cookie': sessionCookie(after) });
    }
    const session = readCookie(req, SESSION_COOKIE) ?? null;
    if (url.pathname === '/events') {
      if (!session || !viewer(session)) return plain(res, 401, 'Sign in first.');
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.set(res, session);
      const unsubscribe = options.dispatcher.app.bus.subscribe((event) => {
        const account = viewer(session);
        if (!account) return void res.end();
        if (options.dispatcher.app.core.access.mayReceive(account, event)) res.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      req.on('close', () => {
        unsubscribe();
        streams.delete(res);
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    if (url.pathname.startsWith('/media/')) return serveMedia(req, res, url.pathname.slice('/media/'.length), session);
    if (url.pathname.startsWith('/documents/')) {
      const name = decodedSegment(url.pathname.slice('/documents/'.length));
      if (name === null) return plain(res, 400, 'Bad request');
      return serveDocument(req, res, name, session);
    }
    return serveStatic(options.rendererDir, url.pathname, res);
  }

  /** Who a stream's session belongs to while it stays signed in; asking doesn't keep it alive. */
  function viewer(token: string) {
    return options.dispatcher.app.error ? null : options.dispatcher.app.core.auth.peek(token);
  }

  /** A view's bytes by range, for the ticket the core issued to this browser's signed-in session; nothing else. */
  function serveMedia(req: IncomingMessage, res: ServerResponse, ticket: string, session: string | null): void {
    const media = options.dispatcher.app.error ? null : options.dispatcher.app.core.playback.resolve(ticket, session);
    if (!media) return plain(res, 404, 'Not found');
    const size = fs.statSync(media.file).size;
    const answer = byteRange(req.headers.range, size);
    res.writeHead(answer.status, { ...SECURITY_HEADERS, ...mediaHeaders(answer, size, media.mime) });
    if (answer.status === 416 || req.method === 'HEAD') return void res.end();
    fs.createReadStream(media.file, { start: answer.start, end: answer.end }).pipe(res);
  }

  /** A printable document or an exported spreadsheet, to the session that made it (see DocumentsFolder). */
  function serveDocument(req: IncomingMessage, res: ServerResponse, name: string, session: string | null): void {
    const file = options.dispatcher.app.error ? null : options.dispatcher.app.core.documents.resolve(name, session);
    const type = documentTypeOf(name);
    if (!file || !type) return plain(res, 404, 'Not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type.mime,
      'Content-Length': String(fs.statSync(file).size),
      'Cache-Control': 'no-store',
      ...(type.inline ? {} : { 'Content-Disposition': `attachment; filename="${name}"` }),
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  const heartbeat = setInterval(() => {
    // A stream outlives neither its session's sign-out nor its expiry.
    for (const [s, token] of streams) {
      if (viewer(token)) s.write(': heartbeat\n\n');
      else s.end();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    launchUrl: `${origin}/launch?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const s of streams.keys()) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
