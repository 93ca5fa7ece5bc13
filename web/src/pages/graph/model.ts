/** The graph as shown: the centre's neighbourhood merged with every expansion and the path found,
 *  distances from the centre, the colours and shapes of entity types and relation kinds, and the
 *  words on an edge ("持股 60%", "投资 A轮 1,200 万元"). */
import type { GraphEdge, GraphEntity, GraphNode, RelationKind } from '../../api/graph';
import { formatMoney } from '../enterprises/format';

export type NodeType = 'local' | 'target' | 'person' | 'institution';
export const NODE_TYPES: readonly NodeType[] = ['local', 'target', 'person', 'institution'];

export const NODE_STYLE: Record<NodeType, { color: string; symbol: string; size: number }> = {
  local: { color: '#1656d6', symbol: 'circle', size: 34 },
  target: { color: '#fa8c16', symbol: 'circle', size: 34 },
  person: { color: '#c41d7f', symbol: 'roundRect', size: 26 },
  institution: { color: '#389e0d', symbol: 'diamond', size: 34 },
};

export const EDGE_STYLE: Record<RelationKind, { color: string; dashed?: boolean; directed: boolean }> = {
  shareholding: { color: '#cf1322', directed: true },
  investment: { color: '#722ed1', directed: true },
  supply: { color: '#08979c', directed: true },
  cooperation: { color: '#7cb305', directed: true },
  same_controller: { color: '#8c8c8c', dashed: true, directed: false },
};

export function nodeType(e: Pick<GraphEntity, 'type' | 'universe'>): NodeType {
  if (e.type === 'person') return 'person';
  if (e.type === 'institution') return 'institution';
  return e.universe === 'target' ? 'target' : 'local';
}

/** 0.6 → "60%", 0.3333 → "33.33%". */
export function percent(share: number): string {
  return `${Math.round(share * 10000) / 100}%`;
}

export function edgeText(e: GraphEdge, kinds: Record<string, string>, en = false): string {
  const name = kinds[e.kind] ?? e.kindName;
  switch (e.kind) {
    case 'shareholding':
      return e.share === null ? name : `${name} ${percent(e.share)}`;
    case 'investment':
      return [name, e.round, e.amount !== null ? formatMoney(e.amount, en) : null].filter(Boolean).join(' ');
    default:
      return name;
  }
}

export type Shown = {
  nodes: (GraphEntity & { depth: number | null })[];
  edges: GraphEdge[];
};

/** Every part's entities and relations once, with each entity's distance from the centre over the
 *  relations shown (either direction), null when it is not connected to it. */
export function mergeParts(
  center: string | undefined,
  parts: readonly ({ nodes: readonly GraphEntity[]; edges: readonly GraphEdge[] } | undefined)[],
): Shown {
  const nodes = new Map<string, GraphEntity>();
  const edges = new Map<string, GraphEdge>();
  for (const p of parts) {
    if (!p) continue;
    for (const n of p.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of p.edges) edges.set(e.id, e);
  }
  const kept = [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to));
  const depth = new Map<string, number>();
  if (center && nodes.has(center)) {
    const around = new Map<string, string[]>();
    for (const e of kept) {
      around.set(e.from, [...(around.get(e.from) ?? []), e.to]);
      around.set(e.to, [...(around.get(e.to) ?? []), e.from]);
    }
    depth.set(center, 0);
    let frontier = [center];
    while (frontier.length) {
      const next: string[] = [];
      for (const id of frontier)
        for (const o of around.get(id) ?? [])
          if (!depth.has(o)) {
            depth.set(o, (depth.get(id) ?? 0) + 1);
            next.push(o);
          }
      frontier = next;
    }
  }
  return {
    nodes: [...nodes.values()].map((n) => ({
      id: n.id,
      type: n.type,
      name: n.name,
      uscc: n.uscc,
      universe: n.universe,
      depth: depth.get(n.id) ?? null,
    })),
    edges: kept,
  };
}

/** 王建国 —持股 60%→ 盐南控股 ←供应— 某公司: the path in words, each step in its real direction. */
export function pathSteps(
  nodes: readonly GraphEntity[],
  edges: readonly GraphEdge[],
): { entity: GraphEntity; edge?: GraphEdge; forward?: boolean }[] {
  return nodes.map((entity, i) => {
    if (i === 0) return { entity };
    const prev = nodes[i - 1].id;
    const edge = edges.find(
      (e) => (e.from === prev && e.to === entity.id) || (e.to === prev && e.from === entity.id),
    );
    return { entity, edge, forward: edge ? edge.from === prev : undefined };
  });
}

export type { GraphNode };
