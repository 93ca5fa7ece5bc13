/** Due-diligence findings and the decision a leader signs. 不通过 ends the project (终止, with the
 *  decision as its reason); 通过 and 有条件通过 open the way to 签约 (the stage machine asks for an
 *  approving decision once an evaluation exists) and need the committee's scores first. */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { dueDiligenceItems, evaluationDecisions } from '../../../db/schema/evaluation.js';
import { projectAttachments, projectEvents, projects } from '../../../db/schema/index.js';
import { MIN_EXPERTS } from '../../../domain/committee/aggregate.js';
import { OUTCOME_NAMES } from '../../../domain/decision/fuse.js';
import type { DdItemUpdate, DecisionCreate } from '../../../shared/evaluation-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { decisionOf, scopedEvaluation } from './evaluations.js';
import { recommendationOf } from './view.js';

export async function updateDdItem(
  db: Db,
  actor: Actor,
  evaluationId: string,
  itemId: string,
  body: z.infer<typeof DdItemUpdate>,
) {
  const { evaluation, project } = await scopedEvaluation(db, actor, evaluationId);
  if (await decisionOf(db, evaluation.id)) throw new AppError('evaluation.decided');
  if (body.attachmentIds.length) {
    const own = await db
      .select({ id: projectAttachments.id })
      .from(projectAttachments)
      .where(
        and(eq(projectAttachments.projectId, project.id), inArray(projectAttachments.id, body.attachmentIds)),
      );
    if (own.length !== new Set(body.attachmentIds).size) throw new AppError('attachment.not_found');
  }
  const [row] = await db
    .update(dueDiligenceItems)
    .set({ ...body, notes: body.notes ?? null, updatedByName: actor.displayName, updatedAt: new Date() })
    .where(and(eq(dueDiligenceItems.id, itemId), eq(dueDiligenceItems.evaluationId, evaluation.id)))
    .returning();
  if (!row) throw new AppError('due_diligence.item_not_found');
  await writeAudit(db, actor, {
    action: 'update',
    entity: 'due_diligence_item',
    entityId: itemId,
    orgId: project.orgId,
    after: row,
  });
}

export async function recordDecision(
  db: Db,
  actor: Actor,
  evaluationId: string,
  body: z.infer<typeof DecisionCreate>,
) {
  return db.transaction(async (tx) => {
    const { evaluation, project, committee, recommendation } = await recommendationOf(
      tx,
      actor,
      evaluationId,
    );
    if (await decisionOf(tx, evaluation.id)) throw new AppError('evaluation.decided');
    // The committee's view is the heaviest of the three: nothing is approved on fewer than
    // MIN_EXPERTS conflict-free scores. Turning a project down needs no panel.
    if (body.outcome !== 'reject' && !committee.enough)
      throw new AppError('evaluation.committee_incomplete', {
        message: `目前有 ${committee.experts} 位无利益冲突的专家提交了评分，至少需要 ${MIN_EXPERTS} 位`,
        messageEn: `${committee.experts} conflict-free experts have scored; ${MIN_EXPERTS} are needed`,
        experts: committee.experts,
        required: MIN_EXPERTS,
      });
    const [row] = await tx
      .insert(evaluationDecisions)
      .values({
        evaluationId: evaluation.id,
        outcome: body.outcome,
        conditions: body.conditions ?? null,
        fused: recommendation.fused,
        recommendation,
        decidedBy: actor.id,
        decidedByName: actor.displayName,
      })
      .returning();
    const note = `评估结论：${OUTCOME_NAMES[body.outcome]}${body.conditions ? `（条件：${body.conditions}）` : ''}；系统建议：${recommendation.outcomeName ?? '无'}`;
    if (body.outcome === 'reject' && project.stage !== 'terminated') {
      await tx
        .update(projects)
        .set({
          stage: 'terminated',
          reason: note,
          pausedFrom: null,
          version: project.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(projects.id, project.id));
      await tx.insert(projectEvents).values({
        projectId: project.id,
        fromStage: project.stage,
        toStage: 'terminated',
        note,
        byId: actor.id,
        byName: actor.displayName,
      });
    } else {
      await tx
        .update(projects)
        .set({ version: project.version + 1, updatedAt: new Date() })
        .where(eq(projects.id, project.id));
      await tx.insert(projectEvents).values({
        projectId: project.id,
        fromStage: project.stage,
        toStage: project.stage,
        note,
        byId: actor.id,
        byName: actor.displayName,
      });
    }
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'evaluation_decision',
      entityId: evaluation.id,
      orgId: project.orgId,
      after: row,
    });
    return row;
  });
}
