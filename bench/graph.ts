/** npm run bench:graph — 企业图谱 queries over BENCH_GRAPH_FIRMS generated firms (default 1,000,000; ¾ local,
 *  ¼ target universe) and their ≈3 relations per firm: BENCH_GRAPH_QUERIES (1,000) deterministic random
 *  queries of each kind — ultimate controller, 3-hop neighbourhood (limit 500), shortest path between two
 *  firms of one org (maxHops 6) — through the real `relationSource` and the domain algorithms, scoped to the
 *  firm's org as an officer of that org would be. Beside them, in the same run, a naive baseline per kind:
 *  one unbounded recursive CTE over the relations table, on fewer queries when it is slow.
 *
 *  The seeded database is kept in BENCH_GRAPH_DATA_DIR (default under the OS temp directory) so a second
 *  run skips the seed. Only `parties` and `relations` are seeded (graph queries never read `enterprises`);
 *  BENCH_GRAPH_WITH_FIRMS=1 also writes the firms' rows, which takes far longer. */
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { DEMO_ORGS } from '../src/db/seed/demo-data.js';
import { generateFirm } from '../src/db/seed/enterprises/generate.js';
import { mulberry32 } from '../src/db/seed/enterprises/random.js';
import { DEFAULT_SEED, seedEnterprises } from '../src/db/seed/enterprises/seed-enterprises.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { seedRelations } from '../src/db/seed/seed-relations.js';
import { neighbourhood, shortestPath, ultimateController } from '../src/domain/graph/algorithms.js';
import { relationSource } from '../src/server/modules/graph/graph.js';
import { envInt, machine, median, round, table, writeResult } from './lib.js';

const FIRMS = envInt('BENCH_GRAPH_FIRMS', 1_000_000);
const QUERIES = envInt('BENCH_GRAPH_QUERIES', 1000);
const BASELINE = envInt('BENCH_GRAPH_BASELINE', 100);
const BASELINE_SECONDS = envInt('BENCH_GRAPH_BASELINE_SECONDS', 120);
const WITH_FIRMS = process.env.BENCH_GRAPH_WITH_FIRMS === '1';
const LOCAL = Math.round((FIRMS * 3) / 4);
const TARGET = FIRMS - LOCAL;
const dataDir = process.env.BENCH_GRAPH_DATA_DIR || path.join(os.tmpdir(), `kezhao-bench-graph-${FIRMS}`);
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
// A fixed as-of date, so that the kept data dir and a later run's sample agree.
const asOf = '2026-06-30';

const fresh = !existsSync(path.join(dataDir, 'pgdata'));
mkdirSync(dataDir, { recursive: true });
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
await migrate(database);
const { db } = database;
const count = async (q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0].n;

let seedSeconds: number | null = null;
if (fresh || (await count(sql`select count(*)::int as n from relations`)) === 0) {
  await seedDemo(db);
  const t0 = Date.now();
  const progress =
    (what: string) =>
    ({ done, total }: { done: number; total: number }) => {
      if (done % 50_000 < 1 || done === total)
        process.stderr.write(`${what} ${done} / ${total} (${Math.round((Date.now() - t0) / 1000)} s)\n`);
    };
  if (WITH_FIRMS)
    await seedEnterprises(db, { count: LOCAL, targetCount: TARGET, asOf, onProgress: progress('firms') });
  let last = 0;
  const r = await seedRelations(db, {
    count: LOCAL,
    targetCount: TARGET,
    asOf,
    onlyExisting: WITH_FIRMS,
    onProgress: ({ done, total, relations }) => {
      if (done - last >= 50_000) {
        last = done;
        process.stderr.write(
          `relations for ${done} / ${total} firms: ${relations} (${Math.round((Date.now() - t0) / 1000)} s)\n`,
        );
      }
    },
  });
  seedSeconds = round((Date.now() - t0) / 1000, 1);
  process.stderr.write(`seeded ${r.relations} relations, ${r.parties} parties in ${seedSeconds} s\n`);
}
await db.execute(sql`analyze relations`);
const relationCount = await count(sql`select count(*)::int as n from relations`);
const partyCount = await count(sql`select count(*)::int as n from parties`);

// The sample: firms by (universe, index) from a seeded stream, each queried within its own org.
const pathOf = new Map<string, string>(
  (
    (await db.execute(sql`select id, path from orgs`)) as unknown as {
      rows: { id: string; path: string }[];
    }
  ).rows.map((r) => [r.id, r.path]),
);
const rand = mulberry32(0x6a7);
const sample = Array.from({ length: QUERIES }, () => {
  const target = rand() < TARGET / FIRMS;
  const f = generateFirm(target ? 'target' : 'local', Math.floor(rand() * (target ? TARGET : LOCAL)), {
    seed: DEFAULT_SEED,
    asOf,
  });
  return { id: f.id, orgId: f.orgId, orgPath: pathOf.get(f.orgId) as string };
});
// Path pairs: each firm and the next sampled firm of the same org.
const partner = sample.map((a, i) => {
  for (let k = 1; k < sample.length; k++) {
    const b = sample[(i + k) % sample.length];
    if (b.orgId === a.orgId && b.id !== a.id) return b.id;
  }
  return a.id;
});

type Kind = 'controller' | 'hops3' | 'path';
const KINDS: Kind[] = ['controller', 'hops3', 'path'];
const ms: Record<Kind, number[]> = { controller: [], hops3: [], path: [] };
const stats = { controllerFound: 0, hops3Entities: [] as number[], hops3Truncated: 0, pathFound: 0 };
for (const [i, f] of sample.entries()) {
  let t = performance.now();
  const c = await ultimateController(relationSource(db, f.orgPath), f.id);
  ms.controller.push(performance.now() - t);
  if (c) stats.controllerFound++;
  t = performance.now();
  const n = await neighbourhood(relationSource(db, f.orgPath), f.id, { hops: 3, limit: 500 });
  ms.hops3.push(performance.now() - t);
  stats.hops3Entities.push(n.depth.size);
  if (n.truncated) stats.hops3Truncated++;
  t = performance.now();
  const p = await shortestPath(relationSource(db, f.orgPath), f.id, partner[i], { maxHops: 6 });
  ms.path.push(performance.now() - t);
  if (p) stats.pathFound++;
  if ((i + 1) % 100 === 0) process.stderr.write(`queries ${i + 1} / ${sample.length}\n`);
}

// Baselines: one recursive CTE per query, no entity limit, cycles guarded only where the walk needs it.
const scope = (orgPath: string) => sql`(select id from orgs where path like ${`${orgPath}%`})`;
const baselineSql: Record<Kind, (i: number) => ReturnType<typeof sql>> = {
  // Up the shareholdings, every path (a path array guards cycles), the top holder with the best product.
  controller: (i) => {
    const f = sample[i];
    return sql`
      with recursive up(id, product, path) as (
        select ${f.id}::uuid, 1::float8, array[${f.id}::uuid]
        union all
        select r.from_id, up.product * r.share, up.path || r.from_id
          from up join relations r on r.to_id = up.id and r.kind = 'shareholding'
         where r.org_id in ${scope(f.orgPath)} and r.from_id <> all(up.path))
      select id, product from up
       where id <> ${f.id}::uuid
         and not exists (select 1 from relations r where r.to_id = up.id and r.kind = 'shareholding'
                            and r.org_id in ${scope(f.orgPath)})
       order by product desc limit 1`;
  },
  // Everything within three hops, either direction, no cap on the number of entities.
  hops3: (i) => {
    const f = sample[i];
    return sql`
      with recursive walk(id, depth) as (
        select ${f.id}::uuid, 0
        union
        select case when r.from_id = w.id then r.to_id else r.from_id end, w.depth + 1
          from walk w join relations r on r.from_id = w.id or r.to_id = w.id
         where w.depth < 3 and r.org_id in ${scope(f.orgPath)})
      select count(distinct id)::int as n from walk`;
  },
  // The whole 6-hop ball around one end, then the depth of the other end in it.
  path: (i) => {
    const f = sample[i];
    return sql`
      with recursive walk(id, depth) as (
        select ${f.id}::uuid, 0
        union
        select case when r.from_id = w.id then r.to_id else r.from_id end, w.depth + 1
          from walk w join relations r on r.from_id = w.id or r.to_id = w.id
         where w.depth < 6 and r.org_id in ${scope(f.orgPath)})
      select min(depth) as n from walk where id = ${partner[i]}::uuid`;
  },
};
const base: Record<Kind, number[]> = { controller: [], hops3: [], path: [] };
const baseNote: Record<Kind, string> = { controller: '', hops3: '', path: '' };
for (const kind of KINDS) {
  const started = performance.now();
  for (let i = 0; i < Math.min(BASELINE, sample.length); i++) {
    const t = performance.now();
    await db.execute(baselineSql[kind](i));
    base[kind].push(performance.now() - t);
    if ((performance.now() - started) / 1000 > BASELINE_SECONDS) {
      baseNote[kind] = `stopped after ${BASELINE_SECONDS} s`;
      break;
    }
  }
  process.stderr.write(`baseline ${kind}: ${base[kind].length} queries\n`);
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const goals: Record<Kind, number | null> = { controller: 50, hops3: 100, path: null };
const rows = KINDS.map((kind) => ({
  kind,
  queries: ms[kind].length,
  p50: round(median(ms[kind])),
  p95: round(pct(ms[kind], 0.95)),
  max: round(Math.max(...ms[kind])),
  baseQueries: base[kind].length,
  baseP50: round(median(base[kind])),
  baseP95: round(pct(base[kind], 0.95)),
  baseNote: baseNote[kind],
  goalP95: goals[kind],
  pass: goals[kind] === null ? null : pct(ms[kind], 0.95) < (goals[kind] as number),
}));
const names: Record<Kind, string> = {
  controller: 'ultimate controller',
  hops3: '3-hop neighbourhood (≤500)',
  path: 'shortest path (≤6 hops)',
};
console.log(
  `\nbench:graph on ${engine}, ${FIRMS} firms, ${relationCount} relations, ${partyCount} parties, ${QUERIES} queries of each kind\n`,
);
console.log(
  table(
    ['query', 'n', 'p50 ms', 'p95 ms', 'max ms', 'CTE n', 'CTE p50 ms', 'CTE p95 ms', 'goal p95'],
    rows.map((r) => [
      names[r.kind],
      r.queries,
      r.p50,
      r.p95,
      r.max,
      r.baseQueries,
      r.baseP50,
      r.baseP95,
      r.goalP95 === null ? '-' : `< ${r.goalP95} ${r.pass ? 'pass' : 'FAIL'}`,
    ]),
  ),
);
const shape = {
  controllerFound: stats.controllerFound,
  hops3EntitiesP50: median(stats.hops3Entities),
  hops3Truncated: stats.hops3Truncated,
  pathFound: stats.pathFound,
};
console.log(
  `\ncontroller found for ${shape.controllerFound} / ${QUERIES}; 3-hop entities p50 ${shape.hops3EntitiesP50}, truncated at 500 for ${shape.hops3Truncated}; path found for ${shape.pathFound} / ${QUERIES}`,
);
console.log(
  `Wrote ${writeResult(`graph-${engine}.json`, {
    date: new Date().toISOString(),
    machine: machine(),
    engine,
    firms: FIRMS,
    firmRows: WITH_FIRMS,
    relations: relationCount,
    parties: partyCount,
    orgs: DEMO_ORGS.length,
    seedSeconds,
    queries: QUERIES,
    rows,
    shape,
  })}`,
);
await database.close();
