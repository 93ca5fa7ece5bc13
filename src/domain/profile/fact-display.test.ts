import { describe, expect, it } from 'vitest';
import { displayFact } from './fact-display.js';
import { FACT_KEYS } from './model.js';

describe('profile facts as the committee reads them', () => {
  it('names the coded facts instead of showing their rank number', () => {
    expect(displayFact('affiliation.rank', 2)).toBe('大院大所、央企国企或行业龙头');
    expect(displayFact('affiliation.rank', 1)).toBe('高校');
    expect(displayFact('qualifications.rank', 3)).toBe('最高：高新技术企业');
    expect(displayFact('chain.node_fit', 4)).toBe('补本地缺失环节');
    expect(displayFact('chain.leading', 1)).toBe('属本组织主导产业链');
    expect(displayFact('chain.leading', 0)).toBe('不属本组织主导产业链');
  });
  it('puts money in 万元, ratios in per cent and counts with their unit', () => {
    expect(displayFact('revenue', 123_456_789)).toBe('12,346 万元');
    expect(displayFact('rd_ratio', 0.0567)).toBe('5.67%');
    expect(displayFact('patents.invention', 12)).toBe('12 件');
    expect(displayFact('team.phd', 3)).toBe('3 人');
    expect(displayFact('trl', 7)).toBe('TRL 7 级');
    expect(displayFact('output.per_mu', 5_000_000)).toBe('500 万元/亩');
  });
  it('shows half a 亩 as an area, not as 50 %', () => {
    expect(displayFact('land.area', 0.5)).toBe('0.5 亩');
  });
  it('has a unit or a name for every fact a model may read', () => {
    const bare = FACT_KEYS.filter((k) => k !== 'customers.key' && k !== 'affiliation').filter(
      (k) => displayFact(k, 2) === '2',
    );
    expect(bare).toEqual([]);
  });
});
