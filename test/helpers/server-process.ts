/** Runs the real `kezhao serve` in a child process, for tests that kill and restart it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT_DIR } from '../../src/config.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export type ServerProcess = {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
};

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_ENTERPRISES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`server not healthy in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, output: () => out, exited };
}

/** A signed-in fetch client against a running server. */
export async function httpLogin(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const me = await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).json();
  const headers = { cookie, 'x-csrf-token': me.csrfToken as string, 'content-type': 'application/json' };
  return {
    cookie,
    get: (url: string) => fetch(`${base}${url}`, { headers }),
    upload: (url: string, form: FormData) =>
      fetch(`${base}${url}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': me.csrfToken as string },
        body: form,
      }),
    post: (url: string, body: unknown = {}) =>
      fetch(`${base}${url}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  };
}
