/** A real HTTP server over a test database, and a tiny cookie-keeping client for it. */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.ts';
import type { App } from '../../server/http.ts';
import type { Db } from '../../server/db/database.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestServer {
  app: App;
  url: string;
  close(): Promise<void>;
}

export async function startServer(db: Db, opts: { loginRateLimit?: number } = {}): Promise<TestServer> {
  const app = await buildApp({ db, loginRateLimit: opts.loginRateLimit ?? 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface Client {
  /** the raw Set-Cookie header of the last sign-in */
  setCookie: string | null;
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
  upload(path: string, fileName: string, content: Buffer | string): Promise<Response>;
}

/** A client signed in as `login` (TEST_PASSWORD), or anonymous when login is null. */
export async function clientFor(server: TestServer, login: string | null, password = TEST_PASSWORD): Promise<Client> {
  let cookie = '';
  let setCookie: string | null = null;
  const headers = (): Record<string, string> => (cookie ? { cookie } : {});
  if (login) {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${await res.text()}`);
    setCookie = res.headers.get('set-cookie');
    cookie = (setCookie ?? '').split(';')[0];
  }
  return {
    setCookie,
    get: (path) => fetch(`${server.url}${path}`, { headers: headers() }),
    send: (method, path, body) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { ...headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    upload: (path, fileName, content) => {
      const form = new FormData();
      form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), fileName);
      return fetch(`${server.url}${path}`, { method: 'POST', headers: headers(), body: form });
    },
  };
}
