import { describe, expect, it } from 'vitest';
import { hnteGrowthRate } from './engines/hnte-score.js';
import { baseFirm, declare, expertHnte, firm, unmetCriteria, verdict, withYears } from './test-firms.js';

const hnte = (f = baseFirm(), date?: string) => verdict(f, 'hnte', date);
const item = (f: ReturnType<typeof baseFirm>, name: string) => hnte(f).breakdown.find((b) => b.item === name);

describe('高企 国科发火〔2016〕32号', () => {
  it('the base firm meets all eight conditions with 85 points', () => {
    const v = hnte();
    expect(v).toMatchObject({
      eligible: true,
      score: 85,
      ruleset: 'hnte-2016',
      document: '国科发火〔2016〕32号',
    });
    expect(v.unmet).toEqual([]);
    expect(v.gap).toEqual([]);
  });

  it('第1条: registered exactly 365 days before the assessment passes; 364 days does not', () => {
    const exactly = hnte(firm({ establishedOn: '2024-06-30' }));
    expect(unmetCriteria(exactly)).not.toContain('第 1 条：注册成立满一年');
    const short = hnte(firm({ establishedOn: '2024-07-01' }));
    expect(short.eligible).toBe(false);
    expect(short.unmet).toContainEqual({
      criterion: '第 1 条：注册成立满一年',
      actual: '364 天',
      required: '≥ 365 天',
    });
    expect(short.gap).toContain('注册成立满一年还需 1 天');
  });

  it('第2条: one Class II item (a utility model) is enough; trademarks alone are not', () => {
    expect(unmetCriteria(hnte(firm({ ip: { utility: 1 } })))).not.toContain(
      '第 2 条：拥有对主要产品（服务）起核心支持作用的知识产权',
    );
    const marks = hnte(firm({ ip: { trademark: 12 } }));
    expect(marks.eligible).toBe(false);
    expect(marks.gap).toContain('还需 1 件知识产权（I 类或 II 类，商标不计）');
    // None of the one item needed: 100 % short, so not 接近 at any tolerance below that.
    expect(marks.shortfall).toBeGreaterThanOrEqual(1);
  });

  it('第3条: a field outside the eight fails; an undeclared field leaves the verdict open', () => {
    const none = hnte(declare(baseFirm(), { hnteField: 'none' }));
    expect(none.eligible).toBe(false);
    expect(unmetCriteria(none)).toEqual(['第 3 条：核心技术属于国家重点支持的高新技术领域']);
    const f = baseFirm();
    delete f.declared?.hnteField;
    const open = hnte(f);
    expect(open.eligible).toBeNull();
    expect(open.missing).toEqual(['技术所属《国家重点支持的高新技术领域》']);
  });

  it('第4条: tech staff exactly 10% of employees passes; 9% fails and says how many to hire', () => {
    expect(hnte(withYears(baseFirm(), { 2024: { employees: 100, techStaff: 10 } })).eligible).toBe(true);
    const v = hnte(withYears(baseFirm(), { 2024: { employees: 100, techStaff: 9 } }));
    expect(v.eligible).toBe(false);
    expect(v.unmet[0]).toEqual({
      criterion: '第 4 条：科技人员占职工总数比例',
      actual: '9%（9 / 100 人）',
      required: '≥ 10%',
    });
    // (9 + x) / (100 + x) ≥ 10% needs x ≥ 1.11: two new hires.
    expect(v.gap).toEqual(['科技人员占比 9% < 10%：还需新增 2 名科技人员']);
  });

  // Sales 2,400 + 3,000 + 4,000 = 9,400 万元 over 2022–2024; 5% of it is 470 万元.
  const rd = (r2022: number, r2023: number, r2024: number) =>
    withYears(baseFirm(), {
      2022: { rdExpense: r2022, rdExpenseDomestic: r2022 },
      2023: { rdExpense: r2023, rdExpenseDomestic: r2023 },
      2024: { rdExpense: r2024, rdExpenseDomestic: r2024 },
    });

  it('第5条: sales ≤ 5000万 needs R&D ≥ 5% — exactly 5% passes, one yuan less fails', () => {
    expect(hnte(rd(1_200_000, 1_500_000, 2_000_000)).eligible).toBe(true);
    const v = hnte(rd(1_200_000, 1_500_000, 1_999_999));
    expect(v.eligible).toBe(false);
    expect(v.unmet[0].criterion).toBe('第 5 条：研究开发费用占同期销售收入比例');
    expect(v.unmet[0].required).toBe('≥ 5%（上年度销售收入 4000 万元）');
    expect(v.gap).toEqual(['研发费用占比 4.99% < 5%：近三年研发投入还需增加 0.01 万元']);
  });

  it('第5条: the gap is the R&D the three years still need, in 万元 (3.2% of 9,400 万元 → +169.2 万元)', () => {
    // 3.2% of 9,400 万元 = 300.8 万元; 5% needs 470 万元.
    const v = hnte(rd(800_000, 1_000_000, 1_208_000));
    expect(v.gap).toEqual(['研发费用占比 3.2% < 5%：近三年研发投入还需增加 169.2 万元']);
  });

  it('第5条: last-year sales of exactly 5000万 still need 5%; one yuan more needs only 4%', () => {
    // 4.5% over the three years: 2022–2023 at 4.5% and 2024 at 4.5% of its sales.
    const at = (sales2024: number) =>
      withYears(baseFirm(), {
        2022: { rdExpense: 1_080_000, rdExpenseDomestic: 1_080_000 },
        2023: { rdExpense: 1_350_000, rdExpenseDomestic: 1_350_000 },
        2024: { revenue: sales2024, rdExpense: sales2024 * 0.045, rdExpenseDomestic: sales2024 * 0.045 },
      });
    const five = hnte(at(50_000_000));
    expect(unmetCriteria(five)).toContain('第 5 条：研究开发费用占同期销售收入比例');
    expect(five.unmet[0].required).toBe('≥ 5%（上年度销售收入 5000 万元）');
    expect(unmetCriteria(hnte(at(50_000_001)))).not.toContain('第 5 条：研究开发费用占同期销售收入比例');
  });

  it('第5条: last-year sales of exactly 2亿 need 4%; above 2亿 needs 3%', () => {
    const at = (sales2024: number) =>
      withYears(baseFirm(), {
        2022: { revenue: 150_000_000, rdExpense: 5_250_000, rdExpenseDomestic: 5_250_000 },
        2023: { revenue: 180_000_000, rdExpense: 6_300_000, rdExpenseDomestic: 6_300_000 },
        2024: { revenue: sales2024, rdExpense: sales2024 * 0.035, rdExpenseDomestic: sales2024 * 0.035 },
      });
    expect(hnte(at(200_000_000)).unmet[0]?.required).toBe('≥ 4%（上年度销售收入 20,000 万元）');
    expect(unmetCriteria(hnte(at(200_000_001)))).not.toContain('第 5 条：研究开发费用占同期销售收入比例');
  });

  it('第5条: R&D spent in China exactly 60% passes; below 60% fails with the domestic R&D still needed', () => {
    const domestic = (d2024: number) =>
      withYears(baseFirm(), {
        2022: { rdExpenseDomestic: 1_008_000 },
        2023: { rdExpenseDomestic: 1_260_000 },
        2024: { rdExpenseDomestic: d2024 },
      });
    // Total R&D 658 万元; 60% = 394.8 万元 → 2024 needs 168 万元 of domestic R&D.
    expect(hnte(domestic(1_680_000)).eligible).toBe(true);
    const v = hnte(domestic(1_679_999));
    expect(v.eligible).toBe(false);
    expect(v.unmet[0]).toMatchObject({
      criterion: '第 5 条：境内研究开发费用占全部研究开发费用比例',
      required: '≥ 60%',
    });
    expect(v.gap[0]).toMatch(/^境内研发费用占比 59\.99% < 60%：境内研发投入还需增加 0\.01 万元$/);
  });

  it('第5条 young firm: under three years uses its actual years (2023–2024 only)', () => {
    const young = withYears(
      { ...baseFirm(), establishedOn: '2023-03-01', years: baseFirm().years.filter((y) => y.year >= 2023) },
      // 3,000 + 4,000 = 7,000 万元 of sales; 5% = 350 万元, split 150 + 200.
      {
        2023: { rdExpense: 1_500_000, rdExpenseDomestic: 1_500_000 },
        2024: { rdExpense: 2_000_000, rdExpenseDomestic: 2_000_000 },
      },
    );
    expect(unmetCriteria(hnte(young))).not.toContain('第 5 条：研究开发费用占同期销售收入比例');
    const short = withYears(young, { 2024: { rdExpense: 1_999_000, rdExpenseDomestic: 1_999_000 } });
    const v = hnte(short);
    expect(v.unmet.find((u) => u.criterion.startsWith('第 5 条'))?.actual).toContain(
      '近 2 年（成立不满三年，按实际年度）',
    );
    expect(v.gap).toContain('研发费用占比 4.99% < 5%：近 2 年研发投入还需增加 0.1 万元');
  });

  it('第6条: high-tech revenue exactly 60% of last year revenue passes; below fails with the revenue still needed', () => {
    expect(hnte(withYears(baseFirm(), { 2024: { highTechRevenue: 24_000_000 } })).eligible).toBe(true);
    const v = hnte(withYears(baseFirm(), { 2024: { highTechRevenue: 22_000_000 } }));
    expect(v.eligible).toBe(false);
    expect(v.unmet[0]).toEqual({
      criterion: '第 6 条：高新技术产品（服务）收入占比',
      actual: '55%',
      required: '≥ 60%',
    });
    // (2,200 + x) / (4,000 + x) ≥ 60% → x ≥ 500 万元 of new high-tech revenue.
    expect(v.gap).toEqual([
      '高新技术产品（服务）收入占比 55% < 60%：上年度高新技术产品（服务）收入还需增加 500 万元（按新增收入计）；若由现有收入归入，需归入 200 万元',
    ]);
  });

  it('第7条: a score of 71 passes and 70 fails (the rule is "more than 70")', () => {
    const at71 = expertHnte(baseFirm(), { techAdvancement: 0, coreSupport: 0, rdManagement: 3 });
    expect(hnte(at71)).toMatchObject({ eligible: true, score: 71 });
    const at70 = expertHnte(baseFirm(), { techAdvancement: 0, coreSupport: 0, rdManagement: 2 });
    const v = hnte(at70);
    expect(v).toMatchObject({ eligible: false, score: 70 });
    expect(v.unmet).toEqual([
      { criterion: '第 7 条：创新能力评价得分', actual: '70 分', required: '≥ 71 分（须高于 70 分）' },
    ]);
    expect(v.gap[0]).toMatch(/^创新能力评价 70 分 < 71：还差 1 分/);
  });

  it('第7条: without expert scores the score is a range and the verdict stays open', () => {
    const v = hnte({ ...baseFirm(), expert: undefined });
    expect(v.eligible).toBeNull();
    expect(v.score).toBeNull();
    // Facts fix: quantity 7–8 (Class I), acquisition 1–6 (own R&D), conversion 25–30 (5 a year),
    // growth 7–8 each; experts add 0–8, 0–8 and 0–20.
    expect(v.scoreRange).toEqual([47, 96]);
    expect(v.missing).toContain('专家评分：知识产权：技术的先进程度');
    expect(v.missing).toContain('专家评分：科技成果转化能力');
  });

  it('第7条: a range entirely below 71 is a definite fail even without experts', () => {
    const weak = {
      ...withYears(baseFirm(), {
        2022: { convertedResults: 0, revenue: 40_000_000 },
        2023: { convertedResults: 0, revenue: 40_000_000 },
        2024: { convertedResults: 0, revenue: 40_000_000 },
      }),
      ip: { software: 1 },
      expert: undefined,
    };
    const v = hnte(weak);
    expect(v.eligible).toBe(false);
    expect(v.scoreRange?.[1]).toBeLessThan(71);
  });

  it('第7条 IP: the four IP items and the standards bonus are capped at 30 points', () => {
    const f = expertHnte(firm({ standards: [{ level: 'national', role: 'lead', year: 2023 }] }), {
      techAdvancement: 8,
      coreSupport: 8,
      ipQuantity: 8,
      ipAcquisition: 6,
      standardBonus: 2,
    });
    const v = hnte(f);
    const ip = v.breakdown.filter((b) => b.item.startsWith('知识产权'));
    expect(ip.reduce((s, b) => s + (b.points ?? 0), 0)).toBe(30);
    expect(v.breakdown.find((b) => b.item.includes('超出 30 分'))?.points).toBe(-2);
  });

  it('第7条 IP quantity: ≥1 Class I scores 7–8; 5 Class II 5–6; 4 Class II 3–4; none 0', () => {
    const q = (ip: NonNullable<ReturnType<typeof baseFirm>['ip']>) =>
      item(expertHnte(firm({ ip }), { ipQuantity: undefined }), '知识产权：数量')?.range ?? null;
    expect(q({ invention: 1, obtainedBy: 'own_rd' })).toEqual([7, 8]);
    expect(q({ utility: 5, obtainedBy: 'own_rd' })).toEqual([5, 6]);
    expect(q({ utility: 4, obtainedBy: 'own_rd' })).toEqual([3, 4]);
    expect(item(firm({ ip: {} }), '知识产权：数量')?.points).toBe(0);
  });

  it('第7条 conversion: a yearly average of exactly 5 results is in the 25–30 band; 14 in 3 years (4.67) is 19–24', () => {
    const noExpert = expertHnte(baseFirm(), { conversion: undefined });
    expect(item(noExpert, '科技成果转化能力')?.range).toEqual([25, 30]);
    const fewer = withYears(noExpert, { 2024: { convertedResults: 4 } });
    expect(item(fewer, '科技成果转化能力')?.range).toEqual([19, 24]);
  });

  it('第7条 growth: an expert score outside the band the figures give is kept inside the band', () => {
    const v = item(expertHnte(baseFirm(), { salesGrowth: 10 }), '成长性：销售收入增长率');
    expect(v?.points).toBe(8);
    expect(v?.basis).toContain('专家评分 10 超出档位，按 8 计');
  });

  it('第7条 growth: exactly 35% is the 9–10 band, just under is 7–8', () => {
    const sales = (y2024: number) =>
      withYears(expertHnte(baseFirm(), { salesGrowth: undefined }), {
        2022: { revenue: 10_000_000 },
        2023: { revenue: 13_500_000 },
        2024: { revenue: y2024 },
      });
    expect(item(sales(18_225_000), '成长性：销售收入增长率')?.range).toEqual([9, 10]);
    expect(item(sales(18_224_000), '成长性：销售收入增长率')?.range).toEqual([7, 8]);
  });

  it('第7条 growth formula: ½ × (y2 ÷ y1 + y3 ÷ y2) − 1; year 1 = 0 uses the last two years; year 2 = 0 scores 0', () => {
    expect(hnteGrowthRate(24, 30, 40).rate).toBeCloseTo(0.5 * (30 / 24 + 40 / 30) - 1, 12);
    expect(hnteGrowthRate(0, 30, 40)).toEqual({ rate: 40 / 30 - 1, basis: '第一年为 0，按后两年计算' });
    expect(hnteGrowthRate(24, 0, 40)).toEqual({ rate: 0, basis: '第二年为 0，按 0 分' });
    expect(hnteGrowthRate(null, 30, 45).rate).toBeCloseTo(0.5, 12);
  });

  it('第7条 growth young firm: with year 1 = 0 the sales growth uses 2023→2024 only; negative growth scores 0', () => {
    const zeroFirst = withYears(expertHnte(baseFirm(), { salesGrowth: undefined }), { 2022: { revenue: 0 } });
    const g = item(zeroFirst, '成长性：销售收入增长率');
    expect(g?.basis).toBe('增长率 33.33%（第一年为 0，按后两年计算）');
    expect(g?.range).toEqual([7, 8]);
    const zeroSecond = withYears(expertHnte(baseFirm(), { salesGrowth: undefined }), {
      2023: { revenue: 0 },
    });
    expect(item(zeroSecond, '成长性：销售收入增长率')?.points).toBe(0);
    const shrinking = withYears(expertHnte(baseFirm(), { salesGrowth: undefined }), {
      2024: { revenue: 20_000_000 },
    });
    expect(item(shrinking, '成长性：销售收入增长率')?.points).toBe(0);
  });

  it('第7条 growth young firm: a firm in its second accounting year has no growth rate (0 points)', () => {
    const f = {
      ...baseFirm(),
      establishedOn: '2024-01-10',
      years: baseFirm().years.filter((y) => y.year === 2024),
    };
    expect(item(f, '成长性：净资产增长率')).toMatchObject({ points: 0 });
  });

  it('第8条: a declared major accident fails; an undeclared one leaves the verdict open', () => {
    expect(unmetCriteria(hnte(declare(baseFirm(), { noMajorIncidentLast365Days: false })))).toEqual([
      '第 8 条：申请前一年内无重大安全、质量事故或严重环境违法',
    ]);
    const f = baseFirm();
    delete f.declared?.noMajorIncidentLast365Days;
    expect(hnte(f)).toMatchObject({
      eligible: null,
      missing: ['申请前一年内有无重大安全、质量事故或严重环境违法行为'],
    });
  });

  it('missing data: a missing year of sales gives eligible null and names the figure, never a pass', () => {
    const v = hnte(withYears(baseFirm(), { 2023: { revenue: undefined } }));
    expect(v.eligible).toBeNull();
    expect(v.missing).toContain('2023 年度营业收入');
  });

  it('missing data: a failed condition still makes the verdict false when other data are missing', () => {
    const f = withYears(declare(baseFirm(), { hnteField: 'none' }), { 2023: { revenue: undefined } });
    expect(hnte(f).eligible).toBe(false);
  });
});
