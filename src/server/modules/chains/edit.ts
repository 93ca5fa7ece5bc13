/** Editing chains: export a chain as JSON (import.ts reads it back), and add, change, move or delete
 *  nodes. Only admins of the owning org; every change is audited. */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { chainNodes, chains } from '../../../db/schema/index.js';
import {
  type ChainInput,
  type ChainNodeInput,
  MAX_CHAIN_NODES,
  MAX_NODE_DEPTH,
  type Segment,
} from '../../../domain/chain/chain-schema.js';
import type { NodeCreate, NodeUpdate } from '../../../shared/chain-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { canEdit, chainOf } from './chains.js';

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
        segment: r.segment as Segment,
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

/** Siblings are told apart by name (a re-import finds a node again by its path of names). */
async function refuseSiblingName(tx: Tx, parentId: string, name: string, self?: string) {
  const [clash] = await tx
    .select({ id: chainNodes.id })
    .from(chainNodes)
    .where(
      and(
        eq(chainNodes.parentId, parentId),
        eq(chainNodes.name, name),
        self ? ne(chainNodes.id, self) : undefined,
      ),
    )
    .limit(1);
  if (clash)
    throw new AppError('chain.duplicate_name', {
      message: `已有名为“${name}”的节点`,
      messageEn: `"${name}" is already there`,
    });
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
    if (parent.depth >= MAX_NODE_DEPTH) throw new AppError('chain.too_deep');
    const [{ count }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(chainNodes)
      .where(and(eq(chainNodes.chainId, chain.id), sql`${chainNodes.depth} > 0`));
    if (count >= MAX_CHAIN_NODES)
      throw new AppError('chain.too_many_nodes', {
        message: `一条产业链最多 ${MAX_CHAIN_NODES} 个节点`,
        messageEn: `a chain has at most ${MAX_CHAIN_NODES} nodes`,
      });
    await refuseSiblingName(tx, parent.id, body.name);
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
    if (
      node.depth === 0 &&
      (body.name !== undefined || body.parentId !== undefined || body.position !== undefined)
    )
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
    const name = body.name ?? node.name;
    const parentId = moved?.parentId ?? node.parentId;
    if (parentId && (moved || name !== node.name)) await refuseSiblingName(tx, parentId, name, node.id);
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
