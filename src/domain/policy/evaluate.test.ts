import { describe, expect, it } from 'vitest';
import type { Clause, PolicyConditions } from './conditions.js';
import {
  addMonths,
  compileConditions,
  conditionNeeds,
  evaluatePolicy,
  unknownRegionPrefixes,
} from './evaluate.js';
import { lastYearFigures, type PolicyFirm } from './firm.js';

const DATE = '2026-11-21';

/** A local 盐城 manufacturer with 2025 figures: 1 亿元 revenue, 300 万 R&D (exactly 3 %), 120 people. */
function firm(over: Partial<PolicyFirm> = {}): PolicyFirm {
  return {
    regionCode: '320902',
    industrySection: 'C',
    industryDivision: '38',
    establishedOn: '2020-05-01',
    universe: 'local',
    lastYear: { year: 2025, revenue: 100_000_000, employees: 120, rdExpense: 3_000_000 },
    ip: { invention_patent: 2, utility_model: 5 },
    titles: [],
    standings: {},
    ...over,
  };
}
const withYear = (y: Partial<NonNullable<PolicyFirm['lastYear']>>) =>
  firm({ lastYear: { year: 2025, revenue: 100_000_000, employees: 120, rdExpense: 3_000_000, ...y } });

const only = (c: Clause, f: PolicyFirm, date = DATE) => evaluatePolicy({ all: [c] }, f, date);

describe('numeric thresholds: exactly at the threshold meets it, just below does not', () => {
  it('R&D ratio 3 % exactly matches a “≥ 3%” clause; 2.9 % fails and is close, with the sentence', () => {
    const c: Clause = { kind: 'rd_ratio', min: 0.03 };
    expect(only(c, firm())).toMatchObject({ matches: true, close: false });
    expect(only(c, firm()).met[0].text).toBe('上年度研发费用占营业收入比例 ≥ 3%（实际 3%）');
    const below = only(c, withYear({ rdExpense: 2_900_000 }));
    expect(below).toMatchObject({ matches: false, close: true, missing: [] });
    expect(below.unmet[0]).toMatchObject({
      clause: '上年度研发费用占营业收入比例 ≥ 3%',
      required: '≥ 3%',
      actual: '2.9%',
    });
  });

  it('shows a ratio just under its threshold truncated, never rounded up to it', () => {
    const r = only({ kind: 'rd_ratio', min: 0.03 }, withYear({ rdExpense: 2_999_900 }));
    expect(r.matches).toBe(false);
    expect(r.unmet[0].actual).toBe('2.99%');
  });

  it('revenue and employees: min and max are inclusive', () => {
    const rev: Clause = { kind: 'revenue', min: 100_000_000 };
    expect(only(rev, firm()).matches).toBe(true);
    expect(only(rev, withYear({ revenue: 99_999_999 })).matches).toBe(false);
    const staff: Clause = { kind: 'employees', max: 120 };
    expect(only(staff, firm()).matches).toBe(true);
    const over = only(staff, withYear({ employees: 121 }));
    expect(over.unmet[0]).toMatchObject({ clause: '上年度职工人数 ≤ 120 人', actual: '121 人' });
  });

  it('renders money in 万元', () => {
    const r = only({ kind: 'revenue', min: 200_000_000 }, firm());
    expect(r.unmet[0].text).toBe('上年度营业收入 ≥ 20,000 万元（实际 10,000 万元）');
  });

  it('firm age: 成立满 1 年 holds on the first anniversary itself, not the day before', () => {
    const c: Clause = { kind: 'age', min: 1 };
    const on = only(c, firm({ establishedOn: '2025-11-21' }));
    expect(on.matches).toBe(true);
    expect(on.met[0].clause).toBe('成立满 1 年');
    const dayShort = only(c, firm({ establishedOn: '2025-11-22' }));
    expect(dayShort).toMatchObject({ matches: false, close: true });
    expect(dayShort.unmet[0].actual).toBe('0.9 年，2025-11-22 成立');
    expect(only({ kind: 'age', max: 5 }, firm({ establishedOn: '2020-05-01' })).matches).toBe(false);
    expect(only({ kind: 'age', min: 1, max: 10 }, firm()).met[0].clause).toBe('成立满 1 年且不超过 10 年');
  });

  it('IP: invention patents, and Class I as the sum of invention patents, IC layouts and plant varieties', () => {
    expect(only({ kind: 'invention_patents', min: 2 }, firm()).matches).toBe(true);
    expect(only({ kind: 'invention_patents', min: 3 }, firm()).matches).toBe(false);
    const classOne = firm({ ip: { invention_patent: 1, ic_layout: 1, utility_model: 9 } });
    expect(only({ kind: 'class1_ip', min: 2 }, classOne).matches).toBe(true);
    expect(only({ kind: 'class1_ip', min: 3 }, classOne).unmet[0].actual).toBe('2 件');
  });

  it('R&D > 0 when the rd_expense clause names no minimum', () => {
    const c: Clause = { kind: 'rd_expense' };
    expect(only(c, firm()).met[0].clause).toBe('上年度有研发投入（研发费用 > 0）');
    const none = only(c, withYear({ rdExpense: 0 }));
    expect(none).toMatchObject({ matches: false, close: false });
    expect(only({ kind: 'rd_expense', min: 3_000_000 }, firm()).matches).toBe(true);
  });
});

describe('last year’s figures', () => {
  it('are the year before the assessment’s, or the one before that while not yet filed; older ones are missing', () => {
    const row = (year: number) => ({ year, revenue: 1, employees: 1, rdExpense: 1 });
    expect(lastYearFigures([row(2023), row(2024), row(2025)], DATE)?.year).toBe(2025);
    expect(lastYearFigures([row(2023), row(2024)], DATE)?.year).toBe(2024);
    expect(lastYearFigures([row(2023)], DATE)).toBeNull();
    // This year's own figures are not "上年度".
    expect(lastYearFigures([row(2026)], DATE)).toBeNull();
  });

  it('falls back to the year before while last year’s are not filed, and says which year it read', () => {
    const r = only(
      { kind: 'employees', max: 500 },
      firm({ lastYear: { year: 2024, revenue: 1, employees: 80, rdExpense: 0 } }),
    );
    expect(r.met[0].actual).toBe('80 人，2024 年度数据');
  });

  it('reports missing data instead of failing when there are no figures', () => {
    const r = evaluatePolicy(
      {
        all: [
          { kind: 'rd_ratio', min: 0.03 },
          { kind: 'age', min: 1 },
        ],
      },
      firm({ lastYear: null }),
      DATE,
    );
    expect(r.matches).toBeNull();
    expect(r.close).toBe(false);
    expect(r.missing).toEqual([{ clause: '上年度研发费用占营业收入比例 ≥ 3%', data: '2025 年度研发费用' }]);
    expect(r.met.map((m) => m.clause)).toEqual(['成立满 1 年']);
  });

  it('a zero revenue cannot give an R&D ratio: missing, not a division by zero', () => {
    const r = only({ kind: 'rd_ratio', min: 0.03 }, withYear({ revenue: 0 }));
    expect(r.matches).toBeNull();
    expect(r.missing[0].data).toContain('为 0');
  });

  it('a failing clause decides even when another lacks data', () => {
    const r = evaluatePolicy(
      { all: [{ kind: 'universe_local' }, { kind: 'age', min: 1 }] },
      firm({ universe: 'target', establishedOn: null }),
      DATE,
    );
    expect(r.matches).toBe(false);
    expect(r.missing).toHaveLength(1);
  });
});

describe('titles', () => {
  const newHnte: Clause = { kind: 'tier_held', tier: 'hnte', issuedFrom: '2026-01-01', firstTime: true };

  it('首次认定: a title issued this year matches; a renewal of an older one does not', () => {
    const fresh = only(
      newHnte,
      firm({ titles: [{ tier: 'hnte', issuedOn: '2026-10-20', expiresOn: null }] }),
    );
    expect(fresh.matches).toBe(true);
    expect(fresh.met[0]).toMatchObject({
      clause: '2026-01-01 以后首次认定为高新技术企业且资质有效',
      actual: '2026-10-20 认定，有效期至 2029-10-19',
    });
    const renewed = only(
      newHnte,
      firm({
        titles: [
          { tier: 'hnte', issuedOn: '2023-10-20', expiresOn: '2026-10-19' },
          { tier: 'hnte', issuedOn: '2026-10-20', expiresOn: '2029-10-19' },
        ],
      }),
    );
    expect(renewed.matches).toBe(false);
    expect(renewed.unmet[0].actual).toBe('此前已于 2023-10-20 认定过');
  });

  it('a title issued before the window, or expired, does not count', () => {
    const old = only(
      newHnte,
      firm({ titles: [{ tier: 'hnte', issuedOn: '2024-03-01', expiresOn: '2027-02-28' }] }),
    );
    expect(old.unmet[0].actual).toBe('2024-03-01 认定，有效期至 2027-02-28');
    const held: Clause = { kind: 'tier_held', tier: 'hnte' };
    const expired = only(
      held,
      firm({ titles: [{ tier: 'hnte', issuedOn: '2022-01-01', expiresOn: '2024-12-31' }] }),
    );
    expect(expired.unmet[0].actual).toBe('资质已失效（有效期至 2024-12-31）');
    expect(only(held, firm()).unmet[0].actual).toBe('未认定');
  });

  it('a 科技型中小企业 entry without an expiry lasts one year; the others three', () => {
    const held: Clause = { kind: 'tier_held', tier: 'tech_sme' };
    expect(
      only(held, firm({ titles: [{ tier: 'tech_sme', issuedOn: '2025-12-01', expiresOn: null }] })).matches,
    ).toBe(true);
    expect(
      only(held, firm({ titles: [{ tier: 'tech_sme', issuedOn: '2025-05-01', expiresOn: null }] })).matches,
    ).toBe(false);
  });

  it('not holding: a valid title fails it; “ever” also counts expired ones', () => {
    const expired = firm({
      titles: [{ tier: 'little_giant', issuedOn: '2020-01-01', expiresOn: '2022-12-31' }],
    });
    expect(only({ kind: 'tier_not_held', tier: 'little_giant' }, expired).matches).toBe(true);
    expect(only({ kind: 'tier_not_held', tier: 'little_giant', ever: true }, expired).matches).toBe(false);
    expect(only({ kind: 'tier_not_held', tier: 'little_giant', ever: true }, firm()).met[0].clause).toBe(
      '从未认定为专精特新“小巨人”企业',
    );
  });

  it('eligible: from the latest screening; a holder counts unless the clause says “not yet held”', () => {
    const eligible: Clause = { kind: 'tier_eligible', tier: 'hnte' };
    const notYet: Clause = { kind: 'tier_eligible', tier: 'hnte', includeHolding: false };
    expect(only(eligible, firm({ standings: { hnte: 'eligible' } })).matches).toBe(true);
    expect(only(eligible, firm({ standings: { hnte: 'holding' } })).matches).toBe(true);
    expect(only(notYet, firm({ standings: { hnte: 'holding' } })).matches).toBe(false);
    // A title recorded after the screening still counts as held.
    const titled = firm({
      standings: { hnte: 'eligible' },
      titles: [{ tier: 'hnte', issuedOn: '2026-10-01', expiresOn: null }],
    });
    expect(only(notYet, titled).unmet[0].actual).toBe('已认定');
    expect(only(eligible, firm({ standings: { hnte: 'close' } })).unmet[0].actual).toBe(
      '接近，尚未满足认定条件',
    );
    expect(only(eligible, firm()).missing[0].data).toBe('高新技术企业的培育筛查结果（尚未筛查）');
    expect(only(eligible, firm({ standings: { hnte: 'unknown' } })).matches).toBeNull();
  });
});

describe('region, industry, universe', () => {
  it('region by GB/T 2260 prefix, named in the sentence', () => {
    const c: Clause = { kind: 'region', prefixes: ['3209'] };
    const r = only(c, firm());
    expect(r.met[0].text).toBe('注册地在盐城市（3209）（实际 亭湖区 320902）');
    expect(only(c, firm({ regionCode: '320612' })).matches).toBe(false);
    expect(only(c, firm({ regionCode: null })).missing[0].data).toBe('注册地行政区划代码');
  });

  it('industry by 门类 or 大类; a firm with only its 门类 is undecided for a 大类 in that 门类', () => {
    expect(only({ kind: 'industry', sections: ['C', 'I'] }, firm()).met[0].clause).toBe(
      '所属行业为制造业（C）、信息传输、软件和信息技术服务业（I）',
    );
    expect(only({ kind: 'industry', divisions: ['38'] }, firm()).matches).toBe(true);
    expect(only({ kind: 'industry', divisions: ['39'] }, firm()).matches).toBe(false);
    expect(
      only({ kind: 'industry', divisions: ['39'] }, firm({ industryDivision: null })).matches,
    ).toBeNull();
    expect(only({ kind: 'industry', divisions: ['65'] }, firm({ industryDivision: null })).matches).toBe(
      false,
    );
    expect(
      only({ kind: 'industry', sections: ['C'] }, firm({ industrySection: null, industryDivision: '38' }))
        .matches,
    ).toBe(true);
  });

  it('local firms only', () => {
    expect(only({ kind: 'universe_local' }, firm({ universe: 'target' })).unmet[0].actual).toBe(
      '外地目标企业',
    );
  });
});

describe('anyOf', () => {
  const award: PolicyConditions = {
    all: [{ kind: 'universe_local' }],
    anyOf: [
      { kind: 'tier_held', tier: 'hnte', issuedFrom: '2026-01-01', firstTime: true },
      { kind: 'tier_eligible', tier: 'hnte', includeHolding: false },
    ],
  };

  it('one alternative is enough, and it is the one shown as met', () => {
    const r = evaluatePolicy(award, firm({ standings: { hnte: 'eligible' } }), DATE);
    expect(r.matches).toBe(true);
    expect(r.met.map((m) => m.kind)).toEqual(['universe_local', 'tier_eligible']);
  });

  it('all alternatives failing make one unmet item that names each', () => {
    const r = evaluatePolicy(award, firm({ standings: { hnte: 'far' } }), DATE);
    expect(r.matches).toBe(false);
    expect(r.unmet).toHaveLength(1);
    expect(r.unmet[0].kind).toBe('any_of');
    expect(r.unmet[0].clause).toContain('满足以下任一条件：');
    expect(r.unmet[0].actual).toContain('差距较大');
    expect(r.close).toBe(false);
  });

  it('undecided when none holds and one lacks data', () => {
    const r = evaluatePolicy(award, firm(), DATE);
    expect(r.matches).toBeNull();
    expect(r.missing.map((m) => m.data)).toEqual(['高新技术企业的培育筛查结果（尚未筛查）']);
  });

  it('a group is close through its nearest numeric alternative', () => {
    const r = evaluatePolicy(
      {
        all: [],
        anyOf: [
          { kind: 'invention_patents', min: 5 },
          { kind: 'rd_ratio', min: 0.035 },
        ],
      },
      firm(),
      DATE,
    );
    expect(r).toMatchObject({ matches: false, close: true });
  });
});

describe('the closeness rule', () => {
  const cond: PolicyConditions = {
    all: [
      { kind: 'rd_ratio', min: 0.03 },
      { kind: 'employees', max: 100 },
    ],
  };

  it('20 % short is close by default; further is not', () => {
    const at20 = evaluatePolicy(
      { all: [{ kind: 'rd_ratio', min: 0.03 }] },
      withYear({ rdExpense: 2_400_000 }),
      DATE,
    );
    expect(at20.close).toBe(true);
    const beyond = evaluatePolicy(
      { all: [{ kind: 'rd_ratio', min: 0.03 }] },
      withYear({ rdExpense: 2_390_000 }),
      DATE,
    );
    expect(beyond.close).toBe(false);
  });

  it('is a parameter: a tighter tolerance, or more than one unmet clause allowed', () => {
    const f = withYear({ rdExpense: 2_800_000 });
    expect(evaluatePolicy(cond, f, DATE).close).toBe(false); // two unmet
    expect(evaluatePolicy(cond, f, DATE, { maxUnmet: 2, tolerance: 0.2 }).close).toBe(true);
    expect(evaluatePolicy(cond, f, DATE, { maxUnmet: 2, tolerance: 0.05 }).close).toBe(false);
  });

  it('a missed non-numeric clause is never close', () => {
    const r = evaluatePolicy({ all: [{ kind: 'region', prefixes: ['3206'] }] }, firm(), DATE);
    expect(r).toMatchObject({ matches: false, close: false });
  });

  it('compiles once and evaluates many firms the same way', () => {
    const ev = compileConditions(cond);
    expect(ev(withYear({ employees: 100 }), DATE).matches).toBe(true);
    expect(ev(withYear({ employees: 101 }), DATE)).toMatchObject({ matches: false, close: true });
  });
});

describe('helpers', () => {
  it('addMonths clamps to the month’s end', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-21', 12)).toBe('2026-11-21');
  });

  it('names the tables a policy needs and its unknown region prefixes', () => {
    const needs = conditionNeeds({
      all: [
        { kind: 'rd_ratio', min: 0.03 },
        { kind: 'region', prefixes: ['3209', '3299'] },
      ],
      anyOf: [
        { kind: 'tier_eligible', tier: 'hnte' },
        { kind: 'tier_held', tier: 'tech_sme' },
      ],
    });
    expect(needs).toEqual({
      figures: true,
      ip: false,
      titleTiers: ['hnte', 'tech_sme'],
      standingTiers: ['hnte'],
    });
    expect(unknownRegionPrefixes({ all: [{ kind: 'region', prefixes: ['3209', '3299'] }] })).toEqual([
      '3299',
    ]);
  });
});
