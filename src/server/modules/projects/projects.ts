/** 招商项目: create (warning when the firm is already an active project in the city), list, read with its
 *  history and follow-ups, move through the stages (checked by domain/project/stages), follow up, and
 *  turn a 靶向招商 target into a lead. Every change is audited; edits are optimistically locked. */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { enterprises, followUps, projectEvents, projects } from '../../../db/schema/index.js';
import { checkMove, factsUndoneBy, STAGE_NAMES, type Stage } from '../../../domain/project/stages.js';
import type { ProjectUpdate } from '../../../shared/pipeline-api.js';
import type {
  FollowUpCreate,
  LeadFromTarget,
  ProjectCreate,
  ProjectMove,
} from '../../../shared/project-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { checkAssignee } from '../../assignee.js';
import { writeAudit } from '../../audit.js';
import { targetAsLead } from '../chains/targets.js';
import { projectDetail } from './detail.js';
import { checkChainNodes, cityPath, firmInScope, scopedProject } from './scope.js';
import { checkSource } from './settings.js';

export { projectDetail };

/** Active projects anywhere in the city on the same firm (same uscc or name). */
async function duplicatesOf(db: Tx, actor: Actor, enterpriseId: string) {
  const city = await cityPath(db, actor);
  const res = (await db.execute(sql`
    select p.id, p.name, p.stage, o.name as org_name, u.display_name as owner_name
      from projects p join enterprises e on e.id = p.enterprise_id join orgs o on o.id = p.org_id
      left join users u on u.id = p.owner_id, enterprises t
     where t.id = ${enterpriseId} and o.path like ${`${city}%`}
       and p.stage not in ('terminated', 'production')
       and (e.id = t.id or (t.uscc is not null and e.uscc = t.uscc) or e.name_normalized = t.name_normalized)`)) as unknown as {
    rows: { id: string; name: string; stage: Stage; org_name: string; owner_name: string | null }[];
  };
  return res.rows.map((r) => ({
    projectId: r.id,
    name: r.name,
    stage: STAGE_NAMES[r.stage],
    org: r.org_name,
    owner: r.owner_name,
  }));
}

export async function createProject(
  db: Db,
  actor: Actor,
  body: z.infer<typeof ProjectCreate>,
  origin: unknown = null,
) {
  return db.transaction(async (tx) => {
    await firmInScope(tx, actor, body.enterpriseId);
    await checkSource(tx, actor, body.source);
    await checkChainNodes(tx, actor, body.chainNodeIds);
    const dups = await duplicatesOf(tx, actor, body.enterpriseId);
    if (dups.length && !body.acknowledgeDuplicates)
      throw new AppError('project.duplicate', { duplicates: dups });
    const { acknowledgeDuplicates: _, ...values } = body;
    const [row] = await tx
      .insert(projects)
      .values({ ...values, orgId: actor.orgId, ownerId: actor.id, createdBy: actor.id, origin })
      .returning();
    await tx.insert(projectEvents).values({
      projectId: row.id,
      toStage: 'lead',
      byId: actor.id,
      byName: actor.displayName,
      note: dups.length ? `已知同市在谈项目：${dups.map((d) => d.org).join('、')}` : null,
    });
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'project',
      entityId: row.id,
      orgId: actor.orgId,
      after: row,
    });
    return { ...(await projectDetail(tx, actor, row.id)), duplicates: dups };
  });
}

/** Move a project to another stage: refused with 409 and the Chinese reason when the move does not
 *  exist or the stage lacks what it needs; the facts given with the move are saved with it. */
export async function moveProject(db: Db, actor: Actor, id: string, body: z.infer<typeof ProjectMove>) {
  return db.transaction(async (tx) => {
    const p = await scopedProject(tx, actor, id);
    if (p.version !== body.version) throw await staleError(tx, actor, id);
    const { version, to, note, ...given } = body;
    if (given.localEnterpriseId) {
      // 落地 means a firm registered here: a 外地目标 record is the investor, not the landing.
      const firm = await firmInScope(tx, actor, given.localEnterpriseId);
      if (firm.universe !== 'local')
        throw new AppError('project.landing_not_local', {
          message: firm.name,
          messageEn: firm.name,
          field: 'localEnterpriseId',
        });
    }
    const facts = { ...p, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
    const check = checkMove(p.stage, to, facts, { pausedFrom: p.pausedFrom });
    if (!check.ok)
      throw new AppError('project.bad_move', {
        message: check.message,
        messageEn: check.messageEn,
        missing: check.missing,
      });
    if (to === 'signing') await evaluationAllowsSigning(tx, id);
    // Going back (落地 → 签约, a correction) undoes the later stages' facts: cleared on the project, their
    // values written into the move's note (and the audit's before), so the drawer does not show a
    // landing that no longer stands and nothing is lost.
    const undone = await undoneFacts(tx, p, to);
    const [row] = await tx
      .update(projects)
      .set({
        ...given,
        ...undone.cleared,
        stage: to,
        pausedFrom: to === 'paused' ? (p.stage as typeof p.pausedFrom) : null,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning();
    if (!row) throw await staleError(tx, actor, id);
    await tx.insert(projectEvents).values({
      projectId: id,
      fromStage: p.stage,
      toStage: to,
      note:
        [note ?? (to === 'paused' || to === 'terminated' ? given.reason : undefined), undone.text]
          .filter(Boolean)
          .join('；') || null,
      byId: actor.id,
      byName: actor.displayName,
    });
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'project',
      entityId: id,
      orgId: p.orgId,
      before: p,
      after: row,
    });
    return projectDetail(tx, actor, id);
  });
}

/** The facts a move back undoes: the columns to clear and, for the move's note, what they held
 *  (“已清除：落地注册企业 某某（盐城）有限公司、落地日期 2026-05-01”). */
async function undoneFacts(
  tx: Tx,
  p: typeof projects.$inferSelect,
  to: Stage,
): Promise<{ cleared: Record<string, null>; text: string | null }> {
  const held = factsUndoneBy(p.stage, to).filter((n) => p[n.field] !== null && p[n.field] !== undefined);
  if (!held.length) return { cleared: {}, text: null };
  const shown = await Promise.all(
    held.map(async (n) => {
      const v = p[n.field];
      if (n.field === 'localEnterpriseId') {
        const [firm] = await tx
          .select({ name: enterprises.name })
          .from(enterprises)
          .where(eq(enterprises.id, String(v)));
        return `${n.label} ${firm?.name ?? v}`;
      }
      if (n.field === 'contractAmount') return `${n.label} ${Number(v) / 1e4}万元`;
      return `${n.label} ${v}`;
    }),
  );
  return {
    cleared: Object.fromEntries(held.map((n) => [n.field, null])),
    text: `已清除：${shown.join('、')}`,
  };
}

export async function addFollowUp(db: Db, actor: Actor, id: string, body: z.infer<typeof FollowUpCreate>) {
  return db.transaction(async (tx) => {
    const p = await scopedProject(tx, actor, id);
    const [row] = await tx
      .insert(followUps)
      .values({ ...body, projectId: id, createdBy: actor.id, createdByName: actor.displayName })
      .returning();
    // The latest follow-up (by date) decides the project's last and next follow-up dates.
    await tx
      .update(projects)
      .set({
        updatedAt: new Date(),
        lastFollowUpDate: sql`(select max(date) from ${followUps} where project_id = ${id})`,
        nextFollowUpDate: sql`(select next_date from ${followUps} where project_id = ${id} order by date desc, created_at desc limit 1)`,
      })
      .where(eq(projects.id, id));
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'follow_up',
      entityId: row.id,
      orgId: p.orgId,
      after: row,
    });
    return projectDetail(tx, actor, id);
  });
}

/** A saved 靶向招商 target becomes a 线索 in one step, keeping the ranking's explanation as its origin. */
export async function leadFromTarget(
  db: Db,
  actor: Actor,
  listId: string,
  body: z.infer<typeof LeadFromTarget>,
) {
  const lead = await targetAsLead(db, actor, listId, body.enterpriseId);
  return createProject(
    db,
    actor,
    {
      name: `${lead.name}（靶向招商）`,
      enterpriseId: lead.enterpriseId,
      source: '靶向推荐',
      type: body.type,
      chainNodeIds: lead.chainNodeId ? [lead.chainNodeId] : [],
      acknowledgeDuplicates: false,
    },
    { kind: 'target', ...lead.explanation },
  );
}

/** 409 with the project as it now is, so the second of two officers editing one project sees the
 *  first one's change instead of overwriting it. */
async function staleError(tx: Tx, actor: Actor, id: string) {
  return new AppError('conflict.stale', { current: await projectDetail(tx, actor, id) });
}

/** A general edit (not a stage move): only the given fields change, optimistically locked, audited. */
export async function updateProject(db: Db, actor: Actor, id: string, body: z.infer<typeof ProjectUpdate>) {
  return db.transaction(async (tx) => {
    const p = await scopedProject(tx, actor, id);
    if (p.version !== body.version) throw await staleError(tx, actor, id);
    const { version, ...given } = body;
    const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    await checkChainNodes(tx, actor, given.chainNodeIds);
    if (given.source && given.source !== p.source) await checkSource(tx, actor, given.source);
    if (changes.ownerId && changes.ownerId !== p.ownerId)
      await checkAssignee(tx, actor, changes.ownerId as string, 'project.bad_owner');
    const [row] = await tx
      .update(projects)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning();
    if (!row) throw await staleError(tx, actor, id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'project',
      entityId: id,
      orgId: p.orgId,
      before: p,
      after: row,
    });
    return projectDetail(tx, actor, id);
  });
}

/** Once a project has a 三维评价, it signs only after a leader decided 通过 or 有条件通过. */
async function evaluationAllowsSigning(tx: Tx, projectId: string) {
  const res = (await tx.execute(sql`
    select d.outcome from evaluations e left join evaluation_decisions d on d.evaluation_id = e.id
     where e.project_id = ${projectId}`)) as unknown as { rows: { outcome: string | null }[] };
  const row = res.rows[0];
  if (row && row.outcome !== 'approve' && row.outcome !== 'conditional')
    throw new AppError('project.bad_move', {
      message:
        row.outcome === 'reject'
          ? '三维评价的结论为不通过，不能签约'
          : '三维评价尚未作出通过的决定，暂不能签约',
    });
}
