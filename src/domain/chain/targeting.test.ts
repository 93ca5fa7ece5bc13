import { describe, expect, it } from 'vitest';
import { scoreTarget, type TargetFacts, DEFAULT_TARGET_WEIGHTS as W } from './targeting.js';

const facts = (f: Partial<TargetFacts> = {}): TargetFacts => ({
  confidence: 0.6,
  revenue: null,
  revenueYear: null,
  revenueEarlier: null,
  inventionPatents: 0,
  rdRatio: null,
  titles: [],
  recentFunding: 0,
  latestRound: null,
  leaderLinks: [],
  localLinks: 0,
  ...f,
});

describe('target ranking', () => {
  it('explains every factor with its weight and points, and the points add up to the score', () => {
    const r = scoreTarget(
      facts({
        revenue: 1e9,
        revenueYear: 2025,
        revenueEarlier: 4e8,
        inventionPatents: 10,
        titles: ['hnte'],
        rdRatio: 0.05,
      }),
      W,
    );
    expect(r.factors.map((f) => f.factor)).toEqual([
      'fit',
      'scale',
      'innovation',
      'growth',
      'funding',
      'proximity',
    ]);
    expect(r.score).toBeCloseTo(
      r.factors.reduce((s, f) => s + f.points, 0),
      0,
    );
    const scale = r.factors.find((f) => f.factor === 'scale');
    expect(scale).toMatchObject({ weight: 15, value: 0.667, why: '2025 年营收 10 亿元' });
    expect(r.factors.find((f) => f.factor === 'growth')?.why).toBe('近两年营收年均增长 58.1%');
    expect(r.factors.find((f) => f.factor === 'innovation')?.why).toBe(
      '高新技术企业，发明专利 10 件，研发投入强度 5%',
    );
  });

  it('puts a supplier of a local 龙头 ahead of an otherwise equal firm (以商引商)', () => {
    const plain = scoreTarget(facts(), W);
    const linked = scoreTarget(facts({ leaderLinks: ['盐城某龙头有限公司'] }), W);
    expect(linked.score - plain.score).toBeCloseTo(15, 1);
    expect(linked.factors.at(-1)?.why).toContain('盐城某龙头有限公司');
    expect(scoreTarget(facts({ localLinks: 2 }), W).score - plain.score).toBeCloseTo(9, 1);
  });

  it('follows an org’s own weights: fit alone ranks by placement confidence', () => {
    const only = { fit: 100, scale: 0, innovation: 0, growth: 0, funding: 0, proximity: 0 };
    expect(scoreTarget(facts({ confidence: 0.8, revenue: 1e11, revenueYear: 2025 }), only).score).toBe(80);
  });

  it('gives nothing for missing data instead of guessing', () => {
    const r = scoreTarget(facts({ confidence: 0 }), W);
    expect(r.score).toBe(0);
    expect(r.factors.find((f) => f.factor === 'growth')?.why).toBe('营收年份不足，无法计算增长');
  });
});
