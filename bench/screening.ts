/** npm run bench:screening — the 培育筛查 job over BENCH_SCREENING_FIRMS generated firms (default
 *  100,000) on the configured engine (PGlite unless DATABASE_URL is set): every tier engine on every
 *  firm, results written to the database, progress saved per batch. Beside it, in the same run, a
 *  read-only pass over the same firms (the same queries, no assessment, no writes) as the baseline.
 *  Goal (issue #7): < 30 s for 100,000 firms on PGlite. The seeded database is kept in
 *  BENCH_SCREENING_DATA_DIR (default: a folder under the OS temp directory) for later runs. */
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, gt, type SQL, sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { afterBulkWrite } from '../src/db/maintenance.js';
import { migrate } from '../src/db/migrate.js';
import { enterprises, screeningRuns } from '../src/db/schema/index.js';
import { ROOT_ORG } from '../src/db/seed/demo-data.js';
import { seedEnterprises } from '../src/db/seed/enterprises/seed-enterprises.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { runJobInProcess } from '../src/jobs/run-in-process.js';
import { DEFAULT_CLOSE_RULE } from '../src/server/modules/cultivation/diagnose.js';
import { loadRegistryFirms } from '../src/server/modules/cultivation/load-firms.js';
import { envInt, machine, round, table, writeResult } from './lib.js';

const FIRMS = envInt('BENCH_SCREENING_FIRMS', 100_000);
const BATCH = 1000;
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const dataDir =
  process.env.BENCH_SCREENING_DATA_DIR || path.join(os.tmpdir(), `kezhao-bench-screening-${FIRMS}`);

mkdirSync(dataDir, { recursive: true });
const fresh = !existsSync(path.join(dataDir, 'pgdata'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
await migrate(database);
const { db } = database;
const local = sql`${enterprises.universe} = 'local' and ${enterprises.mergedInto} is null`;
const have = (
  (await db.execute(sql`select count(*)::int as n from enterprises where universe = 'local'`)) as unknown as {
    rows: { n: number }[];
  }
).rows[0].n;
if (fresh || have < FIRMS) {
  await seedDemo(db);
  const t0 = Date.now();
  await seedEnterprises(db, {
    count: FIRMS - have,
    onProgress: ({ done, total }) => {
      if (done % 20_000 === 0 || done === total)
        process.stderr.write(
          `seeding ${done} / ${total} firms (${Math.round((Date.now() - t0) / 1000)} s)\n`,
        );
    },
  });
  await afterBulkWrite(db);
}

// Runs of earlier benchmark runs would make every run write into a bigger table than the last.
await db.execute(sql`delete from screening_runs`);

// Baseline: the same reads the job makes (one query per batch), without assessing or writing.
let t = performance.now();
let lastId: string | null = null;
let read = 0;
for (;;) {
  const firms = await loadRegistryFirms(
    db,
    (lastId ? and(local, gt(enterprises.id, lastId)) : local) as SQL,
    BATCH,
  );
  if (firms.length === 0) break;
  read += firms.length;
  lastId = firms[firms.length - 1].id;
}
const readMs = performance.now() - t;

const [run] = await db
  .insert(screeningRuns)
  .values({ orgId: ROOT_ORG.id, assessedOn: '2026-03-01', closeRule: DEFAULT_CLOSE_RULE })
  .returning();
let peakRss = process.memoryUsage().rss;
t = performance.now();
let lastPrint = 0;
const job = await runJobInProcess(
  database,
  dataDir,
  { kind: 'cultivation.screening', orgId: ROOT_ORG.id, params: { runId: run.id } },
  (pct, message) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (performance.now() - lastPrint > 5000) {
      lastPrint = performance.now();
      process.stderr.write(`${Math.round(pct)}% ${message}\n`);
    }
  },
);
const jobMs = performance.now() - t;
if (job.status !== 'succeeded') throw new Error(`screening ${job.status}: ${job.error}`);
const screened = (job.result as { firms: number }).firms;
const counts = (await db.execute(
  sql`select s as status, count(*)::int as n from screening_firms, unnest(standings) s where run_id = ${run.id} group by s order by s`,
)) as unknown as { rows: { status: string; n: number }[] };

const rows = [
  ['read only (same queries, baseline)', read, round(readMs / 1000), Math.round(read / (readMs / 1000)), 1],
  [
    'screening job (8 tiers, results written)',
    screened,
    round(jobMs / 1000),
    Math.round(screened / (jobMs / 1000)),
    round(jobMs / readMs),
  ],
];
console.log(`\nbench:screening on ${engine}, ${screened} local firms, assessed on 2026-03-01\n`);
console.log(table(['pass', 'firms', 'seconds', 'firms/s', '× read-only'], rows));
console.log(`\nverdicts by standing: ${counts.rows.map((r) => `${r.status} ${r.n}`).join(', ')}`);
console.log(`peak RSS ${Math.round(peakRss / 1e6)} MB`);
const goalS = 30 * (screened / 100_000);
console.log(
  `goal < ${round(goalS)} s for ${screened} firms (30 s per 100,000): ${jobMs / 1000 < goalS ? 'pass' : 'FAIL'}`,
);
console.log(
  `Wrote ${writeResult(`screening-${engine}.json`, {
    date: new Date().toISOString(),
    machine: machine(),
    engine,
    firms: screened,
    readOnlySeconds: round(readMs / 1000),
    jobSeconds: round(jobMs / 1000),
    firmsPerSecond: Math.round(screened / (jobMs / 1000)),
    ratioToReadOnly: round(jobMs / readMs),
    standings: Object.fromEntries(counts.rows.map((r) => [r.status, r.n])),
    peakRssMb: Math.round(peakRss / 1e6),
    goal: { seconds: goalS, pass: jobMs / 1000 < goalS },
  })}`,
);
await database.close();
