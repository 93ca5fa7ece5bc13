/** Test harness: the real app on a fresh database, and signed-in clients that talk to it through
 *  app.inject with the session cookie and CSRF token a browser would send. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyServerOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { type Config, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-data.js';
import { JOB_DEFINITIONS } from '../../src/jobs/definitions.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { JobDefinition } from '../../src/jobs/types.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/types.js';
import { freshDatabase } from './db.js';
import { multipart } from './multipart.js';

export type TestContext = {
  app: App;
  database: Database;
  config: Config;
  runner: JobRunner | null;
  close(): Promise<void>;
};

export async function createTestApp(
  opts: {
    jobs?: boolean;
    definitions?: JobDefinition<never, never>[];
    config?: Partial<Config>;
    /** The app's logger options (none: no logging), e.g. with a `stream` to read what it logs. */
    logger?: FastifyServerOptions['logger'];
  } = {},
): Promise<TestContext> {
  const database = await freshDatabase();
  const config = loadConfig({
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'kz-test-')),
    jobPollMs: 100,
    ...opts.config,
  });
  const app = await buildApp({ database, config, logger: opts.logger });
  let runner: JobRunner | null = null;
  if (opts.jobs) {
    runner = new JobRunner({
      database,
      dataDir: config.dataDir,
      pollMs: 100,
      logger: pino({ level: 'silent' }) as unknown as FastifyBaseLogger,
      definitions: opts.definitions ?? JOB_DEFINITIONS,
    });
    app.jobs = runner;
    await runner.start();
  }
  await app.ready();
  return {
    app,
    database,
    config,
    runner,
    close: async () => {
      await runner?.stop();
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type Client = {
  cookie: string;
  csrf: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  /** POSTs a multipart form, as the browser's upload does: fields, then at most one file. */
  postForm(
    url: string,
    fields: Record<string, string>,
    file?: { name: string; content: Buffer },
  ): Promise<LightMyRequestResponse>;
};

export function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : [raw];
  const found = list.find((c) => typeof c === 'string' && c.startsWith('kz_sid='));
  if (!found) throw new Error('no session cookie in response');
  return String(found).split(';')[0];
}

export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
  return clientFor(app, cookie, me.json().csrfToken);
}

export function clientFor(app: App, cookie: string, csrf: string): Client {
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: { cookie, 'x-csrf-token': csrf, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    csrf,
    request,
    get: (url) => request('GET', url),
    post: (url, body = {}) => request('POST', url, body),
    patch: (url, body = {}) => request('PATCH', url, body),
    del: (url) => request('DELETE', url),
    postForm: (url, fields, file) => {
      const { payload, headers } = multipart(fields, file);
      return request('POST', url, payload, headers);
    },
  };
}

export const ORG = {
  root: '00000000-0000-4000-8000-000000000001',
  yancheng: '00000000-0000-4000-8000-000000000010',
  yannan: '00000000-0000-4000-8000-000000000011',
  nantong: '00000000-0000-4000-8000-000000000020',
  ntkfq: '00000000-0000-4000-8000-000000000021',
};
export const USER = {
  sysadmin: '00000000-0000-4000-8000-000000000100',
  admin: '00000000-0000-4000-8000-000000000101',
  leader: '00000000-0000-4000-8000-000000000102',
  officer: '00000000-0000-4000-8000-000000000103',
  ntOfficer: '00000000-0000-4000-8000-000000000106',
};
