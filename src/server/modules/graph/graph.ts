/** 企业图谱 queries for an actor: relations of the actor's org subtree only, read hop by hop through an
 *  EdgeSource over the `relations` table, with the entities named for display. */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { arrayLiteral } from '../../../db/array-literal.js';
import type { Db, Tx } from '../../../db/client.js';
import type { Provenance } from '../../../db/schema/index.js';
import {
  type Edge,
  type EdgeSource,
  groupMembers,
  neighbourhood,
  RELATION_NAMES,
  type RelationKind,
  shortestPath,
  ultimateController,
  withinHops,
} from '../../../domain/graph/algorithms.js';
import type { GraphEdge, GraphEntity, NeighbourQuery, PathQuery } from '../../../shared/graph-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';

type Entity = z.infer<typeof GraphEntity>;
type EdgeRow = {
  id: string;
  kind: RelationKind;
  from_id: string;
  to_id: string;
  share: number | null;
  round: string | null;
  amount: string | number | null;
  as_of: string | null;
  provenance: Provenance;
};
type FullEdge = Edge & { row: EdgeRow };

/** Relations visible to the actor: imported by its org or an org below it. */
export function relationSource(db: Tx, orgPath: string): EdgeSource & { rows: Map<string, EdgeRow> } {
  const rows = new Map<string, EdgeRow>();
  const scope = sql`org_id in (select id from orgs where path like ${`${orgPath}%`})`;
  const run = async (where: ReturnType<typeof sql>) => {
    const res = (await db.execute(sql`
      select id, kind, from_id, to_id, share, round, amount, as_of::text as as_of, provenance
        from relations where ${scope} and ${where}`)) as unknown as { rows: EdgeRow[] };
    return res.rows.map((r): FullEdge => {
      rows.set(r.id, r);
      return { id: r.id, kind: r.kind, from: r.from_id, to: r.to_id, share: r.share, row: r };
    });
  };
  return {
    rows,
    around: (ids, kinds, max) =>
      run(
        sql`(from_id = any(${arrayLiteral(ids)}::uuid[]) or to_id = any(${arrayLiteral(ids)}::uuid[]))${
          kinds ? sql` and kind = any(${`{${kinds.join(',')}}`}::text[])` : sql``
        }${max ? sql` limit ${max}` : sql``}`,
      ),
    holdersOf: (ids) => run(sql`to_id = any(${arrayLiteral(ids)}::uuid[]) and kind = 'shareholding'`),
    holdingsOf: (ids) => run(sql`from_id = any(${arrayLiteral(ids)}::uuid[]) and kind = 'shareholding'`),
  };
}

/** Names of firms (of the actor's subtree) and parties, by id. */
async function entities(db: Tx, orgPath: string, ids: string[]): Promise<Map<string, Entity>> {
  if (!ids.length) return new Map();
  const res = (await db.execute(sql`
    select e.id, 'enterprise' as type, e.name, e.uscc, e.universe from enterprises e join orgs o on o.id = e.org_id
     where e.id = any(${arrayLiteral(ids)}::uuid[]) and o.path like ${`${orgPath}%`}
    union all
    select p.id, p.kind, p.name, null, null from parties p join orgs o on o.id = p.org_id
     where p.id = any(${arrayLiteral(ids)}::uuid[]) and o.path like ${`${orgPath}%`}`)) as unknown as {
    rows: Entity[];
  };
  return new Map(res.rows.map((r) => [r.id, r]));
}

function sourceText(p: Provenance) {
  const s = p.source;
  if (s.kind === 'import') return `导入文件 ${s.file} 第 ${s.row} 行`;
  if (s.kind === 'user') return `${s.userName} 录入`;
  return `接口 ${s.client}`;
}

function edgeView(r: EdgeRow): z.infer<typeof GraphEdge> {
  return {
    id: r.id,
    kind: r.kind,
    kindName: RELATION_NAMES[r.kind],
    from: r.from_id,
    to: r.to_id,
    share: r.share,
    round: r.round,
    amount: r.amount === null ? null : Number(r.amount),
    asOf: r.as_of,
    source: sourceText(r.provenance),
  };
}

async function entityOf(db: Tx, actor: Actor, id: string) {
  const e = (await entities(db, actor.orgPath, [id])).get(id);
  if (!e) throw new AppError('graph.entity_not_found');
  return e;
}

export async function neighbours(db: Db, actor: Actor, q: z.infer<typeof NeighbourQuery>) {
  await entityOf(db, actor, q.id);
  const g = relationSource(db, actor.orgPath);
  const n = await neighbourhood(g, q.id, { hops: q.hops, kinds: q.kinds, limit: q.limit });
  const named = await entities(db, actor.orgPath, [...n.depth.keys()]);
  const nodes = [...n.depth].flatMap(([id, depth]) => {
    const e = named.get(id);
    return e ? [{ ...e, depth }] : [];
  });
  const shown = new Set(nodes.map((x) => x.id));
  return {
    center: q.id,
    nodes,
    edges: n.edges
      .filter((e) => shown.has(e.from) && shown.has(e.to))
      .map((e) => edgeView((e as FullEdge).row)),
    truncated: n.truncated,
  };
}

export async function controllerOf(db: Db, actor: Actor, enterpriseId: string) {
  const firm = await entityOf(db, actor, enterpriseId);
  if (firm.type !== 'enterprise') throw new AppError('graph.entity_not_found');
  const c = await ultimateController(relationSource(db, actor.orgPath), enterpriseId);
  if (!c) return { controller: null, path: [], product: null };
  const named = await entities(db, actor.orgPath, c.entities);
  const path = c.entities.map((id, i) => ({
    entity: named.get(id) ?? { id, type: 'person' as const, name: '（未知）', uscc: null, universe: null },
    share: i < c.shares.length ? c.shares[i] : null,
  }));
  return { controller: path[0].entity, path, product: c.product };
}

export async function groupOf(db: Db, actor: Actor, enterpriseId: string) {
  const g = relationSource(db, actor.orgPath);
  const c = await controllerOf(db, actor, enterpriseId);
  const top = c.controller?.id ?? enterpriseId;
  const members = await groupMembers(g, top);
  const named = await entities(db, actor.orgPath, [top, ...members.map((m) => m.id)]);
  return {
    controller: named.get(top) ?? null,
    members: members.flatMap((m) => {
      const e = named.get(m.id);
      return e ? [{ entity: e, share: m.share }] : [];
    }),
  };
}

export async function pathBetween(db: Db, actor: Actor, q: z.infer<typeof PathQuery>) {
  await entityOf(db, actor, q.from);
  await entityOf(db, actor, q.to);
  const p = await shortestPath(relationSource(db, actor.orgPath), q.from, q.to, {
    maxHops: q.maxHops,
    kinds: q.kinds,
  });
  if (!p) return { found: false, nodes: [], edges: [] };
  const named = await entities(db, actor.orgPath, p.entities);
  return {
    found: true,
    nodes: p.entities.flatMap((id) => named.get(id) ?? []),
    edges: p.edges.map((e) => edgeView((e as FullEdge).row)),
  };
}

/** For the committee's conflict-of-interest check: is person or org `partyId` within `k` hops of the
 *  firm, and along which relations. Scoped like every query here. */
export async function isWithinHops(db: Db, actor: Actor, partyId: string, enterpriseId: string, k: number) {
  const r = await withinHops(relationSource(db, actor.orgPath), partyId, enterpriseId, k);
  if (!r.within) return r;
  const named = await entities(db, actor.orgPath, r.path.entities);
  return { ...r, names: r.path.entities.map((id) => named.get(id)?.name ?? id) };
}
