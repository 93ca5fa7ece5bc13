/** npm run bench:targeting — 靶向招商 over a large target universe: BENCH_TARGETING_FIRMS generated firms
 *  (default 1,000,000: a tenth local over the demo orgs, the rest the target universe of 盐南高新区) with
 *  their ≈ 3 relations each (so 以商引商 has local firms to start from), placed on the chain templates by
 *  the real placement job, which also caches every firm's factor values on its placements (timed apart),
 *  then the real ranking (`rankTargets`) for the
 *  20 nodes of 盐南's leading chains with the most candidates, BENCH_TARGETING_ROUNDS (3) times each.
 *  Baseline in the same run: the bare query that lists the same candidates (placements of the node's
 *  subtree joined to their firms) without any facts or scoring. Goal (issue #4): p95 < 1 s per node on
 *  PostgreSQL. The two largest nodes' top 50 are then checked against scoring every candidate exactly.
 *  The seeded and placed database is kept in BENCH_TARGETING_DATA_DIR. */
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { afterBulkWrite } from '../src/db/maintenance.js';
import { migrate } from '../src/db/migrate.js';
import { DEMO_ORGS, DEMO_USERS } from '../src/db/seed/demo-data.js';
import { seedEnterprises } from '../src/db/seed/enterprises/seed-enterprises.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { seedRelations } from '../src/db/seed/seed-relations.js';
import { scoreTarget } from '../src/domain/chain/targeting.js';
import { runJobInProcess } from '../src/jobs/run-in-process.js';
import type { Actor } from '../src/server/access.js';
import { thresholdsOf } from '../src/server/modules/chains/chains.js';
import { factWindow, fillTargetCacheOfOrgs } from '../src/server/modules/chains/target-cache.js';
import { estimateCandidates } from '../src/server/modules/chains/target-candidates.js';
import { loadFirmFacts } from '../src/server/modules/chains/target-facts.js';
import { rankTargets, subtreeNodeIds, weightsOf } from '../src/server/modules/chains/targets.js';
import { envInt, machine, median, round, table, writeResult } from './lib.js';

const FIRMS = envInt('BENCH_TARGETING_FIRMS', 1_000_000);
const ROUNDS = envInt('BENCH_TARGETING_ROUNDS', 3);
const NODES = 20;
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const dataDir =
  process.env.BENCH_TARGETING_DATA_DIR || path.join(os.tmpdir(), `kezhao-bench-targeting-${FIRMS}`);
const log = (m: string) => process.stderr.write(`[bench:targeting] ${m}\n`);

mkdirSync(dataDir, { recursive: true });
const fresh = !existsSync(path.join(dataDir, 'pgdata'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
await migrate(database);
const { db } = database;
const yannan = DEMO_ORGS.find((o) => o.code === 'yannan');
if (!yannan) throw new Error('demo org yannan missing');
const count = async (q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0].n;

let seedSeconds: number | null = null;
let placeSeconds: number | null = null;
if (fresh || (await count(sql`select count(*)::int as n from enterprises`)) < FIRMS) {
  await seedDemo(db);
  const t0 = performance.now();
  let last = 0;
  await seedEnterprises(db, {
    count: Math.round(FIRMS / 10),
    targetCount: FIRMS - Math.round(FIRMS / 10),
    onProgress: ({ done, total }) => {
      if (done - last >= 50_000 || done === total) {
        last = done;
        log(`seeding ${done} / ${total} firms (${Math.round((performance.now() - t0) / 1000)} s)`);
      }
    },
  });
  await afterBulkWrite(db);
  seedSeconds = round((performance.now() - t0) / 1000, 1);
}
let relationSeconds: number | null = null;
if ((await count(sql`select count(*)::int as n from relations`)) === 0) {
  const t0 = performance.now();
  let last = 0;
  const r = await seedRelations(db, {
    count: Math.round(FIRMS / 10),
    targetCount: FIRMS - Math.round(FIRMS / 10),
    onProgress: ({ done, total, relations }) => {
      if (done - last >= 100_000) {
        last = done;
        log(`relations for ${done} / ${total} firms: ${relations}`);
      }
    },
  });
  await db.execute(sql`analyze relations`);
  relationSeconds = round((performance.now() - t0) / 1000, 1);
  log(`${r.relations} relations in ${relationSeconds} s`);
}
if ((await count(sql`select count(*)::int as n from chain_placements`)) === 0) {
  const t0 = performance.now();
  let lastLog = 0;
  const job = await runJobInProcess(
    database,
    dataDir,
    { kind: 'chain.placement', orgId: yannan.id, params: { orgId: yannan.id } },
    (pct, msg) => {
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`${Math.round(pct)}% ${msg}`);
      }
    },
  );
  if (job.status !== 'succeeded') throw new Error(`placement ${job.status}: ${job.error}`);
  placeSeconds = round((performance.now() - t0) / 1000, 1);
  log(`placed in ${placeSeconds} s`);
}
// A database placed before the cache existed: fill it as the placement job's last step does.
let factorSeconds: number | null = null;
if ((await count(sql`select count(*)::int as n from chain_placements where target_eligible is null`)) > 0) {
  const t0 = performance.now();
  await fillTargetCacheOfOrgs(db, [yannan.id], async (n) => {
    if (n % 100_000 < 2000)
      log(`factor values of ${n} firms (${Math.round((performance.now() - t0) / 1000)} s)`);
  });
  await db.execute(sql`vacuum analyze chain_placements`);
  factorSeconds = round((performance.now() - t0) / 1000, 1);
  log(`factor values cached in ${factorSeconds} s`);
}
const relationCount = await count(sql`select count(*)::int as n from relations`);

const admin = DEMO_USERS.find((u) => u.username === 'admin');
const [org] = (
  (await db.execute(sql`select id, path, code, name from orgs where id = ${yannan.id}`)) as unknown as {
    rows: { id: string; path: string; code: string; name: string }[];
  }
).rows;
const actor: Actor = {
  id: admin?.id ?? '',
  username: 'admin',
  displayName: 'bench',
  roles: ['admin'],
  orgId: org.id,
  orgPath: org.path,
  orgCode: org.code,
  orgName: org.name,
  sessionId: '',
  csrfToken: '',
};

// The 20 nodes of 盐南's leading chains with the most target-universe candidates below them.
const nodes = (
  (await db.execute(sql`
    with recursive sub(root, id) as (
      select n.id, n.id from chain_nodes n join org_chains oc on oc.chain_id = n.chain_id and oc.org_id = ${org.id}
       where n.depth > 0
      union all select s.root, c.id from sub s join chain_nodes c on c.parent_id = s.id)
    select s.root as id, n.name, count(distinct p.enterprise_id)::int as candidates
      from sub s join chain_placements p on p.node_id = s.id join chain_nodes n on n.id = s.root
     group by s.root, n.name order by candidates desc limit ${NODES}`)) as unknown as {
    rows: { id: string; name: string; candidates: number }[];
  }
).rows;
log(`nodes: ${nodes.map((n) => `${n.name} ${n.candidates}`).join(', ')}`);

const bare = (nodeId: string) =>
  db.execute(sql`
    with recursive sub(id) as (select ${nodeId}::uuid union all select c.id from sub join chain_nodes c on c.parent_id = sub.id)
    select e.id, e.name, max(p.confidence) from chain_placements p join enterprises e on e.id = p.enterprise_id
     where p.node_id in (select id from sub) and p.status <> 'rejected' and e.universe = 'target'
     group by e.id, e.name`);

const rankMs: number[] = [];
const bareMs: number[] = [];
const perNode: { node: string; candidates: number; ranked: number; rankMs: number; bareMs: number }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  for (const n of nodes) {
    let t = performance.now();
    await bare(n.id);
    const b = performance.now() - t;
    t = performance.now();
    const res = await rankTargets(db, actor, n.id, { limit: 50 });
    const ms = performance.now() - t;
    rankMs.push(ms);
    bareMs.push(b);
    if (r === ROUNDS - 1)
      perNode.push({
        node: n.name,
        candidates: n.candidates,
        ranked: res.total,
        rankMs: round(ms, 1),
        bareMs: round(b, 1),
      });
  }
}
// The two-pass ranking must equal scoring every candidate exactly: checked on the two largest nodes.
const { w } = await weightsOf(db, org.id);
const { t: thresholds } = await thresholdsOf(db, org.id);
const verified: { node: string; candidates: number; sameTop50: boolean }[] = [];
for (const n of nodes.slice(0, 2)) {
  const nodeIds = await subtreeNodeIds(db, n.id);
  const { today, since } = factWindow();
  const every = await db.transaction(async (tx) => {
    const all = await estimateCandidates(tx, {
      nodeIds,
      orgIds: [org.id],
      w,
      leaderRevenue: thresholds.leaderRevenue,
      n: 10_000_000,
    });
    const conf = new Map(all.top.map((e) => [e.id, e.conf]));
    const scored: { id: string; name: string; score: number }[] = [];
    for (let i = 0; i < all.top.length; i += 5000) {
      const firms = await loadFirmFacts(tx, {
        ids: all.top.slice(i, i + 5000).map((e) => e.id),
        orgIds: [org.id],
        today,
        since,
        leaderRevenue: thresholds.leaderRevenue,
      });
      for (const f of firms) {
        f.facts.confidence = conf.get(f.id) ?? 0;
        scored.push({ id: f.id, name: f.name, score: scoreTarget(f.facts, w).score });
      }
    }
    const byName = new Intl.Collator('zh').compare;
    return scored.sort((a, b) => b.score - a.score || byName(a.name, b.name)).slice(0, 50);
  });
  const ranked = await rankTargets(db, actor, n.id, { limit: 50 });
  const same =
    JSON.stringify(every.map((x) => [x.id, x.score])) ===
    JSON.stringify(ranked.items.map((x) => [x.enterpriseId, x.score]));
  verified.push({ node: n.name, candidates: n.candidates, sameTop50: same });
  log(`${n.name}: two-pass top 50 ${same ? 'equals' : 'DIFFERS FROM'} exhaustive scoring`);
}

const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const summary = {
  rank: { p50: round(median(rankMs), 1), p95: round(p(rankMs, 0.95), 1) },
  bare: { p50: round(median(bareMs), 1), p95: round(p(bareMs, 0.95), 1) },
};
console.log(
  `\nbench:targeting on ${engine}: ${FIRMS.toLocaleString('en')} firms, ${NODES} nodes × ${ROUNDS} rounds\n`,
);
console.log(
  table(
    ['pass', 'p50 ms', 'p95 ms'],
    [
      ['bare: list the candidates (baseline)', summary.bare.p50, summary.bare.p95],
      ['rankTargets: facts, scores, explanations', summary.rank.p50, summary.rank.p95],
    ],
  ),
);
console.log(
  `\n${table(
    ['node', 'candidates', 'ranked', 'rank ms', 'bare ms'],
    perNode.map((x) => [x.node, x.candidates, x.ranked, x.rankMs, x.bareMs]),
  )}`,
);
const pass = summary.rank.p95 < 1000 && verified.every((v) => v.sameTop50);
// The server's own settings matter on PostgreSQL (the registry is ≈ 4 GB at 1,000,000 firms).
const server =
  engine === 'postgres'
    ? (
        (await db.execute(sql`
          select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
                 current_setting('work_mem') as work_mem, current_setting('jit') as jit,
                 pg_size_pretty(pg_database_size(current_database())) as database_size`)) as unknown as {
          rows: Record<string, string>[];
        }
      ).rows[0]
    : null;
console.log(
  `\n${verified.map((v) => `${v.node} (${v.candidates} candidates): top 50 ${v.sameTop50 ? '=' : '≠'} exhaustive scoring`).join('\n')}`,
);
console.log(`goal p95 < 1,000 ms per node (PostgreSQL): ${pass ? 'pass' : 'FAIL'} on ${engine}`);
console.log(
  `Wrote ${writeResult(`targeting-${engine}.json`, {
    benchmark: 'targeting',
    machine: machine(),
    engine,
    server,
    firms: FIRMS,
    relations: relationCount,
    seedSeconds,
    relationSeconds,
    placeSeconds,
    factorSeconds,
    rounds: ROUNDS,
    summary,
    perNode,
    verified,
    goal: { p95BelowMs: 1000, engine: 'postgres', pass },
  })}`,
);
await database.close();
