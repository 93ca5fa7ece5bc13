/** Firms for the eligibility tests: one complete, well-placed firm that tests bend one fact at a time, so each
 *  test shows which fact moved a verdict. Not a test file; imported by them. */
import { assessTier } from './assess.js';
import type { FirmFacts, YearFigures } from './facts-schema.js';
import type { Ruleset } from './ruleset-schema.js';
import type { TierKey } from './tiers.js';
import type { Verdict } from './verdict.js';

/** Assessment date of the base firm: "last year" is 2024, the last three years 2022–2024. */
export const DATE = '2025-06-30';

/** One year of figures in the base firm's proportions. */
export function yearOf(y: number, revenue: number): YearFigures {
  return {
    year: y,
    employees: 100,
    techStaff: 30,
    rdStaff: 25,
    revenue,
    mainRevenue: (revenue / 10) * 9,
    highTechRevenue: (revenue / 10) * 8,
    rdExpense: (revenue / 100) * 7,
    rdExpenseDomestic: (revenue / 100) * 7,
    totalCosts: (revenue / 100) * 85,
    netProfit: (revenue / 100) * 11,
    totalAssets: (revenue / 4) * 5,
    totalLiabilities: revenue / 2,
    convertedResults: 5,
  };
}

/** A 10-year-old firm with 2,000 → 4,000 万元 revenue over 2021–2024, 7% R&D, 30% tech staff, 3 invention
 *  patents, a city-level R&D centre, every declaration positive and full 高企 expert scores (score 85). */
export function baseFirm(): FirmFacts {
  return {
    name: '测试科技有限公司',
    asOf: DATE,
    establishedOn: '2015-05-20',
    listed: false,
    years: [
      yearOf(2021, 20_000_000),
      yearOf(2022, 24_000_000),
      yearOf(2023, 30_000_000),
      yearOf(2024, 40_000_000),
    ],
    ip: {
      invention: 3,
      utility: 6,
      software: 10,
      trademark: 4,
      classIOwnDeveloped: 3,
      classIHighValue: 1,
      classIInUse: 3,
      obtainedBy: 'own_rd',
    },
    standards: [],
    titles: [],
    rdInstitutions: [{ level: 'city' }],
    awards: [],
    equityRounds: [],
    valuations: [],
    declared: {
      hnteField: '电子信息',
      noMajorIncidentLast365Days: true,
      noMajorIncidentThisOrLastYear: true,
      noResearchMisconduct: true,
      productsNotRestricted: true,
      notOnAbnormalList: true,
      strategicEmergingProduct: true,
      nicheYears: 6,
      chainBreakthrough: false,
      leadProductInStrategicField: true,
      digitalLevel: 3,
      provincialQualityAward: false,
      qualitySystemCertified: true,
      developedMarketProductCertified: false,
      ownBrand: true,
      standardSetting: true,
      provincialFeatureScore: 10,
      coreProcessInformationSystem: true,
      nationalMarketShare: 0.15,
      keyChainPosition: true,
    },
    expert: {
      hnte: {
        techAdvancement: 6,
        coreSupport: 6,
        ipQuantity: 8,
        ipAcquisition: 5,
        conversion: 28,
        rdManagement: 5,
        rdInstitutionCooperation: 5,
        conversionOrganisation: 3,
        talentSystems: 3,
        netAssetGrowth: 8,
        salesGrowth: 8,
      },
    },
  };
}

/** The base firm with some facts replaced (a shallow merge per top-level key). */
export function firm(patch: Partial<FirmFacts> = {}): FirmFacts {
  return { ...baseFirm(), ...patch };
}

/** Replaces figures of the given years (the other fields of those years are kept). */
export function withYears(f: FirmFacts, patches: Record<number, Partial<YearFigures>>): FirmFacts {
  return { ...f, years: f.years.map((y) => (patches[y.year] ? { ...y, ...patches[y.year] } : y)) };
}

export function declare(f: FirmFacts, patch: NonNullable<FirmFacts['declared']>): FirmFacts {
  return { ...f, declared: { ...f.declared, ...patch } };
}

export function expertHnte(
  f: FirmFacts,
  patch: NonNullable<NonNullable<FirmFacts['expert']>['hnte']>,
): FirmFacts {
  return { ...f, expert: { hnte: { ...f.expert?.hnte, ...patch } } };
}

/** One tier's verdict on a date (default DATE), optionally with a rule set chosen by id or object. */
export function verdict(f: FirmFacts, tier: TierKey, date = DATE, ruleset?: string | Ruleset): Verdict {
  return assessTier(f, tier, { date, rulesets: ruleset ? { [tier]: ruleset } : undefined });
}

/** The criteria a verdict lists as unmet, for compact assertions. */
export function unmetCriteria(v: Verdict): string[] {
  return v.unmet.map((u) => u.criterion);
}

/** The base firm a year later (assessed on 2026-06-30, with 2025 revenue of 5,000 万元): 2026 rule sets apply. */
export function firm2026(patch: Partial<FirmFacts> = {}): FirmFacts {
  const f = baseFirm();
  return { ...f, asOf: DATE_2026, years: [...f.years, yearOf(2025, 50_000_000)], ...patch };
}

export const DATE_2026 = '2026-06-30';
