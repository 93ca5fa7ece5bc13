/** npm run bench:pipeline — the 招商项目 pipeline at a city's scale: BENCH_PIPELINE_PROJECTS projects
 *  (default 100,000) with BENCH_PIPELINE_FOLLOW_UPS_PER_PROJECT follow-ups each (10 → 1,000,000) and
 *  their stage history, spread over 盐城市's orgs and 40 officers, generated in SQL. Then, through the
 *  real services (the same functions the routes call):
 *    - the filtered list (page 1 of 20, rotating filters: none, stage, source+type, stale, owner);
 *    - the kanban board (every column's 50 newest cards and totals);
 *    - the 季度考核 of the whole city (by owner and by team).
 *  Each beside a plain SQL query in the same run: the page of 20 newest projects of the city, a count
 *  by stage, a count by owner. Goals (issue #5): list and board p95 < 100 ms on PGlite; the city's
 *  quarterly assessment < 2 s. With DATABASE_URL it runs on that PostgreSQL server instead. */
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { DEMO_ORGS, DEMO_USERS } from '../src/db/seed/demo-data.js';
import { seedEnterprises } from '../src/db/seed/enterprises/seed-enterprises.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { PROJECT_SOURCES, PROJECT_TYPES } from '../src/domain/project/catalog.js';
import type { Actor } from '../src/server/access.js';
import { quarterlyAssessment } from '../src/server/modules/project-reports/assessment.js';
import { board, listProjects } from '../src/server/modules/projects/list.js';
import { envInt, machine, median, round, table, writeResult } from './lib.js';

const PROJECTS = envInt('BENCH_PIPELINE_PROJECTS', 100_000);
const PER_PROJECT = envInt('BENCH_PIPELINE_FOLLOW_UPS_PER_PROJECT', 10);
const LIST_RUNS = envInt('BENCH_PIPELINE_LIST_RUNS', 200);
const BOARD_RUNS = envInt('BENCH_PIPELINE_BOARD_RUNS', 60);
const ASSESS_RUNS = envInt('BENCH_PIPELINE_ASSESSMENT_RUNS', 10);
const OFFICERS = 40;
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const dataDir =
  process.env.BENCH_PIPELINE_DATA_DIR || path.join(os.tmpdir(), `kezhao-bench-pipeline-${PROJECTS}`);
const log = (m: string) => process.stderr.write(`[bench:pipeline] ${m}\n`);

mkdirSync(dataDir, { recursive: true });
const fresh = !existsSync(path.join(dataDir, 'pgdata'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
await migrate(database);
const { db } = database;
const rows = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(q))[0].n;

const city = DEMO_ORGS.find((o) => o.code === 'yancheng');
if (!city) throw new Error('demo org yancheng missing');
const arr = (xs: readonly string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);

let seedSeconds: number | null = null;
if (fresh || (await count(sql`select count(*)::int as n from projects`)) < PROJECTS) {
  const t0 = performance.now();
  await seedDemo(db);
  await db.execute(sql`truncate projects cascade`);
  log('seeding 10,000 firms');
  await seedEnterprises(db, { count: 5_000, targetCount: 5_000 });
  const orgIds = (
    await rows<{ id: string }>(sql`select id from orgs where path like ${`%/${city.id}/%`}`)
  ).map((r) => r.id);
  log(`officers and ${PROJECTS} projects over ${orgIds.length} orgs`);
  await db.execute(sql`
    insert into users (username, display_name, password_hash, roles, org_id)
    select 'bench_officer_' || i, '专员' || i, 'x', array['officer'], (${sql.raw(`array[${orgIds.map((id) => `'${id}'::uuid`).join(',')}]`)})[1 + i % ${orgIds.length}]
      from generate_series(1, ${OFFICERS}) i
    on conflict (username) do nothing`);
  // Stages weighted like a real pipeline: many leads, few in production.
  await db.execute(sql`
    with firms as (select array_agg(id) as ids from enterprises),
         officers as (select array_agg(id order by username) as ids, array_agg(org_id order by username) as orgs
                        from users where username like 'bench_officer_%')
    insert into projects (org_id, name, enterprise_id, source, type, stage, paused_from, owner_id, planned_investment,
                          arrived_investment, talents, scientist_teams, created_at, updated_at, contact_person)
    select o.orgs[1 + i % ${OFFICERS}], '基准项目' || i, f.ids[1 + (i * 7919) % array_length(f.ids, 1)],
           (${arr(PROJECT_SOURCES)})[1 + i % ${PROJECT_SOURCES.length}],
           (${arr(PROJECT_TYPES)})[1 + (i / 3) % ${PROJECT_TYPES.length}],
           s.stage, case when s.stage = 'paused' then 'visit' end,
           o.ids[1 + i % ${OFFICERS}], (1 + i % 50) * 1e7, case when s.stage in ('landing','production') then (i % 20) * 1e7 end,
           i % 7, i % 3, c.at, c.at + (random() * interval '60 days'), '联系人'
      from generate_series(1, ${PROJECTS}) i, firms f, officers o,
           lateral (select now() - (random() * interval '730 days') as at) c,
           lateral (select case when r < 0.40 then 'lead' when r < 0.60 then 'contact' when r < 0.72 then 'visit'
                                when r < 0.80 then 'evaluation' when r < 0.87 then 'signing' when r < 0.92 then 'landing'
                                when r < 0.95 then 'production' when r < 0.975 then 'paused' else 'terminated' end as stage
                      from (select random() + i * 0 as r) x) s`);
  log('stage history');
  await db.execute(sql`
    insert into project_events (project_id, from_stage, to_stage, by_name, at)
    select p.id, case when k = 1 then null else st[k - 1] end, st[k], '基准', p.created_at + (k - 1) * interval '9 days'
      from projects p, lateral (select array['lead','contact','visit','evaluation','signing','landing','production'] as st) a,
           lateral generate_series(1, greatest(1, array_position(st, coalesce(p.paused_from, case when p.stage = 'terminated' then 'contact' else p.stage end)))) k`);
  log(`${PROJECTS * PER_PROJECT} follow-ups`);
  const batch = 10;
  for (let b = 0; b < batch; b++) {
    await db.execute(sql`
      insert into follow_ups (project_id, kind, date, content, outcome, next_step, next_date, created_by_name)
      select p.id, (array['call','visit','inspection','meeting','event'])[1 + j % 5],
             (p.created_at + j * interval '20 days')::date, '第' || j || '次跟进：沟通项目进展', '推进中', '继续对接',
             (p.created_at + (j + 1) * interval '20 days')::date, '基准'
        from (select id, created_at from projects order by id offset ${Math.floor((b * PROJECTS) / batch)} limit ${Math.ceil(PROJECTS / batch)}) p,
             generate_series(1, ${PER_PROJECT}) j`);
    log(`follow-ups batch ${b + 1} / ${batch}`);
  }
  await db.execute(sql`
    update projects p set last_follow_up_date = f.last, next_follow_up_date = f.next
      from (select project_id, max(date) as last, max(next_date) as next from follow_ups group by project_id) f
     where f.project_id = p.id`);
  seedSeconds = round((performance.now() - t0) / 1000, 1);
  log(`seeded in ${seedSeconds} s`);
}

// PGlite runs no autovacuum: without a VACUUM the visibility map stays empty and counts cannot use
// index-only scans. A server's autovacuum would have done this by now.
for (const t of ['projects', 'project_events', 'follow_ups', 'users', 'orgs'])
  await db.execute(sql.raw(`vacuum analyze ${t}`));

const [cityOrg] = await rows<{ id: string; path: string; code: string; name: string }>(
  sql`select id, path, code, name from orgs where id = ${city.id}`,
);
const leader = DEMO_USERS.find((u) => u.username === 'leader');
const cityActor: Actor = {
  id: leader?.id ?? '',
  username: 'leader',
  displayName: 'bench',
  roles: ['leader'],
  orgId: cityOrg.id,
  orgPath: cityOrg.path,
  orgCode: cityOrg.code,
  orgName: cityOrg.name,
  sessionId: '',
  csrfToken: '',
};
const officers = await rows<{ id: string }>(sql`select id from users where username like 'bench_officer_%'`);
const counts = (
  await rows<{ p: number; f: number; e: number }>(sql`
  select (select count(*) from projects)::int as p, (select count(*) from follow_ups)::int as f,
         (select count(*) from project_events)::int as e`)
)[0];
log(`${counts.p} projects, ${counts.f} follow-ups, ${counts.e} stage events`);

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
async function time(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Runs the service and its baseline alternately, so a noisy stretch hits both. */
async function measure(
  name: string,
  runs: number,
  service: (i: number) => Promise<unknown>,
  baseline: () => Promise<unknown>,
) {
  await service(0);
  await baseline();
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    s.push(await time(() => service(i)));
    b.push(await time(baseline));
  }
  log(`${name}: p50 ${round(median(s))} ms, p95 ${round(pct(s, 0.95))} ms`);
  return {
    name,
    runs,
    p50: round(median(s)),
    p95: round(pct(s, 0.95)),
    baselineP50: round(median(b)),
    baselineP95: round(pct(b, 0.95)),
    ratioP50: round(median(s) / median(b), 1),
  };
}

const cityOrgIds = sql`(select id from orgs where path like ${`${cityOrg.path}%`})`;
const filters: [string, Record<string, unknown>][] = [
  ['none', {}],
  ['stage', { stage: 'contact' }],
  ['source+type', { source: '基金', type: '行业龙头' }],
  ['stale', { stale: true }],
  ['owner', { ownerId: officers[3]?.id }],
  ['name', { q: '基准项目123' }],
];
const quarter = (() => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
})();

const results = [
  ...(await Promise.resolve().then(async () => {
    const out = [];
    for (const [label, f] of filters)
      out.push(
        await measure(
          `list, filter ${label}`,
          Math.max(5, Math.round(LIST_RUNS / filters.length)),
          () =>
            listProjects(db, cityActor, { page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc', ...f }),
          () =>
            db.execute(
              sql`select id, name, stage, updated_at from projects where org_id in ${cityOrgIds} order by updated_at desc limit 20`,
            ),
        ),
      );
    return out;
  })),
  await measure(
    'board (9 columns × 50 cards + totals)',
    BOARD_RUNS,
    () => board(db, cityActor, { limit: 50 }),
    () => db.execute(sql`select stage, count(*) from projects where org_id in ${cityOrgIds} group by stage`),
  ),
  await measure(
    `季度考核 ${quarter} by owner (city)`,
    ASSESS_RUNS,
    () => quarterlyAssessment(db, cityActor, { quarter, by: 'owner' }),
    () =>
      db.execute(
        sql`select owner_id, count(*) from projects where org_id in ${cityOrgIds} group by owner_id`,
      ),
  ),
  await measure(
    `季度考核 ${quarter} by team (city)`,
    ASSESS_RUNS,
    () => quarterlyAssessment(db, cityActor, { quarter, by: 'team' }),
    () =>
      db.execute(sql`select org_id, count(*) from projects where org_id in ${cityOrgIds} group by org_id`),
  ),
];

const goals: Record<string, number> = { list: 100, board: 100, 季度考核: 2000 };
const goalOf = (name: string) => goals[Object.keys(goals).find((k) => name.startsWith(k)) ?? ''] ?? null;
console.log(
  `\nbench:pipeline on ${engine}: ${counts.p} projects, ${counts.f} follow-ups, ${counts.e} stage events\n`,
);
console.log(
  table(
    ['measure', 'runs', 'p50 ms', 'p95 ms', 'plain SQL p50', 'plain SQL p95', 'p50 ÷ SQL', 'goal p95 ms'],
    results.map((r) => [
      r.name,
      r.runs,
      r.p50,
      r.p95,
      r.baselineP50,
      r.baselineP95,
      `${r.ratioP50}×`,
      engine === 'pglite' || r.name.startsWith('季度考核') ? (goalOf(r.name) ?? '—') : '—',
    ]),
  ),
);
const file = writeResult(`pipeline-${engine}.json`, {
  benchmark: 'pipeline',
  engine,
  machine: machine(),
  projects: counts.p,
  followUps: counts.f,
  stageEvents: counts.e,
  seedSeconds,
  results: results.map((r) => ({ ...r, goalP95Ms: goalOf(r.name) })),
});
console.log(`\nresult: ${file}`);
await database.close();
