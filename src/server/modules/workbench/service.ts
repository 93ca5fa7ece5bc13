/** 工作台: counts of what waits for the signed-in user, each the same rule as the page it opens —
 *  我的工作 (due and stale follow-ups), 我的评审, 我的推送 (firms still to tell of a policy), the 待核 firms
 *  and the 资质即将到期 filter of 企业查询.
 *  Each count reads at most WORKBENCH_CAP + 1 rows, so the home page stays fast on a province's data. */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { enterprises, orgs, policyPushes, projects } from '../../../db/schema/index.js';
import type { Role } from '../../../shared/roles.js';
import { WORKBENCH_CAP, type WorkbenchItemKey } from '../../../shared/workbench-api.js';
import type { Actor } from '../../access.js';
import { withinScope } from '../../scope.js';
import { expiringWhere } from '../enterprises/query.js';
import { pushWhere } from '../policies/pushes.js';
import { dueWhere, staleWhere } from '../projects/my-work.js';
import { pipelineRules } from '../projects/settings.js';

type Item = { key: WorkbenchItemKey; count: number; capped: boolean };

/** Who sees each item: the roles of the page it opens (web/src/layout/paths.ts). */
const ITEM_ROLES: Record<WorkbenchItemKey, readonly Role[]> = {
  // Projects are owned by officers and leaders (admins who create one own it too); analysts read them.
  followUpsDue: ['admin', 'leader', 'officer'],
  staleProjects: ['admin', 'leader', 'officer'],
  reviewsToDo: ['expert'],
  pushesToTell: ['admin', 'leader', 'officer', 'analyst'],
  firmsToReview: ['admin', 'officer'],
  expiringQualifications: ['admin', 'leader', 'officer', 'analyst'],
};

async function capped(db: Db, query: SQL): Promise<{ count: number; capped: boolean }> {
  const res = (await db.execute(
    sql`select count(*)::int as n from (${query} limit ${WORKBENCH_CAP + 1}) x`,
  )) as unknown as { rows: { n: number }[] };
  const n = Number(res.rows[0].n);
  return { count: Math.min(n, WORKBENCH_CAP), capped: n > WORKBENCH_CAP };
}

const firmsInScope = (actor: Actor) =>
  sql`${enterprises.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)}) and ${enterprises.mergedInto} is null`;

const counters: Record<WorkbenchItemKey, (db: Db, actor: Actor) => Promise<SQL>> = {
  followUpsDue: async (_db, actor) => sql`select 1 from ${projects} where ${dueWhere(actor)}`,
  staleProjects: async (db, actor) => {
    const { staleDays } = await pipelineRules(db, actor);
    return sql`select 1 from ${projects} where ${staleWhere(actor, staleDays)}`;
  },
  reviewsToDo: async (_db, actor) => sql`
    select 1 from expert_reviews r join experts x on x.id = r.expert_id
      join evaluations ev on ev.id = r.evaluation_id join ${projects} p on p.id = ev.project_id
     where x.user_id = ${actor.id} and r.submitted_at is null and not r.conflicted
       and p.org_id in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})
       and not exists (select 1 from evaluation_decisions d where d.evaluation_id = r.evaluation_id)`,
  pushesToTell: async (_db, actor) =>
    sql`select 1 from ${policyPushes} where ${pushWhere(actor, { mine: true, status: 'pending' })}`,
  firmsToReview: async (_db, actor) =>
    sql`select 1 from ${enterprises} where ${firmsInScope(actor)} and ${enterprises.reviewReason} is not null`,
  expiringQualifications: async (_db, actor) =>
    // Local firms only: an office reminds its own firms to re-apply, not the 外地目标 it courts.
    sql`select 1 from ${enterprises} where ${firmsInScope(actor)} and ${enterprises.universe} = 'local' and ${expiringWhere()}`,
};

/** The items the actor's roles may open, in a fixed order. */
export async function workbench(db: Db, actor: Actor): Promise<{ items: Item[] }> {
  const items: Item[] = [];
  for (const [key, roles] of Object.entries(ITEM_ROLES) as [WorkbenchItemKey, readonly Role[]][]) {
    if (!roles.some((r) => actor.roles.includes(r))) continue;
    items.push({ key, ...(await capped(db, await counters[key](db, actor))) });
  }
  return { items };
}
