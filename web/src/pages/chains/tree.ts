/** A chain's flat node list as a tree: children in order, depth-first order, a node's path. */
import { type ChainNode, STRENGTHS, type Strength } from '../../api/chains';

export type NodeIndex = {
  byId: Map<string, ChainNode>;
  children: (parentId: string | null) => ChainNode[];
};

export function indexNodes(nodes: readonly ChainNode[]): NodeIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kids = new Map<string | null, ChainNode[]>();
  for (const n of nodes) {
    const list = kids.get(n.parentId) ?? [];
    list.push(n);
    kids.set(n.parentId, list);
  }
  for (const list of kids.values()) list.sort((a, b) => a.position - b.position);
  return { byId, children: (parentId) => kids.get(parentId) ?? [] };
}

/** Segments first in their order, each followed by its nodes depth first — the order of the XLSX. */
export function depthFirst(index: NodeIndex): ChainNode[] {
  const out: ChainNode[] = [];
  const walk = (parentId: string | null) => {
    for (const n of index.children(parentId)) {
      out.push(n);
      walk(n.id);
    }
  };
  walk(null);
  return out;
}

/** The names from the segment down to the node: ["上游", "电池片", "TOPCon电池"]. */
export function pathOf(index: NodeIndex, id: string): string[] {
  const names: string[] = [];
  for (let n = index.byId.get(id); n; n = n.parentId ? index.byId.get(n.parentId) : undefined) {
    names.unshift(n.name);
  }
  return names;
}

/** Nodes below the segments (the ones judged) per strength. */
export function strengthCounts(nodes: readonly ChainNode[]): Record<Strength, number> {
  const counts = Object.fromEntries(STRENGTHS.map((s) => [s, 0])) as Record<Strength, number>;
  for (const n of nodes) if (n.depth > 0) counts[n.strength] += 1;
  return counts;
}

/** Leaves of the tree below the segments, for the map's height; a segment with no nodes counts one. */
export function leafCount(index: NodeIndex): number {
  const count = (id: string): number => {
    const kids = index.children(id);
    return kids.length === 0 ? 1 : kids.reduce((sum, k) => sum + count(k.id), 0);
  };
  return index.children(null).reduce((sum, s) => sum + count(s.id), 0);
}
