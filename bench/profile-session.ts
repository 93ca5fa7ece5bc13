/**
 * Where the time of an authenticated request goes on PGlite: the raw engine, drizzle, the session
 * query, and a whole request through app.inject (no sockets) — one call at a time, in one process.
 *
 *   npx tsx bench/profile-session.ts
 *
 * A diagnostic for when bench/api.ts misses its goal; it writes no result file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { buildApp } from '../src/server/app.js';
import { loadActor, SESSION_COOKIE, tokenHash } from '../src/server/modules/auth/sessions.js';
import { median, round, table } from './lib.js';

async function time(fn: () => Promise<unknown>, ms = 1500) {
  for (let i = 0; i < 50; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    n++;
  }
  return round(((performance.now() - start) * 1000) / n, 1);
}

/** `concurrency` calls in flight at once, as 50 HTTP connections would issue them. */
async function timeConcurrent(fn: () => Promise<unknown>, concurrency = 50, ms = 1500) {
  let n = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - start < ms) {
        await fn();
        n++;
      }
    }),
  );
  return round(((performance.now() - start) * 1000) / n, 1);
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kezhao-profile-'));
  const database = await openDatabase({ dataDir });
  await migrate(database);
  await seedDemo(database.db);
  const config = loadConfig({ dataDir, logLevel: 'silent', seedDemo: false });
  const app = await buildApp({ database, config, jobs: null, logger: false });
  await app.ready();
  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  await bare.ready();
  const mem = await PGlite.create();

  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'kezhao2026' },
    });
    const token = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    if (!token) throw new Error(`login failed: ${login.statusCode}`);
    const pg = database.pglite;
    if (!pg) throw new Error('expected PGlite');
    const { db } = database;
    const id = tokenHash(token);
    // The statement drizzle sends for loadActor, written out to time it on the raw engine.
    const sessionSql = `select "users"."id", "users"."username", "users"."display_name", "users"."roles", "users"."org_id",
      "orgs"."path", "orgs"."code", "orgs"."name", "sessions"."csrf_token", "sessions"."last_seen_at"
      from "sessions" inner join "users" on "users"."id" = "sessions"."user_id"
      inner join "orgs" on "orgs"."id" = "users"."org_id"
      where ("sessions"."id" = $1 and "sessions"."expires_at" > now() and "users"."disabled" = $2)`;
    const check = await pg.query(sessionSql, [id, false]);
    if (check.rows.length !== 1)
      throw new Error('hand-written session SQL does not match the schema any more');

    // Same statement planned once (what a named prepared statement would save per request).
    await pg.exec(`prepare kz_session(text, boolean) as ${sessionSql}`);

    const cookie = { [SESSION_COOKIE]: token };
    const rows: [string, number][] = [
      ['PGlite in memory: exec("select 1") (simple protocol)', await time(() => mem.exec('select 1'))],
      ['PGlite in memory: query("select 1") (extended protocol)', await time(() => mem.query('select 1'))],
      ['PGlite on disk: exec("select 1")', await time(() => pg.exec('select 1'))],
      ['PGlite on disk: query("select 1")', await time(() => pg.query('select 1'))],
      ['drizzle execute(select 1)', await time(() => db.execute(sql`select 1`))],
      ['session query, raw pg.query with params', await time(() => pg.query(sessionSql, [id, false]))],
      [
        'session query, EXECUTE of a server-side PREPAREd plan',
        await time(() => pg.exec(`execute kz_session('${id}', false)`)),
      ],
      ['loadActor (drizzle, same query)', await time(() => loadActor(db, token, 12))],
      ['loadActor, 50 in flight (per call)', await timeConcurrent(() => loadActor(db, token, 12))],
      ['bare Fastify inject GET /hello', await time(() => bare.inject({ url: '/hello' }))],
      ['app inject GET / (public page, no DB)', await time(() => app.inject({ url: '/' }))],
      ['app inject GET /api/nope (404, no DB)', await time(() => app.inject({ url: '/api/nope' }))],
      [
        'app inject GET /api/v1/me without cookie (401, no DB)',
        await time(() => app.inject({ url: '/api/v1/me' })),
      ],
      [
        'app inject GET /api/v1/me (session query + reply)',
        await time(() => app.inject({ url: '/api/v1/me', cookies: cookie })),
      ],
      [
        'app inject GET /api/v1/users?pageSize=20',
        await time(() => app.inject({ url: '/api/v1/users?pageSize=20', cookies: cookie })),
      ],
    ];
    // Postgres's own account of the session query: planning versus execution, in steady state.
    const plan: number[] = [];
    const exec: number[] = [];
    const literal = sessionSql.replace('$1', `'${id}'`).replace('$2', 'false');
    for (let i = 0; i < 30; i++) {
      const res = await pg.query<{ 'QUERY PLAN': string }>(`explain (analyze, summary) ${literal}`);
      const text = res.rows.map((r) => r['QUERY PLAN']).join('\n');
      plan.push(Number(/Planning Time: ([\d.]+)/.exec(text)?.[1]));
      exec.push(Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]));
    }
    rows.push(
      ['session query: planning (EXPLAIN ANALYZE, median of 30)', round(median(plan) * 1000, 1)],
      ['session query: execution (EXPLAIN ANALYZE, median of 30)', round(median(exec) * 1000, 1)],
    );

    console.log('One call at a time unless noted; µs per call (lower is better):\n');
    console.log(
      table(
        ['call', 'µs/call', 'calls/s'],
        rows.map(([k, v]) => [k, v, Math.round(1e6 / v)]),
      ),
    );
  } finally {
    await mem.close();
    await bare.close();
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
