/** The evaluation page's one read: profile, facts and flags, the panel (blind for experts who have not
 *  submitted), the committee's aggregate, the checklist, the fused recommendation and the decision. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { expertReviews } from '../../../db/schema/evaluation.js';
import { aggregatePanel, type ExpertScore } from '../../../domain/committee/aggregate.js';
import {
  DD_STATUS_NAMES,
  type DdStatus,
  fuse,
  OUTCOME_NAMES,
  type Outcome,
} from '../../../domain/decision/fuse.js';
import type { Profile } from '../../../domain/profile/score.js';
import { weightsFor } from '../../../domain/profile/score.js';
import { STAGE_NAMES } from '../../../domain/project/stages.js';
import type { Actor } from '../../access.js';
import { panelOf } from './committee.js';
import { checklistOf, decisionOf, firmOf, scopedEvaluation } from './evaluations.js';
import { currentModel } from './models.js';
import { evaluationRules } from './settings.js';

/** The committee's aggregate and the fused recommendation, from what is stored now. */
export async function recommendationOf(db: Tx, actor: Actor, evaluationId: string) {
  const { evaluation, project } = await scopedEvaluation(db, actor, evaluationId);
  const rules = await evaluationRules(db, actor);
  const firm = await firmOf(db, project.enterpriseId);
  const weights = weightsFor(await currentModel(db, actor), firm);
  const reviews = await db.select().from(expertReviews).where(eq(expertReviews.evaluationId, evaluation.id));
  const committee = aggregatePanel(
    reviews
      .filter((r) => r.submittedAt)
      .map(
        (r): ExpertScore => ({
          expertId: r.expertId,
          conflicted: r.conflicted,
          scores: (r.scores ?? {}) as ExpertScore['scores'],
        }),
      ),
    weights,
    rules.disagreement,
  );
  const items = await checklistOf(db, evaluation.id);
  const flags = (evaluation.flags as { severity: string }[]) ?? [];
  const profile = evaluation.profile as Profile | null;
  const recommendation = fuse(
    {
      ai: profile?.overall ?? null,
      committee,
      dueDiligence: items.map((i) => ({ name: i.name, veto: i.veto, status: i.status as DdStatus | null })),
      highSeverityFlags: flags.filter((f) => f.severity === 'high').length,
    },
    rules.fusion,
  );
  return { evaluation, project, firm, committee, items, recommendation };
}

export async function evaluationView(db: Tx, actor: Actor, evaluationId: string) {
  const { evaluation, project, firm, committee, items, recommendation } = await recommendationOf(
    db,
    actor,
    evaluationId,
  );
  const panel = await panelOf(db, actor, evaluation.id);
  const decision = await decisionOf(db, evaluation.id);
  return {
    id: evaluation.id,
    projectId: project.id,
    projectName: project.name,
    enterpriseName: firm?.name ?? '',
    stage: STAGE_NAMES[project.stage],
    stageKey: project.stage,
    attachmentId: evaluation.attachmentId,
    modelVersion: evaluation.modelVersion,
    facts: evaluation.facts as unknown[],
    flags: evaluation.flags as unknown[],
    profile: evaluation.profile ?? null,
    memo: evaluation.memo ?? null,
    panel,
    // A blind expert sees neither the panel's aggregate nor the recommendation built on it.
    committee: panel.blind ? null : committee,
    dueDiligence: items.map((i) => ({
      id: i.id,
      name: i.name,
      veto: i.veto,
      status: (i.status as DdStatus | null) ?? null,
      statusName: i.status ? DD_STATUS_NAMES[i.status as DdStatus] : null,
      notes: i.notes,
      attachmentIds: i.attachmentIds,
      updatedByName: i.updatedByName,
    })),
    recommendation: panel.blind ? null : recommendation,
    decision: decision && {
      outcome: decision.outcome as Outcome,
      outcomeName: OUTCOME_NAMES[decision.outcome as Outcome],
      conditions: decision.conditions,
      decidedByName: decision.decidedByName,
      decidedAt: decision.decidedAt.toISOString(),
    },
    version: evaluation.version,
  };
}
