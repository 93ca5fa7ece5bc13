/** npm run bench:search — 1,000 queries (full names, short names, fragments, typos, pinyin initials)
 *  over BENCH_SEARCH_FIRMS generated firms (default 1,000,000) through the real search service, beside a
 *  plain `ILIKE '%q%'` in the same run. Reports p50/p95 latency and recall@10 against each query's known
 *  target. The seeded database is kept in BENCH_SEARCH_DATA_DIR (default: a folder under the OS temp
 *  directory) so a second run skips the long seed. */
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { afterBulkWrite } from '../src/db/maintenance.js';
import { migrate } from '../src/db/migrate.js';
import { enterprises } from '../src/db/schema/index.js';
import { ROOT_ORG } from '../src/db/seed/demo-data.js';
import { seedEnterprises } from '../src/db/seed/enterprises/seed-enterprises.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { pinyinInitials } from '../src/domain/enterprise/search-terms.js';
import { normalizeCompanyName } from '../src/domain/text/company-name.js';
import type { Actor } from '../src/server/access.js';
import { listEnterprises } from '../src/server/modules/enterprises/service.js';
import { envInt, machine, median, round, table, writeResult } from './lib.js';

const FIRMS = envInt('BENCH_SEARCH_FIRMS', 1_000_000);
const QUERIES = envInt('BENCH_SEARCH_QUERIES', 1000);
const dataDir = process.env.BENCH_SEARCH_DATA_DIR || path.join(os.tmpdir(), `kezhao-bench-search-${FIRMS}`);
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

const fresh = !existsSync(path.join(dataDir, 'pgdata'));
mkdirSync(dataDir, { recursive: true });
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
await migrate(database);
const { db } = database;
const counted = (await db.execute(sql`select count(*)::int as n from enterprises`)) as unknown as {
  rows: { n: number }[];
};
const have = counted.rows[0].n;
if (fresh || have < FIRMS) {
  await seedDemo(db);
  const t0 = Date.now();
  let last = 0;
  await seedEnterprises(db, {
    count: FIRMS,
    onProgress: ({ done, total }) => {
      if (done - last >= 50_000 || done === total) {
        last = done;
        process.stderr.write(
          `seeding ${done} / ${total} firms (${Math.round((Date.now() - t0) / 1000)} s)\n`,
        );
      }
    },
  });
}
await afterBulkWrite(db);

// A deterministic sample of targets, one query of each kind in turn.
const sample = await db
  .select({
    id: enterprises.id,
    name: enterprises.name,
    core: enterprises.nameCore,
    aliases: enterprises.aliases,
  })
  .from(enterprises)
  .where(sql`${enterprises.mergedInto} is null`)
  .orderBy(sql`md5(${enterprises.id}::text)`)
  .limit(QUERIES);

type Kind = 'full' | 'short' | 'fragment' | 'typo' | 'pinyin';
const KINDS: Kind[] = ['full', 'short', 'fragment', 'typo', 'pinyin'];
const TYPO_SWAP: Record<string, string> = {
  慧: '惠',
  科: '料',
  技: '枝',
  新: '欣',
  能: '龙',
  源: '元',
  华: '化',
  电: '店',
  智: '志',
  达: '大',
};

function queryFor(kind: Kind, f: (typeof sample)[number]): string {
  const short = f.aliases.find((a) => a.kind === 'short')?.name ?? f.core.slice(0, 4);
  switch (kind) {
    case 'full':
      return f.name;
    case 'short':
      return short;
    case 'fragment':
      return f.core.length > 5 ? f.core.slice(1, 5) : f.core;
    case 'typo': {
      const chars = [...f.core];
      const i = chars.findIndex((c) => TYPO_SWAP[c]);
      const at = i >= 0 ? i : Math.min(2, chars.length - 1);
      chars[at] = TYPO_SWAP[chars[at]] ?? '甲';
      return chars.join('');
    }
    case 'pinyin':
      return pinyinInitials(normalizeCompanyName(short).core || short);
  }
}

const actor: Actor = {
  id: '00000000-0000-4000-8000-000000000100',
  username: 'bench',
  displayName: 'bench',
  roles: ['admin'],
  orgId: ROOT_ORG.id,
  orgPath: `/${ROOT_ORG.id}/`,
  orgCode: ROOT_ORG.code,
  orgName: ROOT_ORG.name,
  sessionId: 'bench',
  csrfToken: 'bench',
};

type Result = { kind: Kind; ms: number; hit: boolean; baseMs?: number; baseHit?: boolean };
// A sequential scan of a million names takes seconds, so the ILIKE baseline runs on every Nth query
// only (all of them up to 100,000 firms); its columns say over how many queries.
const BASELINE_EVERY = envInt('BENCH_SEARCH_BASELINE_EVERY', Math.max(1, Math.ceil(FIRMS / 100_000)));
const results: Result[] = [];
for (const [i, f] of sample.entries()) {
  const kind = KINDS[i % KINDS.length];
  const q = queryFor(kind, f);
  let t = performance.now();
  const found = await listEnterprises(db, actor, {
    q,
    page: 1,
    pageSize: 10,
    sort: 'relevance',
    order: 'desc',
  });
  const ms = performance.now() - t;
  const hit = found.items.some((e) => e.id === f.id);
  if ((i + 1) % 100 === 0) process.stderr.write(`queries ${i + 1} / ${sample.length}\n`);
  // Whole rounds of the five kinds, so that each kind has its baseline.
  if (Math.floor(i / KINDS.length) % BASELINE_EVERY !== 0) {
    results.push({ kind, ms, hit });
    continue;
  }
  t = performance.now();
  const base = (await db.execute(
    sql`select id from enterprises where name ilike ${`%${q}%`} limit 10`,
  )) as unknown as { rows: { id: string }[] };
  const baseMs = performance.now() - t;
  results.push({ kind, ms, hit, baseMs, baseHit: base.rows.some((r) => r.id === f.id) });
}

const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const rows = [...KINDS, 'all' as const].map((kind) => {
  const rs = results.filter((r) => kind === 'all' || r.kind === kind);
  const bs = rs.filter((r) => r.baseMs !== undefined);
  return {
    kind,
    queries: rs.length,
    p50: round(median(rs.map((r) => r.ms))),
    p95: round(
      p(
        rs.map((r) => r.ms),
        0.95,
      ),
    ),
    recall: round(rs.filter((r) => r.hit).length / rs.length, 3),
    baseQueries: bs.length,
    baseP50: round(median(bs.map((r) => r.baseMs as number))),
    baseP95: round(
      p(
        bs.map((r) => r.baseMs as number),
        0.95,
      ),
    ),
    baseRecall: round(bs.filter((r) => r.baseHit).length / bs.length, 3),
  };
});
const all = rows[rows.length - 1];
const goalMs = engine === 'pglite' ? 50 : 20;
console.log(`\nbench:search on ${engine}, ${have > FIRMS ? have : FIRMS} firms, ${results.length} queries\n`);
console.log(
  table(
    [
      'query kind',
      'n',
      'p50 ms',
      'p95 ms',
      'recall@10',
      'ILIKE n',
      'ILIKE p50',
      'ILIKE p95',
      'ILIKE recall@10',
    ],
    rows.map((r) => [
      r.kind,
      r.queries,
      r.p50,
      r.p95,
      r.recall,
      r.baseQueries,
      r.baseP50,
      r.baseP95,
      r.baseRecall,
    ]),
  ),
);
const goals = { p95Ms: goalMs, p95Pass: all.p95 < goalMs, recallAt10: 0.95, recallPass: all.recall >= 0.95 };
console.log(
  `\ngoal p95 < ${goalMs} ms: ${goals.p95Pass ? 'pass' : 'FAIL'}; goal recall@10 ≥ 0.95: ${goals.recallPass ? 'pass' : 'FAIL'}`,
);
console.log(
  `Wrote ${writeResult(`search-${engine}.json`, { date: new Date().toISOString(), machine: machine(), engine, firms: FIRMS, queries: results.length, rows, goals })}`,
);
await database.close();
