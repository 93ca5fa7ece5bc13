import { describe, expect, it } from 'vitest';
import { baseFirm, declare, firm, unmetCriteria, verdict, withYears } from './test-firms.js';

const sme = (f = baseFirm()) => verdict(f, 'tech_sme');
const points = (f: ReturnType<typeof baseFirm>, item: string) =>
  sme(f).breakdown.find((b) => b.item === item)?.points;
/** A firm scoring tech staff / R&D ÷ sales / IP from its 2024 figures; no direct path. */
const scored = (techStaff: number, rdExpense: number, ip: NonNullable<ReturnType<typeof baseFirm>['ip']>) =>
  withYears(firm({ ip }), { 2024: { techStaff, rdExpense, totalCosts: 40_000_000 } });

describe('科技型中小企业 国科发政〔2017〕115号', () => {
  it('the base firm scores 100 under rule set tech-sme-2017', () => {
    expect(sme()).toMatchObject({
      eligible: true,
      score: 100,
      ruleset: 'tech-sme-2017',
      document: '国科发政〔2017〕115号',
    });
  });

  it('第六条 basic condition: 500 employees passes, 501 fails', () => {
    expect(sme(withYears(baseFirm(), { 2024: { employees: 500, techStaff: 150 } })).eligible).toBe(true);
    const v = sme(withYears(baseFirm(), { 2024: { employees: 501, techStaff: 150 } }));
    expect(v.eligible).toBe(false);
    expect(v.unmet).toEqual([{ criterion: '职工总数', actual: '501 人', required: '≤ 500 人' }]);
  });

  it('第六条 basic condition: yearly sales of exactly 2亿 passes, one yuan more fails', () => {
    // R&D kept at 6% of sales so the score does not change.
    expect(
      sme(withYears(baseFirm(), { 2024: { revenue: 200_000_000, rdExpense: 12_000_000 } })).eligible,
    ).toBe(true);
    const over = sme(withYears(baseFirm(), { 2024: { revenue: 200_000_001, rdExpense: 12_000_000 } }));
    expect(over.unmet).toEqual([
      { criterion: '年销售收入', actual: '200,000,001 元', required: '≤ 20,000 万元' },
    ]);
  });

  it('第六条 basic condition: total assets of exactly 2亿 passes, one yuan more fails', () => {
    expect(sme(withYears(baseFirm(), { 2024: { totalAssets: 200_000_000 } })).eligible).toBe(true);
    expect(unmetCriteria(sme(withYears(baseFirm(), { 2024: { totalAssets: 200_000_001 } })))).toEqual([
      '资产总额',
    ]);
  });

  it('第六条 basic conditions hold for the direct paths too: a 高企 with 501 employees fails', () => {
    const f = withYears(
      firm({ titles: [{ title: 'hnte', issuedOn: '2023-12-01', expiresOn: '2026-11-30' }] }),
      { 2024: { employees: 501, techStaff: 150 } },
    );
    expect(sme(f).eligible).toBe(false);
  });

  it('第六条 declarations: an abnormal-operation listing fails; an undeclared one leaves the verdict open', () => {
    expect(unmetCriteria(sme(declare(baseFirm(), { notOnAbnormalList: false })))).toEqual([
      '未列入经营异常名录和严重违法失信企业名单',
    ]);
    const f = baseFirm();
    delete f.declared?.productsNotRestricted;
    expect(sme(f)).toMatchObject({ eligible: null, missing: ['产品是否属于禁止、限制和淘汰类'] });
  });

  it('附件 科技人员 band: 30% scores 20, 29% scores 16, 10% scores 4, 9% scores 0', () => {
    expect(points(withYears(baseFirm(), { 2024: { techStaff: 30 } }), '科技人员占比')).toBe(20);
    expect(points(withYears(baseFirm(), { 2024: { techStaff: 29 } }), '科技人员占比')).toBe(16);
    expect(points(withYears(baseFirm(), { 2024: { techStaff: 10 } }), '科技人员占比')).toBe(4);
    expect(points(withYears(baseFirm(), { 2024: { techStaff: 9 } }), '科技人员占比')).toBe(0);
  });

  it('第七条: tech staff under 10% fails even with 80 points, and says how many to hire', () => {
    const v = sme(withYears(baseFirm(), { 2024: { techStaff: 9 } }));
    expect(v).toMatchObject({ eligible: false, score: 80 });
    expect(unmetCriteria(v)).toEqual(['科技人员指标得分', '直接认定条件（任一）']);
    expect(v.gap).toContain('科技人员占比需 ≥ 10%：还需新增 2 名科技人员（+4 分）');
  });

  it('says "hire 2 tech staff" once when the score also falls short', () => {
    // Under 10 % tech staff and too little R&D: the score misses 60 and 第七条 fails; the next tech band
    // is the 10 % the condition asks for, so one sentence says both (it was said twice).
    const v = sme(withYears(baseFirm(), { 2024: { techStaff: 9, rdExpense: 0 } }));
    expect(v.eligible).toBe(false);
    expect(unmetCriteria(v)).toContain('评价得分');
    const hires = (v.gap ?? []).filter((g) => g.includes('名科技人员'));
    expect(hires).toEqual(['科技人员占比需 ≥ 10%：还需新增 2 名科技人员（+4 分）']);
  });

  it('附件 研发 band: R&D ÷ sales of exactly 6% scores 50; one yuan less scores 40', () => {
    expect(
      points(withYears(baseFirm(), { 2024: { rdExpense: 2_400_000, totalCosts: 40_000_000 } }), '研发投入'),
    ).toBe(50);
    expect(
      points(withYears(baseFirm(), { 2024: { rdExpense: 2_399_999, totalCosts: 40_000_000 } }), '研发投入'),
    ).toBe(40);
  });

  it('附件 研发: the better of the two ratios counts — R&D ÷ total costs at 30% scores 50 (just under: 40) though R&D ÷ sales is 2%', () => {
    const f = withYears(baseFirm(), { 2024: { rdExpense: 800_000, totalCosts: 2_666_667 } });
    expect(points(f, '研发投入')).toBe(40);
    expect(
      points(withYears(baseFirm(), { 2024: { rdExpense: 800_000, totalCosts: 2_666_666 } }), '研发投入'),
    ).toBe(50);
  });

  it('附件 知识产权: 1 Class I scores 30; 4 Class II 24; 3 → 18; 2 → 12; 1 → 6; none 0', () => {
    expect(points(firm({ ip: { icLayout: 1 } }), '知识产权')).toBe(30);
    expect(points(firm({ ip: { utility: 2, software: 2 } }), '知识产权')).toBe(24);
    expect(points(firm({ ip: { software: 3 } }), '知识产权')).toBe(18);
    expect(points(firm({ ip: { design: 2 } }), '知识产权')).toBe(12);
    expect(points(firm({ ip: { utility: 1 } }), '知识产权')).toBe(6);
    expect(points(firm({ ip: { trademark: 9, pct: 2 } }), '知识产权')).toBe(0);
  });

  it('第七条: exactly 60 points passes (4 + 50 + 6)', () => {
    expect(sme(scored(10, 2_400_000, { utility: 1 }))).toMatchObject({ eligible: true, score: 60 });
  });

  it('第七条: 58 points fails, with the shortfall and the next band of each indicator', () => {
    // 4 (10% tech staff) + 30 (4% R&D) + 24 (4 Class II) = 58.
    const v = sme(scored(10, 1_600_000, { utility: 4 }));
    expect(v).toMatchObject({ eligible: false, score: 58 });
    expect(v.unmet[0]).toEqual({ criterion: '评价得分', actual: '58 分', required: '≥ 60 分' });
    expect(v.gap).toEqual([
      '评价得分 58 < 60：还差 2 分',
      '新增 6 名科技人员（占比 ≥ 15%）（+4 分）',
      '研发费用再增加 40 万元（占销售收入 ≥ 5%）（+10 分）',
      '再获 1 件 I 类知识产权（如发明专利）可得 30 分（+6）',
    ]);
  });

  it('第八条 direct path: a valid 高企 certificate qualifies a firm scoring 0', () => {
    const f = withYears(
      firm({ ip: {}, titles: [{ title: 'hnte', issuedOn: '2023-12-01', expiresOn: '2026-11-30' }] }),
      {
        2024: { techStaff: 0, rdExpense: 0 },
      },
    );
    const v = sme(f);
    expect(v).toMatchObject({ eligible: true, score: 0 });
    expect(v.directPath).toBe('持有有效的高新技术企业称号（2023-12-01 至 2026-11-30）');
    expect(v.unmet).toEqual([]);
  });

  it('第八条 direct path: a 高企 certificate that expired the day before does not count', () => {
    const f = withYears(
      firm({ ip: {}, titles: [{ title: 'hnte', issuedOn: '2022-06-30', expiresOn: '2025-06-29' }] }),
      {
        2024: { techStaff: 0, rdExpense: 0 },
      },
    );
    expect(sme(f).eligible).toBe(false);
  });

  it('第八条 direct path: a national award in the last five years as unit no. 3 counts; no. 4 or six years ago does not', () => {
    const zero = (awards: NonNullable<ReturnType<typeof baseFirm>['awards']>) =>
      sme(withYears(firm({ ip: {}, awards }), { 2024: { techStaff: 0 } })).eligible;
    expect(zero([{ kind: 'science', level: 'national', year: 2020, rank: 3 }])).toBe(true);
    expect(zero([{ kind: 'science', level: 'national', year: 2020, rank: 4 }])).toBe(false);
    expect(zero([{ kind: 'science', level: 'national', year: 2019, rank: 1 }])).toBe(false);
    expect(zero([{ kind: 'science', level: 'provincial', year: 2024, rank: 1 }])).toBe(false);
  });

  it('第八条 direct path: a provincial R&D institution counts, a city one does not', () => {
    const zero = (level: 'provincial' | 'city') =>
      sme(withYears(firm({ ip: {}, rdInstitutions: [{ level }] }), { 2024: { techStaff: 0 } }));
    expect(zero('provincial')).toMatchObject({ eligible: true, directPath: '建有省级研发机构' });
    expect(zero('city').eligible).toBe(false);
  });

  it('第八条 direct path: leading an industry standard in the last five years counts; a group standard does not', () => {
    const zero = (level: 'industry' | 'group') =>
      sme(
        withYears(firm({ ip: {}, standards: [{ level, role: 'lead', year: 2021 }] }), {
          2024: { techStaff: 0 },
        }),
      ).eligible;
    expect(zero('industry')).toBe(true);
    expect(zero('group')).toBe(false);
  });

  it('missing data: with the score failing and awards unknown, the verdict is open (a direct path might hold)', () => {
    const v = sme(withYears(firm({ awards: undefined }), { 2024: { techStaff: 5 } }));
    expect(v.eligible).toBeNull();
    expect(v.missing).toEqual(['科技奖励']);
  });

  it('young firm: registered in the assessment year, it has no last-year figures — open, with the figures listed', () => {
    const v = sme(firm({ establishedOn: '2025-02-01', years: [] }));
    expect(v.eligible).toBeNull();
    expect(v.missing).toEqual(
      expect.arrayContaining(['2024 年度职工总数', '2024 年度营业收入', '2024 年度研发费用']),
    );
  });
});

describe('科技型中小企业: a score route left open by missing facts', () => {
  it('is 待定 with nothing unmet — no direct path is "unmet" while the score may still pass', () => {
    // 20 (tech staff) + 0 (no R&D) + IP unknown (0–30): 20–50 < 60 fails; with R&D 2% of sales (10) it is
    // 30–60, open. Neither holds a direct path.
    const open = withYears(firm({ ip: undefined }), { 2024: { rdExpense: 800_000, totalCosts: 40_000_000 } });
    const v = sme(open);
    expect(v).toMatchObject({ eligible: null, score: null, scoreRange: [30, 60] });
    expect(unmetCriteria(v)).toEqual([]);
    expect(v.missing).toContain('知识产权');
    // The same firm with too little R&D fails by the score, and then no direct path is an unmet line too.
    const low = sme(withYears(firm({ ip: undefined }), { 2024: { rdExpense: 0, totalCosts: 40_000_000 } }));
    expect(low.eligible).toBe(false);
    expect(unmetCriteria(low)).toEqual(['评价得分', '直接认定条件（任一）']);
  });
});
