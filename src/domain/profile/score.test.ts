import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL as M } from './default-model.js';
import { ScoringModelSchema } from './model.js';
import { computeProfile, deriveFacts, type ProfileFact } from './score.js';

const doc = (
  key: ProfileFact['key'],
  value: number,
  qualifier: ProfileFact['qualifier'] = 'exact',
): ProfileFact => ({
  key,
  value,
  qualifier,
  source: 'document',
  evidence: { page: 1, quote: `${key} ${value}` },
});

const strongPlan: ProfileFact[] = [
  doc('patents.invention', 12),
  doc('patents.total', 40),
  doc('trl', 7),
  doc('rd_ratio', 0.09),
  { key: 'chain.node_fit', value: 4, qualifier: 'exact', source: 'chain' },
  { key: 'chain.leading', value: 1, qualifier: 'exact', source: 'chain' },
  doc('team.academicians', 1),
  doc('team.national_talents', 2),
  doc('team.phd', 6),
  doc('rd_staff_ratio', 0.35),
  doc('affiliation.rank', 2),
  doc('revenue_growth', 0.4),
  doc('funding.total', 2e8),
  doc('qualifications.rank', 3),
  doc('customers.key_count', 3),
  doc('investment.planned', 6e8, 'forecast'),
  doc('output.expected', 12e8, 'forecast'),
  doc('output.per_mu', 5e6, 'forecast'),
  doc('talents.planned', 40, 'forecast'),
  doc('revenue', 3e8),
];

describe('创新力画像', () => {
  it('ships a default model that passes its own validation', () => {
    expect(ScoringModelSchema.safeParse(M).success).toBe(true);
  });

  it('scores each indicator from its band, with the fact behind it, into a band not a false-precision number', () => {
    const p = computeProfile(M, strongPlan);
    const tech = p.dimensions.find((d) => d.key === 'technology');
    expect(tech?.indicators.find((i) => i.key === 'invention_patents')).toMatchObject({
      points: 9,
      max: 10,
      used: { value: 12 },
    });
    expect(tech?.score).toBe(Math.round((1000 * (9 + 5 + 8 + 6)) / 33) / 10);
    expect(p.dimensions.find((d) => d.key === 'chainFit')?.score).toBe(100);
    expect(p.overall).toBeGreaterThanOrEqual(80);
    expect(p).toMatchObject({ band: 'A', bandName: '强烈推荐', coverage: 1, missing: [] });
  });

  it('is deterministic: the same facts in any order give the same profile', () => {
    const a = computeProfile(M, strongPlan);
    const b = computeProfile(M, [...strongPlan].reverse());
    expect(b).toEqual(a);
  });

  it('lists missing data and scores it 0, never silently; thin data is flagged', () => {
    const p = computeProfile(M, [doc('patents.invention', 2)]);
    expect(p.missing).toContain('团队竞争力：院士');
    expect(p.missing).toContain('产业链契合度：补链强链价值');
    expect(p.lowCoverage).toBe(true);
    expect(p.band).toBe('D');
  });

  it('never takes a forecast for an actual figure, but does take planned quantities', () => {
    const p = computeProfile(M, [
      doc('revenue', 5e8, 'forecast'),
      doc('investment.planned', 5e8, 'forecast'),
    ]);
    const scale = p.dimensions.find((d) => d.key === 'scale');
    expect(scale?.indicators.find((i) => i.key === 'revenue')).toMatchObject({ missing: true, points: 0 });
    expect(scale?.indicators.find((i) => i.key === 'planned_investment')).toMatchObject({ points: 8 });
  });

  it('prefers the plan’s quoted fact to the registry’s, and uses the registry when the plan is silent', () => {
    const registry: ProfileFact = {
      key: 'patents.invention',
      value: 2,
      qualifier: 'exact',
      source: 'registry',
    };
    expect(
      computeProfile(M, [registry, doc('patents.invention', 12)]).dimensions[0].indicators[0].points,
    ).toBe(9);
    const p = computeProfile(M, [registry]);
    expect(p.dimensions[0].indicators[0]).toMatchObject({ points: 3, used: { source: 'registry' } });
  });

  it('scores filling a missing link above joining a strong node', () => {
    const chainScore = (v: number) =>
      computeProfile(M, [{ key: 'chain.node_fit', value: v, qualifier: 'exact', source: 'chain' }])
        .dimensions[1].score;
    expect(chainScore(4)).toBeGreaterThan(chainScore(3));
    expect(chainScore(3)).toBeGreaterThan(chainScore(2));
    expect(chainScore(2)).toBeGreaterThan(chainScore(1));
  });

  it('uses per-industry weights when the model has them', () => {
    const m = {
      ...M,
      industryWeights: { '27': { technology: 0.5, chainFit: 0.1, team: 0.2, growth: 0.1, scale: 0.1 } },
    };
    const plain = computeProfile(m, strongPlan, { section: 'C', division: '39' });
    const pharma = computeProfile(m, strongPlan, { section: 'C', division: '27' });
    expect(pharma.dimensions[0].weight).toBe(0.5);
    expect(plain.dimensions[0].weight).toBe(0.3);
    expect(pharma.overall).not.toBe(plain.overall);
  });

  it('refuses a model that reads a forbidden input or whose weights do not add up', () => {
    const bad = structuredClone(M);
    bad.dimensions[2].indicators.push({
      key: 'founder_age',
      name: '创始人年龄',
      fact: 'team.age',
      bands: [{ min: 0, points: 1 }],
      max: 1,
    });
    const r = ScoringModelSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('禁止的输入');
    const heavy = structuredClone(M);
    heavy.dimensions[0].weight = 0.5;
    expect(JSON.stringify(ScoringModelSchema.safeParse(heavy).error?.issues)).toContain('维度权重之和须为 1');
  });

  it('derives ratios from the figures, saying how', () => {
    const d = deriveFacts([
      doc('rd_expense', 9e6),
      doc('revenue', 1e8),
      doc('output.expected', 8e8, 'forecast'),
      doc('land.area', 100, 'forecast'),
    ]);
    expect(d.find((f) => f.key === 'rd_ratio')).toMatchObject({ value: 0.09, source: 'derived' });
    expect(d.find((f) => f.key === 'output.per_mu')?.value).toBe(8e6);
    // A plan's output over its land is a plan: the memo must not call it 约数.
    expect(d.find((f) => f.key === 'output.per_mu')?.qualifier).toBe('forecast');
    expect(d.find((f) => f.key === 'rd_ratio')?.qualifier).toBe('exact');
    const rough = deriveFacts([doc('rd_expense', 9e6, 'approx'), doc('revenue', 1e8)]);
    expect(rough.find((f) => f.key === 'rd_ratio')?.qualifier).toBe('approx');
  });

  it('takes a ratio’s parts from one source, and a named round as the least raised', () => {
    const registry = (key: ProfileFact['key'], value: number): ProfileFact => ({
      key,
      value,
      qualifier: 'exact',
      source: 'registry',
      evidence: { quote: `企业库 ${key}` },
    });
    // The plan's 核心团队 (15) next to the registry's staff (42) and R&D staff (5).
    const d = deriveFacts([
      doc('employees', 15),
      registry('rd_staff', 5),
      registry('employees', 42),
      doc('funding.last_round', 3e7),
    ]);
    expect(d.find((f) => f.key === 'rd_staff_ratio')?.value).toBeCloseTo(5 / 42);
    // Each part says its unit, as the rest of the product does.
    expect(d.find((f) => f.key === 'rd_staff_ratio')?.evidence?.quote).toBe(
      '研发人员 ÷ 职工总数：5 人 ÷ 42 人',
    );
    const money = deriveFacts([doc('rd_expense', 677_400), doc('revenue', 10_850_000)]);
    expect(money[0].evidence?.quote).toBe('研发费用 ÷ 营业收入：67.74 万元 ÷ 1085 万元');
    expect(d.find((f) => f.key === 'funding.total')).toMatchObject({ value: 3e7, qualifier: 'at_least' });
    // A plan that states its total keeps it.
    const stated = deriveFacts([doc('funding.total', 8e7), doc('funding.last_round', 3e7)]);
    expect(stated.find((f) => f.key === 'funding.total')).toBeUndefined();
  });
});
