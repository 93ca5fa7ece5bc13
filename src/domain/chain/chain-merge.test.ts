import { describe, expect, it } from 'vitest';
import { type NodeRow, planChainMerge } from './chain-merge.js';
import { type ChainInput, chainSchema } from './chain-schema.js';

const file = (upstream: unknown[]): ChainInput =>
  chainSchema.parse({ key: 'x-test', name: '测试', segments: [{ segment: 'upstream', children: upstream }] });

/** The rows a first import writes, with readable ids ("n1", "n2" … in insertion order). */
function stored(c: ChainInput): NodeRow[] {
  let i = 0;
  return planChainMerge([], c, () => `n${++i}`).insert;
}

const base = file([
  { name: '硅料', keywords: ['硅料'], children: [{ name: '多晶硅' }, { name: '工业硅' }] },
  { name: '辅材', children: [{ name: '银浆' }] },
]);

describe('re-importing a chain over the stored one', () => {
  it('writes a first import parents first, segments included', () => {
    const rows = stored(base);
    expect(rows.map((r) => [r.name, r.depth])).toEqual([
      ['上游', 0],
      ['硅料', 1],
      ['多晶硅', 2],
      ['工业硅', 2],
      ['辅材', 1],
      ['银浆', 2],
      ['中游', 0],
      ['下游', 0],
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(rows[2].parentId as string)?.name).toBe('硅料');
  });

  it('changes nothing for the same file', () => {
    const plan = planChainMerge(stored(base), base, () => 'new');
    expect(plan).toMatchObject({
      insert: [],
      update: [],
      remove: [],
      counts: { kept: 5, added: 0, removed: 0 },
    });
  });

  it('keeps nodes found by their path, updates what changed, adds and removes the rest', () => {
    const rows = stored(base);
    const id = (name: string) => rows.find((r) => r.name === name)?.id;
    const next = file([
      // 辅材 first now, 硅料 with a new keyword, 工业硅 gone, 颗粒硅 new.
      { name: '辅材', children: [{ name: '银浆' }] },
      { name: '硅料', keywords: ['硅料', '高纯硅'], children: [{ name: '多晶硅' }, { name: '颗粒硅' }] },
    ]);
    const plan = planChainMerge(rows, next, () => 'new');
    expect(plan.counts).toEqual({ kept: 4, added: 1, removed: 1 });
    expect(plan.remove).toEqual([id('工业硅')]);
    expect(plan.insert).toEqual([
      expect.objectContaining({ name: '颗粒硅', parentId: id('硅料'), depth: 2 }),
    ]);
    expect(plan.update.map((r) => [r.id, r.position])).toEqual([
      [id('辅材'), 0],
      [id('硅料'), 1],
    ]);
    expect(plan.update[1].keywords).toEqual(['硅料', '高纯硅']);
  });

  it('takes a renamed node as removed with its subtree, and the new name as added', () => {
    const rows = stored(base);
    const next = file([
      { name: '硅材料', keywords: ['硅料'], children: [{ name: '多晶硅' }, { name: '工业硅' }] },
      { name: '辅材', children: [{ name: '银浆' }] },
    ]);
    const plan = planChainMerge(rows, next, () => crypto.randomUUID());
    expect(plan.counts).toEqual({ kept: 2, added: 3, removed: 3 });
    // The new children hang from the new parent's id.
    const parent = plan.insert.find((r) => r.name === '硅材料');
    expect(plan.insert.filter((r) => r.parentId === parent?.id).map((r) => r.name)).toEqual([
      '多晶硅',
      '工业硅',
    ]);
  });

  it('pairs stored namesakes in order (chains stored before names had to differ)', () => {
    const rows = stored(base);
    const twin = { ...rows[4], id: 'twin', position: 2 }; // a second 辅材, without children
    const plan = planChainMerge([...rows, twin], base, () => 'new');
    expect(plan.remove).toEqual(['twin']);
    expect(plan.counts).toEqual({ kept: 5, added: 0, removed: 1 });
  });
});
