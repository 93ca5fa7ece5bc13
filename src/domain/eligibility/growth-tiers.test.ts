import { describe, expect, it } from 'vitest';
import type { FirmFacts } from './facts-schema.js';
import { baseFirm, firm, unmetCriteria, verdict, withYears } from './test-firms.js';

const gazelle = (f: FirmFacts = baseFirm(), ruleset?: string) => verdict(f, 'gazelle', undefined, ruleset);

describe('瞪羚 gazelle-yancheng-2022 (盐城 2022, the default; provisional)', () => {
  it('base year 2021 (four years before 2025) at 2,000 万元 growing to 4,000 万元 in 2024 qualifies', () => {
    expect(gazelle()).toMatchObject({ eligible: true, ruleset: 'gazelle-yancheng-2022', provisional: true });
  });

  it('base-year revenue of exactly 1000万 passes; one yuan less fails', () => {
    expect(gazelle(withYears(baseFirm(), { 2021: { revenue: 10_000_000 } })).eligible).toBe(true);
    expect(unmetCriteria(gazelle(withYears(baseFirm(), { 2021: { revenue: 9_999_999 } })))).toEqual([
      '基期（2021 年）营业收入',
    ]);
  });

  it('revenue CAGR 2021–2024 of exactly 20% passes; just under fails with the revenue 2024 needed', () => {
    // 2,000 万元 × 1.2³ = 3,456 万元.
    expect(gazelle(withYears(baseFirm(), { 2024: { revenue: 34_560_000 } })).eligible).toBe(true);
    const v = gazelle(withYears(baseFirm(), { 2024: { revenue: 34_559_000 } }));
    expect(v.unmet).toEqual([
      { criterion: '2021–2024 年营业收入复合增长率', actual: '19.99%', required: '≥ 20%' },
    ]);
    expect(v.gap).toEqual(['复合增长率 19.99% < 20%：上年度营业收入还需增加 0.1 万元（达到 3456 万元）']);
  });

  it('the latest year must grow: flat revenue 2023 → 2024 fails', () => {
    const v = gazelle(
      withYears(baseFirm(), { 2021: { revenue: 10_000_000 }, 2023: { revenue: 40_000_000 } }),
    );
    expect(unmetCriteria(v)).toEqual(['上年度营业收入正增长']);
    expect(v.gap).toEqual(['上年度营业收入还需增加 0.01 万元 才能高于前一年']);
  });

  it('young firm: registered in 2022, it has no 2021 base year and cannot qualify yet', () => {
    const v = gazelle(
      firm({ establishedOn: '2022-03-01', years: baseFirm().years.filter((y) => y.year >= 2022) }),
    );
    expect(v.eligible).toBe(false);
    expect(v.unmet).toEqual([
      { criterion: '基期（2021 年）营业收入', actual: '2021 年尚未成立', required: '≥ 1000 万元' },
    ]);
  });

  it('missing data: no 2021 revenue for a firm that existed then leaves the verdict open', () => {
    const v = gazelle(withYears(baseFirm(), { 2021: { revenue: undefined } }));
    expect(v).toMatchObject({ eligible: null, missing: ['2021 年度营业收入'] });
  });

  it('the default rule set ignores age: a 25-year-old grower qualifies', () => {
    expect(gazelle(firm({ establishedOn: '2000-01-01' })).eligible).toBe(true);
  });
});

describe('瞪羚 gazelle-national-hitech-zone (org variant, chosen by id): age ≤ 15 years', () => {
  it('exactly 15 years old on the assessment date passes; one day older fails', () => {
    expect(gazelle(firm({ establishedOn: '2010-06-30' }), 'gazelle-national-hitech-zone')).toMatchObject({
      eligible: true,
      ruleset: 'gazelle-national-hitech-zone',
    });
    const v = gazelle(firm({ establishedOn: '2010-06-29' }), 'gazelle-national-hitech-zone');
    expect(v.unmet).toEqual([{ criterion: '成立年限', actual: '15 年', required: '≤ 15 年' }]);
    expect(
      gazelle(firm({ establishedOn: '2010-05-29' }), 'gazelle-national-hitech-zone').unmet[0].actual,
    ).toBe('15 年 1 个月');
  });
});

/** A 7½-year-old AI firm: US$320 million raised over three rounds, last valued at US$1.2 billion. */
function startup(patch: Partial<FirmFacts> = {}): FirmFacts {
  return {
    ...baseFirm(),
    establishedOn: '2018-01-01',
    listed: false,
    equityRounds: [
      { date: '2019-03-01', amount: 20_000_000, currency: 'USD', round: 'A' },
      {
        date: '2021-05-01',
        amount: 100_000_000,
        currency: 'USD',
        round: 'B',
        postMoneyValuation: 800_000_000,
      },
      {
        date: '2024-09-01',
        amount: 200_000_000,
        currency: 'USD',
        round: 'C',
        postMoneyValuation: 1_200_000_000,
      },
    ],
    valuations: [],
    ...patch,
  };
}
const unicorn = (f: FirmFacts = startup()) => verdict(f, 'unicorn');
const potential = (f: FirmFacts) => verdict(f, 'potential_unicorn');
const young = (establishedOn: string, valuation: number, raised: number) =>
  startup({
    establishedOn,
    equityRounds: [{ date: '2024-01-01', amount: raised, currency: 'USD', postMoneyValuation: valuation }],
  });

describe('独角兽 unicorn-gei-2025 (长城战略咨询 GEI)', () => {
  it('≤ 10 years, private investment, unlisted, valued ≥ US$1bn with ≥ US$50m raised: qualifies', () => {
    expect(unicorn()).toMatchObject({ eligible: true, ruleset: 'unicorn-gei-2025' });
  });

  it('latest post-money valuation of exactly US$1bn passes; one dollar less fails with the gap in 美元', () => {
    const at = (valuation: number) =>
      startup({ valuations: [{ date: '2025-03-01', amount: valuation, currency: 'USD' }] });
    expect(unicorn(at(1_000_000_000)).eligible).toBe(true);
    const v = unicorn(at(999_999_000));
    expect(v.unmet).toEqual([
      { criterion: '最新投后估值', actual: '999,999,000 美元', required: '≥ 10 亿美元' },
    ]);
    expect(v.gap).toEqual(['最新投后估值还需提高 0.1 万美元']);
  });

  it('the latest valuation counts, even when lower than an earlier one', () => {
    const down = startup({
      valuations: [{ date: '2025-05-01', amount: 900_000_000, currency: 'USD', source: '老股转让' }],
    });
    expect(unmetCriteria(unicorn(down))).toEqual(['最新投后估值']);
  });

  it("a valuation in 元 is converted at the facts' rate: 71亿元 at 7.1 is exactly US$1bn", () => {
    const cny = startup({
      fxToCny: { USD: 7.1 },
      valuations: [{ date: '2025-03-01', amount: 7_100_000_000, currency: 'CNY' }],
    });
    expect(unicorn(cny).eligible).toBe(true);
  });

  it('cumulative financing of exactly US$50m passes; less fails', () => {
    const rounds = (a: number) =>
      startup({
        equityRounds: [{ date: '2024-01-01', amount: a, currency: 'USD', postMoneyValuation: 1_500_000_000 }],
      });
    expect(unicorn(rounds(50_000_000)).eligible).toBe(true);
    expect(unmetCriteria(unicorn(rounds(49_990_000)))).toEqual(['累计融资']);
  });

  it('rounds after the assessment date are not counted', () => {
    const later = startup({
      equityRounds: [
        { date: '2019-03-01', amount: 20_000_000, currency: 'USD', postMoneyValuation: 120_000_000 },
        { date: '2025-07-01', amount: 200_000_000, currency: 'USD', postMoneyValuation: 1_500_000_000 },
      ],
    });
    expect(unmetCriteria(unicorn(later))).toEqual(['最新投后估值', '累计融资']);
  });

  it('age: exactly 10 years on the assessment date passes; one day more fails', () => {
    expect(unicorn(startup({ establishedOn: '2015-06-30' })).eligible).toBe(true);
    expect(unicorn(startup({ establishedOn: '2015-06-29' })).unmet).toEqual([
      { criterion: '成立年限', actual: '10 年', required: '≤ 10 年' },
    ]);
  });

  it('a listed firm is not a unicorn; an unknown listing status leaves the verdict open', () => {
    expect(unmetCriteria(unicorn(startup({ listed: true })))).toEqual(['尚未上市']);
    expect(unicorn(startup({ listed: undefined }))).toMatchObject({
      eligible: null,
      missing: ['是否已上市'],
    });
  });

  it('without any round from professional investors there is no private investment', () => {
    const own = startup({
      equityRounds: [
        {
          date: '2024-01-01',
          amount: 60_000_000,
          currency: 'USD',
          postMoneyValuation: 1_100_000_000,
          qualifiedInvestor: false,
        },
      ],
    });
    expect(unmetCriteria(unicorn(own))).toEqual(['获得过私募投资']);
  });

  it('missing data: with no funding record at all the verdict is open, never a pass', () => {
    const v = unicorn(startup({ equityRounds: undefined, valuations: undefined }));
    expect(v.eligible).toBeNull();
    expect(v.missing).toEqual(['股权融资记录', '最新投后估值']);
  });
});

describe('潜在独角兽 potential-unicorn-gei-2025 (长城战略咨询 GEI)', () => {
  it('≤ 5 years: US$100m valuation and US$5m raised are enough (exactly at both)', () => {
    expect(potential(young('2020-06-30', 100_000_000, 5_000_000))).toMatchObject({ eligible: true });
    expect(unmetCriteria(potential(young('2020-06-30', 99_999_000, 5_000_000)))).toEqual([
      '最新投后估值（成立 ≤ 5 年档）',
    ]);
  });

  it('one day over 5 years: the 5–9 year band needs US$500m and US$25m', () => {
    const v = potential(young('2020-06-29', 100_000_000, 5_000_000));
    expect(v.unmet).toEqual([
      { criterion: '最新投后估值（成立 ≤ 9 年档）', actual: '1 亿美元', required: '≥ 5 亿美元' },
      { criterion: '累计融资（成立 ≤ 9 年档）', actual: '500 万美元', required: '≥ 2500 万美元' },
    ]);
    expect(potential(young('2020-06-29', 500_000_000, 25_000_000)).eligible).toBe(true);
  });

  it('over 9 years old is out of both bands', () => {
    expect(unmetCriteria(potential(young('2016-06-29', 600_000_000, 30_000_000)))).toEqual(['成立年限']);
  });
});

describe('shortfall: how far a failed measured criterion is from its requirement (decides 接近)', () => {
  const valued = (usd: number) =>
    startup({ valuations: [{ date: '2025-03-01', amount: usd, currency: 'USD' }] });

  it('a valuation of US$3m against US$1bn misses by 99.7 %; US$800m by 20 %; a pass by nothing', () => {
    expect(unicorn(valued(3_000_000)).shortfall).toBeCloseTo(0.997, 6);
    expect(unicorn(valued(800_000_000)).shortfall).toBeCloseTo(0.2, 6);
    expect(unicorn().shortfall).toBe(0);
  });

  it('the worst criterion counts: valuation 10 % short and financing 60 % short give 60 %', () => {
    const v = potential(young('2020-06-29', 450_000_000, 10_000_000));
    expect(unmetCriteria(v)).toHaveLength(2);
    expect(v.shortfall).toBeCloseTo(0.6, 6);
  });

  it('a yes/no condition has no distance: a listed firm fails with shortfall 0', () => {
    expect(unicorn(startup({ listed: true })).shortfall).toBe(0);
  });

  it('a firm founded after the base year is infinitely far from 瞪羚: no cultivation makes up a year', () => {
    const v = gazelle(
      firm({ establishedOn: '2022-03-01', years: baseFirm().years.filter((y) => y.year >= 2022) }),
    );
    expect(v.shortfall).toBe(Number.POSITIVE_INFINITY);
  });

  it('瞪羚: growth of 10 % a year against 20 % misses by half', () => {
    // 2,000 万元 × 1.1³ = 2,662 万元.
    const v = gazelle(
      withYears(baseFirm(), { 2023: { revenue: 24_000_000 }, 2024: { revenue: 26_620_000 } }),
    );
    expect(unmetCriteria(v)).toEqual(['2021–2024 年营业收入复合增长率']);
    expect(v.shortfall).toBeCloseTo(0.5, 3);
  });
});
