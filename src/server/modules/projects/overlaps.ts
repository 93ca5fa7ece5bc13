/** 重复项目协调: firms that are active projects of more than one team in the leader's city, and the
 *  leader's decision — one team keeps it and the others end, or all go on by agreement. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { projectEvents, projects } from '../../../db/schema/index.js';
import type { OverlapResolve } from '../../../shared/pipeline-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { ACTIVE_STAGES, present, summaries } from './list.js';
import { inScope, pInScope } from './scope.js';

/** Firms (by uscc, else by normalised name) with two or more active projects in the actor's scope, at
 *  least one of them not yet cleared by a leader. */
export async function overlapGroups(db: Db, actor: Actor) {
  const res = (await db.execute(sql`
    with active as (
      select p.id, p.overlap_cleared, coalesce(e.uscc, e.name_normalized) as firm_key
        from projects p join enterprises e on e.id = p.enterprise_id
       where ${pInScope(actor)} and p.stage in (${sql.join(
         ACTIVE_STAGES.map((s) => sql`${s}`),
         sql`, `,
       )}, 'paused'))
    select firm_key, array_agg(id::text) as ids from active group by firm_key
    having count(*) > 1 and bool_or(not overlap_cleared)
    order by firm_key limit 200`)) as unknown as { rows: { firm_key: string; ids: string[] }[] };
  const ids = res.rows.flatMap((r) => r.ids);
  if (!ids.length) return { groups: [] };
  const rows = await summaries(db).where(inArray(projects.id, ids));
  const byId = new Map(rows.map((r) => [r.id, present(r)]));
  const firms = await db.execute(sql`
    select p.id::text as project_id, e.uscc from projects p join enterprises e on e.id = p.enterprise_id
     where p.id in (${sql.join(
       ids.map((id) => sql`${id}::uuid`),
       sql`, `,
     )})`);
  const usccOf = new Map(
    (firms as unknown as { rows: { project_id: string; uscc: string | null }[] }).rows.map((r) => [
      r.project_id,
      r.uscc,
    ]),
  );
  return {
    groups: res.rows.map((g) => {
      const ps = g.ids.map((id) => byId.get(id)).filter((p) => p !== undefined);
      return {
        enterpriseId: ps[0].enterpriseId,
        enterpriseName: ps[0].enterpriseName,
        uscc: usccOf.get(ps[0].id) ?? null,
        projects: ps,
      };
    }),
  };
}

export async function resolveOverlap(db: Db, actor: Actor, body: z.infer<typeof OverlapResolve>) {
  const ids = [body.keepProjectId, ...body.otherProjectIds.filter((id) => id !== body.keepProjectId)];
  // Only the kept project itself (others = [keep]) is no overlap to settle.
  if (ids.length < 2) throw new AppError('overlap.not_overlapping');
  const groups = await overlapGroups(db, actor);
  const group = groups.groups.find((g) => g.projects.some((p) => p.id === body.keepProjectId));
  if (!group || !ids.every((id) => group.projects.some((p) => p.id === id)))
    throw new AppError('overlap.not_overlapping');
  const kept = group.projects.find((p) => p.id === body.keepProjectId);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(projects)
      .where(and(inArray(projects.id, ids), inScope(actor)));
    for (const p of rows) {
      const ending = body.action === 'terminate' && p.id !== body.keepProjectId;
      const reason = `与“${kept?.name}”（${kept?.orgName}${kept?.ownerName ? `，${kept.ownerName}` : ''}）重复，经领导协调由其继续跟进${body.note ? `：${body.note}` : ''}`;
      const [after] = await tx
        .update(projects)
        .set(
          ending
            ? { stage: 'terminated', reason, pausedFrom: null, version: p.version + 1, updatedAt: new Date() }
            : { overlapCleared: true, version: p.version + 1, updatedAt: new Date() },
        )
        .where(eq(projects.id, p.id))
        .returning();
      await tx.insert(projectEvents).values({
        projectId: p.id,
        fromStage: p.stage,
        toStage: after.stage,
        note: ending
          ? reason
          : `重复项目协调：${body.action === 'terminate' ? '保留本项目' : '各方协调并行推进'}${body.note ? `，${body.note}` : ''}`,
        byId: actor.id,
        byName: actor.displayName,
      });
      await writeAudit(tx, actor, {
        action: 'update',
        entity: 'project',
        entityId: p.id,
        orgId: p.orgId,
        before: p,
        after,
      });
    }
    return { resolved: rows.length };
  });
}
