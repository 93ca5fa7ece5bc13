/**
 * API throughput and latency of the real app, side by side with a bare Fastify route in the same run.
 *
 *   npm run bench:api                        # PGlite in a fresh temp data dir
 *   DATABASE_URL=postgres://… npm run bench:api   # a PostgreSQL server instead
 *
 * Settings (env): BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (50),
 * BENCH_WORKERS (1: autocannon runs in a worker thread so the load generator does not share the
 * server's event loop; 0 runs it on the main thread).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { access } from '../src/server/access.js';
import { buildApp } from '../src/server/app.js';
import { loadActor, SESSION_COOKIE } from '../src/server/modules/auth/sessions.js';
import { listUsers } from '../src/server/modules/users/service.js';
import { envInt, machine, median, round, table, writeResult } from './lib.js';

const SECONDS = envInt('BENCH_SECONDS', 10);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const WARMUP_SECONDS = envInt('BENCH_WARMUP_SECONDS', 3);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const WORKERS = process.env.BENCH_WORKERS === '0' ? 0 : envInt('BENCH_WORKERS', 1);
const GOAL_RATIO = 0.4;
const GOAL_P99_MS = 50;

const databaseUrl = process.env.DATABASE_URL || undefined;
const engine = databaseUrl ? 'postgres' : 'pglite';

/** baseline: the bare route every ratio is taken against; reference: shown for comparison, no goal;
 *  goal: an authenticated route held to the goals. */
type Target = {
  name: string;
  url: string;
  headers: Record<string, string>;
  kind: 'baseline' | 'reference' | 'goal';
};
type Round = {
  round: number;
  order: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

function summarize(r: Result, roundNo: number, order: number): Round {
  return {
    round: roundNo,
    order,
    requestsPerSec: round(r.requests.average, 1),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
  };
}

function fire(target: Target, seconds: number): Promise<Result> {
  return autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: target.headers,
    workers: WORKERS || undefined,
  });
}

/** Repeats `fn` one call at a time for about `ms` milliseconds: the cost of one call with no HTTP. */
async function serial(fn: () => Promise<unknown>, ms = 2000) {
  for (let i = 0; i < 50; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    n++;
  }
  const elapsed = performance.now() - start;
  return { calls: n, usPerCall: round((elapsed * 1000) / n, 1), perSec: round((n * 1000) / elapsed, 0) };
}

async function main() {
  const dataDir = databaseUrl ? undefined : mkdtempSync(path.join(os.tmpdir(), 'kezhao-bench-api-'));
  const database = await openDatabase({ databaseUrl, dataDir });
  await migrate(database);
  await seedDemo(database.db);
  const config = loadConfig({
    databaseUrl,
    dataDir: dataDir ?? os.tmpdir(),
    logLevel: 'silent',
    seedDemo: false,
  });
  const app = await buildApp({ database, config, jobs: null, logger: false });
  // A route that exists only in this benchmark: it passes every app hook (helmet, cookie, the access
  // check) but touches no database, to split framework cost from database cost.
  app.get('/bench/noop', { config: { access: access.public() }, handler: async () => ({ hello: 'world' }) });
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });

  const bare = Fastify({ logger: false });
  bare.get('/hello', async () => ({ hello: 'world' }));
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

  const cleanup = async () => {
    await bare.close();
    await app.close();
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const login = await fetch(`${appUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'kezhao2026' }),
    });
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (login.status !== 200 || !setCookie)
      throw new Error(`login failed: HTTP ${login.status} ${await login.text()}`);
    const token = decodeURIComponent(setCookie.split(';')[0].slice(SESSION_COOKIE.length + 1));
    const cookie = `${SESSION_COOKIE}=${token}`;

    const targets: Target[] = [
      { name: 'bare Fastify GET /hello', url: `${bareUrl}/hello`, headers: {}, kind: 'baseline' },
      {
        name: 'app hooks, no DB: GET /bench/noop',
        url: `${appUrl}/bench/noop`,
        headers: {},
        kind: 'reference',
      },
      { name: 'GET /api/v1/me', url: `${appUrl}/api/v1/me`, headers: { cookie }, kind: 'goal' },
      {
        name: 'GET /api/v1/users?pageSize=20',
        url: `${appUrl}/api/v1/users?pageSize=20`,
        headers: { cookie },
        kind: 'goal',
      },
      // The 疑似重复 self-join over the demo registry: it joined on an OR and took seconds.
      {
        name: 'GET /api/v1/enterprises/duplicates',
        url: `${appUrl}/api/v1/enterprises/duplicates?pageSize=20`,
        headers: { cookie },
        kind: 'reference',
      },
    ];
    for (const t of targets) {
      const res = await fetch(t.url, { headers: t.headers });
      if (res.status !== 200)
        throw new Error(`${t.name}: expected 200 before the run, got ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }

    const settings = {
      engine,
      seconds: SECONDS,
      rounds: ROUNDS,
      warmupSeconds: WARMUP_SECONDS,
      connections: CONNECTIONS,
      workers: WORKERS,
      inProcess: true,
    };
    const loadBefore = os.loadavg();
    const total = targets.length * (WARMUP_SECONDS + ROUNDS * SECONDS);
    console.log(
      `KeZhao API benchmark — engine ${engine}, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s per target`,
    );
    console.log(`(warm-up ${WARMUP_SECONDS} s per target; about ${Math.ceil(total / 60)} min in all)`);
    console.log(
      `load average before: ${loadBefore.map((n) => n.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs\n`,
    );

    for (const t of targets) {
      const r = await fire(t, WARMUP_SECONDS);
      if (r.non2xx || r.errors)
        throw new Error(`${t.name}: warm-up had ${r.non2xx} non-2xx and ${r.errors} errors`);
    }

    // Interleave: each round visits every target, starting one further along, so a noisy stretch of
    // the machine does not land on one target only.
    const rounds = new Map<string, Round[]>(targets.map((t) => [t.name, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (let k = 0; k < targets.length; k++) {
        const t = targets[(i + k) % targets.length];
        const r = summarize(await fire(t, SECONDS), i + 1, k + 1);
        rounds.get(t.name)?.push(r);
        console.log(
          `  round ${i + 1}/${ROUNDS}  ${t.name.padEnd(36)} ${String(Math.round(r.requestsPerSec)).padStart(7)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms${r.non2xx ? `  NON-2XX ${r.non2xx}` : ''}`,
        );
      }
    }

    // What the database alone costs per call, one call at a time, with no HTTP: the ceiling for routes
    // whose queries run one after another on PGlite's single connection.
    const actor = await loadActor(database.db, token, config.sessionTtlHours);
    if (!actor) throw new Error('session vanished during the run');
    const dbSerial = {
      'select 1 (drizzle execute)': await serial(() => database.db.execute(sql`select 1`)),
      'loadActor (session query)': await serial(() => loadActor(database.db, token, config.sessionTtlHours)),
      'listUsers pageSize=20 (2 queries)': await serial(() =>
        listUsers(database.db, actor, { page: 1, pageSize: 20 }),
      ),
    };

    const bareName = targets[0].name;
    const medians = Object.fromEntries(
      targets.map((t) => {
        const rs = rounds.get(t.name) ?? [];
        return [
          t.name,
          {
            requestsPerSec: round(median(rs.map((r) => r.requestsPerSec)), 1),
            p50Ms: median(rs.map((r) => r.p50Ms)),
            p99Ms: median(rs.map((r) => r.p99Ms)),
            non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
            errors: rs.reduce((a, r) => a + r.errors + r.timeouts, 0),
          },
        ];
      }),
    );
    const bareRps = medians[bareName].requestsPerSec;
    const bareRounds = rounds.get(bareName) ?? [];
    const ratios = Object.fromEntries(
      targets
        .filter((t) => t.kind !== 'baseline')
        .map((t) => {
          const rs = rounds.get(t.name) ?? [];
          return [
            t.name,
            {
              ofMedians: round(medians[t.name].requestsPerSec / bareRps, 3),
              perRound: rs.map((r, i) => round(r.requestsPerSec / bareRounds[i].requestsPerSec, 3)),
            },
          ];
        }),
    );
    const goals = Object.fromEntries(
      targets
        .filter((t) => t.kind === 'goal')
        .map((t) => [
          t.name,
          {
            throughputRatio: {
              goal: `>= ${GOAL_RATIO}`,
              actual: ratios[t.name].ofMedians,
              pass: ratios[t.name].ofMedians >= GOAL_RATIO,
            },
            p99: {
              goal: `< ${GOAL_P99_MS} ms`,
              actual: medians[t.name].p99Ms,
              pass: medians[t.name].p99Ms < GOAL_P99_MS,
            },
          },
        ]),
    );

    console.log(
      `\nMedians of ${ROUNDS} rounds (${engine}, ${CONNECTIONS} connections, ${SECONDS} s each):\n`,
    );
    console.log(
      table(
        [
          'target',
          'req/s',
          'p50 ms',
          'p99 ms',
          'non-2xx',
          '× bare',
          `goal ≥${GOAL_RATIO * 100}%`,
          `goal p99<${GOAL_P99_MS}`,
        ],
        targets.map((t) => {
          const m = medians[t.name];
          const g = goals[t.name];
          return [
            t.name,
            Math.round(m.requestsPerSec),
            m.p50Ms,
            m.p99Ms,
            m.non2xx,
            t.kind === 'baseline' ? '100%' : `${round(ratios[t.name].ofMedians * 100, 1)}%`,
            g ? (g.throughputRatio.pass ? 'pass' : 'FAIL') : `(${t.kind})`,
            g ? (g.p99.pass ? 'pass' : 'FAIL') : '',
          ];
        }),
      ),
    );
    console.log(`\nDatabase alone, one call at a time, no HTTP (${engine}):\n`);
    console.log(
      table(
        ['call', 'µs/call', 'calls/s'],
        Object.entries(dbSerial).map(([k, v]) => [k, v.usPerCall, v.perSec]),
      ),
    );

    const bad = targets.filter((t) => medians[t.name].non2xx || medians[t.name].errors);
    if (bad.length) {
      for (const t of bad)
        console.error(`\nFAILED: ${t.name} had non-2xx/errors:`, JSON.stringify(rounds.get(t.name)));
      throw new Error(
        'non-2xx responses or socket errors during the run; the numbers above are not valid and were not saved',
      );
    }

    const file = writeResult(`api-${engine}.json`, {
      benchmark: 'api',
      ...machine(),
      loadAverageBefore: loadBefore.map((n) => round(n, 2)),
      settings,
      goals: { throughputRatioAtLeast: GOAL_RATIO, p99BelowMs: GOAL_P99_MS },
      targets: targets.map((t) => ({
        name: t.name,
        path: new URL(t.url).pathname + new URL(t.url).search,
        kind: t.kind,
      })),
      rounds: Object.fromEntries(rounds),
      medians,
      ratios,
      goalResults: goals,
      allGoalsPass: Object.values(goals).every((g) => g.throughputRatio.pass && g.p99.pass),
      databaseSerial: dbSerial,
    });
    console.log(`\nWrote ${file}`);
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
