/** 产业链: which chains an org sees, the org's leading chains, and a chain's tree with the org's figures
 *  per node (firms, revenue, 高企 / 专精特新, 龙头) and each node's strength. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { arrayLiteral } from '../../../db/array-literal.js';
import type { Db, Tx } from '../../../db/client.js';
import { chainNodes, chainSettings, chains, jobs, orgChains, orgs } from '../../../db/schema/index.js';
import type { Segment } from '../../../domain/chain/chain-schema.js';
import { DEFAULT_THRESHOLDS, type StrengthThresholds, strengthOf } from '../../../domain/chain/strength.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type { ChainSummary, ThresholdsBody } from '../../../shared/chain-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { orgIdsUnder, pathInScope } from '../../scope.js';
import { saveSetting } from './settings.js';

/** Chains an org at `orgPath` sees: its subtree's own and those of the orgs above it (the templates). */
export function visibleChain(actor: Pick<Actor, 'orgPath'>) {
  return sql`${chains.orgId} in (select ${orgs.id} from ${orgs}
    where ${orgs.path} like ${`${actor.orgPath}%`} or ${actor.orgPath} like ${orgs.path} || '%')`;
}

/** Org ids of the actor's subtree, for the figures (the firms counted are the actor's own). */
export const subtreeOrgIds = (db: Tx, actor: Pick<Actor, 'orgPath'>) => orgIdsUnder(db, actor.orgPath);

type Summary = z.infer<typeof ChainSummary>;

export async function listChains(db: Db, actor: Actor): Promise<Summary[]> {
  const rows = await db
    .select({
      id: chains.id,
      key: chains.key,
      name: chains.name,
      description: chains.description,
      orgId: chains.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      version: chains.version,
      leading: orgChains.position,
      nodes: sql<number>`(select count(*)::int from ${chainNodes} n where n.chain_id = ${chains.id} and n.depth > 0)`,
    })
    .from(chains)
    .innerJoin(orgs, eq(orgs.id, chains.orgId))
    .leftJoin(orgChains, and(eq(orgChains.chainId, chains.id), eq(orgChains.orgId, actor.orgId)))
    .where(visibleChain(actor))
    .orderBy(sql`${orgChains.position} nulls last`, asc(chains.name));
  return rows.map(({ orgPath, ...r }) => ({ ...r, editable: canEdit(actor, orgPath) }));
}

export function canEdit(actor: Actor, ownerPath: string) {
  return actor.roles.includes('admin') && pathInScope(actor, ownerPath);
}

export async function chainOf(db: Tx, actor: Actor, id: string) {
  const [row] = await db
    .select({ chain: chains, orgName: orgs.name, orgPath: orgs.path })
    .from(chains)
    .innerJoin(orgs, eq(orgs.id, chains.orgId))
    .where(and(eq(chains.id, id), visibleChain(actor)));
  if (!row) throw new AppError('chain.not_found');
  return row;
}

export async function thresholdsOf(
  db: Tx,
  orgId: string,
): Promise<{ t: StrengthThresholds; version: number }> {
  const [row] = await db.select().from(chainSettings).where(eq(chainSettings.orgId, orgId));
  return row ? { t: row.thresholds, version: row.thresholdsVersion } : { t: DEFAULT_THRESHOLDS, version: 0 };
}

type FigureRow = {
  node_id: string;
  firms: number;
  revenue: number;
  hnte: number;
  specialized: number;
  leaders: number;
};

/** Per node, the actor's local firms on it or below it: how many, their latest revenue, titles, 龙头. */
async function figuresOf(db: Tx, chainId: string, orgIds: string[], t: StrengthThresholds, date: string) {
  if (orgIds.length === 0) return new Map<string, FigureRow>();
  const res = (await db.execute(sql`
    with recursive sub(ancestor, node) as (
      select id, id from chain_nodes where chain_id = ${chainId}
      union all
      select s.ancestor, n.id from sub s join chain_nodes n on n.parent_id = s.node),
    firms as (
      select distinct p.enterprise_id from chain_placements p join chain_nodes n on n.id = p.node_id
        join enterprises e on e.id = p.enterprise_id
       where n.chain_id = ${chainId} and p.status <> 'rejected' and e.universe = 'local'
         and e.merged_into is null and e.org_id = any(${arrayLiteral(orgIds)}::uuid[])),
    facts as (
      select f.enterprise_id,
             coalesce((select y.revenue from enterprise_years y where y.enterprise_id = f.enterprise_id
                        and y.revenue is not null order by y.year desc limit 1), 0)::float8 as revenue,
             exists (select 1 from qualifications q where q.enterprise_id = f.enterprise_id and q.tier = 'hnte'
                      and (q.expires_on is null or q.expires_on >= ${date})) as hnte,
             exists (select 1 from qualifications q where q.enterprise_id = f.enterprise_id
                      and q.tier in ('specialized_sme', 'little_giant')
                      and (q.expires_on is null or q.expires_on >= ${date})) as specialized
        from firms f),
    -- Each firm once per node, however many nodes below it hold the firm.
    placed as (
      select distinct s.ancestor, x.enterprise_id, x.revenue, x.hnte, x.specialized from sub s
        join chain_placements p on p.node_id = s.node and p.status <> 'rejected'
        join facts x on x.enterprise_id = p.enterprise_id)
    select ancestor as node_id, count(*)::int as firms, coalesce(sum(revenue), 0)::float8 as revenue,
           count(*) filter (where hnte)::int as hnte, count(*) filter (where specialized)::int as specialized,
           count(*) filter (where revenue >= ${t.leaderRevenue})::int as leaders
      from placed group by ancestor`)) as unknown as { rows: FigureRow[] };
  return new Map(res.rows.map((r) => [r.node_id, r]));
}

/** The org's latest successful 产业链企业匹配: when it read the nodes (its start) and when it ended. */
async function lastPlacement(db: Db, orgId: string) {
  const [job] = await db
    .select({ startedAt: jobs.startedAt, finishedAt: jobs.finishedAt })
    .from(jobs)
    .where(and(eq(jobs.kind, 'chain.placement'), eq(jobs.orgId, orgId), eq(jobs.status, 'succeeded')))
    .orderBy(sql`${jobs.startedAt} desc nulls last`)
    .limit(1);
  return job ?? null;
}

/** Whether this chain's nodes were there when the org's firms were last placed. The org's last job is
 *  not enough: a chain copied or imported since, or nodes added since, have no firms yet, and the
 *  header said 企业匹配于 <time> over a chain of 缺失. */
function placementOf(
  nodes: { depth: number; createdAt: Date }[],
  job: { startedAt: Date | null; finishedAt: Date | null } | null,
) {
  const below = nodes.filter((n) => n.depth > 0);
  const started = job?.startedAt;
  const unplaced = started ? below.filter((n) => n.createdAt > started).length : below.length;
  const placed = job?.finishedAt && (below.length === 0 || unplaced < below.length);
  return {
    placedAt: placed ? (job.finishedAt as Date).toISOString() : null,
    unplacedNodes: unplaced,
  };
}

export async function chainTree(db: Db, actor: Actor, id: string) {
  const row = await chainOf(db, actor, id);
  const [lead] = await db
    .select({ position: orgChains.position })
    .from(orgChains)
    .where(and(eq(orgChains.chainId, id), eq(orgChains.orgId, actor.orgId)));
  const nodes = await db
    .select()
    .from(chainNodes)
    .where(eq(chainNodes.chainId, id))
    .orderBy(asc(chainNodes.depth), asc(chainNodes.position), asc(chainNodes.name));
  const { t } = await thresholdsOf(db, actor.orgId);
  const today = chinaToday();
  const figures = await figuresOf(db, id, await subtreeOrgIds(db, actor), t, today);
  const placement = placementOf(nodes, await lastPlacement(db, actor.orgId));
  return {
    chain: {
      id: row.chain.id,
      key: row.chain.key,
      name: row.chain.name,
      description: row.chain.description,
      orgId: row.chain.orgId,
      orgName: row.orgName,
      editable: canEdit(actor, row.orgPath),
      leading: lead?.position ?? null,
      nodes: nodes.filter((n) => n.depth > 0).length,
      version: row.chain.version,
    },
    thresholds: t,
    ...placement,
    nodes: nodes.map((n) => {
      const f = figures.get(n.id);
      const fig = {
        firms: f?.firms ?? 0,
        revenue: f?.revenue ?? 0,
        hnte: f?.hnte ?? 0,
        specialized: f?.specialized ?? 0,
        leaders: f?.leaders ?? 0,
      };
      const s = strengthOf(fig, t);
      return {
        id: n.id,
        parentId: n.parentId,
        segment: n.segment as Segment,
        depth: n.depth,
        position: n.position,
        name: n.name,
        description: n.description,
        keywords: n.keywords,
        products: n.products,
        technologies: n.technologies,
        industryCodes: n.industryCodes,
        version: n.version,
        figures: fig,
        strength: s.strength,
        strengthReason: s.reason,
      };
    }),
  };
}

/** The org's leading chains ("3+1"), in the given order; only chains it can see. */
export async function setLeadingChains(db: Db, actor: Actor, chainIds: string[]) {
  return db.transaction(async (tx) => {
    const ids = [...new Set(chainIds)];
    if (ids.length) {
      const seen = await tx
        .select({ id: chains.id })
        .from(chains)
        .where(and(inArray(chains.id, ids), visibleChain(actor)));
      if (seen.length !== ids.length) throw new AppError('chain.not_found');
    }
    const before = await tx.select().from(orgChains).where(eq(orgChains.orgId, actor.orgId));
    await tx.delete(orgChains).where(eq(orgChains.orgId, actor.orgId));
    if (ids.length)
      await tx
        .insert(orgChains)
        .values(ids.map((chainId, position) => ({ orgId: actor.orgId, chainId, position })));
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'org_chains',
      entityId: actor.orgId,
      orgId: actor.orgId,
      before: before.sort((a, b) => a.position - b.position).map((r) => r.chainId),
      after: ids,
    });
    return listChains(tx as Db, actor);
  });
}

export async function saveThresholds(db: Db, actor: Actor, body: z.infer<typeof ThresholdsBody>) {
  return db.transaction(async (tx) => {
    const { version, ...t } = body;
    const current = await thresholdsOf(tx, actor.orgId);
    if (current.version !== version) throw new AppError('conflict.stale');
    await saveSetting(tx, actor.orgId, { which: 'thresholds', value: t }, version);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'chain_settings',
      entityId: actor.orgId,
      orgId: actor.orgId,
      before: current.t,
      after: t,
    });
    return { ...t, version: version + 1 };
  });
}
