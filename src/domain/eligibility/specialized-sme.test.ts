import { describe, expect, it } from 'vitest';
import type { FirmFacts } from './facts-schema.js';
import {
  baseFirm,
  DATE_2026,
  declare,
  firm,
  firm2026,
  unmetCriteria,
  verdict,
  withYears,
} from './test-firms.js';

const spec = (f: FirmFacts = baseFirm(), date?: string) => verdict(f, 'specialized_sme', date);
const points = (f: FirmFacts, item: string) => spec(f).breakdown.find((b) => b.item === item)?.points;

/** The base firm stripped to a known score: 81 − institution 4 − R&D staff 5 − digital 5 − margin 10 − feature 10
 *  = 47, plus `feature` points from the province. No direct path holds. */
const scoring = (feature: number) =>
  withYears(declare(firm({ rdInstitutions: [] }), { digitalLevel: 1, provincialFeatureScore: feature }), {
    2024: { rdStaff: 4, netProfit: 400_000 },
  });

describe('专精特新中小企业 工信部企业〔2022〕63号 附件2', () => {
  it('the base firm meets the conditions and scores 81 under specialized-sme-2022', () => {
    expect(spec()).toMatchObject({ eligible: true, score: 81, ruleset: 'specialized-sme-2022' });
  });

  it('条件一: exactly 2 years in the niche passes; 1.9 years fails', () => {
    expect(unmetCriteria(spec(declare(baseFirm(), { nicheYears: 2 })))).toEqual([]);
    const v = spec(declare(baseFirm(), { nicheYears: 1.9 }));
    expect(v.eligible).toBe(false);
    expect(v.gap).toEqual(['还需在细分市场深耕 0.1 年']);
  });

  it('条件二: last-year R&D of exactly 100万 passes; one yuan less fails with the amount still needed', () => {
    const at = (r: number) =>
      withYears(baseFirm(), { 2024: { revenue: 20_000_000, mainRevenue: 18_000_000, rdExpense: r } });
    expect(unmetCriteria(spec(at(1_000_000)))).not.toContain('上年度研发费用总额');
    const v = spec(at(999_999));
    expect(v.unmet[0]).toEqual({
      criterion: '上年度研发费用总额',
      actual: '999,999 元',
      required: '≥ 100 万元',
    });
    expect(v.gap[0]).toBe('上年度研发费用还需增加 0.01 万元');
  });

  it('条件二: last-year R&D of exactly 3% of revenue passes; 2.99% fails', () => {
    expect(unmetCriteria(spec(withYears(baseFirm(), { 2024: { rdExpense: 1_200_000 } })))).toEqual([]);
    const v = spec(withYears(baseFirm(), { 2024: { rdExpense: 1_199_999 } }));
    expect(v.unmet[0]).toMatchObject({
      criterion: '上年度研发费用占营业收入比重',
      actual: '2.99%',
      required: '≥ 3%',
    });
    expect(v.gap[0]).toBe('2024 年度研发费用占比 2.99% < 3%：当年研发费用还需增加 0.01 万元');
  });

  it('条件三: revenue of exactly 1000万 passes; below it, 2000万 of equity in two years stands in', () => {
    const small = (revenue: number) =>
      withYears(baseFirm(), { 2024: { revenue, mainRevenue: revenue * 0.9, rdExpense: 1_000_000 } });
    expect(unmetCriteria(spec(small(10_000_000)))).not.toContain('上年度营业收入');
    expect(unmetCriteria(spec(small(9_999_999)))).toContain('上年度营业收入');
    const funded = (amount: number) =>
      spec({ ...small(9_999_999), equityRounds: [{ date: '2023-07-01', amount, currency: 'CNY' }] });
    expect(unmetCriteria(funded(20_000_000))).not.toContain('上年度营业收入');
    const short = funded(19_990_000);
    expect(short.unmet.find((u) => u.criterion === '上年度营业收入')?.actual).toBe(
      '9,999,999 元；近 2 年新增股权融资 1999 万元',
    );
  });

  it('条件四: exactly 60 points passes; 59 fails with the shortfall', () => {
    expect(spec(scoring(13))).toMatchObject({ eligible: true, score: 60 });
    const v = spec(scoring(12));
    expect(v).toMatchObject({ eligible: false, score: 59 });
    expect(unmetCriteria(v)).toEqual(['评价得分', '直通条件（任一）']);
    expect(v.gap).toEqual(['评价得分 59 < 60：还差 1 分']);
  });

  it("条件四: without the province's feature score the score is a range (0–15 open)", () => {
    const f = scoring(0);
    delete f.declared?.provincialFeatureScore;
    const v = spec(f);
    expect(v).toMatchObject({ eligible: null, score: null, scoreRange: [47, 62] });
    expect(v.missing).toEqual(['特色化指标得分（由各省确定）']);
    // Nothing fails while the score may still pass: no direct path is an unmet line (待补资料, not 接近).
    expect(unmetCriteria(v)).toEqual([]);
  });

  it('直通条件: a provincial award as unit no. 3 within three years qualifies a low scorer; no. 4 does not', () => {
    const award = (rank: number) =>
      spec({ ...scoring(0), awards: [{ kind: 'science', level: 'provincial', year: 2023, rank }] });
    expect(award(3)).toMatchObject({ eligible: true, directPath: '2023 年获省级科技奖励，排名第 3' });
    expect(award(4).eligible).toBe(false);
  });

  it("直通条件: a low scorer qualifying by a direct path is not asked for the score's missing facts", () => {
    const f = scoring(0);
    delete f.declared?.provincialFeatureScore;
    const v = spec({
      ...f,
      awards: [{ kind: 'science', level: 'provincial', year: 2023, rank: 3 }],
    }).toJSON();
    expect(v).toMatchObject({ eligible: true, scoreRange: [47, 62], missing: [], unmet: [], gap: [] });
  });

  it('直通条件: a national award as unit no. 5 qualifies', () => {
    const v = spec({ ...scoring(0), awards: [{ kind: 'science', level: 'national', year: 2024, rank: 5 }] });
    expect(v.eligible).toBe(true);
  });

  it('直通条件: two-year average R&D of exactly 1000万 qualifies; one yuan less does not', () => {
    const rd = (r2024: number) =>
      withYears(scoring(0), {
        2023: { rdExpense: 10_000_000 },
        2024: { rdExpense: r2024, revenue: 100_000_000, mainRevenue: 90_000_000 },
      });
    expect(spec(rd(10_000_000))).toMatchObject({
      eligible: true,
      directPath: '近 2 年研发费用年均 1000 万元',
    });
    expect(spec(rd(9_999_999)).directPath).toBeNull();
  });

  it('直通条件: 6000万 of new equity in two years, or the 创客中国 national top 500, qualifies', () => {
    expect(
      spec({ ...scoring(0), equityRounds: [{ date: '2024-03-01', amount: 60_000_000, currency: 'CNY' }] })
        .eligible,
    ).toBe(true);
    expect(
      spec({ ...scoring(0), awards: [{ kind: 'makers_china_top500', level: 'national', year: 2022 }] })
        .directPath,
    ).toBe('2022 年进入“创客中国”大赛全国 500 强');
  });

  it('评分 专业化: main share exactly 80% scores 3, above 5; exactly 60% scores 1', () => {
    const share = (m: number) => withYears(baseFirm(), { 2024: { mainRevenue: m } });
    expect(points(share(32_000_000), '专业化：主营业务收入占比')).toBe(3);
    expect(points(share(32_000_001), '专业化：主营业务收入占比')).toBe(5);
    expect(points(share(24_000_000), '专业化：主营业务收入占比')).toBe(1);
    expect(points(share(23_999_999), '专业化：主营业务收入占比')).toBe(0);
  });

  it('评分 专业化: two-year average main growth exactly 10% scores 8, above 10 scores 10; a fall scores 0', () => {
    // 2022 → 2023 → 2024 main revenue 20,000,000 → 22,000,000 → 24,200,000: 10% and 10%.
    const g = (m2024: number) =>
      withYears(baseFirm(), {
        2022: { mainRevenue: 20_000_000 },
        2023: { mainRevenue: 22_000_000 },
        2024: { mainRevenue: m2024 },
      });
    expect(points(g(24_200_000), '专业化：近 2 年主营业务收入平均增长率')).toBe(8);
    expect(points(g(24_200_100), '专业化：近 2 年主营业务收入平均增长率')).toBe(10);
    expect(points(g(17_000_000), '专业化：近 2 年主营业务收入平均增长率')).toBe(0);
  });

  it('评分 专业化 young firm: only two accounting years — the one growth rate is used; one year — 0 points', () => {
    const two = firm({ establishedOn: '2023-01-05', years: baseFirm().years.filter((y) => y.year >= 2023) });
    const item = spec(two).breakdown.find((b) => b.item === '专业化：近 2 年主营业务收入平均增长率');
    expect(item).toMatchObject({ points: 10, basis: '仅 2024 年增长率 33.33%' });
    const one = firm({ establishedOn: '2024-01-05', years: baseFirm().years.filter((y) => y.year === 2024) });
    expect(points(one, '专业化：近 2 年主营业务收入平均增长率')).toBe(0);
  });

  it('评分 专业化: one point per two full years in the niche, at most 5', () => {
    expect(points(declare(baseFirm(), { nicheYears: 3.9 }), '专业化：从事特定细分市场年限')).toBe(1);
    expect(points(declare(baseFirm(), { nicheYears: 4 }), '专业化：从事特定细分市场年限')).toBe(2);
    expect(points(declare(baseFirm(), { nicheYears: 12 }), '专业化：从事特定细分市场年限')).toBe(5);
  });

  it('评分 精细化: debt ratio under 50% scores 5; exactly 50% and 60% score 3; exactly 70% 1; above 0', () => {
    const debt = (l: number) =>
      points(withYears(baseFirm(), { 2024: { totalLiabilities: l } }), '精细化：上年度资产负债率');
    expect(debt(24_999_999)).toBe(5);
    expect(debt(25_000_000)).toBe(3);
    expect(debt(30_000_000)).toBe(3);
    expect(debt(35_000_000)).toBe(1);
    expect(debt(35_000_001)).toBe(0);
  });

  it('评分 精细化: net margin exactly 10% scores 8, above 10; exactly 2% scores 2, below 0', () => {
    const margin = (p: number) =>
      points(withYears(baseFirm(), { 2024: { netProfit: p } }), '精细化：上年度净利润率');
    expect(margin(4_000_000)).toBe(8);
    expect(margin(4_000_001)).toBe(10);
    expect(margin(800_000)).toBe(2);
    expect(margin(799_999)).toBe(0);
  });

  it('评分 精细化: quality items count 3 each, at most 5; digital level 3 scores 5, level 2 scores 3', () => {
    const q = declare(baseFirm(), { qualitySystemCertified: false, ownBrand: false, standardSetting: true });
    expect(points(q, '精细化：质量管理水平')).toBe(3);
    expect(points(declare(baseFirm(), { digitalLevel: 2 }), '精细化：数字化水平')).toBe(3);
  });

  it('评分 创新能力: R&D takes the better of amount and ratio — 500万 at 1% and 150万 at 10% both score 10', () => {
    const rd = (revenue: number, r: number) =>
      points(
        withYears(baseFirm(), { 2024: { revenue, mainRevenue: revenue * 0.9, rdExpense: r } }),
        '创新能力：上年度研发费用投入',
      );
    expect(rd(500_000_000, 5_000_000)).toBe(10);
    expect(rd(15_000_000, 1_500_000)).toBe(10);
    expect(rd(500_000_000, 4_999_999)).toBe(8);
  });

  it('评分 创新能力: R&D staff exactly 20% scores 3, above 20% 5; exactly 5% scores 1, below 0', () => {
    const staff = (n: number) =>
      points(withYears(baseFirm(), { 2024: { rdStaff: n } }), '创新能力：上年度研发人员占比');
    expect(staff(20)).toBe(3);
    expect(staff(21)).toBe(5);
    expect(staff(5)).toBe(1);
    expect(staff(4)).toBe(0);
  });

  it('评分 创新能力: R&D institution national 10, provincial 8, city 4, below city 2, none 0', () => {
    const inst = (rdInstitutions: FirmFacts['rdInstitutions']) =>
      points(firm({ rdInstitutions }), '创新能力：研发机构级别');
    expect(inst([{ level: 'national' }, { level: 'city' }])).toBe(10);
    expect(inst([{ level: 'provincial' }])).toBe(8);
    expect(inst([{ level: 'city' }])).toBe(4);
    expect(inst([{ level: 'other' }])).toBe(2);
    expect(inst([])).toBe(0);
  });
});

describe('专精特新中小企业 工信部企业〔2026〕2号 (provisional, from 2026-04-01)', () => {
  const spec26 = (f: FirmFacts = firm2026()) => spec(f, DATE_2026);

  it('on 2026-06-30 the 2026 rule set applies and the base firm passes it', () => {
    expect(spec26()).toMatchObject({
      eligible: true,
      ruleset: 'specialized-sme-2026',
      provisional: true,
      passScore: 50,
    });
  });

  it('≥ 3 years in the niche: exactly 3 passes, 2.5 fails (2022 needed only 2)', () => {
    expect(spec26(declare(firm2026(), { nicheYears: 3 })).eligible).toBe(true);
    expect(unmetCriteria(spec26(declare(firm2026(), { nicheYears: 2.5 })))).toEqual(['从事特定细分市场年限']);
  });

  it('revenue ≥ 1500万: exactly passes, one yuan less fails', () => {
    const r = (revenue: number) =>
      withYears(firm2026(), { 2025: { revenue, mainRevenue: revenue * 0.9, rdExpense: 1_500_000 } });
    expect(spec26(r(15_000_000)).eligible).toBe(true);
    expect(unmetCriteria(spec26(r(14_999_999)))).toEqual(['上年度营业收入']);
  });

  it('main business ≥ 80% of revenue: exactly 80% passes, below fails with the main revenue needed', () => {
    expect(spec26(withYears(firm2026(), { 2025: { mainRevenue: 40_000_000 } })).eligible).toBe(true);
    const v = spec26(withYears(firm2026(), { 2025: { mainRevenue: 39_000_000 } }));
    expect(v.unmet).toEqual([{ criterion: '主营业务收入占营业收入比重', actual: '78%', required: '≥ 80%' }]);
    // (3,900 + x) / (5,000 + x) ≥ 80% → x ≥ 500 万元.
    expect(v.gap).toEqual(['主营业务收入占比 78% < 80%：主营业务收入还需增加 500 万元']);
  });

  it('debt ratio ≤ 80%: exactly 80% passes, above fails with the debt to repay', () => {
    // 2025 assets 6,250 万元.
    expect(spec26(withYears(firm2026(), { 2025: { totalLiabilities: 50_000_000 } })).eligible).toBe(true);
    const v = spec26(withYears(firm2026(), { 2025: { totalLiabilities: 51_250_000 } }));
    expect(v.unmet).toEqual([{ criterion: '资产负债率', actual: '82%', required: '≤ 80%' }]);
    expect(v.gap).toEqual(['资产负债率降至 80%：负债还需减少 125 万元']);
  });

  it('R&D in each of the last two years: 2024 at 2.99% fails even with 2025 at 7%', () => {
    const v = spec26(withYears(firm2026(), { 2024: { rdExpense: 1_199_999 } }));
    expect(unmetCriteria(v)).toEqual(['2024 年度研发费用占营业收入比重']);
  });

  it('young firm: registered in 2025, it has no 2024 R&D year and cannot meet "each of the last two years"', () => {
    const v = spec26(firm2026({ establishedOn: '2025-01-15', years: [firm2026().years[4]] }));
    expect(v.eligible).toBe(false);
    expect(v.unmet[0]).toEqual({
      criterion: '2024 年度研发费用',
      actual: '尚未成立',
      required: '≥ 100 万元 且占营业收入 ≥ 3%',
    });
  });

  it('≥ 1 Class I IP in use: 0 in use fails; an unknown count is asked for', () => {
    expect(unmetCriteria(spec26(firm2026({ ip: { invention: 2, classIInUse: 0 } })))).toEqual([
      '已实际应用的 I 类知识产权',
    ]);
    const v = spec26(firm2026({ ip: { invention: 2, classIHighValue: 0, classIOwnDeveloped: 2 } }));
    expect(v.eligible).toBeNull();
    expect(v.missing).toContain('已实际应用的 I 类知识产权数');
  });

  it('score ≥ 50: exactly 50 passes, 49 fails, and a provincial award no longer stands in', () => {
    // The 2022 stripped firm scores 47 + feature on 2025 figures too.
    const at = (feature: number) =>
      withYears(
        declare(firm2026({ rdInstitutions: [] }), { digitalLevel: 1, provincialFeatureScore: feature }),
        {
          2025: { rdStaff: 4, netProfit: 400_000 },
        },
      );
    expect(spec26(at(3))).toMatchObject({ eligible: true, score: 50 });
    const v = spec26({ ...at(2), awards: [{ kind: 'science', level: 'provincial', year: 2025, rank: 1 }] });
    expect(v).toMatchObject({ eligible: false, score: 49, directPath: null });
  });
});
