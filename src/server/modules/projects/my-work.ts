/** 我的工作: an officer's own active projects whose next follow-up is due (reached or within the coming
 *  week), and those gone stale (no follow-up for the org's stale days). */
import { and, asc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { enterprises, orgs, projects, users } from '../../../db/schema/index.js';
import type { Actor } from '../../access.js';
import { localDate, localToday } from '../project-reports/period.js';
import { ACTIVE_STAGES, present, staleSql, summaryColumns } from './list.js';
import { inScope } from './scope.js';
import { pipelineRules } from './settings.js';

const DUE_WITHIN_DAYS = 7;
const MAX_ROWS = 200;
const lastTouched = sql`coalesce(${projects.lastFollowUpDate}, ${localDate(projects.createdAt)})`;

function workItems(db: Db, where: SQL | undefined, order: SQL) {
  return db
    .select({
      ...summaryColumns,
      nextFollowUpDate: projects.nextFollowUpDate,
      idleDays: sql<number>`(${localToday} - ${lastTouched})::int`,
    })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, projects.orgId))
    .leftJoin(users, eq(users.id, projects.ownerId))
    .where(where)
    .orderBy(order)
    .limit(MAX_ROWS)
    .then((rows) =>
      rows.map(({ nextFollowUpDate, idleDays, ...r }) => ({
        ...present(r),
        nextFollowUpDate,
        idleDays: Number(idleDays),
      })),
    );
}

const mine = (actor: Actor) =>
  and(inScope(actor), eq(projects.ownerId, actor.id), inArray(projects.stage, ACTIVE_STAGES));

/** SQL: the actor's active projects whose next follow-up is reached or within the coming week. */
export const dueWhere = (actor: Actor) =>
  and(mine(actor), lte(projects.nextFollowUpDate, sql`${localToday} + ${DUE_WITHIN_DAYS}::int`));

/** SQL: the actor's active projects without a follow-up for the org's stale days. */
export const staleWhere = (actor: Actor, staleDays: number) => and(mine(actor), staleSql(staleDays));

export async function myWork(db: Db, actor: Actor) {
  const { staleDays } = await pipelineRules(db, actor);
  const due = await workItems(db, dueWhere(actor), asc(projects.nextFollowUpDate));
  const stale = await workItems(db, staleWhere(actor, staleDays), asc(lastTouched));
  const res = (await db.execute(sql`select ${localToday}::text as today`)) as unknown as {
    rows: { today: string }[];
  };
  return { staleDays, today: res.rows[0].today, due, stale };
}
