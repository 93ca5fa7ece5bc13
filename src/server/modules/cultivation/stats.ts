/** 年度统计 per tier: the year's tracks by stage, pass rate, the org's targets, and the holders in the
 *  year's latest finished screening against the one before the year (net growth). */
import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { cultivationTargets, cultivationTracks, orgs, screeningRuns } from '../../../db/schema/index.js';
import { TIER_NAMES, type TierKey } from '../../../domain/eligibility/index.js';
import { type TargetsBody, TIERS } from '../../../shared/cultivation-api.js';
import type { Actor } from '../../access.js';
import { writeAudit } from '../../audit.js';
import { withinScope } from '../../scope.js';

const inScope = (col: typeof cultivationTracks.orgId | typeof screeningRuns.orgId) => (actor: Actor) =>
  sql`${col} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;

/** Holders per tier in a run, from the counts the screening job kept. */
async function holdersOf(db: Db, runId: string | undefined) {
  const out = new Map<string, number>();
  if (!runId) return out;
  const [run] = await db
    .select({ counts: screeningRuns.counts })
    .from(screeningRuns)
    .where(eq(screeningRuns.id, runId));
  for (const [tier, byStatus] of Object.entries(run?.counts ?? {}))
    if (byStatus.holding) out.set(tier, byStatus.holding);
  return out;
}

/** The actor's own org's latest finished run assessed before `before` (an ISO date). */
async function lastRunBefore(db: Db, actor: Actor, before: string) {
  const [run] = await db
    .select({ id: screeningRuns.id })
    .from(screeningRuns)
    .where(
      and(
        eq(screeningRuns.orgId, actor.orgId),
        eq(screeningRuns.status, 'done'),
        lt(screeningRuns.assessedOn, before),
      ),
    )
    .orderBy(desc(screeningRuns.assessedOn), desc(screeningRuns.createdAt))
    .limit(1);
  return run?.id;
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
  const now = await holdersOf(db, await lastRunBefore(db, actor, `${year + 1}-01-01`));
  const before = await holdersOf(db, await lastRunBefore(db, actor, `${year}-01-01`));
  const hasNow = now.size > 0;
  const hasBefore = before.size > 0;
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
        holdingNow: hasNow ? (now.get(tier) ?? 0) : null,
        holdingBefore: hasBefore ? (before.get(tier) ?? 0) : null,
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
