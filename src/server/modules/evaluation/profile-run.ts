/** The AI reading of a project: its business plan (a project attachment) read offline, hidden and
 *  instruction-like text flagged and removed, facts extracted with page and quote, joined by the
 *  registry's and the chain map's facts where the plan is silent, and scored by the org's model. The
 *  result is stored with the model version and the document's hash; the same plan and model always
 *  give the same profile. */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { evaluations } from '../../../db/schema/evaluation.js';
import { projectAttachments } from '../../../db/schema/index.js';
import {
  DocumentError,
  detectInjection,
  extractFacts,
  readDocument,
} from '../../../domain/evaluation/index.js';
import { profileFactsFromPlan } from '../../../domain/profile/from-plan.js';
import { offlineMemo } from '../../../domain/profile/memo.js';
import { computeProfile, deriveFacts } from '../../../domain/profile/score.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { chainTree } from '../chains/chains.js';
import { chainFacts, registryFacts } from './context-facts.js';
import { decisionOf, firmOf, scopedEvaluation } from './evaluations.js';
import { currentModel } from './models.js';

/** Reads the plan into facts and flags (no database): what the benchmark and the tests call too. */
export async function readPlan(content: Uint8Array) {
  try {
    const doc = await readDocument(content);
    const { flags, pages } = detectInjection(doc);
    return { facts: extractFacts(pages), flags, pages: doc.pages.length };
  } catch (err) {
    if (err instanceof DocumentError)
      throw new AppError('evaluation.bad_document', { message: err.message, reason: err.code });
    throw err;
  }
}

export async function runProfile(db: Db, actor: Actor, evaluationId: string, attachmentId: string) {
  const { evaluation, project } = await scopedEvaluation(db, actor, evaluationId);
  if (await decisionOf(db, evaluation.id)) throw new AppError('evaluation.decided');
  const [file] = await db
    .select()
    .from(projectAttachments)
    .where(and(eq(projectAttachments.id, attachmentId), eq(projectAttachments.projectId, project.id)));
  if (!file) throw new AppError('evaluation.no_plan');
  const plan = await readPlan(file.content);
  const firm = await firmOf(db, project.enterpriseId);
  const chainStrength = async (nodeId: string) => {
    const res = (await db.execute(sql`select chain_id from chain_nodes where id = ${nodeId}`)) as unknown as {
      rows: { chain_id: string }[];
    };
    if (!res.rows[0]) return null;
    const tree = await chainTree(db, actor, res.rows[0].chain_id).catch(() => null);
    return tree?.nodes.find((n) => n.id === nodeId)?.strength ?? null;
  };
  const facts = [
    ...profileFactsFromPlan(plan.facts),
    ...(await registryFacts(db, project.enterpriseId)),
    ...(await chainFacts(db, actor.orgId, project.chainNodeIds, chainStrength)),
  ];
  const all = [...facts, ...deriveFacts(facts)];
  const model = await currentModel(db, actor);
  const profile = computeProfile(model, all, firm);
  const memo = offlineMemo(profile, plan.flags);
  const [row] = await db
    .update(evaluations)
    .set({
      attachmentId,
      documentHash: createHash('sha256').update(file.content).digest('hex'),
      modelVersion: model.version,
      facts: plan.facts,
      flags: plan.flags,
      profile,
      memo,
      profiledAt: new Date(),
      version: evaluation.version + 1,
    })
    .where(eq(evaluations.id, evaluation.id))
    .returning({ id: evaluations.id });
  await writeAudit(db, actor, {
    action: 'update',
    entity: 'evaluation',
    entityId: row.id,
    orgId: project.orgId,
    after: {
      attachmentId,
      modelVersion: model.version,
      overall: profile.overall,
      band: profile.band,
      flags: plan.flags.length,
    },
  });
  return row;
}
