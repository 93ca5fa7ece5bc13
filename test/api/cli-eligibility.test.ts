/** `kezhao eligibility` as a user runs it: the sample files, the JSON shape, --date and bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kz-cli-elig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = (name: string) => path.join(ROOT_DIR, 'docs', 'examples', 'eligibility', name);

function kezhao(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LANG: 'zh_CN.UTF-8' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: ROOT_DIR,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

type TierJson = {
  tier: string;
  ruleset: string;
  eligible: boolean | null;
  score: number | null;
  scoreRange: [number, number] | null;
  unmet: { criterion: string; actual: string; required: string }[];
  missing: string[];
  gap: string[];
};

describe('kezhao eligibility', { timeout: 180_000 }, () => {
  it("prints a Chinese report for a sample firm: the summary table and each tier's reasons", () => {
    const r = kezhao('eligibility', example('nantong-precision.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(
      '企业：南通恒锐精密传动科技股份有限公司    评估日期：2026-05-15（上年度 = 2025 年）',
    );
    expect(r.out).toMatch(/专精特新中小企业\s+工信部企业〔2026〕2号\s+符合\s+88（需 ≥ 50）/);
    expect(r.out).toMatch(/专精特新“小巨人”企业\s+工信部企业〔2026〕2号\s+不符合/);
    expect(r.out).toContain('    - 近 2 年研发费用合计：实际 1183 万元，要求 ≥ 1200 万元');
    expect(r.out).toContain('    - 近 2 年研发费用还需增加 17 万元');
  });

  it('--json prints { tiers: [{ tier, ruleset, eligible, score, scoreRange, unmet, missing, gap }] } for all eight tiers', () => {
    const r = kezhao('eligibility', example('yannan-software.json'), '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { date: string; tiers: TierJson[] };
    expect(out.date).toBe('2025-09-30');
    expect(out.tiers.map((t) => t.tier)).toEqual([
      'tech_sme',
      'innovative_sme',
      'hnte',
      'specialized_sme',
      'little_giant',
      'gazelle',
      'potential_unicorn',
      'unicorn',
    ]);
    for (const t of out.tiers) {
      expect(Object.keys(t)).toEqual(
        expect.arrayContaining([
          'tier',
          'ruleset',
          'eligible',
          'score',
          'scoreRange',
          'unmet',
          'missing',
          'gap',
        ]),
      );
      expect([true, false, null]).toContain(t.eligible);
      expect(Array.isArray(t.missing) && Array.isArray(t.gap)).toBe(true);
      for (const u of t.unmet) expect(Object.keys(u).sort()).toEqual(['actual', 'criterion', 'required']);
    }
    const hnte = out.tiers[2];
    expect(hnte).toMatchObject({ ruleset: 'hnte-2016', eligible: null, score: null });
    expect(hnte.scoreRange?.[0]).toBeLessThan(71);
    const unicorn = out.tiers[7];
    expect(unicorn.eligible).toBe(false);
    expect(unicorn.unmet.map((u) => u.criterion)).toContain('最新投后估值');
  });

  it('--date picks the rule sets in force on that date: 2026-06-30 gives the 2026 revision', () => {
    const before = JSON.parse(kezhao('eligibility', example('yannan-software.json'), '--json').out) as {
      tiers: TierJson[];
    };
    expect(before.tiers.map((t) => t.ruleset).slice(0, 5)).toEqual([
      'tech-sme-2017',
      'innovative-sme-2022',
      'hnte-2016',
      'specialized-sme-2022',
      'little-giant-2022',
    ]);
    const r = kezhao('eligibility', example('yannan-software.json'), '--date', '2026-06-30', '--json');
    expect(r.code, r.err).toBe(0);
    const after = JSON.parse(r.out) as { date: string; tiers: TierJson[] };
    expect(after.date).toBe('2026-06-30');
    expect(after.tiers.map((t) => t.ruleset).slice(0, 5)).toEqual([
      'tech-innovative-sme-2026',
      'tech-innovative-sme-2026',
      'hnte-2016',
      'specialized-sme-2026',
      'little-giant-2026',
    ]);
    // The file has no 2025 figures, which "last year" now needs: open verdicts that say so.
    expect(after.tiers[3].eligible).toBeNull();
    expect(after.tiers[3].missing).toContain('2025 年度营业收入');
  });

  it('a malformed file gives a Chinese error and exit code 1: broken JSON, invalid facts, a bad date, no file', () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"asOf": "2025-01-01",\n  "years": [}');
    const a = kezhao('eligibility', broken);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/错误：文件不是有效的 JSON（.+）：.*broken\.json/);

    const invalid = path.join(dir, 'invalid.json');
    writeFileSync(
      invalid,
      JSON.stringify({
        asOf: '2025-06-30',
        establishedOn: '2019-01-01',
        years: [{ year: 2024, revenue: -1 }],
        revenu: 5,
      }),
    );
    const b = kezhao('eligibility', invalid);
    expect(b.code).toBe(1);
    expect(b.err).toContain('输入数据有 2 处错误');
    expect(b.err).toContain('年度数据 · 第 1 条（2024 年） · 营业收入（years[0].revenue）：不能小于 0');
    expect(b.err).toContain('整个文件：未知字段：revenu');

    const c = kezhao('eligibility', example('yannan-software.json'), '--date', '2025/06/30');
    expect(c.code).toBe(1);
    expect(c.err).toContain('--date 应为 YYYY-MM-DD 格式的有效日期');

    const d = kezhao('eligibility', path.join(dir, 'nope.json'));
    expect(d.code).toBe(1);
    expect(d.err).toContain('文件不存在');
    expect(kezhao('eligibility').err).toContain('用法：kezhao eligibility <文件.json>');
  });
});
