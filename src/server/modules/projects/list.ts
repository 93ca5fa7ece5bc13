/** Reading the pipeline: the filtered list (the table and its saved views), the kanban board in one
 *  request, and the funnel. All three share one set of filters so a view means the same everywhere. */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { arrayLiteral } from '../../../db/array-literal.js';
import type { Db, Tx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like.js';
import { enterprises, orgs, projectEvents, projects, users } from '../../../db/schema/index.js';
import { foldQuery, queryGrams } from '../../../domain/enterprise/search-terms.js';
import { PIPELINE, STAGE_NAMES, STAGES, type Stage } from '../../../domain/project/stages.js';
import type { BoardQuery, ProjectFilter } from '../../../shared/pipeline-api.js';
import type { Actor } from '../../access.js';
import { orgIdsUnder } from '../../scope.js';
import { localDate, localToday } from '../project-reports/period.js';
import { pipelineRules } from './settings.js';

export const summaryColumns = {
  id: projects.id,
  name: projects.name,
  enterpriseId: projects.enterpriseId,
  enterpriseName: enterprises.name,
  source: projects.source,
  type: projects.type,
  stage: projects.stage,
  ownerId: projects.ownerId,
  ownerName: users.displayName,
  orgName: orgs.name,
  plannedInvestment: projects.plannedInvestment,
  lastFollowUp: projects.lastFollowUpDate,
  version: projects.version,
  updatedAt: projects.updatedAt,
  createdAt: projects.createdAt,
};

export function summaries(db: Tx) {
  return db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, projects.orgId))
    .leftJoin(users, eq(users.id, projects.ownerId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];
export const present = (r: SummaryRow) => ({
  ...r,
  stageName: STAGE_NAMES[r.stage],
  updatedAt: r.updatedAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

/** Stages a project is still being worked in: not yet producing, not paused or ended. */
export const ACTIVE_STAGES = PIPELINE.filter((s) => s !== 'production');

/** SQL: the project is active and has had no follow-up (or, with none, no creation) for `days` days. */
export const staleSql = (days: number) =>
  sql`(${inArray(projects.stage, ACTIVE_STAGES)} and coalesce(${projects.lastFollowUpDate}, ${localDate(projects.createdAt)}) < ${localToday} - ${days}::int)`;

type Filter = Omit<z.infer<typeof BoardQuery>, 'limit'> & { stage?: Stage };

/** The WHERE of a filter. `q` matches the project's or the firm's name. */
async function conditions(db: Tx, actor: Actor, f: Filter) {
  // The org ids as a list, not a subquery: the planner then knows how many projects are in scope and
  // walks the updated_at index for a page instead of sorting them all.
  const conds: SQL[] = [
    sql`${projects.orgId} = any(${arrayLiteral(await orgIdsUnder(db, actor.orgPath))}::uuid[])`,
  ];
  if (f.stage) conds.push(eq(projects.stage, f.stage));
  if (f.mine) conds.push(eq(projects.ownerId, actor.id));
  if (f.source) conds.push(eq(projects.source, f.source));
  if (f.type) conds.push(eq(projects.type, f.type));
  if (f.ownerId) conds.push(eq(projects.ownerId, f.ownerId));
  if (f.orgId) conds.push(eq(projects.orgId, f.orgId));
  if (f.stale) conds.push(staleSql((await pipelineRules(db, actor)).staleDays));
  if (f.q) conds.push(nameMatches(f.q));
  return and(...conds);
}

/** Counted exactly up to this many; beyond it the list says "10,000+" instead of reading a whole city's
 *  projects to print one number (the count of 100,000 projects alone took 165 ms on PGlite). */
export const COUNT_CAP = 10_000;

/** `q` in the project's name, or in its firm's name — the firm found through the registry's bigram
 *  index first, so a city's projects are not joined to their firms just to filter by name. */
function nameMatches(q: string) {
  const grams = queryGrams(q);
  const folded = foldQuery(q);
  const firm = grams.length
    ? sql`${enterprises.searchGrams} @> ${arrayLiteral(grams)}::text[] and ${enterprises.nameNormalized} like ${containsPattern(folded)}`
    : sql`${enterprises.nameNormalized} like ${containsPattern(folded)}`;
  return sql`(${projects.name} like ${containsPattern(q)} or ${projects.enterpriseId} in (select ${enterprises.id} from ${enterprises} where ${firm}))`;
}

async function countWhere(db: Tx, where: SQL | undefined) {
  const capped = db
    .select({ one: sql`1` })
    .from(projects)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('capped');
  const [{ n }] = await db.select({ n: count() }).from(capped);
  return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

const SORTS = {
  updatedAt: projects.updatedAt,
  plannedInvestment: projects.plannedInvestment,
  lastFollowUp: projects.lastFollowUpDate,
  name: projects.name,
};

export async function listProjects(db: Db, actor: Actor, q: z.infer<typeof ProjectFilter>) {
  const where = await conditions(db, actor, q);
  const column = SORTS[q.sort];
  // Not-null columns sort without "nulls last", so the updated_at and name indexes can give the order.
  const nullable = q.sort === 'plannedInvestment' || q.sort === 'lastFollowUp';
  const order = q.order === 'asc' ? sql`${column} asc` : sql`${column} desc`;
  const rows = await summaries(db)
    .where(where)
    .orderBy(
      nullable ? sql`${order} nulls last` : order,
      q.order === 'asc' ? asc(projects.id) : desc(projects.id),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(present), ...(await countWhere(db, where)) };
}

/** Every project of a filter, for the XLSX export (bounded). */
export async function allProjects(db: Db, actor: Actor, q: z.infer<typeof ProjectFilter>, max: number) {
  const where = await conditions(db, actor, q);
  const rows = await summaries(db).where(where).orderBy(desc(projects.updatedAt)).limit(max);
  return rows.map(present);
}

/** The 看板: each stage's most recently touched projects and its total, in one request. */
export async function board(db: Db, actor: Actor, q: z.infer<typeof BoardQuery>) {
  const { limit, ...filter } = q;
  const where = await conditions(db, actor, filter);
  const totals = await cappedStageCounts(db, where);
  const stages = STAGES.filter((s) => totals.get(s));
  // One statement for every column: each stage's newest cards through a lateral join, so the board
  // costs one round trip however many columns it has.
  const res = stages.length
    ? ((await db.execute(sql`
        select x.* from unnest(${arrayLiteral(stages)}::text[]) as s(stage)
        cross join lateral (
          select ${projects.id} as id, ${projects.name} as name, ${projects.enterpriseId} as enterprise_id,
                 ${enterprises.name} as enterprise_name, ${projects.source} as source, ${projects.type} as type,
                 ${projects.stage} as stage, ${projects.ownerId} as owner_id, ${users.displayName} as owner_name,
                 ${orgs.name} as org_name, ${projects.plannedInvestment}::float8 as planned_investment,
                 ${projects.lastFollowUpDate}::text as last_follow_up, ${projects.version} as version,
                 ${projects.updatedAt} as updated_at, ${projects.createdAt} as created_at
            from ${projects}
            join ${enterprises} on ${enterprises.id} = ${projects.enterpriseId}
            join ${orgs} on ${orgs.id} = ${projects.orgId}
            left join ${users} on ${users.id} = ${projects.ownerId}
           where ${projects.stage} = s.stage and ${where}
           order by ${projects.updatedAt} desc, ${projects.id}
           limit ${limit}) x`)) as unknown as { rows: BoardRow[] })
    : { rows: [] };
  const byStage = new Map<Stage, ReturnType<typeof present>[]>();
  for (const r of res.rows) byStage.set(r.stage, [...(byStage.get(r.stage) ?? []), presentBoardRow(r)]);
  return {
    columns: STAGES.map((stage) => ({
      stage,
      stageName: STAGE_NAMES[stage],
      total: Math.min(totals.get(stage) ?? 0, BOARD_COUNT_CAP),
      totalCapped: (totals.get(stage) ?? 0) > BOARD_COUNT_CAP,
      items: byStage.get(stage) ?? [],
    })),
  };
}

type BoardRow = {
  id: string;
  name: string;
  enterprise_id: string;
  enterprise_name: string;
  source: string;
  type: string;
  stage: Stage;
  owner_id: string | null;
  owner_name: string | null;
  org_name: string;
  planned_investment: number | null;
  last_follow_up: string | null;
  version: number;
  updated_at: Date | string;
  created_at: Date | string;
};

const presentBoardRow = (r: BoardRow) =>
  present({
    id: r.id,
    name: r.name,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    source: r.source,
    type: r.type,
    stage: r.stage,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    orgName: r.org_name,
    plannedInvestment: r.planned_investment === null ? null : Number(r.planned_investment),
    lastFollowUp: r.last_follow_up,
    version: r.version,
    updatedAt: new Date(r.updated_at),
    createdAt: new Date(r.created_at),
  });

/** A column counts its projects up to this many and then says "1000+": a board of a whole city would
 *  otherwise read every project to print nine numbers. The funnel counts exactly. */
export const BOARD_COUNT_CAP = 1000;

async function cappedStageCounts(db: Tx, where: SQL | undefined) {
  const res = (await db.execute(sql`
    select s.stage, (select count(*) from (select 1 from ${projects} where ${projects.stage} = s.stage and ${where}
                                            limit ${BOARD_COUNT_CAP + 1}) x)::int as n
      from unnest(${arrayLiteral(STAGES)}::text[]) as s(stage)`)) as unknown as {
    rows: { stage: Stage; n: number }[];
  };
  return new Map(res.rows.map((r) => [r.stage, r.n]));
}

/** The pipeline stage a terminated project last stood at, from its history: where it dropped out.
 *  projects.id is spelled out: drizzle leaves a one-table query's columns unqualified, and a bare "id"
 *  inside the subquery would be the event's own id. */
const stageBeforeEnd = sql<string | null>`case when ${projects.stage} = 'terminated' then (
  select e.to_stage from ${projectEvents} e
   where e.project_id = ${projects}.id and e.to_stage = any(${arrayLiteral([...PIPELINE])}::text[])
   order by e.at desc limit 1) end`;

async function stageCounts(db: Tx, where: SQL | undefined) {
  const each = db
    .select({ stage: projects.stage, paused: projects.pausedFrom, ended: stageBeforeEnd.as('ended') })
    .from(projects)
    .where(where)
    .as('each');
  const rows = await db
    .select({ stage: each.stage, paused: each.paused, ended: each.ended, n: count() })
    .from(each)
    .groupBy(each.stage, each.paused, each.ended);
  const totals = new Map<Stage, number>();
  for (const r of rows) totals.set(r.stage, (totals.get(r.stage) ?? 0) + r.n);
  return Object.assign(totals, { rows });
}

/** The funnel: how many projects are at each stage now, and how many have reached it (are at it or
 *  beyond). A paused project counts up to the stage it was paused from and a terminated one up to the
 *  stage it dropped out at, so the rates show where projects are lost. */
export async function funnel(db: Db, actor: Actor, q: Filter) {
  const where = await conditions(db, actor, q);
  const totals = await stageCounts(db, where);
  const reachedFrom = (stage: Stage) => {
    const at = PIPELINE.indexOf(stage as (typeof PIPELINE)[number]);
    let n = 0;
    for (const r of totals.rows) {
      const where = r.stage === 'paused' ? r.paused : r.stage === 'terminated' ? r.ended : r.stage;
      const i = PIPELINE.indexOf(where as (typeof PIPELINE)[number]);
      if (i >= at && i >= 0) n += r.n;
    }
    return n;
  };
  return {
    stages: STAGES.map((stage) => ({
      stage,
      stageName: STAGE_NAMES[stage],
      count: totals.get(stage) ?? 0,
      reached: PIPELINE.includes(stage as (typeof PIPELINE)[number])
        ? reachedFrom(stage)
        : (totals.get(stage) ?? 0),
    })),
  };
}
