/** Editing chains: import a chain from JSON (a template or an admin's file), export it, and add, change,
 *  move or delete nodes. Only admins of the owning org; every change is audited. */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { chainNodes, chains } from '../../../db/schema/index.js';
import {
  type ChainInput,
  type ChainNodeInput,
  MAX_NODE_DEPTH,
  SEGMENT_NAMES,
  SEGMENTS,
} from '../../../domain/chain/chain-schema.js';
import type { NodeCreate, NodeUpdate } from '../../../shared/chain-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { canEdit, chainOf } from './chains.js';

/** Writes a chain's nodes under fresh segments. */
async function insertTree(tx: Tx, chainId: string, c: ChainInput) {
  let n = 0;
  for (const segment of SEGMENTS) {
    const s = c.segments.find((x) => x.segment === segment);
    const [root] = await tx
      .insert(chainNodes)
      .values({
        chainId,
        segment,
        depth: 0,
        position: SEGMENTS.indexOf(segment),
        name: s?.name ?? SEGMENT_NAMES[segment],
        description: s?.description ?? null,
      })
      .returning({ id: chainNodes.id });
    const walk = async (nodes: ChainNodeInput[], parentId: string, depth: number) => {
      for (const [position, node] of nodes.entries()) {
        const [row] = await tx
          .insert(chainNodes)
          .values({
            chainId,
            parentId,
            segment,
            depth,
            position,
            name: node.name,
            description: node.description ?? null,
            keywords: node.keywords,
            products: node.products,
            technologies: node.technologies,
            industryCodes: node.industryCodes,
          })
          .returning({ id: chainNodes.id });
        n++;
        await walk(node.children, row.id, depth + 1);
      }
    };
    await walk(s?.children ?? [], root.id, 1);
  }
  return n;
}

/** Creates the chain in `orgId`, or replaces the nodes of its chain with the same key (placements on
 *  replaced nodes go with them: re-run the placement). Inside the caller's transaction. */
export async function writeChain(tx: Tx, orgId: string, c: ChainInput) {
  const [existing] = await tx
    .select()
    .from(chains)
    .where(and(eq(chains.orgId, orgId), eq(chains.key, c.key)));
  let id: string;
  if (existing) {
    await tx.delete(chainNodes).where(eq(chainNodes.chainId, existing.id));
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
  const nodes = await insertTree(tx, id, c);
  return { id, nodes, existing: existing ?? null };
}

export async function importChain(db: Db, actor: Actor, c: ChainInput) {
  return db.transaction(async (tx) => {
    const { id, nodes, existing } = await writeChain(tx, actor.orgId, c);
    await writeAudit(tx, actor, {
      action: existing ? 'update' : 'create',
      entity: 'chain',
      entityId: id,
      orgId: actor.orgId,
      before: existing ? { key: existing.key, name: existing.name } : undefined,
      after: { key: c.key, name: c.name, nodes },
    });
    return { id, nodes, replaced: Boolean(existing) };
  });
}

/** The chain in the import format, for a file an admin can edit and import again. */
export async function exportChain(db: Db, actor: Actor, id: string): Promise<ChainInput> {
  const { chain } = await chainOf(db, actor, id);
  const rows = await db
    .select()
    .from(chainNodes)
    .where(eq(chainNodes.chainId, id))
    .orderBy(chainNodes.depth, chainNodes.position);
  const childrenOf = (parentId: string): ChainNodeInput[] =>
    rows
      .filter((r) => r.parentId === parentId)
      .map((r) => ({
        name: r.name,
        ...(r.description ? { description: r.description } : {}),
        keywords: r.keywords,
        products: r.products,
        technologies: r.technologies,
        industryCodes: r.industryCodes,
        children: childrenOf(r.id),
      }));
  return {
    key: chain.key,
    name: chain.name,
    ...(chain.description ? { description: chain.description } : {}),
    segments: rows
      .filter((r) => r.depth === 0)
      .map((r) => ({
        segment: r.segment as (typeof SEGMENTS)[number],
        name: r.name,
        ...(r.description ? { description: r.description } : {}),
        children: childrenOf(r.id),
      })),
  };
}

async function editableNode(tx: Tx, actor: Actor, nodeId: string) {
  const [node] = await tx.select().from(chainNodes).where(eq(chainNodes.id, nodeId));
  if (!node) throw new AppError('chain.node_not_found');
  const { orgPath, chain } = await chainOf(tx, actor, node.chainId).catch(() => {
    throw new AppError('chain.node_not_found');
  });
  if (!canEdit(actor, orgPath)) throw new AppError('chain.read_only');
  return { node, chain };
}

/** Depth of the deepest node below `id` (0 when it has no children). */
async function subtreeHeight(tx: Tx, id: string): Promise<number> {
  const res = (await tx.execute(sql`
    with recursive sub(id, h) as (select ${id}::uuid, 0 union all
      select n.id, s.h + 1 from sub s join ${chainNodes} n on n.parent_id = s.id)
    select max(h)::int as h from sub`)) as unknown as { rows: { h: number }[] };
  return res.rows[0].h;
}

async function bumpChain(tx: Tx, chainId: string) {
  await tx
    .update(chains)
    .set({ version: sql`${chains.version} + 1`, updatedAt: new Date() })
    .where(eq(chains.id, chainId));
}

export async function createNode(db: Db, actor: Actor, body: z.infer<typeof NodeCreate>) {
  return db.transaction(async (tx) => {
    const { node: parent, chain } = await editableNode(tx, actor, body.parentId);
    if (parent.depth >= MAX_NODE_DEPTH) throw new AppError('chain.bad_move');
    const [{ next }] = (
      (await tx.execute(
        sql`select coalesce(max(position) + 1, 0)::int as next from ${chainNodes} where parent_id = ${parent.id}`,
      )) as unknown as { rows: { next: number }[] }
    ).rows;
    const [row] = await tx
      .insert(chainNodes)
      .values({
        chainId: chain.id,
        parentId: parent.id,
        segment: parent.segment,
        depth: parent.depth + 1,
        position: next,
        name: body.name,
        description: body.description ?? null,
        keywords: body.keywords,
        products: body.products,
        technologies: body.technologies,
        industryCodes: body.industryCodes,
      })
      .returning();
    await bumpChain(tx, chain.id);
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'chain_node',
      entityId: row.id,
      orgId: chain.orgId,
      after: row,
    });
    return row;
  });
}

/** Rename, change the words, or move under another parent of the same chain (optimistic lock). */
export async function updateNode(db: Db, actor: Actor, id: string, body: z.infer<typeof NodeUpdate>) {
  return db.transaction(async (tx) => {
    const { node, chain } = await editableNode(tx, actor, id);
    if (node.version !== body.version) throw new AppError('conflict.stale');
    if (node.depth === 0 && (body.name !== undefined || body.parentId !== undefined))
      throw new AppError('chain.segment_fixed');
    const { version: _, ...changes } = body;
    let moved: { parentId: string; segment: string; depth: number } | null = null;
    if (body.parentId && body.parentId !== node.parentId) {
      const [parent] = await tx.select().from(chainNodes).where(eq(chainNodes.id, body.parentId));
      const height = await subtreeHeight(tx, node.id);
      const under = (await tx.execute(sql`
        with recursive sub(id) as (select ${node.id}::uuid union all
          select n.id from sub s join ${chainNodes} n on n.parent_id = s.id)
        select 1 from sub where id = ${body.parentId}`)) as unknown as { rows: unknown[] };
      if (
        !parent ||
        parent.chainId !== chain.id ||
        under.rows.length ||
        parent.depth + 1 + height > MAX_NODE_DEPTH
      )
        throw new AppError('chain.bad_move');
      moved = { parentId: parent.id, segment: parent.segment, depth: parent.depth + 1 };
    }
    const [row] = await tx
      .update(chainNodes)
      .set({
        ...changes,
        ...(moved ?? {}),
        version: node.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(chainNodes.id, id), eq(chainNodes.version, body.version)))
      .returning();
    if (!row) throw new AppError('conflict.stale');
    if (moved) {
      // The subtree follows: its segment and depths.
      await tx.execute(sql`
        with recursive sub(id, depth) as (
          select n.id, ${moved.depth + 1}::int from ${chainNodes} n where n.parent_id = ${id}
          union all select n.id, s.depth + 1 from sub s join ${chainNodes} n on n.parent_id = s.id)
        update ${chainNodes} c set depth = sub.depth, segment = ${moved.segment} from sub where c.id = sub.id`);
    }
    await bumpChain(tx, chain.id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'chain_node',
      entityId: id,
      orgId: chain.orgId,
      before: node,
      after: row,
    });
    return row;
  });
}

/** Deletes a node with everything below it (and their placements). Segments stay. */
export async function deleteNode(db: Db, actor: Actor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const { node, chain } = await editableNode(tx, actor, id);
    if (node.depth === 0) throw new AppError('chain.segment_fixed');
    if (node.version !== version) throw new AppError('conflict.stale');
    const res = (await tx.execute(sql`
      with recursive sub(id) as (select ${id}::uuid union all
        select n.id from sub s join ${chainNodes} n on n.parent_id = s.id)
      delete from ${chainNodes} where id in (select id from sub) returning name`)) as unknown as {
      rows: { name: string }[];
    };
    await bumpChain(tx, chain.id);
    await writeAudit(tx, actor, {
      action: 'delete',
      entity: 'chain_node',
      entityId: id,
      orgId: chain.orgId,
      before: { ...node, deleted: res.rows.map((r) => r.name) },
    });
    return { deleted: res.rows.length };
  });
}
