/** 年度统计 per tier: the year's tracks by stage, pass rate, the org's targets, and the local firms
 *  holding the title at the start of the year and now (net growth), from the registry. */
import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import {
  cultivationTargets,
  cultivationTracks,
  enterprises,
  orgs,
  qualifications,
} from '../../../db/schema/index.js';
import { TIER_NAMES, type TierKey } from '../../../domain/eligibility/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import { type TargetsBody, TIERS } from '../../../shared/cultivation-api.js';
import type { Actor } from '../../access.js';
import { writeAudit } from '../../audit.js';
import { withinScope } from '../../scope.js';

const inScope = (col: typeof cultivationTracks.orgId) => (actor: Actor) =>
  sql`${col} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;

/** Local firms of the actor's tree holding each tier's title on `date`, from the registry itself: a 认定
 *  recorded through a 培育路径 or on a firm's profile counts at once, without waiting for a screening. */
async function holdersOn(db: Db, actor: Actor, date: string) {
  const res = (await db.execute(sql`
    select q.tier, count(distinct q.enterprise_id)::int as n
      from ${qualifications} q join ${enterprises} e on e.id = q.enterprise_id
     where e.org_id in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})
       and e.merged_into is null and e.universe = 'local'
       and q.issued_on <= ${date} and (q.expires_on is null or q.expires_on >= ${date})
     group by q.tier`)) as unknown as { rows: { tier: string; n: number }[] };
  return new Map(res.rows.map((r) => [r.tier, Number(r.n)]));
}

export async function cultivationStats(db: Db, actor: Actor, year: number) {
  const stages = await db
    .select({ tier: cultivationTracks.tier, stage: cultivationTracks.stage, n: count() })
    .from(cultivationTracks)
    .where(and(eq(cultivationTracks.year, year), inScope(cultivationTracks.orgId)(actor)))
    .groupBy(cultivationTracks.tier, cultivationTracks.stage);
  const targets = await db
    .select()
    .from(cultivationTargets)
    .where(and(eq(cultivationTargets.orgId, actor.orgId), eq(cultivationTargets.year, year)));
  // At the start of the year, and today (or the year's last day, for a year gone by).
  const end = `${year}-12-31`;
  const today = chinaToday();
  const before = await holdersOn(db, actor, `${year}-01-01`);
  const now = await holdersOn(db, actor, today < end ? today : end);
  return {
    year,
    rows: TIERS.map((tier) => {
      const by = (s: string) => stages.find((r) => r.tier === tier && r.stage === s)?.n ?? 0;
      // Every later stage passed through the earlier ones: count a firm at each stage it reached.
      const certified = by('certified');
      const rejected = by('rejected');
      const applied = by('applied') + certified + rejected;
      const serving = by('serving') + applied;
      const discovered = by('discovered') + serving;
      const target = targets.find((t) => t.tier === tier);
      return {
        tier,
        tierName: TIER_NAMES[tier as TierKey],
        discovered,
        serving,
        applied,
        certified,
        rejected,
        passRate: certified + rejected ? certified / (certified + rejected) : null,
        targetApplications: target?.applications ?? null,
        targetCertifications: target?.certifications ?? null,
        holdingNow: now.get(tier) ?? 0,
        holdingBefore: before.get(tier) ?? 0,
      };
    }),
  };
}

export async function setTargets(db: Db, actor: Actor, year: number, body: z.infer<typeof TargetsBody>) {
  await db.transaction(async (tx) => {
    const before = await tx
      .select()
      .from(cultivationTargets)
      .where(and(eq(cultivationTargets.orgId, actor.orgId), eq(cultivationTargets.year, year)));
    for (const t of body.targets) {
      await tx
        .insert(cultivationTargets)
        .values({ orgId: actor.orgId, year, ...t })
        .onConflictDoUpdate({
          target: [cultivationTargets.orgId, cultivationTargets.year, cultivationTargets.tier],
          set: { applications: t.applications, certifications: t.certifications },
        });
    }
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'cultivation_targets',
      entityId: `${actor.orgId}:${year}`,
      orgId: actor.orgId,
      before: before.map(({ tier, applications, certifications }) => ({
        tier,
        applications,
        certifications,
      })),
      after: body.targets,
    });
  });
  return cultivationStats(db, actor, year);
}
