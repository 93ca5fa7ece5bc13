import { describe, expect, it } from 'vitest';
import { assess, DEFAULT_FORMULA, monthRange, quarterRange, rankRows } from './assessment.js';

const zero = {
  newLeads: 0,
  signings: 0,
  landings: 0,
  plannedInvestment: 0,
  arrivedInvestment: 0,
  highQualityShare: 0,
  talents: 0,
  scientistTeams: 0,
};

describe('季度考核 formula', () => {
  it('adds weight × value per term and shows each term', () => {
    const r = assess(DEFAULT_FORMULA, {
      ...zero,
      newLeads: 5,
      signings: 2,
      landings: 1,
      highQualityShare: 0.5,
    });
    expect(r.score).toBe(5 + 16 + 12 + 10);
    expect(r.breakdown.find((b) => b.metric === 'highQualityShare')).toMatchObject({
      value: 0.5,
      points: 10,
    });
  });
  it('caps a term and says so', () => {
    const r = assess(DEFAULT_FORMULA, { ...zero, newLeads: 300 });
    expect(r.score).toBe(20);
    expect(r.breakdown[0]).toMatchObject({ points: 20, capped: true });
  });
  it('follows an edited formula', () => {
    const r = assess(
      { terms: [{ metric: 'landings', weight: 100, cap: null }] },
      { ...zero, landings: 3, signings: 9 },
    );
    expect(r.score).toBe(300);
    expect(r.breakdown).toHaveLength(1);
  });
  it('ranks with shared ranks for ties', () => {
    const ranked = rankRows([
      { name: '乙', score: 5 },
      { name: '甲', score: 9 },
      { name: '丙', score: 5 },
      { name: '丁', score: 1 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['丁', 4],
    ]);
  });
  it('turns quarters and months into date ranges', () => {
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(quarterRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
  });
});
