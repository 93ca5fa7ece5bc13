/** An org's evaluation rules — the due-diligence checklist (editable), the fusion weights and the
 *  committee's disagreement threshold — falling back to the nearest org above it, then the defaults. */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { evaluationSettings } from '../../../db/schema/evaluation.js';
import { DEFAULT_DISAGREEMENT, type DisagreementRule } from '../../../domain/committee/aggregate.js';
import { DEFAULT_FUSION, type FusionWeights } from '../../../domain/decision/fuse.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';

export type ChecklistItem = { name: string; veto: boolean };

/** The default 市场尽调 checklist; the first three are veto items (a 不通过 caps the decision). */
export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  { name: '工商与股权核验', veto: true },
  { name: '涉诉与失信', veto: true },
  { name: '财务真实性', veto: true },
  { name: '核心技术核验', veto: false },
  { name: '团队背调', veto: false },
  { name: '客户与市场访谈', veto: false },
  { name: '资金与落地意愿', veto: false },
];

export async function evaluationRules(db: Tx, actor: Pick<Actor, 'orgPath'>) {
  const res = (await db.execute(sql`
    select s.checklist, s.fusion, s.disagreement from evaluation_settings s join orgs o on o.id = s.org_id
     where ${actor.orgPath} like o.path || '%' order by length(o.path) desc limit 1`)) as unknown as {
    rows: {
      checklist: ChecklistItem[] | null;
      fusion: FusionWeights | null;
      disagreement: DisagreementRule | null;
    }[];
  };
  const r = res.rows[0];
  return {
    checklist: r?.checklist ?? DEFAULT_CHECKLIST,
    fusion: r?.fusion ?? DEFAULT_FUSION,
    disagreement: r?.disagreement ?? DEFAULT_DISAGREEMENT,
  };
}

export async function checklistFor(db: Tx, actor: Pick<Actor, 'orgPath'>) {
  return (await evaluationRules(db, actor)).checklist;
}

/** The rules as the settings page reads them, with the defaults beside them. */
export async function readEvaluationSettings(db: Tx, actor: Actor) {
  const rules = await evaluationRules(db, actor);
  const res = (await db.execute(
    sql`select version from evaluation_settings where org_id = ${actor.orgId}`,
  )) as unknown as { rows: { version: number }[] };
  return {
    ...rules,
    version: res.rows[0]?.version ?? 1,
    defaults: { checklist: DEFAULT_CHECKLIST, fusion: DEFAULT_FUSION, disagreement: DEFAULT_DISAGREEMENT },
  };
}

/** Saves the org's rules (optimistic lock; audited). New evaluations copy the checklist; open ones keep
 *  theirs, so a finding is never lost to an edit of the template. */
export async function saveEvaluationSettings(
  db: Db,
  actor: Actor,
  body: {
    version: number;
    checklist?: ChecklistItem[];
    fusion?: FusionWeights;
    disagreement?: DisagreementRule;
  },
) {
  return db.transaction(async (tx) => {
    const current = await readEvaluationSettings(tx, actor);
    if (current.version !== body.version)
      throw new AppError('conflict.stale', { currentVersion: current.version });
    const next = {
      checklist: body.checklist ?? current.checklist,
      fusion: body.fusion ?? current.fusion,
      disagreement: body.disagreement ?? current.disagreement,
      version: body.version + 1,
      updatedAt: new Date(),
    };
    const saved = await tx
      .insert(evaluationSettings)
      .values({ orgId: actor.orgId, ...next })
      .onConflictDoUpdate({
        target: evaluationSettings.orgId,
        set: next,
        setWhere: sql`${evaluationSettings.version} = ${body.version}`,
      })
      .returning({ orgId: evaluationSettings.orgId });
    if (!saved.length) throw new AppError('conflict.stale');
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'evaluation_settings',
      entityId: actor.orgId,
      orgId: actor.orgId,
      before: { checklist: current.checklist, fusion: current.fusion, disagreement: current.disagreement },
      after: next,
    });
    return readEvaluationSettings(tx, actor);
  });
}
