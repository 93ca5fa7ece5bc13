/** 靶向招商 for a chain node: firms of the target universe placed on the node (or below it), not already
 *  local nor already in the pipeline, ranked by the org's weights with every factor explained; saved lists and their XLSX. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { arrayLiteral } from '../../../db/array-literal.js';
import type { Db } from '../../../db/client.js';
import { chainNodes, chainSettings, targetLists } from '../../../db/schema/index.js';
import {
  DEFAULT_TARGET_WEIGHTS,
  scoreTarget,
  type TargetFacts,
  type TargetWeights,
} from '../../../domain/chain/targeting.js';
import type { TargetListCreate, TargetQuery, WeightsBody } from '../../../shared/chain-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { chainOf, subtreeOrgIds, thresholdsOf } from './chains.js';

export async function weightsOf(db: Db, orgId: string): Promise<{ w: TargetWeights; version: number }> {
  const [row] = await db.select().from(chainSettings).where(eq(chainSettings.orgId, orgId));
  return { w: row?.targetWeights ?? DEFAULT_TARGET_WEIGHTS, version: row?.version ?? 0 };
}

export async function saveWeights(db: Db, actor: Actor, body: z.infer<typeof WeightsBody>) {
  return db.transaction(async (tx) => {
    const { version, ...w } = body;
    if (Object.values(w).every((v) => v === 0))
      throw new AppError('request.invalid', [{ field: 'body', message: '权重不能全为 0' }]);
    const [row] = await tx.select().from(chainSettings).where(eq(chainSettings.orgId, actor.orgId));
    if ((row?.version ?? 0) !== version) throw new AppError('conflict.stale');
    const { t } = await thresholdsOf(tx, actor.orgId);
    if (!row) await tx.insert(chainSettings).values({ orgId: actor.orgId, thresholds: t, targetWeights: w });
    else
      await tx
        .update(chainSettings)
        .set({ targetWeights: w, version: version + 1, updatedAt: new Date() })
        .where(and(eq(chainSettings.orgId, actor.orgId), eq(chainSettings.version, version)));
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'target_weights',
      entityId: actor.orgId,
      orgId: actor.orgId,
      before: row?.targetWeights ?? DEFAULT_TARGET_WEIGHTS,
      after: w,
    });
    return { ...w, version: version + 1 };
  });
}

type Row = {
  id: string;
  name: string;
  uscc: string | null;
  region_code: string | null;
  conf: number;
  revenue: number | null;
  revenue_year: number | null;
  revenue_earlier: number | null;
  rd_expense: number | null;
  inventions: number;
  titles: string[];
  funding: number;
  latest_round: string | null;
  leader_links: string[];
  local_links: number;
};

async function nodeWithPath(db: Db, actor: Actor, nodeId: string) {
  const [node] = await db.select().from(chainNodes).where(eq(chainNodes.id, nodeId));
  if (!node) throw new AppError('chain.node_not_found');
  const { chain } = await chainOf(db, actor, node.chainId).catch(() => {
    throw new AppError('chain.node_not_found');
  });
  const path = (
    (await db.execute(sql`
      with recursive up(id, parent_id, name, depth) as (
        select id, parent_id, name, depth from chain_nodes where id = ${nodeId}
        union all select n.id, n.parent_id, n.name, n.depth from up join chain_nodes n on n.id = up.parent_id)
      select name from up order by depth`)) as unknown as { rows: { name: string }[] }
  ).rows.map((r) => r.name);
  return { node, chain, path: path.join(' › ') };
}

/** Ranked targets for a node. */
export async function rankTargets(db: Db, actor: Actor, nodeId: string, q: z.infer<typeof TargetQuery>) {
  const { node, chain, path } = await nodeWithPath(db, actor, nodeId);
  const { w } = await weightsOf(db, actor.orgId);
  const { t } = await thresholdsOf(db, actor.orgId);
  const orgIds = await subtreeOrgIds(db, actor);
  const orgArray = arrayLiteral(orgIds);
  const today = new Date().toISOString().slice(0, 10);
  const since = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
  const res = (await db.execute(sql`
    with recursive sub(id) as (select ${nodeId}::uuid union all
      select n.id from sub join chain_nodes n on n.parent_id = sub.id),
    cand as (
      select p.enterprise_id, max(p.confidence) as conf from chain_placements p
       where p.node_id in (select id from sub) and p.status <> 'rejected' group by p.enterprise_id),
    locals as materialized (
      select e.id, e.name, e.uscc, e.name_normalized from enterprises e
       where e.org_id = any(${orgArray}::uuid[]) and e.universe = 'local' and e.merged_into is null),
    leaders as materialized (
      select l.id, l.name from locals l where (select y.revenue from enterprise_years y where y.enterprise_id = l.id
        and y.revenue is not null order by y.year desc limit 1) >= ${t.leaderRevenue}),
    firms as (
      select e.id, e.name, e.uscc, e.region_code, c.conf from cand c join enterprises e on e.id = c.enterprise_id
       where e.universe = 'target' and e.merged_into is null and e.org_id = any(${orgArray}::uuid[])
         -- Already here: the same uscc or name among the local firms.
         -- (two anti-joins, not one with OR: each can hash; the OR compared every candidate with every local firm)
         and not exists (select 1 from locals l where l.uscc = e.uscc)
         and not exists (select 1 from locals l where l.name_normalized = e.name_normalized)
         -- Already being worked: a project of the org's subtree on the firm that has not ended.
         and not exists (select 1 from projects pr where pr.enterprise_id = e.id and pr.stage <> 'terminated'
                           and pr.org_id = any(${orgArray}::uuid[])))
    select f.*,
      y.revenue::float8 as revenue, y.year as revenue_year, y.rd_expense::float8 as rd_expense,
      (select y2.revenue::float8 from enterprise_years y2 where y2.enterprise_id = f.id and y2.year = y.year - 2) as revenue_earlier,
      coalesce((select sum(i.count) from enterprise_ip i where i.enterprise_id = f.id and i.kind = 'invention_patent'), 0)::int as inventions,
      array(select distinct q.tier from qualifications q where q.enterprise_id = f.id
             and (q.expires_on is null or q.expires_on >= ${today})) as titles,
      coalesce((select sum(r.amount) from funding_rounds r where r.enterprise_id = f.id and r.date >= ${since}), 0)::float8 as funding,
      (select r.round from funding_rounds r where r.enterprise_id = f.id and r.date is not null order by r.date desc limit 1) as latest_round,
      array(select distinct l.name from relations x join leaders l on l.id in (x.from_id, x.to_id)
             where (x.from_id = f.id or x.to_id = f.id) and x.kind in ('supply', 'cooperation')
               and x.org_id = any(${orgArray}::uuid[])) as leader_links,
      (select count(distinct l.id) from relations x join locals l on l.id in (x.from_id, x.to_id)
        where (x.from_id = f.id or x.to_id = f.id) and x.org_id = any(${orgArray}::uuid[]))::int as local_links
    from firms f
    left join lateral (select yy.year, yy.revenue, yy.rd_expense from enterprise_years yy
      where yy.enterprise_id = f.id and yy.revenue is not null order by yy.year desc limit 1) y on true`)) as unknown as {
    rows: Row[];
  };
  const ranked = res.rows
    .map((r) => {
      const facts: TargetFacts = {
        confidence: r.conf,
        revenue: r.revenue,
        revenueYear: r.revenue_year,
        revenueEarlier: r.revenue_earlier,
        inventionPatents: r.inventions,
        rdRatio: r.revenue && r.rd_expense !== null ? r.rd_expense / r.revenue : null,
        titles: r.titles,
        recentFunding: r.funding,
        latestRound: r.latest_round,
        leaderLinks: r.leader_links,
        localLinks: r.local_links,
      };
      return {
        enterpriseId: r.id,
        name: r.name,
        uscc: r.uscc,
        regionCode: r.region_code,
        ...scoreTarget(facts, w),
      };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh'));
  return {
    node: { id: node.id, name: node.name, path, chainId: chain.id, chainName: chain.name },
    weights: w,
    total: ranked.length,
    items: ranked.slice(0, q.limit),
  };
}

/** Saves the current ranking as a list (weights and factors as they are now). */
export async function saveTargetList(db: Db, actor: Actor, body: z.infer<typeof TargetListCreate>) {
  const r = await rankTargets(db, actor, body.nodeId, { limit: body.limit });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(targetLists)
      .values({
        orgId: actor.orgId,
        nodeId: r.node.id,
        chainName: r.node.chainName,
        nodePath: r.node.path,
        name: body.name ?? `${r.node.chainName} · ${r.node.name} 目标企业`,
        weights: r.weights,
        items: r.items.map(({ regionCode: _, ...i }) => i),
        createdBy: actor.id,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'target_list',
      entityId: row.id,
      orgId: actor.orgId,
      after: { name: row.name, node: r.node.path, firms: row.items.length },
    });
    return presentList(row);
  });
}

function presentList(r: typeof targetLists.$inferSelect) {
  return {
    id: r.id,
    name: r.name,
    chainName: r.chainName,
    nodePath: r.nodePath,
    nodeId: r.nodeId,
    weights: r.weights,
    items: r.items,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listTargetLists(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(targetLists)
    .where(sql`${targetLists.orgId} in (select id from orgs where path like ${`${actor.orgPath}%`})`)
    .orderBy(desc(targetLists.createdAt))
    .limit(100);
  return rows.map((r) => ({ ...presentList(r), items: undefined, firms: r.items.length }));
}

export async function getTargetList(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(targetLists)
    .where(
      and(
        eq(targetLists.id, id),
        sql`${targetLists.orgId} in (select id from orgs where path like ${`${actor.orgPath}%`})`,
      ),
    );
  if (!row) throw new AppError('target_list.not_found');
  return presentList(row);
}

/** What a project lead needs from a saved target (the pipeline issue turns it into a 线索): the firm,
 *  the source 靶向推荐, the node it would fill, and the ranking's explanation, kept with the lead. */
export async function targetAsLead(db: Db, actor: Actor, listId: string, enterpriseId: string) {
  const list = await getTargetList(db, actor, listId);
  const item = list.items.find((i) => i.enterpriseId === enterpriseId);
  if (!item) throw new AppError('enterprise.not_found');
  return {
    enterpriseId: item.enterpriseId,
    name: item.name,
    source: '靶向推荐' as const,
    chainNodeId: list.nodeId,
    explanation: {
      list: list.name,
      node: `${list.chainName} › ${list.nodePath}`,
      score: item.score,
      factors: item.factors,
      weights: list.weights,
    },
  };
}
