/** Every scoring band of every built-in rule set, at its threshold and one unit below, through the engines
 *  (the firm's figures in, the breakdown's points out). */
import { describe, expect, it } from 'vitest';
import type { FirmFacts, YearFigures } from './facts-schema.js';
import { baseFirm, declare, expertHnte, verdict, withYears } from './test-firms.js';
import type { TierKey } from './tiers.js';

const points = (f: FirmFacts, tier: TierKey, item: string) => {
  const b = verdict(f, tier).breakdown.find((x) => x.item === item);
  return b?.points ?? b?.range ?? null;
};
const y2024 = (patch: Partial<YearFigures>) => withYears(baseFirm(), { 2024: patch });

describe('科技型 国科发政〔2017〕115号 附件 评价指标 bands', () => {
  // 100 employees: n tech staff is n%.
  it.each([
    [30, 20],
    [29, 16],
    [25, 16],
    [24, 12],
    [20, 12],
    [19, 8],
    [15, 8],
    [14, 4],
    [10, 4],
    [9, 0],
  ])('科技人员占比 %i%% scores %i', (n, p) => {
    expect(points(y2024({ techStaff: n }), 'tech_sme', '科技人员占比')).toBe(p);
  });

  // Sales 4,000 万元, total costs huge so only R&D ÷ sales counts: 1% = 40 万元.
  it.each([
    [2_400_000, 50],
    [2_399_999, 40],
    [2_000_000, 40],
    [1_999_999, 30],
    [1_600_000, 30],
    [1_599_999, 20],
    [1_200_000, 20],
    [1_199_999, 10],
    [800_000, 10],
    [799_999, 0],
  ])('研发费用占销售收入 (R&D %i 元 of 4,000 万元) scores %i', (rd, p) => {
    expect(points(y2024({ rdExpense: rd, totalCosts: 1_000_000_000 }), 'tech_sme', '研发投入')).toBe(p);
  });

  // Sales huge so only R&D ÷ total costs counts: costs 1,000 万元, 1% = 10 万元.
  it.each([
    [3_000_000, 50],
    [2_999_999, 40],
    [2_500_000, 40],
    [2_499_999, 30],
    [2_000_000, 30],
    [1_999_999, 20],
    [1_500_000, 20],
    [1_499_999, 10],
    [1_000_000, 10],
    [999_999, 0],
  ])('研发费用占成本费用 (R&D %i 元 of 1,000 万元) scores %i', (rd, p) => {
    expect(
      points(
        y2024({ rdExpense: rd, totalCosts: 10_000_000, revenue: 1_000_000_000, mainRevenue: 0 }),
        'tech_sme',
        '研发投入',
      ),
    ).toBe(p);
  });
});

describe('创新型 工信部企业〔2022〕63号 附件1 bands', () => {
  it.each([
    [800_000, 10],
    [799_999, 5],
  ])('研发费用占营业收入 2%% band (R&D %i 元 of 4,000 万元) scores %i', (rd, p) => {
    expect(points(y2024({ rdExpense: rd }), 'innovative_sme', '上年度研发费用占营业收入比重')).toBe(p);
  });

  // 2023 main revenue 2,700 万元.
  it.each([
    [29_700_000, 15],
    [29_699_999, 10],
    [28_350_000, 10],
    [28_349_999, 5],
  ])('主营业务收入增长率 (2024 main %i 元) scores %i', (m, p) => {
    expect(points(y2024({ mainRevenue: m }), 'innovative_sme', '上年度主营业务收入增长率')).toBe(p);
  });

  // Revenue 4,000 万元 (only the share item is read).
  it.each([
    [24_000_000, 15],
    [23_999_999, 10],
    [22_000_000, 10],
    [21_999_999, 5],
  ])('主营业务收入占比 (main %i 元 of 4,000 万元) scores %i', (m, p) => {
    expect(points(y2024({ mainRevenue: m }), 'innovative_sme', '上年度主营业务收入占营业收入比重')).toBe(p);
  });
});

describe('高企 工作指引 国科发火〔2016〕195号 score bands (ranges the experts place within)', () => {
  // Year 1 (2022) = 0, so the rate is 2024 ÷ 2023 − 1 on a 2023 base of 1,000 万元.
  const sales = (v2024: number) =>
    withYears(expertHnte(baseFirm(), { salesGrowth: undefined }), {
      2022: { revenue: 0 },
      2023: { revenue: 10_000_000 },
      2024: { revenue: v2024 },
    });
  it.each([
    [13_500_000, [9, 10]],
    [13_499_999, [7, 8]],
    [12_500_000, [7, 8]],
    [12_499_999, [5, 6]],
    [11_500_000, [5, 6]],
    [11_499_999, [3, 4]],
    [10_500_000, [3, 4]],
    [10_499_999, [1, 2]],
    [10_000_001, [1, 2]],
    [10_000_000, 0],
  ])('销售收入增长率 (2024 sales %i 元 on 1,000 万元) scores %j', (v, p) => {
    expect(points(sales(v), 'hnte', '成长性：销售收入增长率')).toEqual(p);
  });

  const converted = (a: number, b: number, c: number) =>
    withYears(expertHnte(baseFirm(), { conversion: undefined }), {
      2022: { convertedResults: a },
      2023: { convertedResults: b },
      2024: { convertedResults: c },
    });
  it.each([
    [
      [3, 3, 3],
      [13, 18],
    ],
    [
      [3, 3, 2],
      [7, 12],
    ],
    [
      [2, 2, 2],
      [7, 12],
    ],
    [
      [2, 2, 1],
      [1, 6],
    ],
    [
      [1, 1, 1],
      [1, 6],
    ],
    [[1, 1, 0], 0],
  ])('科技成果转化 yearly average of %j scores %j', (c, p) => {
    expect(points(converted(c[0], c[1], c[2]), 'hnte', '科技成果转化能力')).toEqual(p);
  });
});

describe('专精特新 工信部企业〔2022〕63号 附件2 bands', () => {
  const item = (f: FirmFacts, name: string) => points(f, 'specialized_sme', name);

  // 2022 → 2023 main revenue 2,000 → 2,000 万元 (0%), so the average is half of 2024's rate on 2,000 万元.
  const growth = (m2024: number) =>
    withYears(baseFirm(), {
      2022: { mainRevenue: 20_000_000 },
      2023: { mainRevenue: 20_000_000 },
      2024: { mainRevenue: m2024 },
    });
  it.each([
    [23_200_000, 8],
    [23_199_999, 6],
    [22_400_000, 6],
    [22_399_999, 4],
    [21_600_000, 4],
    [21_599_999, 2],
    [20_000_000, 2],
    [19_999_999, 0],
  ])('近 2 年主营业务收入平均增长率 (2024 main %i 元) scores %i', (m, p) => {
    expect(item(growth(m), '专业化：近 2 年主营业务收入平均增长率')).toBe(p);
  });

  it.each([
    [28_000_000, 3],
    [27_999_999, 1],
  ])('主营业务收入占比 70%% (main %i 元 of 4,000 万元) scores %i', (m, p) => {
    expect(item(y2024({ mainRevenue: m }), '专业化：主营业务收入占比')).toBe(p);
  });

  it.each([
    [3_200_000, 8],
    [3_199_999, 6],
    [2_400_000, 6],
    [2_399_999, 4],
    [1_600_000, 4],
    [1_599_999, 2],
  ])('净利润率 (profit %i 元 of 4,000 万元) scores %i', (n, p) => {
    expect(item(y2024({ netProfit: n }), '精细化：上年度净利润率')).toBe(p);
  });

  // Revenue 1 亿元 so the ratio stays at most 5%: the amount decides.
  it.each([
    [4_000_000, 8],
    [3_999_999, 6],
    [3_000_000, 6],
    [2_999_999, 4],
    [2_000_000, 4],
    [1_999_999, 2],
    [1_000_000, 2],
    [999_999, 0],
  ])('研发费用总额 %i 元 (at most 4%% of revenue) scores %i', (rd, p) => {
    expect(
      item(
        y2024({ revenue: 100_000_000, mainRevenue: 90_000_000, rdExpense: rd }),
        '创新能力：上年度研发费用投入',
      ),
    ).toBe(p);
  });

  // R&D under 100 万元 so the ratio decides: revenue 900 万元, 1% = 9 万元.
  it.each([
    [900_000, 10],
    [899_999, 8],
    [720_000, 8],
    [719_999, 6],
    [540_000, 6],
    [539_999, 4],
    [360_000, 4],
    [359_999, 2],
    [270_000, 2],
    [269_999, 0],
  ])('研发费用占营业收入 (R&D %i 元 of 900 万元) scores %i', (rd, p) => {
    expect(
      item(
        y2024({ revenue: 9_000_000, mainRevenue: 8_100_000, rdExpense: rd }),
        '创新能力：上年度研发费用投入',
      ),
    ).toBe(p);
  });

  it.each([
    [10, 3],
    [9, 1],
  ])('研发人员占比 %i%% scores %i', (n, p) => {
    expect(item(y2024({ rdStaff: n }), '创新能力：上年度研发人员占比')).toBe(p);
  });

  it.each([
    [1, 0],
    [2, 3],
  ])('数字化水平 level %i scores %i', (level, p) => {
    expect(item(declare(baseFirm(), { digitalLevel: level }), '精细化：数字化水平')).toBe(p);
  });
});
