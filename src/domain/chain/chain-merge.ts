/** Re-importing a chain over the one with the same key: which stored nodes stay (found again by their
 *  segment and path of names), which are new and which are gone. A node that stays keeps its id, so the
 *  firms placed on it, users' 确认 / 否决 / 手工添加 and the target lists that name it survive; only the
 *  nodes the file no longer has are removed (and their placements with them). Pure: the caller reads the
 *  stored nodes and writes the plan. */
import { type ChainInput, type ChainNodeInput, SEGMENT_NAMES, SEGMENTS } from './chain-schema.js';

/** A chain_nodes row as the plan reads and writes it. */
export type NodeRow = {
  id: string;
  parentId: string | null;
  segment: string;
  depth: number;
  position: number;
  name: string;
  description: string | null;
  keywords: string[];
  products: string[];
  technologies: string[];
  industryCodes: string[];
};

export type MergePlan = {
  /** New rows, parents before children (ids from `newId`). */
  insert: NodeRow[];
  /** Stored rows that stay but differ from the file (new values, same id). */
  update: NodeRow[];
  /** Ids of stored rows the file no longer has. */
  remove: string[];
  /** Nodes below the segments: stayed (changed or not), new, removed. */
  counts: { kept: number; added: number; removed: number };
};

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function same(a: NodeRow, b: NodeRow): boolean {
  return (
    a.parentId === b.parentId &&
    a.segment === b.segment &&
    a.depth === b.depth &&
    a.position === b.position &&
    a.name === b.name &&
    a.description === b.description &&
    sameList(a.keywords, b.keywords) &&
    sameList(a.products, b.products) &&
    sameList(a.technologies, b.technologies) &&
    sameList(a.industryCodes, b.industryCodes)
  );
}

export function planChainMerge(stored: readonly NodeRow[], c: ChainInput, newId: () => string): MergePlan {
  const childrenOf = new Map<string | null, NodeRow[]>();
  for (const r of [...stored].sort((a, b) => a.position - b.position)) {
    const list = childrenOf.get(r.parentId) ?? [];
    list.push(r);
    childrenOf.set(r.parentId, list);
  }
  const plan: MergePlan = { insert: [], update: [], remove: [], counts: { kept: 0, added: 0, removed: 0 } };
  const kept = new Set<string>();

  /** `want` in place of `have` (same id), or new; returns the id children hang from. */
  const put = (want: Omit<NodeRow, 'id'>, have: NodeRow | undefined): string => {
    const row = { ...want, id: have?.id ?? newId() };
    if (!have) plan.insert.push(row);
    else {
      kept.add(have.id);
      if (!same(have, row)) plan.update.push(row);
    }
    if (row.depth > 0) plan.counts[have ? 'kept' : 'added']++;
    return row.id;
  };

  const walk = (
    nodes: ChainNodeInput[],
    segment: string,
    depth: number,
    parentId: string,
    storedParent: string | null,
  ) => {
    // Unmatched stored children of the stored parent, in order; each is matched once (a chain stored
    // before sibling names had to differ may hold two of a name: they pair up in order).
    const pool = storedParent ? [...(childrenOf.get(storedParent) ?? [])] : [];
    nodes.forEach((n, position) => {
      const i = pool.findIndex((r) => r.name === n.name);
      const have = i >= 0 ? pool.splice(i, 1)[0] : undefined;
      const id = put(
        {
          parentId,
          segment,
          depth,
          position,
          name: n.name,
          description: n.description ?? null,
          keywords: n.keywords,
          products: n.products,
          technologies: n.technologies,
          industryCodes: n.industryCodes,
        },
        have,
      );
      walk(n.children, segment, depth + 1, id, have?.id ?? null);
    });
  };

  for (const [position, segment] of SEGMENTS.entries()) {
    const s = c.segments.find((x) => x.segment === segment);
    const have = (childrenOf.get(null) ?? []).find((r) => r.segment === segment && !kept.has(r.id));
    const id = put(
      {
        parentId: null,
        segment,
        depth: 0,
        position,
        name: s?.name ?? SEGMENT_NAMES[segment],
        description: s?.description ?? null,
        keywords: have?.keywords ?? [],
        products: have?.products ?? [],
        technologies: have?.technologies ?? [],
        industryCodes: have?.industryCodes ?? [],
      },
      have,
    );
    walk(s?.children ?? [], segment, 1, id, have?.id ?? null);
  }
  for (const r of stored) {
    if (kept.has(r.id)) continue;
    plan.remove.push(r.id);
    if (r.depth > 0) plan.counts.removed++;
  }
  return plan;
}
