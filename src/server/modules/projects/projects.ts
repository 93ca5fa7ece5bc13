/** 招商项目: create (warning when the firm is already an active project in the city), list, read with its
 *  history and follow-ups, move through the stages (checked by domain/project/stages), follow up, and
 *  turn a 靶向招商 target into a lead. Every change is audited; edits are optimistically locked. */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like.js';
import { enterprises, followUps, orgs, projectEvents, projects, users } from '../../../db/schema/index.js';
import { checkMove, STAGE_NAMES, type Stage } from '../../../domain/project/stages.js';
import type {
  FollowUpCreate,
  LeadFromTarget,
  ProjectCreate,
  ProjectMove,
  ProjectQuery,
} from '../../../shared/project-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { targetAsLead } from '../chains/targets.js';

const inScope = (actor: Actor) =>
  sql`${projects.orgId} in (select id from ${orgs} where path like ${`${actor.orgPath}%`})`;

/** The path of the actor's city (the nearest ancestor of kind city), where duplicates are looked for. */
async function cityPath(db: Tx, actor: Actor) {
  const res = (await db.execute(sql`
    select path from orgs where ${actor.orgPath} like path || '%' and kind = 'city' order by length(path) desc limit 1`)) as unknown as {
    rows: { path: string }[];
  };
  return res.rows[0]?.path ?? actor.orgPath;
}

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

async function firmInScope(db: Tx, actor: Actor, id: string) {
  const [firm] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .where(and(eq(enterprises.id, id), sql`${orgs.path} like ${`${actor.orgPath}%`}`));
  if (!firm) throw new AppError('enterprise.not_found');
  return firm;
}

export async function createProject(
  db: Db,
  actor: Actor,
  body: z.infer<typeof ProjectCreate>,
  origin: unknown = null,
) {
  return db.transaction(async (tx) => {
    await firmInScope(tx, actor, body.enterpriseId);
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

const summaryColumns = {
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

function summaries(db: Tx) {
  return db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, projects.orgId))
    .leftJoin(users, eq(users.id, projects.ownerId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];
const present = (r: SummaryRow) => ({
  ...r,
  stageName: STAGE_NAMES[r.stage],
  updatedAt: r.updatedAt.toISOString(),
  createdAt: r.createdAt.toISOString(),
});

export async function listProjects(db: Db, actor: Actor, q: z.infer<typeof ProjectQuery>) {
  const conds = [inScope(actor)];
  if (q.stage) conds.push(eq(projects.stage, q.stage));
  if (q.mine) conds.push(eq(projects.ownerId, actor.id));
  if (q.q)
    conds.push(
      sql`(${projects.name} like ${containsPattern(q.q)} or ${enterprises.name} like ${containsPattern(q.q)})`,
    );
  const where = and(...conds);
  const rows = await summaries(db)
    .where(where)
    .orderBy(desc(projects.updatedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db
    .select({ n: count() })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(where);
  return { items: rows.map(present), total: n };
}

export async function projectDetail(db: Tx, actor: Actor, id: string) {
  const [row] = await db
    .select({ p: projects, s: summaryColumns })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, projects.orgId))
    .leftJoin(users, eq(users.id, projects.ownerId))
    .where(and(eq(projects.id, id), inScope(actor)));
  if (!row) throw new AppError('project.not_found');
  const events = await db
    .select()
    .from(projectEvents)
    .where(eq(projectEvents.projectId, id))
    .orderBy(asc(projectEvents.at));
  const fus = await db
    .select()
    .from(followUps)
    .where(eq(followUps.projectId, id))
    .orderBy(desc(followUps.date));
  const p = row.p;
  return {
    ...present(row.s),
    chainNodeIds: p.chainNodeIds,
    registeredCapital: p.registeredCapital,
    expectedOutput: p.expectedOutput,
    talents: p.talents,
    scientistTeams: p.scientistTeams,
    landMu: p.landMu,
    floorArea: p.floorArea,
    pausedFrom: p.pausedFrom,
    contactPerson: p.contactPerson,
    visitDate: p.visitDate,
    contractDate: p.contractDate,
    contractAmount: p.contractAmount,
    localEnterpriseId: p.localEnterpriseId,
    landingDate: p.landingDate,
    productionDate: p.productionDate,
    reason: p.reason,
    origin: p.origin ?? null,
    events: events.map((e) => ({
      fromStage: e.fromStage,
      toStage: e.toStage,
      note: e.note,
      byName: e.byName,
      at: e.at.toISOString(),
    })),
    followUps: fus.map((f) => ({
      id: f.id,
      kind: f.kind,
      date: f.date,
      participants: f.participants,
      content: f.content,
      outcome: f.outcome,
      nextStep: f.nextStep,
      nextDate: f.nextDate,
      createdByName: f.createdByName,
    })),
  };
}

/** Move a project to another stage: refused with 409 and the Chinese reason when the move does not
 *  exist or the stage lacks what it needs; the facts given with the move are saved with it. */
export async function moveProject(db: Db, actor: Actor, id: string, body: z.infer<typeof ProjectMove>) {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(projects)
      .where(and(eq(projects.id, id), inScope(actor)));
    if (!p) throw new AppError('project.not_found');
    if (p.version !== body.version) throw new AppError('conflict.stale');
    const { version, to, note, ...given } = body;
    if (given.localEnterpriseId) await firmInScope(tx, actor, given.localEnterpriseId);
    const facts = { ...p, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
    const check = checkMove(p.stage, to, facts, { pausedFrom: p.pausedFrom });
    if (!check.ok) throw new AppError('project.bad_move', { message: check.message, missing: check.missing });
    const [row] = await tx
      .update(projects)
      .set({
        ...given,
        stage: to,
        pausedFrom: to === 'paused' ? (p.stage as typeof p.pausedFrom) : null,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning();
    if (!row) throw new AppError('conflict.stale');
    await tx.insert(projectEvents).values({
      projectId: id,
      fromStage: p.stage,
      toStage: to,
      note: note ?? (to === 'paused' || to === 'terminated' ? (given.reason ?? null) : null),
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

export async function addFollowUp(db: Db, actor: Actor, id: string, body: z.infer<typeof FollowUpCreate>) {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: projects.id, orgId: projects.orgId })
      .from(projects)
      .where(and(eq(projects.id, id), inScope(actor)));
    if (!p) throw new AppError('project.not_found');
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
