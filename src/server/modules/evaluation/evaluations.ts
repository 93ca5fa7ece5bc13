/** 评估: a project's evaluation — opened from the project (usually at its 评估 stage), holding the AI
 *  profile, the committee's reviews, the due-diligence checklist and the decision. Who sees what: the
 *  project's org (and above) sees everything; an expert sees only evaluations they are assigned to, and
 *  other experts' scores only after submitting their own (see committee.ts). */
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import {
  dueDiligenceItems,
  evaluationDecisions,
  evaluations,
  expertReviews,
  experts,
} from '../../../db/schema/evaluation.js';
import { enterprises, projects } from '../../../db/schema/index.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { scopedProject } from '../projects/scope.js';
import { checklistFor } from './settings.js';

export const isExpertOnly = (actor: Actor) =>
  actor.roles.length > 0 && actor.roles.every((r) => r === 'expert');

/** The evaluation of a project the actor may see, created on first use (with the org's checklist). */
export async function ensureEvaluation(db: Db, actor: Actor, projectId: string) {
  const project = await scopedProject(db, actor, projectId);
  const [had] = await db.select().from(evaluations).where(eq(evaluations.projectId, projectId));
  if (had) return { evaluation: had, project };
  if (isExpertOnly(actor)) throw new AppError('evaluation.not_found');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(evaluations).values({ projectId }).onConflictDoNothing().returning();
    if (!row) {
      const [again] = await tx.select().from(evaluations).where(eq(evaluations.projectId, projectId));
      return { evaluation: again, project };
    }
    const checklist = await checklistFor(tx, actor);
    await tx
      .insert(dueDiligenceItems)
      .values(checklist.map((c, i) => ({ evaluationId: row.id, position: i, name: c.name, veto: c.veto })));
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'evaluation',
      entityId: row.id,
      orgId: project.orgId,
      after: row,
    });
    return { evaluation: row, project };
  });
}

/** The evaluation by id, if the actor may see it: through the project's org, or as an assigned expert. */
export async function scopedEvaluation(db: Tx, actor: Actor, id: string) {
  const [row] = await db
    .select({ e: evaluations, projectId: projects.id })
    .from(evaluations)
    .innerJoin(projects, eq(projects.id, evaluations.projectId))
    .where(eq(evaluations.id, id));
  if (!row) throw new AppError('evaluation.not_found');
  const project = await scopedProject(db, actor, row.projectId).catch(() => null);
  if (!project) throw new AppError('evaluation.not_found');
  if (isExpertOnly(actor)) {
    const [mine] = await db
      .select({ id: experts.id })
      .from(expertReviews)
      .innerJoin(experts, eq(experts.id, expertReviews.expertId))
      .where(and(eq(expertReviews.evaluationId, id), eq(experts.userId, actor.id)));
    if (!mine) throw new AppError('evaluation.not_found');
  }
  return { evaluation: row.e, project };
}

export async function firmOf(db: Tx, enterpriseId: string) {
  const [firm] = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      section: enterprises.industrySection,
      division: enterprises.industryDivision,
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return firm;
}

export async function checklistOf(db: Tx, evaluationId: string) {
  return db
    .select()
    .from(dueDiligenceItems)
    .where(eq(dueDiligenceItems.evaluationId, evaluationId))
    .orderBy(asc(dueDiligenceItems.position));
}

export async function decisionOf(db: Tx, evaluationId: string) {
  const [d] = await db
    .select()
    .from(evaluationDecisions)
    .where(eq(evaluationDecisions.evaluationId, evaluationId));
  return d ?? null;
}

/** The id of a project's evaluation, without opening one: 404 when it has not started. */
export async function evaluationIdOf(db: Db, actor: Actor, projectId: string) {
  const project = await scopedProject(db, actor, projectId);
  const [row] = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(eq(evaluations.projectId, project.id));
  if (!row) throw new AppError('evaluation.not_found');
  return row.id;
}
