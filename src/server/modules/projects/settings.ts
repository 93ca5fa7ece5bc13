/** An org's pipeline rules: after how many days without a follow-up a project is stale, and the 季度考核
 *  formula. An org without its own rules uses the nearest org above it that has them, then the defaults
 *  — so a city can set the rule once for its districts, and a district can still set its own. */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { pipelineSettings } from '../../../db/schema/index.js';
import { type AssessmentFormula, DEFAULT_FORMULA } from '../../../domain/project/assessment.js';
import { PROJECT_SOURCES } from '../../../domain/project/catalog.js';
import type { PipelineSettingsUpdate } from '../../../shared/pipeline-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';

export const DEFAULT_STALE_DAYS = 30;

export type PipelineRules = {
  staleDays: number;
  formula: AssessmentFormula;
  sources: string[];
  version: number;
};

/** The rules that apply to the actor: their org's, or the nearest ancestor's, or the defaults. The
 *  version is of the actor's own org's row (0 when it has none yet). */
export async function pipelineRules(db: Tx, actor: Actor): Promise<PipelineRules> {
  const res = (await db.execute(sql`
    select s.org_id, s.stale_days, s.assessment_formula, s.sources, s.version
      from pipeline_settings s join orgs o on o.id = s.org_id
     where ${actor.orgPath} like o.path || '%'
     order by length(o.path) desc limit 1`)) as unknown as {
    rows: {
      org_id: string;
      stale_days: number;
      assessment_formula: AssessmentFormula | null;
      sources: string[] | null;
      version: number;
    }[];
  };
  const row = res.rows[0];
  return {
    staleDays: row?.stale_days ?? DEFAULT_STALE_DAYS,
    formula: row?.assessment_formula ?? DEFAULT_FORMULA,
    sources: row?.sources ?? [...PROJECT_SOURCES],
    version: row && row.org_id === actor.orgId ? row.version : 0,
  };
}

export async function readSettings(db: Db, actor: Actor) {
  const rules = await pipelineRules(db, actor);
  return {
    ...rules,
    version: rules.version || 1,
    defaultFormula: DEFAULT_FORMULA,
    defaultSources: [...PROJECT_SOURCES],
  };
}

/** Saves the actor's org's rules (optimistically locked; the first save creates the row at version 1
 *  → 2). Every change is audited, so the formula's history is in the audit log. */
export async function updateSettings(db: Db, actor: Actor, body: z.infer<typeof PipelineSettingsUpdate>) {
  return db.transaction(async (tx) => {
    const current = await pipelineRules(tx, actor);
    if ((current.version || 1) !== body.version)
      throw new AppError('conflict.stale', { currentVersion: current.version || 1 });
    const next = {
      staleDays: body.staleDays ?? current.staleDays,
      assessmentFormula: body.formula ?? current.formula,
      sources: body.sources ?? current.sources,
      version: body.version + 1,
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    const saved = await tx
      .insert(pipelineSettings)
      .values({ orgId: actor.orgId, ...next })
      .onConflictDoUpdate({
        target: pipelineSettings.orgId,
        set: next,
        setWhere: sql`${pipelineSettings.version} = ${body.version}`,
      })
      .returning({ orgId: pipelineSettings.orgId });
    if (!saved.length) throw new AppError('conflict.stale');
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'pipeline_settings',
      entityId: actor.orgId,
      orgId: actor.orgId,
      before: { staleDays: current.staleDays, formula: current.formula, sources: current.sources },
      after: { staleDays: next.staleDays, formula: next.assessmentFormula, sources: next.sources },
    });
    return {
      ...(await pipelineRules(tx, actor)),
      defaultFormula: DEFAULT_FORMULA,
      defaultSources: [...PROJECT_SOURCES],
    };
  });
}

/** A source the org's list does not hold is refused with the list (靶向推荐 is always allowed: the
 *  targeting module creates such leads itself). */
export async function checkSource(db: Tx, actor: Actor, source: string) {
  if (source === '靶向推荐') return;
  const { sources } = await pipelineRules(db, actor);
  if (!sources.includes(source))
    throw new AppError('request.invalid', {
      message: `项目来源应为：${sources.join('、')}`,
      field: 'source',
    });
}
