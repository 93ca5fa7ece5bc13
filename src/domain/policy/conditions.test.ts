import { describe, expect, it } from 'vitest';
import { policyConditionsSchema } from './conditions.js';
import { describeClause } from './describe.js';

const issues = (input: unknown) =>
  policyConditionsSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('policy conditions: validation with Chinese messages', () => {
  it('accepts every clause kind of the vocabulary', () => {
    const all = [
      { kind: 'tier_held', tier: 'hnte', issuedFrom: '2026-01-01', issuedTo: '2026-12-31', firstTime: true },
      { kind: 'tier_eligible', tier: 'tech_sme', includeHolding: false },
      { kind: 'tier_not_held', tier: 'little_giant', ever: true },
      { kind: 'region', prefixes: ['32', '3209', '320902'] },
      { kind: 'industry', sections: ['C'], divisions: ['65'] },
      { kind: 'age', min: 1, max: 10 },
      { kind: 'revenue', min: 10_000_000 },
      { kind: 'employees', max: 500 },
      { kind: 'rd_ratio', min: 0.03 },
      { kind: 'rd_expense' },
      { kind: 'invention_patents', min: 1 },
      { kind: 'class1_ip', min: 1 },
      { kind: 'universe_local' },
    ];
    const r = policyConditionsSchema.safeParse({ all });
    expect(r.success).toBe(true);
    expect(r.data?.all.map(describeClause)).toEqual([
      '2026-01-01 至 2026-12-31 期间首次认定为高新技术企业且资质有效',
      '符合科技型中小企业认定条件但尚未认定（以最近一次培育筛查为准）',
      '从未认定为专精特新“小巨人”企业',
      '注册地在江苏省（32）、盐城市（3209）、亭湖区（320902）',
      '所属行业为制造业（C）、行业大类 65',
      '成立满 1 年且不超过 10 年',
      '上年度营业收入 ≥ 1000 万元',
      '上年度职工人数 ≤ 500 人',
      '上年度研发费用占营业收入比例 ≥ 3%',
      '上年度有研发投入（研发费用 > 0）',
      '拥有发明专利 ≥ 1 件',
      '拥有 I 类知识产权（发明专利、集成电路布图设计、植物新品种）≥ 1 件',
      '为本地在册企业（不含外地目标企业）',
    ]);
  });

  it('defaults to no conditions', () => {
    expect(policyConditionsSchema.parse({})).toEqual({ all: [] });
  });

  it('refuses a ratio given in per cent instead of a fraction', () => {
    expect(issues({ all: [{ kind: 'rd_ratio', min: 3 }] })).toEqual([
      ['all.0.min', '研发费用占比应为 0–1 之间的小数（如 0.03 表示 3%）'],
    ]);
  });

  it('refuses a range whose maximum is below its minimum, or that has neither', () => {
    expect(issues({ all: [{ kind: 'age', min: 5, max: 2 }] })).toEqual([
      ['all.0.max', '成立年限的上限不能小于下限'],
    ]);
    expect(issues({ all: [{ kind: 'revenue' }] })).toEqual([['all.0', '上年度营业收入至少要填写下限或上限']]);
  });

  it('refuses unknown kinds, unknown fields, bad region prefixes and tiers', () => {
    expect(issues({ all: [{ kind: 'lucky' }] })).toEqual([['all.0.kind', '未知的条件类型']]);
    expect(issues({ all: [{ kind: 'universe_local', local: true }] })).toEqual([
      ['all.0', '未知的字段：local'],
    ]);
    expect(issues({ all: [{ kind: 'region', prefixes: ['320'] }] })[0][1]).toContain('2、4 或 6 位数字');
    expect(issues({ all: [{ kind: 'tier_held', tier: 'gold' }] })[0][1]).toContain('培育梯队');
  });

  it('refuses an issue window that ends before it starts, and a one-item “any of”', () => {
    expect(
      issues({
        all: [{ kind: 'tier_held', tier: 'hnte', issuedFrom: '2026-02-01', issuedTo: '2026-01-01' }],
      }),
    ).toEqual([['all.0.issuedTo', '认定日期止不能早于认定日期起']]);
    expect(issues({ all: [], anyOf: [{ kind: 'universe_local' }] })).toEqual([
      ['anyOf', '“满足其一”至少要有两项条件'],
    ]);
  });
});
