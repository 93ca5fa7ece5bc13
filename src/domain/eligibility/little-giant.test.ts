import { describe, expect, it } from 'vitest';
import { assessTier } from './assess.js';
import type { FirmFacts } from './facts-schema.js';
import { baseFirm, DATE_2026, declare, unmetCriteria, verdict, withYears, yearOf } from './test-firms.js';

/** A 1.2亿 firm that meets every 2022 小巨人 condition (revenue route ≥ 1亿: R&D ≥ 3% in 2023 and 2024). */
function giant(patch: Partial<FirmFacts> = {}): FirmFacts {
  return {
    ...baseFirm(),
    years: [
      yearOf(2021, 80_000_000),
      yearOf(2022, 90_000_000),
      yearOf(2023, 100_000_000),
      yearOf(2024, 120_000_000),
    ],
    ip: { invention: 4, utility: 10, classIOwnDeveloped: 4, classIHighValue: 1, classIInUse: 3 },
    ...patch,
  };
}
const lg = (f: FirmFacts = giant(), date?: string) => verdict(f, 'little_giant', date);

describe('专精特新“小巨人” 工信部企业〔2022〕63号 附件3', () => {
  it('the model firm meets all six conditions (no score: the rule does not score)', () => {
    expect(lg()).toMatchObject({
      eligible: true,
      ruleset: 'little-giant-2022',
      score: null,
      scoreRange: null,
      unmet: [],
    });
  });

  it('专业化: exactly 3 years in the niche passes, 2 fails', () => {
    expect(lg(declare(giant(), { nicheYears: 3 })).eligible).toBe(true);
    expect(unmetCriteria(lg(declare(giant(), { nicheYears: 2 })))).toEqual(['专业化：从事特定细分市场年限']);
  });

  it('专业化: main business exactly 70% of revenue passes, below fails', () => {
    // Earlier years lowered too, so main-business growth stays positive.
    const share = (m2024: number) =>
      withYears(giant(), {
        2022: { mainRevenue: 70_000_000 },
        2023: { mainRevenue: 76_000_000 },
        2024: { mainRevenue: m2024 },
      });
    expect(lg(share(84_000_000)).eligible).toBe(true);
    expect(unmetCriteria(lg(share(83_999_999)))).toEqual(['专业化：主营业务收入占营业收入比重']);
  });

  it('专业化: two-year average main growth of exactly 5% passes; just under fails with the revenue needed', () => {
    const g = (m2024: number) =>
      withYears(giant(), {
        2022: { mainRevenue: 80_000_000 },
        2023: { mainRevenue: 84_000_000 },
        2024: { mainRevenue: m2024 },
      });
    expect(lg(g(88_200_000)).eligible).toBe(true);
    const v = lg(g(88_190_000));
    expect(unmetCriteria(v)).toEqual(['专业化：近 2 年主营业务收入平均增长率']);
    expect(v.gap).toEqual(['近 2 年主营业务收入平均增长率达到 5%：上年度主营业务收入还需增加 1 万元']);
  });

  it('专业化 young firm: with two accounting years the latest growth rate stands alone', () => {
    const two = giant({ establishedOn: '2023-01-01', years: giant().years.filter((y) => y.year >= 2023) });
    const v = lg(withYears(two, { 2024: { mainRevenue: 94_000_000 } })); // 90M → 94M: 4.4%
    expect(v.unmet.find((u) => u.criterion === '专业化：近 2 年主营业务收入平均增长率')?.actual).toBe(
      '4.44%',
    );
  });

  it('精细化: an information system on core processes and a certification are required; either certification will do', () => {
    expect(unmetCriteria(lg(declare(giant(), { coreProcessInformationSystem: false })))).toEqual([
      '精细化：核心业务采用信息系统支撑',
    ]);
    expect(
      lg(declare(giant(), { qualitySystemCertified: false, developedMarketProductCertified: true })).eligible,
    ).toBe(true);
    expect(unmetCriteria(lg(declare(giant(), { qualitySystemCertified: false })))).toEqual([
      '精细化：管理体系认证或发达国家和地区产品认证',
    ]);
    const f = giant();
    delete f.declared?.qualitySystemCertified;
    delete f.declared?.developedMarketProductCertified;
    expect(lg(f).eligible).toBeNull();
  });

  it('精细化: debt ratio exactly 70% passes, above fails', () => {
    // 2024 assets 15,000 万元.
    expect(lg(withYears(giant(), { 2024: { totalLiabilities: 105_000_000 } })).eligible).toBe(true);
    expect(unmetCriteria(lg(withYears(giant(), { 2024: { totalLiabilities: 105_000_001 } })))).toEqual([
      '精细化：资产负债率',
    ]);
  });

  it('特色化: national niche market share exactly 10% passes; 9.99% fails; an own brand is required', () => {
    expect(lg(declare(giant(), { nationalMarketShare: 0.1 })).eligible).toBe(true);
    const v = lg(declare(giant(), { nationalMarketShare: 0.0999 }));
    expect(v.unmet).toEqual([
      { criterion: '特色化：主导产品国内细分市场占有率', actual: '9.99%', required: '≥ 10%' },
    ]);
    expect(v.gap).toEqual(['国内细分市场占有率还需提高 0.01%']);
    expect(unmetCriteria(lg(declare(giant(), { ownBrand: false })))).toEqual(['特色化：拥有自主品牌']);
  });

  it('创新能力 revenue ≥ 1亿: exactly 1亿 last year needs R&D ≥ 3% in each of the last two years', () => {
    const f = (r2023: number) =>
      withYears(giant(), {
        2023: { rdExpense: r2023 },
        2024: { revenue: 100_000_000, mainRevenue: 90_000_000, rdExpense: 3_000_000 },
      });
    expect(lg(f(3_000_000)).eligible).toBe(true);
    const v = lg(f(2_999_999));
    expect(unmetCriteria(v)).toEqual(['创新能力：2023 年度研发费用占营业收入比重', '创新直通条件']);
  });

  it('创新能力 revenue 5000万–1亿: one yuan under 1亿 needs 6% in each year', () => {
    const f = (rdShare: number) =>
      withYears(giant(), {
        2023: { rdExpense: 100_000_000 * rdShare },
        2024: { revenue: 99_999_999, mainRevenue: 90_000_000, rdExpense: 99_999_999 * rdShare },
      });
    expect(lg(f(0.06)).eligible).toBe(true);
    expect(unmetCriteria(lg(f(0.05)))).toContain('创新能力：2024 年度研发费用占营业收入比重');
  });

  it('创新能力 revenue under 5000万: 8000万 equity, 3000万 two-year R&D and 50% R&D staff, all three', () => {
    const small = (equity: number, rdStaff: number) =>
      withYears(giant({ equityRounds: [{ date: '2024-05-01', amount: equity, currency: 'CNY' }] }), {
        2022: { revenue: 35_000_000, mainRevenue: 31_500_000 },
        2023: { revenue: 40_000_000, mainRevenue: 36_000_000, rdExpense: 15_000_000 },
        2024: {
          revenue: 45_000_000,
          mainRevenue: 40_500_000,
          rdExpense: 15_000_000,
          employees: 100,
          rdStaff,
        },
      });
    expect(lg(small(80_000_000, 50)).eligible).toBe(true);
    const v = lg(small(79_000_000, 49));
    expect(unmetCriteria(v)).toEqual([
      '创新能力：近 2 年新增股权融资',
      '创新能力：研发人员占职工总数比重',
      '创新直通条件',
    ]);
    expect(v.gap).toEqual(['近 2 年股权融资还需 100 万元', '研发人员占比达到 50%：还需新增 2 名研发人员']);
  });

  it('创新能力: an R&D institution and 2 Class I IP in use are required', () => {
    const v = lg(giant({ rdInstitutions: [], ip: { invention: 4, classIInUse: 1 } }));
    expect(unmetCriteria(v)).toEqual(['创新能力：建立研发机构', '已实际应用的 I 类知识产权', '创新直通条件']);
    expect(v.gap).toEqual([
      '还需建立 1 个研发机构（自建或联合共建）',
      '还需 1 件 I 类知识产权（并实际应用）',
    ]);
  });

  it('创新直通: a national award as unit no. 3 within three years replaces the innovation conditions', () => {
    const f = giant({
      rdInstitutions: [],
      awards: [{ kind: 'science', level: 'national', year: 2023, rank: 3, name: '国家科技进步奖二等奖' }],
    });
    expect(lg(f)).toMatchObject({
      eligible: true,
      directPath: '创新直通：2023 年获国家级科技奖励（国家科技进步奖二等奖），排名第 3',
    });
    expect(lg({ ...f, awards: [{ kind: 'science', level: 'national', year: 2023, rank: 4 }] }).eligible).toBe(
      false,
    );
  });

  it('产业链配套 and 主导产品所属领域 are required declarations', () => {
    expect(unmetCriteria(lg(declare(giant(), { keyChainPosition: false })))).toEqual([
      '产业链配套：位于产业链关键环节',
    ]);
    const f = giant();
    delete f.declared?.leadProductInStrategicField;
    expect(lg(f)).toMatchObject({
      eligible: null,
      missing: ['主导产品是否属于工业“六基”、制造强国、网络强国等领域'],
    });
  });
});

/** The model firm a year later, with 2025 revenue 1.5亿 and 4 Class I items: meets the 2026 thresholds. */
function giant2026(patch: Partial<FirmFacts> = {}): FirmFacts {
  const f = giant();
  return { ...f, asOf: DATE_2026, years: [...f.years, yearOf(2025, 150_000_000)], ...patch };
}
const lg26 = (f: FirmFacts = giant2026()) => verdict(f, 'little_giant', DATE_2026);

describe('专精特新“小巨人” 工信部企业〔2026〕2号 (provisional, from 2026-04-01)', () => {
  it('on 2026-06-30 the 2026 rule set applies and the model firm passes it', () => {
    const v = lg26();
    expect(v).toMatchObject({
      eligible: true,
      ruleset: 'little-giant-2026',
      provisional: true,
      passScore: 60,
    });
    expect(v.score).toBeGreaterThanOrEqual(60);
  });

  it('revenue ≥ 5000万: exactly passes, one yuan less fails', () => {
    const r = (revenue: number) =>
      withYears(giant2026(), { 2025: { revenue, mainRevenue: revenue * 0.9, rdExpense: revenue * 0.07 } });
    expect(unmetCriteria(lg26(r(50_000_000)))).not.toContain('上年度营业收入');
    expect(unmetCriteria(lg26(r(49_999_999)))).toContain('上年度营业收入');
  });

  it('main business ≥ 90%: exactly 90% passes; 89.99% fails', () => {
    expect(lg26(withYears(giant2026(), { 2025: { mainRevenue: 135_000_000 } })).eligible).toBe(true);
    expect(unmetCriteria(lg26(withYears(giant2026(), { 2025: { mainRevenue: 134_985_000 } })))).toEqual([
      '主营业务收入占营业收入比重',
    ]);
  });

  it('two-year R&D total ≥ 1200万: exactly passes, one yuan less fails', () => {
    // 600 万元 in 2024 (5%) and in 2025 (4%): each year clears 3%.
    const f = (r2025: number) =>
      withYears(giant2026(), { 2024: { rdExpense: 6_000_000 }, 2025: { rdExpense: r2025 } });
    expect(lg26(f(6_000_000)).eligible).toBe(true);
    const v = lg26(f(5_999_999));
    expect(v.unmet).toEqual([
      { criterion: '近 2 年研发费用合计', actual: '11,999,999 元', required: '≥ 1200 万元' },
    ]);
    expect(v.gap).toEqual(['近 2 年研发费用还需增加 0.01 万元']);
  });

  it('≥ 4 Class I IP: 3 fails with "还需 1 件 I 类知识产权"', () => {
    const v = lg26(giant2026({ ip: { invention: 3, classIInUse: 3 } }));
    expect(unmetCriteria(v)).toContain('I 类知识产权');
    expect(v.gap).toContain('还需 1 件 I 类知识产权');
  });

  it('market: share under 10% passes with a national rank of 2, fails with rank 4', () => {
    expect(lg26(declare(giant2026(), { nationalMarketShare: 0.08, nationalMarketRank: 2 })).eligible).toBe(
      true,
    );
    expect(
      unmetCriteria(lg26(declare(giant2026(), { nationalMarketShare: 0.08, nationalMarketRank: 4 }))),
    ).toEqual(['主导产品国内细分市场占有率']);
  });

  it('复核: a firm holding a 小巨人 title that runs into 2026 is re-reviewed under the 2022 rules', () => {
    const holder = giant2026({
      titles: [{ title: 'little_giant', issuedOn: '2023-07-15', expiresOn: '2026-07-14' }],
    });
    const v = lg26(holder);
    expect(v.ruleset).toBe('little-giant-2022');
    expect(v.notes).toContain('已获“小巨人”称号的企业复核，按 2022 版标准');
    // After 2026 the re-review window of the 2022 rules has closed.
    expect(
      verdict(
        { ...holder, years: [...holder.years, yearOf(2026, 180_000_000)] },
        'little_giant',
        '2027-01-10',
      ).ruleset,
    ).toBe('little-giant-2026');
  });

  it('an explicit rule-set override picks the 2022 rules on a 2026 date and says so', () => {
    const v = assessTier(giant2026(), 'little_giant', {
      date: DATE_2026,
      rulesets: { little_giant: 'little-giant-2022' },
    });
    expect(v.ruleset).toBe('little-giant-2022');
    expect(v.notes[0]).toContain('按指定使用规则集 little-giant-2022');
  });
});
