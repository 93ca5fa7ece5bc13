import { describe, expect, it } from 'vitest';
import {
  type Edge,
  groupMembers,
  neighbourhood,
  shortestPath,
  ultimateController,
  withinHops,
} from './algorithms.js';
import { memoryGraph } from './memory-graph.js';

let n = 0;
const hold = (from: string, to: string, share: number): Edge => ({
  id: `e${n++}`,
  kind: 'shareholding',
  from,
  to,
  share,
});
const rel = (kind: Edge['kind'], from: string, to: string): Edge => ({ id: `e${n++}`, kind, from, to });

// 王某 holds 60 % of 控股集团, which holds 70 % of 新能源 and 30 % of 材料; 李某 holds 40 % of 新能源 directly…
// and 材料 holds 20 % of 新能源: 王某's path product through 控股集团 is 0.42, 李某's is 0.4.
const edges = [
  hold('王某', '控股集团', 0.6),
  hold('赵某', '控股集团', 0.4),
  hold('控股集团', '新能源', 0.7),
  hold('李某', '新能源', 0.25),
  hold('控股集团', '材料', 0.3),
  hold('材料', '新能源', 0.05),
  hold('新能源', '储能子公司', 0.8),
  hold('储能子公司', '电池厂', 0.9),
  rel('supply', '电池厂', '整车厂'),
  rel('cooperation', '整车厂', '某大学'),
  rel('investment', '某基金', '整车厂'),
];

describe('graph queries', () => {
  it('finds the ultimate controller by the largest product of shares, with the path', async () => {
    const c = await ultimateController(memoryGraph(edges), '新能源');
    expect(c?.entities).toEqual(['王某', '控股集团', '新能源']);
    expect(c?.product).toBeCloseTo(0.42, 6);
    expect(c?.shares).toEqual([0.6, 0.7]);
  });

  it('walks down several levels, and says no one controls a firm nobody holds', async () => {
    const c = await ultimateController(memoryGraph(edges), '电池厂');
    expect(c?.entities).toEqual(['王某', '控股集团', '新能源', '储能子公司', '电池厂']);
    expect(c?.product).toBeCloseTo(0.6 * 0.7 * 0.8 * 0.9, 6);
    expect(await ultimateController(memoryGraph(edges), '王某')).toBeNull();
  });

  it('survives cross-holdings', async () => {
    const cycle = [hold('甲', '乙', 0.5), hold('乙', '甲', 0.5), hold('丙', '甲', 0.5)];
    const c = await ultimateController(memoryGraph(cycle), '乙');
    expect(c?.entities).toEqual(['丙', '甲', '乙']);
  });

  it('lists the group: firms held above half through the chain of holdings', async () => {
    const members = await groupMembers(memoryGraph(edges), '控股集团');
    // Each link is a majority, so 电池厂 is controlled at a product of 0.504; 材料 (30 %) is not.
    expect(members.map((m) => m.id)).toEqual(['新能源', '储能子公司', '电池厂']);
    expect(members[2].share).toBeCloseTo(0.504, 6);
    // 王某 controls 控股集团 (60 %) and so its firms, although 0.6 × 0.7 × 0.8 × 0.9 is only 0.30.
    const top = await groupMembers(memoryGraph(edges), '王某');
    expect(top.map((m) => m.id)).toEqual(['控股集团', '新能源', '储能子公司', '电池厂']);
  });

  it('prefers the holder above a chain of majorities to a larger minority holder', async () => {
    // 孙某 holds 46 % of 东川 directly; 致丰 holds 54 % and is held 60 % by 冯某: 冯某's product (0.324)
    // is smaller than 孙某's, but only 冯某 controls 东川.
    const g = memoryGraph([
      hold('孙某', '东川', 0.46),
      hold('致丰', '东川', 0.54),
      hold('冯某', '致丰', 0.6),
      hold('陈某', '致丰', 0.4),
    ]);
    const c = await ultimateController(g, '东川');
    expect(c?.entities).toEqual(['冯某', '致丰', '东川']);
    expect(c?.product).toBeCloseTo(0.324, 6);
    expect((await groupMembers(g, '冯某')).map((m) => m.id)).toEqual(['致丰', '东川']);
    // With no majority anywhere the largest product still decides.
    const spread = memoryGraph([hold('甲', '企业', 0.3), hold('乙', '企业', 0.2), hold('丙', '乙', 0.9)]);
    expect((await ultimateController(spread, '企业'))?.entities).toEqual(['甲', '企业']);
  });

  it('gives neighbours up to N hops with relation filters', async () => {
    const g = memoryGraph(edges);
    const one = await neighbourhood(g, '整车厂', { hops: 1 });
    expect([...one.depth.keys()].sort()).toEqual(['整车厂', '某基金', '某大学', '电池厂'].sort());
    const supplyOnly = await neighbourhood(g, '整车厂', { hops: 3, kinds: ['supply', 'shareholding'] });
    expect(supplyOnly.depth.get('新能源')).toBe(3);
    expect(supplyOnly.depth.has('某大学')).toBe(false);
    const capped = await neighbourhood(g, '新能源', { hops: 3, limit: 3 });
    expect(capped.depth.size).toBe(3);
    expect(capped.truncated).toBe(true);
  });

  it('reads a hub’s relations only as far as the entity limit needs', async () => {
    const hub = Array.from({ length: 5000 }, (_, i) => rel('cooperation', `企业${i}`, '某大学'));
    let read = 0;
    const g = memoryGraph(hub);
    const counting = {
      ...g,
      around: async (...a: Parameters<typeof g.around>) => {
        const found = await g.around(...a);
        read += found.length;
        return found;
      },
    };
    const n = await neighbourhood(counting, '某大学', { hops: 2, limit: 50 });
    expect(n.depth.size).toBe(50);
    expect(n.truncated).toBe(true);
    expect(read).toBeLessThan(500);
  });

  it('finds a shortest path over any relation, and none beyond the hop limit', async () => {
    const p = await shortestPath(memoryGraph(edges), '王某', '某大学');
    expect(p?.entities).toEqual(['王某', '控股集团', '新能源', '储能子公司', '电池厂', '整车厂', '某大学']);
    expect(p?.edges.map((e) => e.kind)).toEqual([
      'shareholding',
      'shareholding',
      'shareholding',
      'shareholding',
      'supply',
      'cooperation',
    ]);
    expect(await shortestPath(memoryGraph(edges), '王某', '某大学', { maxHops: 5 })).toBeNull();
  });

  it('answers the conflict check: is a person within k hops of a firm, and how', async () => {
    const g = memoryGraph(edges);
    const near = await withinHops(g, '赵某', '储能子公司', 3);
    expect(near).toMatchObject({ within: true, hops: 3 });
    expect(near.path?.entities).toEqual(['储能子公司', '新能源', '控股集团', '赵某']);
    expect(await withinHops(g, '赵某', '整车厂', 3)).toMatchObject({ within: false, path: null });
  });
});
