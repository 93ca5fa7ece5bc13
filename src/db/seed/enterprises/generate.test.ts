import { describe, expect, it } from 'vitest';
import type { ChainNodeInput } from '../../../domain/chain/chain-schema.js';
import { type PlacementNode, Placer } from '../../../domain/chain/placement.js';
import { CHAIN_TEMPLATES } from '../../../domain/chain/templates.js';
import { parseIndustry } from '../../../domain/enterprise/industry.js';
import { normalizeCompanyName } from '../../../domain/text/company-name.js';
import { isValidRegionCode } from '../../../domain/text/region.js';
import { regionOfUscc, validateUscc } from '../../../domain/text/uscc.js';
import { type DemoFirm, generateEnterprises, generateFirm } from './generate.js';
import { TIER_KEYS, validUntil } from './ladder.js';
import { brandName } from './names.js';

const AS_OF = '2026-11-21';
const firms: DemoFirm[] = [
  ...generateEnterprises({ seed: 11, count: 20_000, targetCount: 5_000, asOf: AS_OF }),
];
const local = firms.filter((f) => f.universe === 'local');
const target = firms.filter((f) => f.universe === 'target');

describe('generateEnterprises', () => {
  it('gives the same firms for the same seed, and firm i whatever the count', () => {
    const again = [...generateEnterprises({ seed: 11, count: 200, targetCount: 50, asOf: AS_OF })];
    expect(again).toEqual([...local.slice(0, 200), ...target.slice(0, 50)]);
    expect(generateFirm('local', 12_345, { seed: 11, asOf: AS_OF })).toEqual(local[12_345]);
    const other = [...generateEnterprises({ seed: 12, count: 200, asOf: AS_OF })];
    expect(other.filter((f, i) => f.name === local[i].name).length).toBeLessThan(5);
  });

  it('gives every firm a valid, unique USCC registered in its own region', () => {
    const invalid = firms.filter((f) => !validateUscc(f.uscc).ok || regionOfUscc(f.uscc) !== f.regionCode);
    expect(invalid.map((f) => f.uscc)).toEqual([]);
    expect(new Set(firms.map((f) => f.uscc)).size).toBe(firms.length);
    // Firms registered since the 2015 reform carry an MA… body, older ones an all-digit 组织机构代码.
    expect(firms.some((f) => f.uscc.slice(8, 10) === 'MA')).toBe(true);
    expect(firms.some((f) => /^\d{9}$/.test(f.uscc.slice(8, 17)))).toBe(true);
    expect(new Set(firms.map((f) => f.id)).size).toBe(firms.length);
  });

  it('gives unique names whose normalised core keeps the brand (searchable, no two alike)', () => {
    const names = new Set(firms.map((f) => normalizeCompanyName(f.name).normalized));
    expect(names.size).toBe(firms.length);
    const cores = new Set(firms.map((f) => normalizeCompanyName(f.name).core));
    expect(cores.size).toBe(firms.length);
    for (const f of firms.slice(0, 2000)) {
      if (f.shortName)
        expect(normalizeCompanyName(f.name).core.startsWith(f.shortName.slice(0, 2))).toBe(true);
      for (const former of f.formerNames) expect(former).not.toBe(f.name);
    }
    expect(firms.some((f) => /（.+）/.test(f.name))).toBe(true);
    expect(firms.some((f) => f.formerNames.length > 0)).toBe(true);
  });

  it('keeps 字号 unique across a million-firm index space', () => {
    const seen = new Set<string>();
    for (let slot = 0; slot < 1_200_000; slot++) seen.add(brandName(slot, 11));
    expect(seen.size).toBe(1_200_000);
  }, 60_000);

  it('places local firms in their demo org and target firms outside the demo regions, owned by 盐南', () => {
    const cityOf: Record<string, string> = {
      yannan: '3209',
      ntkfq: '3206',
      haian: '3206',
      jiangyin: '3202',
      yixing: '3202',
      liangxi: '3202',
      xishan: '3202',
      nanhu: '3304',
    };
    expect(firms.filter((f) => !isValidRegionCode(f.regionCode)).map((f) => f.regionCode)).toEqual([]);
    expect(local.filter((f) => f.regionCode.slice(0, 4) !== cityOf[f.orgCode]).map((f) => f.name)).toEqual(
      [],
    );
    expect(new Set(local.map((f) => f.orgCode)).size).toBe(8);
    expect(new Set(target.map((f) => f.orgCode))).toEqual(new Set(['yannan']));
    expect(new Set(target.map((f) => f.regionCode.slice(0, 4)))).toEqual(
      new Set(['3101', '4403', '1101', '3205', '3401', '3301']),
    );
  });

  it('gives figures that hang together: R&D within revenue, staff within employees, years in order', () => {
    const latestYear = Number(AS_OF.slice(0, 4)) - 1;
    // Collected, not asserted one by one: 75,000 firm-years × 14 checks would be slow through expect.
    const bad: string[] = [];
    const check = (ok: boolean, f: DemoFirm, what: string) => {
      if (!ok) bad.push(`${f.name}: ${what}`);
    };
    for (const f of firms) {
      check(f.years.length > 0 && f.years.at(-1)?.year === latestYear, f, 'latest year');
      check(f.years[0].year >= Number(f.establishedOn.slice(0, 4)), f, 'year before establishment');
      for (const [i, y] of f.years.entries()) {
        check(i === 0 || y.year === f.years[i - 1].year + 1, f, 'years in order');
        check(y.rdExpense > 0 && y.rdExpense <= y.revenue, f, 'R&D within revenue');
        check(y.rdExpense / y.revenue > 0.009 && y.rdExpense / y.revenue < 0.125, f, 'R&D ratio 1–12 %');
        check(y.rdExpenseDomestic <= y.rdExpense, f, 'domestic R&D within R&D');
        check(y.mainRevenue <= y.revenue && y.hightechRevenue <= y.revenue, f, 'revenue parts');
        check(y.rdStaff <= y.techStaff && y.techStaff <= y.employees && y.rdStaff >= 1, f, 'staff');
        check(y.totalLiabilities <= y.totalAssets, f, 'liabilities within assets');
        check(y.revenue % 100 === 0 && y.netProfit % 100 === 0, f, 'whole 万元 cents');
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
    // Log-normal revenue: a long right tail, a median of some tens of millions of 元.
    const revenues = local.map((f) => f.years.at(-1)?.revenue ?? 0).sort((a, b) => a - b);
    const median = revenues[Math.floor(revenues.length / 2)];
    expect(median).toBeGreaterThan(5e6);
    expect(median).toBeLessThan(1e8);
    expect(revenues.at(-1)).toBeGreaterThan(50 * median);
  });

  it('gives titles at realistic rates, in force on the as-of date, with 高企 certificates of three years', () => {
    const share = (tier: string, list = local) =>
      list.filter((f) => f.qualifications.some((q) => q.tier === tier)).length / list.length;
    expect(share('hnte')).toBeGreaterThan(0.2);
    expect(share('hnte')).toBeLessThan(0.45);
    expect(share('tech_sme')).toBeGreaterThan(0.3);
    expect(share('specialized_sme')).toBeGreaterThan(0.02);
    expect(share('specialized_sme')).toBeLessThan(0.12);
    expect(share('little_giant')).toBeGreaterThan(0.002);
    expect(share('little_giant')).toBeLessThan(0.03);
    expect(share('unicorn')).toBeLessThan(0.002);
    expect(share('hnte', target)).toBeGreaterThan(share('hnte'));
    const keys = new Set<string>(TIER_KEYS);
    const bad: string[] = [];
    let expiringSoon = 0;
    for (const f of firms)
      for (const q of f.qualifications) {
        if (!keys.has(q.tier) || q.issuedOn > AS_OF || q.issuedOn <= f.establishedOn)
          bad.push(`${f.name} ${q.tier}`);
        if (q.tier !== 'hnte') continue;
        const cert = new RegExp(`^GR${q.issuedOn.slice(0, 4)}${f.regionCode.slice(0, 2)}\\d{6}$`);
        if (!cert.test(q.certificateNo ?? '')) bad.push(`${f.name} ${q.certificateNo}`);
        if (q.expiresOn !== validUntil(q.issuedOn, 3) || q.expiresOn < AS_OF)
          bad.push(`${f.name} ${q.expiresOn}`);
        if (q.expiresOn < '2027-02-21') expiringSoon++;
      }
    expect(bad.slice(0, 5)).toEqual([]);
    // Some 高企 titles run out within three months: the profile's expiry warning has something to show.
    expect(expiringSoon).toBeGreaterThan(50);
    expect(firms.filter((f) => f.fundingRounds.length).length).toBeGreaterThan(500);
    expect(firms.filter((f) => f.rdInstitutions.length).length).toBeGreaterThan(500);
  });

  it('uses GB/T 4754 divisions the importer accepts, fitting each industry', () => {
    const allowed: Record<string, string[]> = {
      pv: ['38'],
      wind: ['34', '38'],
      storage: ['38'],
      biomed: ['27'],
      ic: ['39'],
      newmat: ['26', '30'],
      equip: ['34', '35'],
      auto: ['36'],
      ict: ['65', '39'],
      ai: ['65'],
    };
    const misfits = firms.filter((f) => {
      const r = parseIndustry(`${f.industrySection}${f.industryDivision}`);
      return !allowed[f.industry].includes(f.industryDivision) || !r.ok || r.section !== f.industrySection;
    });
    expect(misfits.map((f) => `${f.industry} ${f.industrySection}${f.industryDivision}`)).toEqual([]);
  });
});

describe('validUntil', () => {
  it('ends a title the day before its anniversary, leap days included', () => {
    expect(validUntil('2023-12-04', 3)).toBe('2026-12-03');
    expect(validUntil('2024-03-01', 3)).toBe('2027-02-28');
    expect(validUntil('2024-02-29', 1)).toBe('2025-02-28');
    expect(validUntil('2025-01-01', 1)).toBe('2025-12-31');
  });
});

describe('the target universe and the chains', () => {
  it('holds candidates for nearly every node of the leading chains, so 靶向招商 is never empty by construction', () => {
    for (const key of ['pv', 'wind', 'storage', 'ic']) {
      const chain = CHAIN_TEMPLATES.find((c) => c.key === key);
      if (!chain) throw new Error(`no template ${key}`);
      const nodes: (PlacementNode & { name: string })[] = [];
      const walk = (list: ChainNodeInput[]) => {
        for (const n of list) {
          nodes.push({ ...n, id: n.name });
          walk(n.children);
        }
      };
      for (const s of chain.segments) walk(s.children);
      const placer = new Placer(nodes);
      const found = new Set<string>();
      for (const f of target) for (const p of placer.place(f)) found.add(p.nodeId);
      const share = found.size / nodes.length;
      expect(
        share,
        `${chain.name}: ${nodes.filter((n) => !found.has(n.id)).map((n) => n.name)}`,
      ).toBeGreaterThan(0.85);
    }
  });
});
