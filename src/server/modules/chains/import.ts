/** Importing a chain from JSON (a template or an admin's file): a new key creates the chain, a key the
 *  org already has updates that chain in place — nodes found again by their path of names keep their
 *  ids (so placements, users' decisions and target lists stay), new ones are added, and only the ones
 *  the file no longer has are removed (domain/chain/chain-merge.ts). A dry run says what would happen. */
import { randomUUID } from 'node:crypto';
import { type AnyColumn, and, eq, sql } from 'drizzle-orm';
import { arrayLiteral } from '../../../db/array-literal.js';
import { bulkInsert } from '../../../db/bulk-insert.js';
import type { Db, Tx } from '../../../db/client.js';
import { chainNodes, chainPlacements, chains } from '../../../db/schema/index.js';
import { type MergePlan, type NodeRow, planChainMerge } from '../../../domain/chain/chain-merge.js';
import type { ChainInput } from '../../../domain/chain/chain-schema.js';
import type { Actor } from '../../access.js';
import { writeAudit } from '../../audit.js';

const nodeColumns = {
  id: chainNodes.id,
  parentId: chainNodes.parentId,
  segment: chainNodes.segment,
  depth: chainNodes.depth,
  position: chainNodes.position,
  name: chainNodes.name,
  description: chainNodes.description,
  keywords: chainNodes.keywords,
  products: chainNodes.products,
  technologies: chainNodes.technologies,
  industryCodes: chainNodes.industryCodes,
};

/** One array parameter, not one per id: a chain stored before the node cap may hold thousands. */
const anyId = (column: AnyColumn, ids: string[]) => sql`${column} = any(${arrayLiteral(ids)}::uuid[])`;

/** Users' 确认 / 否决 / 手工添加 on these nodes (they go with the nodes). */
async function decisionsOn(tx: Tx, nodeIds: string[]): Promise<number> {
  if (nodeIds.length === 0) return 0;
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(chainPlacements)
    .where(and(anyId(chainPlacements.nodeId, nodeIds), sql`${chainPlacements.status} <> 'auto'`));
  return n;
}

/** Writes the plan set-based: one delete, one update, one insert, whatever the chain's size. */
async function applyPlan(tx: Tx, chainId: string, plan: MergePlan) {
  // Placements of removed nodes go by the foreign key's cascade; target lists keep their saved path.
  if (plan.remove.length) await tx.delete(chainNodes).where(anyId(chainNodes.id, plan.remove));
  if (plan.update.length)
    await tx.execute(sql`
      update ${chainNodes} c set parent_id = v.parent_id, segment = v.segment, depth = v.depth,
             position = v.position, name = v.name, description = v.description, keywords = v.keywords,
             products = v.products, technologies = v.technologies, industry_codes = v.industry_codes,
             version = c.version + 1, updated_at = now()
        from json_populate_recordset(null::${chainNodes}, ${JSON.stringify(plan.update.map(rowJson))}::json) v
       where c.id = v.id and c.chain_id = ${chainId}`);
  // Ids are made here, so parents and children go in the same statement.
  await bulkInsert(
    tx,
    chainNodes,
    plan.insert.map((r) => ({ ...r, chainId })),
  );
}

const rowJson = (r: NodeRow) => ({
  id: r.id,
  parent_id: r.parentId,
  segment: r.segment,
  depth: r.depth,
  position: r.position,
  name: r.name,
  description: r.description,
  keywords: r.keywords,
  products: r.products,
  technologies: r.technologies,
  industry_codes: r.industryCodes,
});

export type ImportOutcome = {
  id: string | null;
  existing: typeof chains.$inferSelect | null;
  nodes: number;
  counts: MergePlan['counts'];
  removedDecisions: number;
};

/** Creates the chain in `orgId` or updates its chain with the same key, inside the caller's
 *  transaction; with `dryRun` only says what it would do. */
export async function writeChain(
  tx: Tx,
  orgId: string,
  c: ChainInput,
  dryRun = false,
): Promise<ImportOutcome> {
  const [existing] = await tx
    .select()
    .from(chains)
    .where(and(eq(chains.orgId, orgId), eq(chains.key, c.key)));
  const stored = existing
    ? await tx.select(nodeColumns).from(chainNodes).where(eq(chainNodes.chainId, existing.id))
    : [];
  const plan = planChainMerge(stored, c, randomUUID);
  const nodes = plan.counts.kept + plan.counts.added;
  const removedDecisions = await decisionsOn(tx, plan.remove);
  const outcome = { existing: existing ?? null, nodes, counts: plan.counts, removedDecisions };
  if (dryRun) return { ...outcome, id: existing?.id ?? null };
  let id: string;
  if (existing) {
    await tx
      .update(chains)
      .set({
        name: c.name,
        description: c.description ?? null,
        version: existing.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(chains.id, existing.id));
    id = existing.id;
  } else {
    const [row] = await tx
      .insert(chains)
      .values({ orgId, key: c.key, name: c.name, description: c.description ?? null })
      .returning({ id: chains.id });
    id = row.id;
  }
  await applyPlan(tx, id, plan);
  return { ...outcome, id };
}

export async function importChain(db: Db, actor: Actor, c: ChainInput, dryRun = false) {
  return db.transaction(async (tx) => {
    const r = await writeChain(tx, actor.orgId, c, dryRun);
    if (!dryRun)
      await writeAudit(tx, actor, {
        action: r.existing ? 'update' : 'create',
        entity: 'chain',
        entityId: r.id as string,
        orgId: actor.orgId,
        before: r.existing ? { key: r.existing.key, name: r.existing.name } : undefined,
        after: {
          key: c.key,
          name: c.name,
          nodes: r.nodes,
          ...r.counts,
          removedDecisions: r.removedDecisions,
        },
      });
    return {
      id: r.id,
      dryRun,
      replaced: Boolean(r.existing),
      previousName: r.existing?.name ?? null,
      nodes: r.nodes,
      ...r.counts,
      removedDecisions: r.removedDecisions,
    };
  });
}
