/** Firms on a chain node: the org's own (local) or the target universe, each with why it was placed;
 *  users confirm, reject or add placements, and start a fresh automatic placement. */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { chainNodes, chainPlacements, enterprises, orgs, users } from '../../../db/schema/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type { NodeFirmQuery, PlacementDecision } from '../../../shared/chain-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { withinScope } from '../../scope.js';
import { enqueueJob } from '../jobs/service.js';
import { chainOf, thresholdsOf } from './chains.js';

async function nodeOf(db: Db, actor: Actor, id: string) {
  const [node] = await db.select().from(chainNodes).where(eq(chainNodes.id, id));
  if (!node) throw new AppError('chain.node_not_found');
  await chainOf(db, actor, node.chainId).catch(() => {
    throw new AppError('chain.node_not_found');
  });
  return node;
}

const inScope = (actor: Actor) =>
  sql`${enterprises.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;

export async function nodeFirms(db: Db, actor: Actor, nodeId: string, q: z.infer<typeof NodeFirmQuery>) {
  const node = await nodeOf(db, actor, nodeId);
  const { t } = await thresholdsOf(db, actor.orgId);
  const today = chinaToday();
  const where = and(
    eq(chainPlacements.nodeId, node.id),
    eq(enterprises.universe, q.universe),
    sql`${enterprises.mergedInto} is null`,
    inScope(actor),
    q.status ? eq(chainPlacements.status, q.status) : sql`${chainPlacements.status} <> 'rejected'`,
  );
  const revenue = sql<
    number | null
  >`(select y.revenue from enterprise_years y where y.enterprise_id = ${enterprises.id}
    and y.revenue is not null order by y.year desc limit 1)::float8`;
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      uscc: enterprises.uscc,
      universe: enterprises.universe,
      revenue,
      revenueYear: sql<
        number | null
      >`(select max(y.year) from enterprise_years y where y.enterprise_id = ${enterprises.id}
        and y.revenue is not null)`,
      titles: sql<
        string[]
      >`array(select distinct q.tier from qualifications q where q.enterprise_id = ${enterprises.id}
        and (q.expires_on is null or q.expires_on >= ${today}) order by q.tier)`,
      confidence: chainPlacements.confidence,
      reasons: chainPlacements.reasons,
      status: chainPlacements.status,
      decidedBy: users.displayName,
      decidedAt: chainPlacements.decidedAt,
    })
    .from(chainPlacements)
    .innerJoin(enterprises, eq(enterprises.id, chainPlacements.enterpriseId))
    .leftJoin(users, eq(users.id, chainPlacements.decidedBy))
    .where(where)
    // Users' own decisions first, then the surest, then the biggest.
    .orderBy(
      sql`${chainPlacements.status} = 'auto'`,
      desc(chainPlacements.confidence),
      sql`${revenue} desc nulls last`,
      enterprises.name,
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ n }] = await db
    .select({ n: count() })
    .from(chainPlacements)
    .innerJoin(enterprises, eq(enterprises.id, chainPlacements.enterpriseId))
    .where(where);
  return {
    items: rows.map((r) => ({
      ...r,
      leader: (r.revenue ?? 0) >= t.leaderRevenue,
      decidedAt: r.decidedAt?.toISOString() ?? null,
    })),
    total: n,
  };
}

/** Confirm or reject a placement, or add a firm the engine missed. */
export async function decidePlacement(
  db: Db,
  actor: Actor,
  nodeId: string,
  body: z.infer<typeof PlacementDecision>,
) {
  const node = await nodeOf(db, actor, nodeId);
  return db.transaction(async (tx) => {
    const [firm] = await tx
      .select({ id: enterprises.id, orgId: enterprises.orgId })
      .from(enterprises)
      .where(and(eq(enterprises.id, body.enterpriseId), inScope(actor)));
    if (!firm) throw new AppError('enterprise.not_found');
    const [before] = await tx
      .select()
      .from(chainPlacements)
      .where(and(eq(chainPlacements.nodeId, node.id), eq(chainPlacements.enterpriseId, firm.id)));
    // Confirming or rejecting needs a placement to decide on; the node itself exists.
    if (!before && body.status !== 'added') throw new AppError('chain.placement_not_found');
    const values = {
      nodeId: node.id,
      enterpriseId: firm.id,
      confidence: before?.confidence ?? 1,
      reasons: before?.reasons ?? [`${actor.displayName} 手工添加`],
      status: before && body.status === 'added' ? 'confirmed' : body.status,
      decidedBy: actor.id,
      decidedAt: new Date(),
      updatedAt: new Date(),
    } as const;
    const [row] = await tx
      .insert(chainPlacements)
      .values(values)
      .onConflictDoUpdate({
        target: [chainPlacements.nodeId, chainPlacements.enterpriseId],
        set: {
          status: values.status,
          decidedBy: actor.id,
          decidedAt: values.decidedAt,
          updatedAt: values.updatedAt,
        },
      })
      .returning();
    await writeAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'chain_placement',
      entityId: firm.id,
      orgId: firm.orgId,
      before: before ? { node: node.name, status: before.status } : undefined,
      after: { node: node.name, status: row.status },
    });
    return { status: row.status };
  });
}

export async function startPlacement(db: Db, actor: Actor) {
  return db.transaction((tx) => enqueueJob(tx, actor, 'chain.placement', { orgId: actor.orgId }));
}
