import { describe, expect, it } from 'vitest';
import { assessAll } from './assess.js';
import { pct, usd, wan } from './format.js';
import { baseFirm, withYears } from './test-firms.js';
import { TIER_KEYS } from './tiers.js';

describe('assessAll', () => {
  it('gives one verdict per tier, lowest rung first, with the rule set chosen for the date', () => {
    const vs = assessAll(baseFirm());
    expect(vs.map((v) => v.tier)).toEqual([...TIER_KEYS]);
    expect(vs.map((v) => v.ruleset)).toEqual([
      'tech-sme-2017',
      'innovative-sme-2022',
      'hnte-2016',
      'specialized-sme-2022',
      'little-giant-2022',
      'gazelle-yancheng-2022',
      'potential-unicorn-gei-2025',
      'unicorn-gei-2025',
    ]);
  });

  it("the date option wins over the facts' asOf", () => {
    expect(assessAll(baseFirm(), { date: '2026-05-01' })[3].ruleset).toBe('specialized-sme-2026');
  });

  it('missing data never crashes and never passes: a firm with only its registration date', () => {
    const vs = assessAll({ asOf: '2025-06-30', establishedOn: '2019-01-01', years: [] });
    for (const v of vs) {
      expect(v.eligible, v.tier).not.toBe(true);
      expect(v.missing.length + v.unmet.length, v.tier).toBeGreaterThan(0);
    }
    expect(vs.find((v) => v.tier === 'hnte')?.eligible).toBeNull();
    expect(vs.find((v) => v.tier === 'hnte')?.missing).toContain('2024 年度研发费用');
  });

  it('a verdict serialises to plain JSON with its text rendered', () => {
    const hnte = assessAll(withYears(baseFirm(), { 2024: { highTechRevenue: 22_000_000 } }))[2];
    const json = JSON.parse(JSON.stringify(hnte));
    expect(json).toMatchObject({
      tier: 'hnte',
      tierName: '高新技术企业',
      eligible: false,
      unmet: [{ criterion: '第 6 条：高新技术产品（服务）收入占比', actual: '55%', required: '≥ 60%' }],
      gap: [
        '高新技术产品（服务）收入占比 55% < 60%：上年度高新技术产品（服务）收入还需增加 500 万元（按新增收入计）；若由现有收入归入，需归入 200 万元',
      ],
    });
    expect(json.breakdown[0]).toEqual({
      item: '知识产权：技术的先进程度',
      points: 6,
      range: null,
      max: 8,
      basis: '专家评价；专家评分 6',
    });
  });

  it("the issue's example gap: 研发费用占比 3.2% < 4%：近三年研发投入还需增加 86.4 万元", () => {
    // Sales 2,000 + 2,800 + 6,000 = 10,800 万元 (last year > 5,000 万元: 4%); R&D 345.6 万元 = 3.2%.
    const f = withYears(baseFirm(), {
      2022: { revenue: 20_000_000, rdExpense: 640_000, rdExpenseDomestic: 640_000 },
      2023: { revenue: 28_000_000, rdExpense: 896_000, rdExpenseDomestic: 896_000 },
      2024: {
        revenue: 60_000_000,
        highTechRevenue: 48_000_000,
        rdExpense: 1_920_000,
        rdExpenseDomestic: 1_920_000,
      },
    });
    expect(assessAll(f)[2].gap).toContain('研发费用占比 3.2% < 4%：近三年研发投入还需增加 86.4 万元');
  });
});

describe('numbers in messages', () => {
  it('money in 万元: two decimals under 100 万, one under 10,000 万, whole above; needs round up', () => {
    expect(wan(864_000)).toBe('86.4 万元');
    expect(wan(12_345_678)).toBe('1234.6 万元');
    expect(wan(1_500_000_000)).toBe('150,000 万元');
    expect(wan(1, true)).toBe('0.01 万元');
    expect(wan(12_340_001, true)).toBe('1234.1 万元');
  });

  it('per cent with up to two decimals; truncated when it must not look like the threshold', () => {
    expect(pct(0.032)).toBe('3.2%');
    expect(pct(0.04999999, true)).toBe('4.99%');
    expect(pct(0.0396, true)).toBe('3.96%');
    expect(pct(0.05)).toBe('5%');
  });

  it('US dollars in 亿美元 or 万美元', () => {
    expect(usd(1_200_000_000)).toBe('12 亿美元');
    expect(usd(25_000_000)).toBe('2500 万美元');
    expect(usd(123_456)).toBe('12.3 万美元');
  });
});
