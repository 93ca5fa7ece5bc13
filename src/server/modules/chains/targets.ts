/** 靶向招商 for a chain node: firms of the target universe placed on the node (or below it), not already
 *  local nor already in the pipeline, ranked by the org's weights with every factor explained; saved lists and their XLSX. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { chainNodes, chainSettings, targetLists } from '../../../db/schema/index.js';
import {
  DEFAULT_TARGET_WEIGHTS,
  ESTIMATE_ERROR,
  scoreTarget,
  type TargetWeights,
} from '../../../domain/chain/targeting.js';
import type { TargetListCreate, TargetQuery, WeightsBody } from '../../../shared/chain-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { chainOf, subtreeOrgIds, thresholdsOf } from './chains.js';
import { saveSetting } from './settings.js';
import { factWindow, fillTargetCache, uncachedOnNodes } from './target-cache.js';
import { estimateCandidates } from './target-candidates.js';
import { loadFirmFacts } from './target-facts.js';

export async function weightsOf(db: Db, orgId: string): Promise<{ w: TargetWeights; version: number }> {
  const [row] = await db.select().from(chainSettings).where(eq(chainSettings.orgId, orgId));
  return { w: row?.targetWeights ?? DEFAULT_TARGET_WEIGHTS, version: row?.weightsVersion ?? 0 };
}

export async function saveWeights(db: Db, actor: Actor, body: z.infer<typeof WeightsBody>) {
  return db.transaction(async (tx) => {
    const { version, ...w } = body;
    if (Object.values(w).every((v) => v === 0))
      throw new AppError('request.invalid', [{ field: 'body', message: '权重不能全为 0' }]);
    const [row] = await tx.select().from(chainSettings).where(eq(chainSettings.orgId, actor.orgId));
    if ((row?.weightsVersion ?? 0) !== version) throw new AppError('conflict.stale');
    await saveSetting(tx, actor.orgId, { which: 'weights', value: w }, version);
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

/** A node and every node below it: a node's candidates are the firms placed anywhere in its subtree. */
export async function subtreeNodeIds(db: Db, nodeId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`
    with recursive sub(id) as (select ${nodeId}::uuid union all
      select n.id from sub join chain_nodes n on n.parent_id = sub.id)
    select id from sub`,
  );
  return rows.map((r) => r.id);
}

/** Ranked targets for a node, in two passes. The database estimates every candidate's score from the
 *  cached factor values and hands over the best few hundred; their live facts are then scored exactly
 *  (scoreTarget, with its explanation). Since a cached value is never below the live one and the
 *  estimate differs from the score by rounding only, every firm left behind scores at most the last
 *  estimate + ESTIMATE_ERROR: when the `limit`-th exact score beats that, the ranking is the one scoring
 *  every candidate exactly would give; otherwise more are fetched. */
export async function rankTargets(db: Db, actor: Actor, nodeId: string, q: z.infer<typeof TargetQuery>) {
  const { node, chain, path } = await nodeWithPath(db, actor, nodeId);
  const { w } = await weightsOf(db, actor.orgId);
  const { t } = await thresholdsOf(db, actor.orgId);
  const orgIds = await subtreeOrgIds(db, actor);
  const nodeIds = await subtreeNodeIds(db, nodeId);
  // Firms placed, imported or changed since their values were cached are computed now. (A firm changed
  // between this and the estimate is left out of this one ranking, not mis-scored: an emptied cache
  // is never read.)
  await fillTargetCache(db, await uncachedOnNodes(db, nodeIds));
  const { today, since } = factWindow();
  const byName = new Intl.Collator('zh').compare;
  const { total, items } = await db.transaction(async (tx) => {
    for (let n = q.limit * 4 + 100; ; n *= 4) {
      const est = await estimateCandidates(tx, { nodeIds, orgIds, w, leaderRevenue: t.leaderRevenue, n });
      const conf = new Map(est.top.map((e) => [e.id, e.conf]));
      const firms = await loadFirmFacts(tx, {
        ids: [...conf.keys()],
        orgIds,
        today,
        since,
        leaderRevenue: t.leaderRevenue,
      });
      const scored = firms
        .map((c) => {
          c.facts.confidence = conf.get(c.id) ?? 0;
          return { c, ...scoreTarget(c.facts, w) };
        })
        .sort((a, b) => b.score - a.score || byName(a.c.name, b.c.name));
      const last = est.top[est.top.length - 1]?.estimate ?? 0;
      const settled =
        est.top.length < n || (scored.length >= q.limit && scored[q.limit - 1].score > last + ESTIMATE_ERROR);
      if (settled) return { total: est.total, items: scored.slice(0, q.limit) };
    }
  });
  return {
    node: { id: node.id, name: node.name, path, chainId: chain.id, chainName: chain.name },
    weights: w,
    total,
    items: items.map(({ c, score, factors }) => ({
      enterpriseId: c.id,
      name: c.name,
      uscc: c.uscc,
      regionCode: c.regionCode,
      score,
      factors,
    })),
  };
}

/** Saves the current ranking as a list (weights and factors as they are now). */
export async function saveTargetList(db: Db, actor: Actor, body: z.infer<typeof TargetListCreate>) {
  const r = await rankTargets(db, actor, body.nodeId, { limit: body.limit });
  // A list with nobody on it would send officers to an empty 靶向招商.
  if (r.items.length === 0) throw new AppError('target_list.empty');
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
