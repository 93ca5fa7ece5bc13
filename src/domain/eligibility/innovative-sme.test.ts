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

const inno = (f: FirmFacts = baseFirm(), date?: string) => verdict(f, 'innovative_sme', date);
const points = (f: FirmFacts, item: string) => inno(f).breakdown.find((b) => b.item === item)?.points;
const RD = '上年度研发费用占营业收入比重';
const GROWTH = '上年度主营业务收入增长率';
const DEBT = '上年度资产负债率';
const SHARE = '上年度主营业务收入占营业收入比重';
const IP = '与主导产品相关的有效知识产权';
/** 2024 revenue is 4,000 万元: R&D of x% is 40 万元 × x. */
const rd = (yuan: number) => withYears(baseFirm(), { 2024: { rdExpense: yuan } });

describe('创新型中小企业 工信部企业〔2022〕63号 附件1', () => {
  it('the base firm scores 100 under innovative-sme-2022', () => {
    expect(inno()).toMatchObject({ eligible: true, score: 100, ruleset: 'innovative-sme-2022' });
  });

  it('创新能力 R&D ratio: above 5% scores 20, exactly 5% scores 15 ("5% 以上" is strict)', () => {
    expect(points(rd(2_000_001), RD)).toBe(20);
    expect(points(rd(2_000_000), RD)).toBe(15);
  });

  it('创新能力 R&D ratio: exactly 3% scores 15, just under 10; exactly 1% scores 5, just under 0', () => {
    expect(points(rd(1_200_000), RD)).toBe(15);
    expect(points(rd(1_199_999), RD)).toBe(10);
    expect(points(rd(400_000), RD)).toBe(5);
    expect(points(rd(399_999), RD)).toBe(0);
  });

  it('创新能力 IP: high-value Class I 20, own-developed Class I 15, bought Class I 10, Class II 5, none 0', () => {
    expect(points(firm({ ip: { invention: 1, classIHighValue: 1 } }), IP)).toBe(20);
    expect(points(firm({ ip: { invention: 1, classIHighValue: 0, classIOwnDeveloped: 1 } }), IP)).toBe(15);
    expect(points(firm({ ip: { invention: 2, classIHighValue: 0, obtainedBy: 'transfer_only' } }), IP)).toBe(
      10,
    );
    expect(points(firm({ ip: { software: 3 } }), IP)).toBe(5);
    expect(points(firm({ ip: {} }), IP)).toBe(0);
  });

  it('创新能力 IP: whether a Class I item is high-value is asked, not assumed (a 10–20 range)', () => {
    const v = inno(firm({ ip: { invention: 1, obtainedBy: 'transfer_only' } }));
    expect(v.breakdown.find((b) => b.item === IP)?.range).toEqual([10, 20]);
    expect(v.missing).toContain('I 类高价值知识产权数');
  });

  it('成长性 main-revenue growth: exactly 15% scores 15, above 20; exactly 0 scores 5, a fall 0', () => {
    // 2023 main revenue is 2,700 万元.
    const main = (m2024: number) => withYears(baseFirm(), { 2024: { mainRevenue: m2024 } });
    expect(points(main(31_050_000), GROWTH)).toBe(15);
    expect(points(main(31_050_001), GROWTH)).toBe(20);
    expect(points(main(27_000_000), GROWTH)).toBe(5);
    expect(points(main(26_999_999), GROWTH)).toBe(0);
  });

  it('成长性 young firm: no previous year, or 0 main revenue in it, gives no growth rate — 0 points, said so', () => {
    const young = firm({
      establishedOn: '2024-02-01',
      years: baseFirm().years.filter((y) => y.year === 2024),
    });
    expect(inno(young).breakdown.find((b) => b.item === GROWTH)).toMatchObject({
      points: 0,
      basis: '前一年度尚未成立，增长率无法计算，按 0 分',
    });
    const zero = withYears(baseFirm(), { 2023: { mainRevenue: 0 } });
    expect(points(zero, GROWTH)).toBe(0);
  });

  it('成长性 debt ratio: under 55% scores 10; exactly 55% and exactly 75% score 5; above 75% 0', () => {
    // 2024 assets are 5,000 万元.
    const debt = (l: number) => withYears(baseFirm(), { 2024: { totalLiabilities: l } });
    expect(points(debt(27_499_999), DEBT)).toBe(10);
    expect(points(debt(27_500_000), DEBT)).toBe(5);
    expect(points(debt(37_500_000), DEBT)).toBe(5);
    expect(points(debt(37_500_001), DEBT)).toBe(0);
  });

  it('专业化 main-business share: exactly 70% scores 15, above 20; exactly 50% scores 5, below 0', () => {
    const share = (m: number) => withYears(baseFirm(), { 2024: { mainRevenue: m } });
    expect(points(share(28_000_000), SHARE)).toBe(15);
    expect(points(share(28_000_001), SHARE)).toBe(20);
    expect(points(share(20_000_000), SHARE)).toBe(5);
    expect(points(share(19_999_999), SHARE)).toBe(0);
  });

  it('评价标准: 65 points but innovation 5 < 20 fails on the innovation floor', () => {
    const f = withYears(firm({ ip: {} }), { 2024: { rdExpense: 600_000 } }); // 1.5% → 5
    const v = inno(f);
    expect(v).toMatchObject({ eligible: false, score: 65 });
    expect(unmetCriteria(v)).toEqual(['创新能力得分', '直通条件（任一）']);
    expect(v.gap[0]).toBe('创新能力得分 5 < 20：还差 15 分');
    expect(v.gap).toContain('再获 1 件 I 类知识产权（如发明专利）可得 10 分');
    expect(v.gap).toContain('上年度研发费用再增加 20 万元（占比 ≥ 2%）（+5 分）');
  });

  it('评价标准: innovation of exactly 20 (Class II 5 + R&D 3% 15) passes', () => {
    const f = withYears(firm({ ip: { utility: 1 } }), { 2024: { rdExpense: 1_200_000 } });
    expect(inno(f)).toMatchObject({ eligible: true, score: 80 });
  });

  it('评价标准: growth exactly 15 (growth band 15 + debt > 75% 0) passes; 10 fails', () => {
    const g = (m2024: number) =>
      withYears(baseFirm(), { 2024: { mainRevenue: m2024, totalLiabilities: 40_000_000 } });
    expect(inno(g(30_000_000)).eligible).toBe(true); // 11.1% growth → 15
    const v = inno(g(29_000_000)); // 7.4% growth → 10
    expect(v.eligible).toBe(false);
    expect(unmetCriteria(v)).toContain('成长性得分');
  });

  it('评价标准: specialisation exactly 15 (other field 5 + 55% share 10) passes; 10 fails', () => {
    // 2023 main revenue lowered so growth stays in the top band.
    const s = (m2024: number) =>
      withYears(declare(baseFirm(), { strategicEmergingProduct: false }), {
        2023: { mainRevenue: 18_000_000 },
        2024: { mainRevenue: m2024 },
      });
    expect(inno(s(22_000_000)).eligible).toBe(true);
    expect(unmetCriteria(inno(s(21_999_999)))).toContain('专业化得分');
  });

  it('评价标准: exactly 60 points with every floor met passes; 50 fails', () => {
    // innovation 5 + 15, growth 10 + 5, specialisation 5 + 20 = 60.
    const at60 = withYears(declare(firm({ ip: { utility: 1 } }), { strategicEmergingProduct: false }), {
      2024: { rdExpense: 1_200_000, mainRevenue: 29_000_000, totalLiabilities: 30_000_000 },
    });
    expect(inno(at60)).toMatchObject({ eligible: true, score: 60 });
    const at55 = withYears(at60, { 2024: { mainRevenue: 27_000_001 } }); // growth 0.0% → 5, share 67.5% → 15
    const v = inno(at55);
    expect(v).toMatchObject({ eligible: false, score: 50 });
    expect(v.unmet[0]).toEqual({ criterion: '评价得分', actual: '50 分', required: '≥ 60 分' });
  });

  it('直通条件: a provincial science award in the last three years qualifies; four years ago does not', () => {
    const weak = withYears(firm({ ip: {} }), { 2024: { rdExpense: 0 } });
    expect(inno({ ...weak, awards: [{ kind: 'science', level: 'provincial', year: 2022 }] })).toMatchObject({
      eligible: true,
      directPath: '2022 年获省级科技奖励',
    });
    expect(inno({ ...weak, awards: [{ kind: 'science', level: 'provincial', year: 2021 }] }).eligible).toBe(
      false,
    );
  });

  it('直通条件: a valid IP-advantage title or a provincial R&D institution qualifies', () => {
    const weak = withYears(firm({ ip: {} }), { 2024: { rdExpense: 0 } });
    const titled = inno({
      ...weak,
      titles: [{ title: 'ip_advantage', issuedOn: '2024-01-01', expiresOn: '2026-12-31' }],
    });
    expect(titled.directPath).toBe('持有有效的知识产权优势企业称号（2024-01-01 至 2026-12-31）');
    expect(inno({ ...weak, rdInstitutions: [{ level: 'national' }] }).eligible).toBe(true);
  });

  it('直通条件: a firm qualifying by a direct path is not asked for what only the score needs', () => {
    // The score stays in the verdict (informative), but its missing facts cannot change the verdict;
    // listed, they read as "缺少" beside 可申报 on the screening page.
    const weak = (level: 'provincial' | 'city') => {
      const f = withYears(firm({ ip: { invention: 1 }, rdInstitutions: [{ level }] }), {
        2024: { rdExpense: 0 },
      });
      delete f.ip?.classIHighValue;
      delete f.declared?.strategicEmergingProduct;
      return inno(f);
    };
    const v = weak('provincial').toJSON();
    expect(v).toMatchObject({
      eligible: true,
      directPath: '建有省级研发机构',
      missing: [],
      gap: [],
      unmet: [],
    });
    expect(v.scoreRange).not.toBeNull();
    // Without the path the same facts are still asked for.
    expect(weak('city').missing).toEqual(['I 类高价值知识产权数', '主导产品是否属于《战略性新兴产业分类》']);
  });

  it('直通条件 2026: 科技型中小企业, judged with 科技和创新型中小企业, holds a 高企 title — nothing left to ask', () => {
    const f = firm2026({ titles: [{ title: 'hnte', issuedOn: '2025-11-06', expiresOn: '2028-11-05' }] });
    delete f.declared?.strategicEmergingProduct;
    const v = verdict(withYears(f, { 2025: { rdExpense: 0 } }), 'tech_sme', DATE_2026).toJSON();
    expect(v).toMatchObject({ ruleset: 'tech-innovative-sme-2026', eligible: true, missing: [] });
    expect(v.directPath).toBe('持有有效的高新技术企业称号（2025-11-06 至 2028-11-05）');
  });

  it('直通条件: 500万 of equity in the last three years qualifies; 499.99万, or a round exactly three years old, does not', () => {
    const weak = withYears(firm({ ip: {} }), { 2024: { rdExpense: 0 } });
    const round = (date: string, amount: number) =>
      inno({ ...weak, equityRounds: [{ date, amount, currency: 'CNY' }] });
    expect(round('2022-07-01', 5_000_000).directPath).toBe('近 3 年新增股权融资 500 万元');
    expect(round('2022-07-01', 4_999_900).eligible).toBe(false);
    expect(round('2022-06-30', 5_000_000).eligible).toBe(false);
  });

  it("直通条件: a US-dollar round is converted to 元 at the facts' rate", () => {
    const weak = withYears(firm({ ip: {} }), { 2024: { rdExpense: 0 } });
    const usd = (rate: number) =>
      inno({
        ...weak,
        fxToCny: { USD: rate },
        equityRounds: [{ date: '2024-01-10', amount: 700_000, currency: 'USD' }],
      }).eligible;
    expect(usd(7.2)).toBe(true); // 504 万元
    expect(usd(7.1)).toBe(false); // 497 万元
  });

  it('missing data: an undeclared field gives a 5–10 range but the verdict is still decided when either end passes', () => {
    const f = baseFirm();
    delete f.declared?.strategicEmergingProduct;
    const v = inno(f);
    expect(v).toMatchObject({ eligible: true, score: null, scoreRange: [95, 100] });
  });

  it("missing data: with last year's revenue unknown and no direct path, the verdict is open", () => {
    const v = inno(withYears(firm({ ip: {} }), { 2024: { revenue: undefined } }));
    expect(v.eligible).toBeNull();
    expect(v.missing).toContain('2024 年度营业收入');
  });
});

describe('创新型中小企业: a score route left open by missing facts', () => {
  it('is 待定 with nothing unmet — no 直通条件 line while the score may still pass', () => {
    // No R&D: innovation is the IP item alone, 0–20 with the IP unknown, so 创新能力 ≥ 20 is open.
    const open = withYears(firm({ ip: undefined, rdInstitutions: [] }), { 2024: { rdExpense: 0 } });
    const v = inno(open);
    expect(v).toMatchObject({ eligible: null, score: null, scoreRange: [60, 80] });
    expect(unmetCriteria(v)).toEqual([]);
    expect(v.missing).toContain('知识产权');
  });
});
