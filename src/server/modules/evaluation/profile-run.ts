/** The AI reading of a project: its business plan (a project attachment) read offline, hidden and
 *  instruction-like text flagged and removed, facts extracted with page and quote, joined by the
 *  registry's and the chain map's facts where the plan is silent, and scored by the org's model. The
 *  result is stored with the model version and the document's hash; the same plan and model always
 *  give the same profile.
 *
 *  When a language model is configured (LLM_BASE_URL), it reads the cleaned plan after the offline
 *  extraction: its facts join only when their quote and value check out against the plan and the
 *  offline reading has nothing for that key, and its memo replaces the offline one only when it cites
 *  verified facts. Nothing else it says reaches the profile; a failure leaves the offline result with
 *  a note. */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { evaluations } from '../../../db/schema/evaluation.js';
import { projectAttachments } from '../../../db/schema/index.js';
import {
  DocumentError,
  type DocumentPage,
  detectInjection,
  extractFacts,
  readDocument,
} from '../../../domain/evaluation/index.js';
import { sourceDisagreements } from '../../../domain/profile/disagreements.js';
import { profileFactsFromPlan } from '../../../domain/profile/from-plan.js';
import { offlineMemo } from '../../../domain/profile/memo.js';
import { computeProfile, deriveFacts } from '../../../domain/profile/score.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { chainTree } from '../chains/chains.js';
import { chainFacts, placedNodeIds, registryFacts } from './context-facts.js';
import { decisionOf, firmOf, scopedEvaluation } from './evaluations.js';
import { type LlmReading, type LlmSettings, llmSettings, mergeFacts, readWithModel } from './llm/index.js';
import { memoWith } from './llm/memo.js';
import { currentModel } from './models.js';

/** Reads the plan into facts and flags (no database): what the benchmark and the tests call too. */
export async function readPlan(content: Uint8Array) {
  try {
    const doc = await readDocument(content);
    const { flags, pages } = detectInjection(doc);
    return { facts: extractFacts(pages), flags, pages: doc.pages.length, cleaned: pages };
  } catch (err) {
    if (err instanceof DocumentError)
      throw new AppError('evaluation.bad_document', { message: err.message, reason: err.code });
    throw err;
  }
}

/** The model's reading, or a failed one with the reason: a model never turns into an error for the user. */
async function modelReading(
  db: Db,
  llm: LlmSettings,
  hash: string,
  pages: DocumentPage[],
): Promise<LlmReading> {
  try {
    return await readWithModel(db, llm, hash, pages);
  } catch (err) {
    return {
      status: 'failed',
      model: llm.model,
      facts: [],
      memo: null,
      dropped: [],
      memoDropped: 0,
      usage: { promptTokens: 0, completionTokens: 0 },
      ms: 0,
      attempts: 0,
      truncated: false,
      ignored: [],
      error: `语言模型调用失败：${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** `llm` defaults to the environment's settings (LLM_BASE_URL …); null runs the offline path alone. */
export async function runProfile(
  db: Db,
  actor: Actor,
  evaluationId: string,
  attachmentId: string,
  llm: LlmSettings | null = llmSettings(loadConfig()),
) {
  const { evaluation, project } = await scopedEvaluation(db, actor, evaluationId);
  if (await decisionOf(db, evaluation.id)) throw new AppError('evaluation.decided');
  const [file] = await db
    .select()
    .from(projectAttachments)
    .where(and(eq(projectAttachments.id, attachmentId), eq(projectAttachments.projectId, project.id)));
  if (!file) throw new AppError('evaluation.no_plan');
  const plan = await readPlan(file.content);
  const documentHash = createHash('sha256').update(file.content).digest('hex');
  const reading = llm ? await modelReading(db, llm, documentHash, plan.cleaned) : null;
  const merged =
    reading && reading.status !== 'failed'
      ? mergeFacts(plan.facts, reading.facts)
      : { facts: plan.facts, added: 0 };
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
    ...profileFactsFromPlan(merged.facts),
    ...(await registryFacts(db, project.enterpriseId)),
    ...(project.chainNodeIds.length
      ? await chainFacts(db, actor.orgId, project.chainNodeIds, chainStrength)
      : await chainFacts(
          db,
          actor.orgId,
          await placedNodeIds(db, project.enterpriseId),
          chainStrength,
          'placement',
        )),
  ];
  const all = [...facts, ...deriveFacts(facts)];
  const model = await currentModel(db, actor);
  const profile = computeProfile(model, all, firm);
  const read = memoWith(offlineMemo(profile, plan.flags), reading, merged.added);
  // Whoever wrote the memo, the committee is asked about the figures the plan and registry disagree on.
  const memo = { ...read, questions: [...sourceDisagreements(facts), ...read.questions] };
  const [row] = await db
    .update(evaluations)
    .set({
      attachmentId,
      documentHash,
      modelVersion: model.version,
      facts: merged.facts,
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
      ...(reading ? { llm: { status: reading.status, factsAdded: merged.added, memo: memo.source } } : {}),
    },
  });
  return row;
}
