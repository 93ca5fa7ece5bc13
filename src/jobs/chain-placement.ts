/** 产业链 placement as a durable job: every firm of an org's subtree (local and target universe) against
 *  every node of the chains the org sees. Found placements are refreshed; what users confirmed, rejected
 *  or added stays as they decided. A batch is one transaction; the checkpoint is the last firm's id. */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { chainNodes, chainPlacements, chains, enterprises, orgs } from '../db/schema/index.js';
import { Placer } from '../domain/chain/placement.js';
import { visibleChain } from '../server/modules/chains/chains.js';
import { fillTargetCacheOfOrgs } from '../server/modules/chains/target-cache.js';
import { orgIdsUnder } from '../server/scope.js';
import type { JobDefinition } from './types.js';

const Params = z.object({ orgId: z.uuid(), batchSize: z.number().int().min(1).max(5000).default(2000) });
type State = { lastId: string | null; done: number; total: number; placed: number };

export const chainPlacementJob: JobDefinition<z.infer<typeof Params>, State> = {
  kind: 'chain.placement',
  title: '产业链企业匹配',
  params: Params,
  async run({ params, state, db, progress }) {
    const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, params.orgId));
    if (!org) throw new Error('任务所属组织已不存在');
    const orgIds = await orgIdsUnder(db, org.path);
    const nodes = await db
      .select({
        id: chainNodes.id,
        keywords: chainNodes.keywords,
        products: chainNodes.products,
        technologies: chainNodes.technologies,
        industryCodes: chainNodes.industryCodes,
      })
      .from(chainNodes)
      .innerJoin(chains, eq(chains.id, chainNodes.chainId))
      .where(and(sql`${chainNodes.depth} > 0`, visibleChain({ orgPath: org.path })));
    const placer = new Placer(nodes);
    const nodeIds = nodes.map((n) => n.id);
    const scope = and(inArray(enterprises.orgId, orgIds), sql`${enterprises.mergedInto} is null`);
    let cur: State = state ?? { lastId: null, done: 0, total: 0, placed: 0 };
    if (!state) {
      const [{ n }] = (
        (await db.execute(sql`select count(*)::int as n from ${enterprises} where ${scope}`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows;
      cur = { ...cur, total: n };
    }
    for (;;) {
      const firms = await db
        .select({
          id: enterprises.id,
          name: enterprises.name,
          industryDivision: enterprises.industryDivision,
          businessScope: enterprises.businessScope,
          mainProducts: enterprises.mainProducts,
        })
        .from(enterprises)
        .where(cur.lastId ? and(scope, gt(enterprises.id, cur.lastId)) : scope)
        .orderBy(asc(enterprises.id))
        .limit(params.batchSize);
      if (firms.length === 0) break;
      const rows = firms.flatMap((f) =>
        placer.place(f).map((p) => ({
          nodeId: p.nodeId,
          enterpriseId: f.id,
          confidence: p.confidence,
          reasons: p.reasons,
        })),
      );
      await db.transaction(async (tx) => {
        const ids = firms.map((f) => f.id);
        // Found placements are found again from scratch; users' decisions are kept.
        if (nodeIds.length)
          await tx
            .delete(chainPlacements)
            .where(
              and(
                inArray(chainPlacements.enterpriseId, ids),
                eq(chainPlacements.status, 'auto'),
                inArray(chainPlacements.nodeId, nodeIds),
              ),
            );
        if (rows.length)
          await tx.execute(sql`
            insert into ${chainPlacements} (node_id, enterprise_id, confidence, reasons)
            select node_id, enterprise_id, confidence, reasons
              from json_populate_recordset(null::${chainPlacements}, ${JSON.stringify(
                rows.map((r) => ({
                  node_id: r.nodeId,
                  enterprise_id: r.enterpriseId,
                  confidence: r.confidence,
                  reasons: r.reasons,
                })),
              )}::json)
            on conflict (node_id, enterprise_id) do update
              set confidence = excluded.confidence, reasons = excluded.reasons, updated_at = now()`);
      });
      cur = {
        lastId: firms[firms.length - 1].id,
        done: cur.done + firms.length,
        total: cur.total,
        placed: cur.placed + rows.length,
      };
      const pct = cur.total ? Math.min(99, (cur.done / cur.total) * 100) : 99;
      await progress(pct, `已匹配 ${cur.done} / ${cur.total} 家企业，${cur.placed} 个链上位置`, cur);
    }
    // 靶向招商's cache on the placements just written (and any emptied since).
    const cached = await fillTargetCacheOfOrgs(db, orgIds, (n) =>
      progress(99, `已匹配 ${cur.done} 家企业；已计算 ${n} 家企业的靶向评分因子`, cur),
    );
    // Statistics for the planner, and the visibility map that lets rankings read the covering index alone.
    await db.execute(sql`vacuum analyze ${chainPlacements}`);
    return { firms: cur.done, placements: cur.placed, cached };
  },
};
