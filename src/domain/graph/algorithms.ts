/** Graph queries over enterprise relations, independent of storage: each algorithm asks an EdgeSource for
 *  the edges touching a frontier of entities, one hop at a time, so a million-firm graph is never loaded
 *  whole. Used by the 企业图谱 API and by the committee's conflict-of-interest check. */

export const RELATION_KINDS = [
  'shareholding',
  'investment',
  'supply',
  'cooperation',
  'same_controller',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RELATION_NAMES: Record<RelationKind, string> = {
  shareholding: '持股',
  investment: '投资',
  supply: '供应',
  cooperation: '产学研合作',
  same_controller: '同一实际控制人',
};

/** shareholding: from = shareholder, to = company, share in (0, 1]; investment: from = investor;
 *  supply: from = supplier, to = customer; cooperation: from = firm, to = university or institute. */
export type Edge = {
  id: string;
  kind: RelationKind;
  from: string;
  to: string;
  share?: number | null;
};

export type EdgeSource = {
  /** Edges with an end in `ids` (both directions), of the given kinds (all when omitted); at most `max`
   *  of them when given (a hub — a fund, a university — can have tens of thousands). */
  around(ids: string[], kinds?: readonly RelationKind[], max?: number): Promise<Edge[]>;
  /** Shareholding edges whose company is in `ids` (who holds these). */
  holdersOf(ids: string[]): Promise<Edge[]>;
  /** Shareholding edges whose shareholder is in `ids` (what these hold). */
  holdingsOf(ids: string[]): Promise<Edge[]>;
};

/** Entities within `hops` of `start` (any direction), with the edges between them. Stops growing at
 *  `limit` entities, so a hub does not bring in half the graph; `truncated` says so. */
export async function neighbourhood(
  g: EdgeSource,
  start: string,
  opts: { hops: number; kinds?: readonly RelationKind[]; limit?: number },
) {
  const limit = opts.limit ?? 500;
  const depth = new Map<string, number>([[start, 0]]);
  const edges = new Map<string, Edge>();
  let frontier = [start];
  let truncated = false;
  for (let hop = 1; hop <= opts.hops && frontier.length; hop++) {
    const next: string[] = [];
    // Never read more edges than could still add entities (plus room for edges among them): a hub's
    // thousands of relations would otherwise all be read to keep a few hundred.
    const max = (limit - depth.size) * 4 + 100;
    const found = await g.around(frontier, opts.kinds, max);
    if (found.length >= max) truncated = true;
    for (const e of found) {
      for (const end of [e.from, e.to]) {
        if (depth.has(end)) continue;
        if (depth.size >= limit) {
          truncated = true;
          continue;
        }
        depth.set(end, hop);
        next.push(end);
      }
      if (depth.has(e.from) && depth.has(e.to)) edges.set(e.id, e);
    }
    frontier = next;
  }
  return { depth, edges: [...edges.values()], truncated };
}

export type ControlPath = { entities: string[]; shares: number[]; product: number };

/** A holding above half controls the firm outright (控制权): through a chain of such holdings the top
 *  holder controls the firm however small the product of the shares. Below half, a holding counts
 *  only as its share. */
const MAJORITY = 0.5;
const controlWeight = (share: number) => (share > MAJORITY ? 1 : share);

/** The ultimate controller (最终控制人) of a firm: the shareholder at the top of a chain of holdings (one
 *  nobody holds) with the most control over the firm — each holding above half counting as whole
 *  control, the others as their share — and, between equals, the largest product of shares. So the
 *  holder above a chain of majorities is the controller, not a larger minority holder beside it. Null
 *  when nobody holds the firm. Cycles (cross-holdings) are walked once. */
export async function ultimateController(
  g: EdgeSource,
  firm: string,
  maxDepth = 10,
): Promise<ControlPath | null> {
  type Ranked = ControlPath & { control: number };
  const better = (a: Ranked, b: Ranked | undefined) =>
    !b || a.control > b.control || (a.control === b.control && a.product > b.product);
  // Best path from each holder down to the firm.
  const best = new Map<string, Ranked>([[firm, { entities: [firm], shares: [], product: 1, control: 1 }]]);
  let frontier = [firm];
  const tops: Ranked[] = [];
  for (let d = 0; d < maxDepth && frontier.length; d++) {
    const edges = await g.holdersOf(frontier);
    const held = new Set(edges.map((e) => e.to));
    for (const id of frontier) if (!held.has(id) && id !== firm) tops.push(best.get(id) as Ranked);
    const next = new Set<string>();
    for (const e of edges) {
      const below = best.get(e.to);
      const share = e.share ?? 0;
      if (!below || share <= 0 || below.entities.includes(e.from)) continue;
      const path = {
        entities: [e.from, ...below.entities],
        shares: [share, ...below.shares],
        product: share * below.product,
        control: controlWeight(share) * below.control,
      };
      if (better(path, best.get(e.from))) {
        best.set(e.from, path);
        next.add(e.from);
      }
    }
    frontier = [...next];
  }
  // Holders still unexplored at maxDepth count as tops too.
  for (const id of frontier) tops.push(best.get(id) as Ranked);
  if (tops.length === 0) return null;
  const { control: _, ...top } = tops.reduce((a, b) => (better(b, a) ? b : a));
  return top;
}

/** Group members (集团成员): the firms the controller controls — held above half, directly or through
 *  firms it controls — each with the largest product of shares along such a chain. */
export async function groupMembers(g: EdgeSource, controller: string, maxDepth = 10) {
  const product = new Map<string, number>([[controller, 1]]);
  let frontier = [controller];
  for (let d = 0; d < maxDepth && frontier.length; d++) {
    const next = new Set<string>();
    for (const e of await g.holdingsOf(frontier)) {
      const share = e.share ?? 0;
      const p = (product.get(e.from) ?? 0) * share;
      if (share <= MAJORITY || p <= (product.get(e.to) ?? 0)) continue;
      product.set(e.to, p);
      next.add(e.to);
    }
    frontier = [...next];
  }
  product.delete(controller);
  return [...product].map(([id, share]) => ({ id, share })).sort((a, b) => b.share - a.share);
}

/** A shortest path between two entities over relations of any kind and direction (breadth first from
 *  both ends), as the entities and the edges between them; null beyond `maxHops`. */
export async function shortestPath(
  g: EdgeSource,
  a: string,
  b: string,
  opts: { maxHops?: number; kinds?: readonly RelationKind[] } = {},
): Promise<{ entities: string[]; edges: Edge[] } | null> {
  if (a === b) return { entities: [a], edges: [] };
  const maxHops = opts.maxHops ?? 6;
  const from = new Map<string, Edge | null>([[a, null]]);
  const to = new Map<string, Edge | null>([[b, null]]);
  let fa = [a];
  let fb = [b];
  for (let hops = 0; hops < maxHops && fa.length && fb.length; hops++) {
    // Grow the smaller side.
    const growA = fa.length <= fb.length;
    const [seen, other, frontier] = growA ? [from, to, fa] : [to, from, fb];
    const next: string[] = [];
    const inFrontier = new Set(frontier);
    for (const e of await g.around(frontier, opts.kinds)) {
      for (const [here, there] of [
        [e.from, e.to],
        [e.to, e.from],
      ]) {
        if (!inFrontier.has(here) || seen.has(there)) continue;
        seen.set(there, e);
        next.push(there);
        if (other.has(there)) return joinPath(from, to, there);
      }
    }
    if (growA) fa = next;
    else fb = next;
  }
  return null;
}

function joinPath(from: Map<string, Edge | null>, to: Map<string, Edge | null>, meet: string) {
  const left: string[] = [meet];
  const edges: Edge[] = [];
  for (let e = from.get(meet); e; ) {
    const prev = e.from === left[0] ? e.to : e.from;
    edges.unshift(e);
    left.unshift(prev);
    e = from.get(prev) ?? null;
  }
  const entities = [...left];
  for (let e = to.get(meet); e; ) {
    const last = entities[entities.length - 1];
    const next = e.from === last ? e.to : e.from;
    edges.push(e);
    entities.push(next);
    e = to.get(next) ?? null;
  }
  return { entities, edges };
}

/** The conflict-of-interest check: is `party` within `k` hops of `enterprise`, and along which path. */
export async function withinHops(g: EdgeSource, party: string, enterprise: string, k: number) {
  const path = await shortestPath(g, enterprise, party, { maxHops: k });
  return path
    ? { within: true as const, hops: path.edges.length, path }
    : { within: false as const, hops: null, path: null };
}
