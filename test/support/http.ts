import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so tests can send the headers a browser would never let a page forge. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The cookie a browser holds after opening the launch link: the bridge's own, no session yet. */
export async function launchCookie(port: number, token: string): Promise<string> {
  const launch = await rawRequest(port, { path: `/launch?token=${token}` });
  return String(launch.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
}

/** Signs in over the bridge as a browser would: the session token, and the cookies it then holds (launch + session). */
export async function bridgeLogin(port: number, launch: string, username: string, password: string): Promise<{ token: string; cookie: string }> {
  const res = await rawRequest(port, {
    method: 'POST',
    path: '/rpc',
    headers: { Cookie: launch, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method: 'auth.login', input: { username, password } }),
  });
  const session = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  return { token: (JSON.parse(res.body) as { value: { token: string } }).value.token, cookie: `${launch}; ${session}` };
}
