/** 评估模型 versions. An org uses its own latest version, else the nearest org above it that has one,
 *  else the built-in default. Saving validates the model and adds a version; nothing is overwritten. */
import { desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { scoringModels } from '../../../db/schema/evaluation.js';
import { DEFAULT_SCORING_MODEL } from '../../../domain/profile/default-model.js';
import { type ScoringModel, ScoringModelSchema } from '../../../domain/profile/model.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';

export async function currentModel(db: Tx, actor: Pick<Actor, 'orgPath'>): Promise<ScoringModel> {
  const res = (await db.execute(sql`
    select m.model from scoring_models m join orgs o on o.id = m.org_id
     where ${actor.orgPath} like o.path || '%'
     order by length(o.path) desc, m.version desc limit 1`)) as unknown as {
    rows: { model: ScoringModel }[];
  };
  return res.rows[0]?.model ?? DEFAULT_SCORING_MODEL;
}

/** A stored version by number (a profile keeps the version it used; the report shows that one). */
export async function modelVersion(
  db: Tx,
  actor: Pick<Actor, 'orgPath'>,
  version: number,
): Promise<ScoringModel> {
  if (version === DEFAULT_SCORING_MODEL.version) return DEFAULT_SCORING_MODEL;
  const res = (await db.execute(sql`
    select m.model from scoring_models m join orgs o on o.id = m.org_id
     where ${actor.orgPath} like o.path || '%' and m.version = ${version}
     order by length(o.path) desc limit 1`)) as unknown as { rows: { model: ScoringModel }[] };
  return res.rows[0]?.model ?? DEFAULT_SCORING_MODEL;
}

export async function modelHistory(db: Db, actor: Actor) {
  const rows = await db
    .select({
      version: scoringModels.version,
      note: scoringModels.note,
      createdByName: scoringModels.createdByName,
      createdAt: scoringModels.createdAt,
    })
    .from(scoringModels)
    .where(eq(scoringModels.orgId, actor.orgId))
    .orderBy(desc(scoringModels.version));
  return {
    current: await currentModel(db, actor),
    versions: [
      ...rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      { version: 1, note: '内置默认模型', createdByName: '系统', createdAt: null },
    ],
  };
}

/** Saves an edited model as the next version. `basedOn` is the version the editor started from: if
 *  someone saved in between, the answer is 409 rather than a silent overwrite of their change. */
export async function saveModel(db: Db, actor: Actor, input: unknown, basedOn: number, note?: string) {
  return db.transaction(async (tx) => {
    const current = await currentModel(tx, actor);
    if (current.version !== basedOn)
      throw new AppError('conflict.stale', { currentVersion: current.version });
    const parsed = ScoringModelSchema.safeParse({ ...(input as object), version: basedOn + 1 });
    if (!parsed.success)
      throw new AppError('request.invalid', {
        message: parsed.error.issues.map((i) => i.message).join('；'),
        issues: parsed.error.issues,
      });
    await tx.insert(scoringModels).values({
      orgId: actor.orgId,
      version: parsed.data.version,
      model: parsed.data,
      note: note ?? null,
      createdBy: actor.id,
      createdByName: actor.displayName,
    });
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'scoring_model',
      entityId: `${actor.orgId}/${parsed.data.version}`,
      orgId: actor.orgId,
      before: current,
      after: parsed.data,
    });
    return parsed.data;
  });
}
