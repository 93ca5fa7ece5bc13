import { describe, expect, it } from 'vitest';
import { assessAll, assessTier } from './assess.js';
import { BUILTIN_RULESETS, selectRuleset } from './registry.js';
import type { Ruleset } from './ruleset-schema.js';
import { validateRuleset } from './ruleset-validate.js';
import { baseFirm, verdict } from './test-firms.js';
import type { TierKey } from './tiers.js';

const chosen = (tier: TierKey, date: string) => {
  const s = selectRuleset(tier, date);
  return typeof s === 'string' ? s : s.ruleset.id;
};
const gazelle = () =>
  structuredClone(BUILTIN_RULESETS.find((r) => r.id === 'gazelle-yancheng-2022')) as Ruleset;

describe('built-in rule sets', () => {
  it('all validate, have unique ids and cite their document', () => {
    expect(new Set(BUILTIN_RULESETS.map((r) => r.id)).size).toBe(BUILTIN_RULESETS.length);
    for (const r of BUILTIN_RULESETS) {
      expect(validateRuleset(r, []).ok, r.id).toBe(true);
      expect(r.document.length, r.id).toBeGreaterThan(4);
    }
    expect(BUILTIN_RULESETS.find((r) => r.id === 'hnte-2016')?.document).toBe('国科发火〔2016〕32号');
  });

  it('criteria.md provisional items are marked provisional: the 2026 revision and the 瞪羚 definitions', () => {
    const provisional = BUILTIN_RULESETS.filter((r) => r.provisional).map((r) => r.id);
    expect(provisional.sort()).toEqual([
      'gazelle-national-hitech-zone',
      'gazelle-yancheng-2022',
      'little-giant-2026',
      'specialized-sme-2026',
      'tech-innovative-sme-2026',
    ]);
  });
});

describe('rule-set selection by assessment date', () => {
  it('工信部企业〔2022〕63号 applies up to 2026-03-31, 工信部企业〔2026〕2号 from 2026-04-01', () => {
    expect(chosen('specialized_sme', '2026-03-31')).toBe('specialized-sme-2022');
    expect(chosen('specialized_sme', '2026-04-01')).toBe('specialized-sme-2026');
    expect(chosen('little_giant', '2026-03-31')).toBe('little-giant-2022');
    expect(chosen('little_giant', '2026-04-01')).toBe('little-giant-2026');
    expect(chosen('innovative_sme', '2026-03-31')).toBe('innovative-sme-2022');
  });

  it('2026 revision: 科技型 and 创新型 merge — both tiers use tech-innovative-sme-2026 from 2026-04-01', () => {
    expect(chosen('tech_sme', '2026-03-31')).toBe('tech-sme-2017');
    expect(chosen('tech_sme', '2026-04-01')).toBe('tech-innovative-sme-2026');
    expect(chosen('innovative_sme', '2026-04-01')).toBe('tech-innovative-sme-2026');
  });

  it('2026 merged tier: the tech_sme verdict is the innovative one, with a note saying so', () => {
    const [tech, inno] = assessAll(baseFirm(), { date: '2026-04-01' });
    expect(tech.ruleset).toBe('tech-innovative-sme-2026');
    expect(tech.eligible).toBe(inno.eligible);
    expect(tech.scoreRange).toEqual(inno.scoreRange);
    expect(tech.notes[0]).toContain('科技型中小企业与创新型中小企业合并评价');
  });

  it('before 63号 (2022-06-01) there is no 创新型 rule set: an open verdict that says why', () => {
    const v = verdict(baseFirm(), 'innovative_sme', '2022-05-31');
    expect(v).toMatchObject({ eligible: null, ruleset: '', notes: ['2022-05-31 没有适用的规则集'] });
  });

  it('an org variant is never chosen by date; the Yancheng 瞪羚 definition is the default', () => {
    expect(chosen('gazelle', '2025-06-30')).toBe('gazelle-yancheng-2022');
  });

  it("an override names a rule set by id; an unknown id or another tier's rule set is refused in the verdict", () => {
    expect(
      assessTier(baseFirm(), 'gazelle', { rulesets: { gazelle: 'gazelle-national-hitech-zone' } }).ruleset,
    ).toBe('gazelle-national-hitech-zone');
    expect(assessTier(baseFirm(), 'gazelle', { rulesets: { gazelle: 'gazelle-nowhere' } }).notes).toEqual([
      '未找到规则集：gazelle-nowhere',
    ]);
    expect(assessTier(baseFirm(), 'gazelle', { rulesets: { gazelle: 'hnte-2016' } })).toMatchObject({
      eligible: null,
      notes: ['规则集 hnte-2016 不适用于该梯队'],
    });
  });
});

describe('validateRuleset (rule sets edited by an admin)', () => {
  it('accepts an org variant and the engine uses its numbers (宿迁: CAGR ≥ 30%)', () => {
    const suqian = {
      ...gazelle(),
      id: 'gazelle-suqian-2024',
      name: '瞪羚企业（宿迁口径）',
      org: '宿迁市',
      default: false,
    };
    suqian.params = { ...suqian.params, cagrMin: 0.3 } as Ruleset['params'];
    const r = validateRuleset(
      suqian,
      BUILTIN_RULESETS.map((x) => x.id),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The base firm's 2021–2024 CAGR is 26%: enough for Yancheng, not for this variant.
    const v = assessTier(baseFirm(), 'gazelle', {
      library: [r.ruleset],
      rulesets: { gazelle: 'gazelle-suqian-2024' },
    });
    expect(v).toMatchObject({ eligible: false, ruleset: 'gazelle-suqian-2024' });
    expect(v.unmet[0].required).toBe('≥ 30%');
    expect(assessTier(baseFirm(), 'gazelle', { rulesets: { gazelle: r.ruleset } }).eligible).toBe(false);
  });

  it('says in Chinese where and why a rule set is wrong', () => {
    const bad = {
      ...structuredClone(BUILTIN_RULESETS.find((r) => r.id === 'tech-sme-2017')),
      id: 'Tech SME',
      validTo: '2010-01-01',
      extra: 1,
    } as Record<string, unknown>;
    const params = bad.params as { techStaffBands: { op: string; value: number; points: number }[] };
    params.techStaffBands[1].value = 0.4;
    const r = validateRuleset(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { path: '编号', message: '编号只能用小写字母、数字和连字符，3–64 位' },
        { path: '整个规则集', message: '未知字段：extra' },
        { path: '参数 · techStaffBands · 第 2 项 · 阈值', message: '档位阈值应从高到低排列' },
      ]),
    );
  });

  it('refuses an engine on the wrong tier, an end before the start, and an id already taken', () => {
    const r = validateRuleset({ ...gazelle(), tier: 'hnte', validTo: '2021-01-01' });
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      '引擎 gazelle 不能用于梯队 hnte',
      '失效日期早于生效日期',
    ]);
    const taken = validateRuleset(gazelle(), ['gazelle-yancheng-2022']);
    expect(taken.ok ? '' : taken.errors[0].message).toBe('编号 gazelle-yancheng-2022 已被其他规则集使用');
  });

  it('refuses an unknown engine in plain Chinese', () => {
    const r = validateRuleset({ id: 'x-1', engine: 'magic' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { path: '引擎', message: '不是任何一种允许的格式（请检查 kind / engine 字段）' },
    ]);
  });
});
