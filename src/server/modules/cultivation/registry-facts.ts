/** A firm's registry record as the eligibility engines' input (docs/ELIGIBILITY.md): yearly figures,
 *  IP by class, titles, institutions, awards and equity rounds, as of the assessment date. Only what
 *  the registry knows is filled in; the engines report the rest (self-declared items, expert scores)
 *  as missing instead of assuming it. */
import type {
  awards,
  enterpriseIp,
  enterprises,
  enterpriseYears,
  fundingRounds,
  qualifications,
  rdInstitutions,
} from '../../../db/schema/index.js';
import { TIER_KEYS } from '../../../domain/eligibility/index.js';

/** One firm's registry rows, as the screening reads them (child rows as JSON: money as numbers,
 *  dates as ISO strings). */
export type RegistryFirm = {
  firm: Pick<typeof enterprises.$inferSelect, 'name' | 'uscc' | 'establishedOn' | 'listed'>;
  years: Omit<typeof enterpriseYears.$inferSelect, 'enterpriseId' | 'provenance' | 'taxPaid'>[];
  ip: Pick<typeof enterpriseIp.$inferSelect, 'kind' | 'count'>[];
  qualifications: Pick<
    typeof qualifications.$inferSelect,
    'tier' | 'issuedOn' | 'expiresOn' | 'certificateNo'
  >[];
  institutions: Pick<typeof rdInstitutions.$inferSelect, 'name' | 'level' | 'recognizedOn'>[];
  rounds: Pick<
    typeof fundingRounds.$inferSelect,
    'date' | 'round' | 'amount' | 'currency' | 'postMoneyValuation'
  >[];
  awards: Pick<typeof awards.$inferSelect, 'name' | 'level' | 'year'>[];
};

/** Registry IP kinds → the engines' IP fields. Standards are counted in the registry without their
 *  level or role, so they cannot open a direct path here. */
const IP_FIELDS: Record<string, string> = {
  invention_patent: 'invention',
  utility_model: 'utility',
  design: 'design',
  software_copyright: 'software',
  pct: 'pct',
  ic_layout: 'icLayout',
  plant_variety: 'plantVariety',
};

/** How long a title lasts when its certificate's expiry was not recorded (高企 certificates: 3 years;
 *  the MIIT titles: 3 years; 科技型中小企业 is confirmed yearly). */
const DEFAULT_VALID_YEARS: Record<string, number> = { tech_sme: 1 };

const TIERS = new Set<string>(TIER_KEYS);
const LEVELS = new Set(['national', 'provincial', 'city']);
const CURRENCIES = new Set(['CNY', 'USD', 'HKD', 'EUR']);

function plusYears(isoDate: string, years: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

/** Compliance declarations the registry cannot know. Screening assumes them, as an officer would when
 *  sorting firms by their figures; the card lists them so that they are checked before applying. */
export const SCREENING_ASSUMPTIONS = {
  productsNotRestricted: '产品不属于禁止、限制和淘汰类',
  noMajorIncidentLast365Days: '申请前一年内未发生重大安全、重大质量事故或严重环境违法行为',
  noMajorIncidentThisOrLastYear: '当年和上一年无重大安全、质量事故或严重环境违法',
  noResearchMisconduct: '无严重科研失信行为',
  notOnAbnormalList: '未列入经营异常名录和严重违法失信名单',
} as const;

export function registryFacts(r: RegistryFirm, asOf: string): unknown {
  const years = r.years
    .filter((y) => y.year < Number(asOf.slice(0, 4)) + 1)
    .map((y) => ({
      year: y.year,
      employees: num(y.employees),
      techStaff: num(y.techStaff),
      rdStaff: num(y.rdStaff),
      revenue: num(y.revenue),
      mainRevenue: num(y.mainRevenue),
      highTechRevenue: num(y.hightechRevenue),
      rdExpense: num(y.rdExpense),
      rdExpenseDomestic: num(y.rdExpenseDomestic),
      totalCosts: num(y.totalCost),
      netProfit: num(y.netProfit),
      totalAssets: num(y.totalAssets),
      totalLiabilities: num(y.totalLiabilities),
    }));
  const ip: Record<string, number> = {};
  for (const i of r.ip) {
    const field = IP_FIELDS[i.kind];
    if (field) ip[field] = (ip[field] ?? 0) + i.count;
  }
  const titles = r.qualifications
    .filter((q) => TIERS.has(q.tier) && q.issuedOn && q.issuedOn <= asOf)
    .map((q) => ({
      title: q.tier,
      issuedOn: q.issuedOn as string,
      expiresOn: q.expiresOn ?? plusYears(q.issuedOn as string, DEFAULT_VALID_YEARS[q.tier] ?? 3),
      ...(q.certificateNo ? { certificateNo: q.certificateNo } : {}),
    }));
  const rdInstitutions = r.institutions
    .filter((i) => !i.recognizedOn || i.recognizedOn <= asOf)
    .map((i) => ({
      level: LEVELS.has(i.level) ? i.level : 'other',
      name: i.name,
      ...(i.recognizedOn ? { recognizedOn: i.recognizedOn } : {}),
    }));
  // Only science and technology awards count for the tiers; the registry records their name and level.
  const awardsOut = r.awards
    .filter((a) => a.year && LEVELS.has(a.level ?? '') && /科学技术|科技进步|技术发明|自然科学/.test(a.name))
    .filter((a) => (a.year as number) <= Number(asOf.slice(0, 4)))
    .map((a) => ({ kind: 'science', level: a.level, year: a.year, name: a.name }));
  const rounds = r.rounds.filter(
    (f) => f.date && f.date <= asOf && f.amount !== null && CURRENCIES.has(f.currency),
  );
  const equityRounds = rounds.map((f) => ({
    date: f.date as string,
    amount: f.amount as number,
    currency: f.currency,
    round: f.round,
    ...(f.postMoneyValuation !== null ? { postMoneyValuation: f.postMoneyValuation } : {}),
  }));
  const valuations = rounds
    .filter((f) => f.postMoneyValuation !== null)
    .map((f) => ({ date: f.date as string, amount: f.postMoneyValuation as number, currency: f.currency }));
  return {
    name: r.firm.name,
    ...(r.firm.uscc ? { uscc: r.firm.uscc } : {}),
    asOf,
    establishedOn: r.firm.establishedOn ?? undefined,
    listed: r.firm.listed,
    years,
    ip,
    titles,
    rdInstitutions,
    awards: awardsOut,
    equityRounds,
    valuations,
    declared: Object.fromEntries(Object.keys(SCREENING_ASSUMPTIONS).map((k) => [k, true])),
  };
}
