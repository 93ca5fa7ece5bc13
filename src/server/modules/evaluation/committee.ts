/** 技术委员会: the expert registry, assigning experts to an evaluation with the conflict-of-interest
 *  check, and blind reviews. A conflict is declared by the expert or found in the enterprise graph —
 *  the expert, or the firm they work for, within two hops of the project's firm — and its path is kept.
 *  A conflicted expert stays on the list, marked, and cannot score. */
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { expertReviews, experts } from '../../../db/schema/evaluation.js';
import { orgs } from '../../../db/schema/index.js';
import { MIN_EXPERTS } from '../../../domain/committee/aggregate.js';
import { DIMENSION_NAMES } from '../../../domain/profile/model.js';
import type { ExpertCreate, ExpertUpdate, ReviewSubmit } from '../../../shared/evaluation-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { orgIdsUnder, withinScope } from '../../scope.js';
import { isWithinHops } from '../graph/graph.js';
import { decisionOf, firmOf, scopedEvaluation } from './evaluations.js';
import { checkExpertRefs } from './expert-refs.js';

export const CONFLICT_HOPS = 2;

export async function listExperts(db: Db, actor: Actor) {
  const ids = await orgIdsUnder(db, actor.orgPath);
  return db.select().from(experts).where(inArray(experts.orgId, ids)).orderBy(asc(experts.name));
}

export async function createExpert(db: Db, actor: Actor, body: z.infer<typeof ExpertCreate>) {
  await checkExpertRefs(db, actor, body);
  const [row] = await db
    .insert(experts)
    .values({ ...body, orgId: actor.orgId })
    .returning();
  await writeAudit(db, actor, {
    action: 'create',
    entity: 'expert',
    entityId: row.id,
    orgId: actor.orgId,
    after: row,
  });
  return row;
}

/** Changes an expert's record (or retires them with active = false); future assignments use it, past
 *  conflict checks keep the reason they had. */
export async function updateExpert(db: Db, actor: Actor, id: string, body: z.infer<typeof ExpertUpdate>) {
  const ids = await orgIdsUnder(db, actor.orgPath);
  const [before] = await db
    .select()
    .from(experts)
    .where(and(eq(experts.id, id), inArray(experts.orgId, ids)));
  if (!before) throw new AppError('expert.not_found');
  await checkExpertRefs(db, actor, body);
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  // Nothing to change (an empty body, or only keys the schema drops such as userId): the record as is.
  if (Object.keys(changes).length === 0) return before;
  const [row] = await db.update(experts).set(changes).where(eq(experts.id, id)).returning();
  await writeAudit(db, actor, {
    action: 'update',
    entity: 'expert',
    entityId: id,
    orgId: before.orgId,
    before,
    after: row,
  });
  return row;
}

type Conflict = { kind: 'declared' | 'graph' | 'employer'; reason: string; path?: string[] };

/** Why an expert may not score this firm, or null. */
export async function conflictOf(
  db: Db,
  actor: Actor,
  expert: typeof experts.$inferSelect,
  enterpriseId: string,
  firmName: string,
) {
  if (expert.declaredFirmIds.includes(enterpriseId))
    return { kind: 'declared', reason: `专家本人申报与${firmName}存在利益关系` } satisfies Conflict;
  if (expert.employerId === enterpriseId)
    return { kind: 'employer', reason: `专家任职于${firmName}` } satisfies Conflict;
  for (const [who, id] of [
    ['专家本人', expert.partyId],
    ['专家任职单位', expert.employerId],
  ] as const) {
    if (!id) continue;
    const r = await isWithinHops(db, actor, id, enterpriseId, CONFLICT_HOPS);
    if (r.within) {
      const names = 'names' in r ? (r.names as string[]) : [];
      return {
        kind: 'graph',
        reason: `${who}与${firmName}在企业图谱中相距 ${r.hops} 步：${[...names].reverse().join(' → ')}`,
        path: names,
      } satisfies Conflict;
    }
  }
  return null;
}

/** Assigns experts, checking each for conflicts; says when fewer than three can score. */
export async function assignExperts(db: Db, actor: Actor, evaluationId: string, expertIds: string[]) {
  const { evaluation, project } = await scopedEvaluation(db, actor, evaluationId);
  // A signed decision closes the panel: a later member would change the committee's figures under it.
  if (await decisionOf(db, evaluation.id)) throw new AppError('evaluation.decided');
  const pool = await listExperts(db, actor);
  const chosen = pool.filter((e) => expertIds.includes(e.id) && e.active);
  if (chosen.length !== new Set(expertIds).size) throw new AppError('expert.not_found');
  const name = (await firmOf(db, project.enterpriseId))?.name ?? '';
  for (const e of chosen) {
    const conflict = await conflictOf(db, actor, e, project.enterpriseId, name);
    await db
      .insert(expertReviews)
      .values({ evaluationId: evaluation.id, expertId: e.id, conflicted: conflict !== null, conflict })
      .onConflictDoUpdate({
        target: [expertReviews.evaluationId, expertReviews.expertId],
        set: { conflicted: conflict !== null, conflict },
      });
  }
  await writeAudit(db, actor, {
    action: 'update',
    entity: 'evaluation',
    entityId: evaluation.id,
    orgId: project.orgId,
    after: { assigned: expertIds },
  });
  return panelOf(db, actor, evaluation.id);
}

/** The panel as the actor may see it. Experts see others' scores only after submitting their own. */
export async function panelOf(db: Tx, actor: Actor, evaluationId: string) {
  const rows = await db
    .select({
      r: expertReviews,
      name: experts.name,
      affiliation: experts.affiliation,
      userId: experts.userId,
    })
    .from(expertReviews)
    .innerJoin(experts, eq(experts.id, expertReviews.expertId))
    .where(eq(expertReviews.evaluationId, evaluationId))
    .orderBy(asc(experts.name));
  const mine = rows.find((x) => x.userId === actor.id);
  const blind = actor.roles.every((r) => r === 'expert') && !mine?.r.submittedAt;
  const eligible = rows.filter((x) => !x.r.conflicted).length;
  return {
    blind,
    eligible,
    enough: eligible >= MIN_EXPERTS,
    warning:
      eligible < MIN_EXPERTS ? `无利益冲突的专家只有 ${eligible} 位，至少需要 ${MIN_EXPERTS} 位` : null,
    members: rows.map((x) => {
      const own = x.userId === actor.id;
      const show = !blind || own;
      return {
        expertId: x.r.expertId,
        name: x.name,
        affiliation: x.affiliation,
        mine: own,
        conflicted: x.r.conflicted,
        conflict: x.r.conflict as Conflict | null,
        submitted: x.r.submittedAt !== null,
        scores: show ? (x.r.scores as Record<string, number> | null) : null,
        comments: show ? x.r.comments : null,
        recommendation: show ? x.r.recommendation : null,
      };
    }),
  };
}

/** An expert's blind review: 1–9 per dimension, comments and a recommendation; once, and never when
 *  conflicted. */
export async function submitReview(
  db: Db,
  actor: Actor,
  evaluationId: string,
  body: z.infer<typeof ReviewSubmit>,
) {
  const { evaluation, project } = await scopedEvaluation(db, actor, evaluationId);
  const [mine] = await db
    .select({ r: expertReviews })
    .from(expertReviews)
    .innerJoin(experts, eq(experts.id, expertReviews.expertId))
    .where(and(eq(expertReviews.evaluationId, evaluation.id), eq(experts.userId, actor.id)));
  if (!mine) throw new AppError('review.not_assigned');
  if (mine.r.conflicted)
    throw new AppError('review.conflicted', { message: (mine.r.conflict as Conflict | null)?.reason });
  if (mine.r.submittedAt) throw new AppError('review.already_submitted');
  // After the leader's decision a late score would rewrite the committee's result and the report.
  if (await decisionOf(db, evaluation.id)) throw new AppError('evaluation.decided');
  const missing = Object.entries(DIMENSION_NAMES)
    .filter(([d]) => body.scores[d as keyof typeof body.scores] === undefined)
    .map(([, n]) => n);
  if (missing.length)
    throw new AppError('request.invalid', { message: `请为每个维度评分，尚缺：${missing.join('、')}` });
  const [row] = await db
    .update(expertReviews)
    .set({
      scores: body.scores,
      comments: body.comments,
      recommendation: body.recommendation,
      submittedAt: new Date(),
    })
    .where(
      and(
        eq(expertReviews.evaluationId, evaluation.id),
        eq(expertReviews.expertId, mine.r.expertId),
        isNotNull(expertReviews.assignedAt),
      ),
    )
    .returning();
  await writeAudit(db, actor, {
    action: 'update',
    entity: 'expert_review',
    entityId: `${evaluation.id}/${mine.r.expertId}`,
    orgId: project.orgId,
    after: row,
  });
  return panelOf(db, actor, evaluation.id);
}

/** 我的评审: the evaluations an expert user is assigned to, newest first, with what is left to do. */
export async function myReviews(db: Db, actor: Actor) {
  const res = (await db.execute(sql`
    select ev.id as evaluation_id, p.name as project_name, e.name as enterprise_name, r.conflicted,
           r.submitted_at is not null as submitted, r.assigned_at, (d.evaluation_id is not null) as decided
      from expert_reviews r
      join experts x on x.id = r.expert_id
      join evaluations ev on ev.id = r.evaluation_id
      join projects p on p.id = ev.project_id
      join enterprises e on e.id = p.enterprise_id
      left join evaluation_decisions d on d.evaluation_id = ev.id
     where x.user_id = ${actor.id}
       -- Only projects of the expert's own org tree, whatever an expert record says.
       and p.org_id in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})
     order by r.assigned_at desc limit 200`)) as unknown as {
    rows: {
      evaluation_id: string;
      project_name: string;
      enterprise_name: string;
      conflicted: boolean;
      submitted: boolean;
      assigned_at: Date | string;
      decided: boolean;
    }[];
  };
  return {
    items: res.rows.map((r) => ({
      evaluationId: r.evaluation_id,
      projectName: r.project_name,
      enterpriseName: r.enterprise_name,
      conflicted: r.conflicted,
      submitted: r.submitted,
      decided: r.decided,
      assignedAt: new Date(r.assigned_at).toISOString(),
    })),
  };
}
