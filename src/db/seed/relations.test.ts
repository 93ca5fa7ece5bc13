import { describe, expect, it } from 'vitest';
import { type Edge, type EdgeSource, ultimateController } from '../../domain/graph/algorithms.js';
import { generateEnterprises } from './enterprises/generate.js';
import { generateRelations, type RelationFirm } from './relations.js';

const asOf = '2026-06-30';
const firms: RelationFirm[] = [...generateEnterprises({ seed: 7, count: 3000, targetCount: 1000, asOf })].map(
  (f) => ({
    id: f.id,
    orgId: f.orgId,
    universe: f.universe,
    index: f.index,
    industry: f.industry,
    name: f.name,
    fundingRounds: f.fundingRounds,
  }),
);
const got = generateRelations(firms, { seed: 7, asOf });
const rels = got.relations;

function memorySource(): EdgeSource {
  const edges: Edge[] = rels.map((r) => ({
    id: r.dedupeKey,
    kind: r.kind,
    from: r.fromId,
    to: r.toId,
    share: r.share,
  }));
  const sh = edges.filter((e) => e.kind === 'shareholding');
  return {
    around: async (ids) => edges.filter((e) => ids.includes(e.from) || ids.includes(e.to)),
    holdersOf: async (ids) => sh.filter((e) => ids.includes(e.to)),
    holdingsOf: async (ids) => sh.filter((e) => ids.includes(e.from)),
  };
}

describe('generateRelations', () => {
  it('is deterministic for a seed and differs for another', () => {
    const again = generateRelations(firms, { seed: 7, asOf });
    expect(again).toEqual(got);
    const other = generateRelations(firms, { seed: 8, asOf });
    expect(other.relations.map((r) => r.dedupeKey)).not.toEqual(rels.map((r) => r.dedupeKey));
  });

  it('draws about three relations per firm, of every kind', () => {
    const perFirm = rels.length / firms.length;
    expect(perFirm).toBeGreaterThan(2.6);
    expect(perFirm).toBeLessThan(3.5);
    const kinds = new Map<string, number>();
    for (const r of rels) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual([
      'cooperation',
      'investment',
      'same_controller',
      'shareholding',
      'supply',
    ]);
    // A few dozen same-controller pairs in 4,000 firms.
    expect(kinds.get('same_controller')).toBeGreaterThanOrEqual(20);
  });

  it('never relates an entity to itself and never repeats a relation', () => {
    expect(rels.filter((r) => r.fromId === r.toId)).toEqual([]);
    const keys = rels.map((r) => `${r.orgId}|${r.dedupeKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of rels) expect(r.dedupeKey).toBe(`${r.kind}|${r.fromId}|${r.toId}|${r.round ?? ''}`);
  });

  it('keeps every company’s shares at most 1 and holds every firm', () => {
    const held = new Map<string, number>();
    for (const r of rels.filter((x) => x.kind === 'shareholding')) {
      expect(r.share).toBeGreaterThan(0);
      held.set(r.toId, (held.get(r.toId) ?? 0) + (r.share as number));
    }
    for (const total of held.values()) expect(total).toBeLessThanOrEqual(1 + 1e-9);
    expect(held.size).toBe(firms.length);
  });

  it('holds about 15 % of firms by another firm, in groups up to four levels, some cross-held', async () => {
    const ids = new Set(firms.map((f) => f.id));
    const corporate = rels.filter((r) => r.kind === 'shareholding' && ids.has(r.fromId));
    const controlled = new Set(corporate.filter((r) => (r.share as number) > 0.5).map((r) => r.toId));
    expect(controlled.size / firms.length).toBeGreaterThan(0.12);
    expect(controlled.size / firms.length).toBeLessThan(0.18);
    expect(corporate.some((r) => (r.share as number) < 0.5)).toBe(true); // cross-holdings
    const g = memorySource();
    let deepest = 0;
    for (const id of [...controlled].slice(0, 150)) {
      const c = await ultimateController(g, id);
      expect(c).not.toBeNull();
      deepest = Math.max(deepest, c?.entities.length ?? 0);
    }
    // Person → root → subsidiary → sub-subsidiary (→ …).
    expect(deepest).toBeGreaterThanOrEqual(4);
  });

  it('names persons and institutions, and every relation end exists', () => {
    const parties = new Map(got.parties.map((p) => [p.id, p]));
    const ids = new Set(firms.map((f) => f.id));
    for (const r of rels) {
      expect(r.fromType === 'enterprise' ? ids.has(r.fromId) : parties.has(r.fromId)).toBe(true);
      expect(r.toType === 'enterprise' ? ids.has(r.toId) : parties.has(r.toId)).toBe(true);
    }
    const persons = got.parties.filter((p) => p.kind === 'person');
    for (const p of persons) expect(p.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    const names = new Set(got.parties.map((p) => p.name));
    expect(names.has('东南大学')).toBe(true);
    expect([...names].some((n) => n.startsWith('中国科学院'))).toBe(true);
    // One party per org and name.
    const keys = got.parties.map((p) => `${p.orgId}|${p.kind}|${p.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has target-universe firms supplying local ones and the other way round', () => {
    const universe = new Map(firms.map((f) => [f.id, f.universe]));
    const supply = rels.filter((r) => r.kind === 'supply');
    const cross = (a: string, b: string) =>
      supply.filter((r) => universe.get(r.fromId) === a && universe.get(r.toId) === b).length;
    expect(cross('local', 'target')).toBeGreaterThan(20);
    expect(cross('target', 'local')).toBeGreaterThan(20);
  });
});
