/** 演示企业 generator: firm `i` of a universe is a pure function of (seed, universe, i, asOf), so the same
 *  seed gives the same firms in any count, a million rows stream without being held, and a benchmark can
 *  rebuild any firm (say, a search target) from its index alone. */

import { chinaToday } from '../../../domain/text/china-today.js';
import { regionName } from '../../../domain/text/region.js';
import type { EnterpriseAlias } from '../../schema/enterprises.js';
import { DEMO_ORGS } from '../demo-data.js';
import { demoId, demoUscc } from './codes.js';
import {
  type DemoYear,
  drawRdRatio,
  type IpCounts,
  ipCounts,
  latestRevenueWan,
  yearFigures,
  yuan,
} from './figures.js';
import { INDUSTRIES, type IndustryKey, sectionOf } from './industries.js';
import {
  awards,
  type DemoAward,
  type DemoFundingRound,
  type DemoQualification,
  type DemoRdInstitution,
  fundingRounds,
  type LadderInput,
  qualifications,
  rdInstitutions,
} from './ladder.js';
import { brandName, firmName, personName } from './names.js';
import { Rng } from './random.js';
import { type Area, LOCAL_AREAS, type Place, TARGET_AREAS } from './regions.js';
import { targetProducts } from './target-products.js';

export type Universe = 'local' | 'target';

export type DemoFirm = {
  /** Stable row id (the same firm gets the same id in every run with this seed). */
  id: string;
  orgCode: string;
  orgId: string;
  universe: Universe;
  /** 0-based index within its universe. */
  index: number;
  industry: IndustryKey;
  uscc: string;
  name: string;
  shortName: string | null;
  formerNames: string[];
  aliases: EnterpriseAlias[];
  legalRep: string;
  establishedOn: string;
  /** 元. */
  registeredCapital: number;
  regionCode: string;
  address: string;
  industrySection: string;
  industryDivision: string;
  businessScope: string;
  mainProducts: string;
  listed: boolean;
  /** Oldest first; at most three accounting years, none before the firm existed. */
  years: DemoYear[];
  ip: IpCounts;
  qualifications: DemoQualification[];
  rdInstitutions: DemoRdInstitution[];
  fundingRounds: DemoFundingRound[];
  awards: DemoAward[];
};

export type GenerateOptions = {
  seed: number;
  /** Local firms, spread over the demo park / district / county orgs. */
  count: number;
  /** Firms of the target universe (outside the demo regions). Default 0. */
  targetCount?: number;
  /** The day the data describes (YYYY-MM-DD); titles are in force on it, the latest year is the one before. */
  asOf?: string;
  /** Org code that owns the target universe. Default 'yannan' (why: index.ts). */
  targetOrg?: string;
};

export const DEFAULT_TARGET_ORG = 'yannan';

/** Today (UTC) as YYYY-MM-DD: the default as-of date of a demo seed. */
export const today = chinaToday;

const ORG_ID = new Map(DEMO_ORGS.map((o) => [o.code, o.id]));
const CAPITALS = [
  50, 100, 200, 300, 500, 800, 1000, 1500, 2000, 3000, 5000, 8000, 10000, 20000, 30000, 50000, 100000,
];
const REFORM_YEAR = 2016;

const regionParts = new Map<string, { full: string; province: string; city: string }>();
function partsOf(code: string) {
  let p = regionParts.get(code);
  if (!p) {
    const names = (regionName(code) ?? '').split(' ');
    const province = names[0];
    // 直辖市: the city is the province (北京市 海淀区).
    const city = names.length >= 3 ? names[1] : province;
    p = { full: names.join(''), province, city };
    regionParts.set(code, p);
  }
  return p;
}

const weightedAreas = (areas: readonly Area[]) => areas.map((a) => [a, a.weight] as const);
const LOCAL_WEIGHTS = weightedAreas(LOCAL_AREAS);
const TARGET_WEIGHTS = weightedAreas(TARGET_AREAS);

function scope(rng: Rng, items: readonly string[]): string {
  const picked = [...new Set(Array.from({ length: rng.int(3, 5) }, () => rng.pick(items)))];
  return `一般项目：${picked.join('；')}；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）`;
}

/** Firm `index` of `universe`. */
export function generateFirm(
  universe: Universe,
  index: number,
  opts: { seed: number; asOf?: string; targetOrg?: string },
): DemoFirm {
  const asOf = opts.asOf ?? today();
  const target = universe === 'target';
  const slot = index * 2 + (target ? 1 : 0);
  const rng = new Rng(opts.seed, target ? 2 : 1, index);
  const area = rng.weighted(target ? TARGET_WEIGHTS : LOCAL_WEIGHTS);
  const place: Place = rng.weighted(area.places.map((p) => [p, p.weight] as const));
  const industry = INDUSTRIES[rng.weighted(area.industries)];
  const products = target ? targetProducts(industry.key, industry.products) : industry.products;
  const division = rng.weighted(industry.divisions);
  const ay = Number(asOf.slice(0, 4));
  const latestYear = ay - 1;
  const age = Math.max(1, Math.min(35, Math.round(rng.logNormal(target ? 8 : 9, 0.6))));
  const estYear = ay - age;
  const establishedOn = `${estYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const revenueWan = latestRevenueWan(rng, age, target);
  const listed = revenueWan >= (target ? 30000 : 50000) && rng.chance(target ? 0.3 : 0.22);
  const brand = brandName(slot, opts.seed);
  const nm = firmName(rng, brand, place, industry, { large: revenueWan >= 20000, listed });
  const rdRatio = drawRdRatio(rng, industry);
  const hnteShape = rdRatio >= (revenueWan < 5000 ? 0.05 : revenueWan < 20000 ? 0.04 : 0.03);
  const hnte = age >= 2 && rng.chance(hnteShape ? (target ? 0.7 : 0.5) : 0.06);
  const years = yearFigures(rng, industry, {
    latestYear,
    firstYear: Math.max(estYear, latestYear - 2),
    revenueWan,
    rdRatio,
    age,
    hightech: hnte,
  });
  const latest = years[years.length - 1];
  const parts = partsOf(place.code);
  const ladder: LadderInput = {
    asOf,
    establishedOn,
    regionCode: place.code,
    provinceCode: place.code.slice(0, 2),
    provinceName: parts.province,
    cityName: parts.city,
    latest,
    previous: years[years.length - 2],
    rdRatio,
    hnte,
    listed,
    target,
    fundable: ['ic', 'ai', 'biomed', 'storage', 'ict'].includes(industry.key),
    rdSubjects: industry.rdSubjects,
  };
  const funding = fundingRounds(rng, ladder);
  const capitalWan = rng.pick(CAPITALS.filter((c) => c <= Math.max(100, revenueWan * 1.5)).slice(-5));
  const orgCode = target ? (opts.targetOrg ?? DEFAULT_TARGET_ORG) : area.key;
  const orgId = ORG_ID.get(orgCode);
  if (!orgId) throw new Error(`demo org ${orgCode} does not exist`);
  const aliases: EnterpriseAlias[] = [
    ...(nm.shortName ? [{ name: nm.shortName, kind: 'short' as const }] : []),
    ...nm.formerNames.map((name) => ({ name, kind: 'former' as const })),
  ];
  return {
    id: demoId(slot, opts.seed),
    orgCode,
    orgId,
    universe,
    index,
    industry: industry.key,
    uscc: demoUscc(slot, opts.seed, place.code, estYear >= REFORM_YEAR),
    name: nm.name,
    shortName: nm.shortName,
    formerNames: nm.formerNames,
    aliases,
    legalRep: personName(rng),
    establishedOn,
    registeredCapital: yuan(capitalWan),
    regionCode: place.code,
    address: `${parts.full}${rng.pick(area.roads)}${rng.int(1, 999)}号${rng.chance(0.3) ? `${rng.int(1, 12)}幢` : ''}`,
    industrySection: sectionOf(division),
    industryDivision: division,
    businessScope: scope(rng, industry.scope),
    mainProducts: [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(products)))].join('、'),
    listed,
    years,
    ip: ipCounts(rng, industry, latest.rdStaff, age),
    qualifications: qualifications(rng, ladder, funding),
    rdInstitutions: rdInstitutions(rng, ladder),
    fundingRounds: funding,
    awards: awards(rng, ladder),
  };
}

/** Local firms 0…count-1, then target firms 0…targetCount-1, one at a time. */
export function* generateEnterprises(opts: GenerateOptions): Generator<DemoFirm> {
  const o = { seed: opts.seed, asOf: opts.asOf ?? today(), targetOrg: opts.targetOrg };
  for (let i = 0; i < opts.count; i++) yield generateFirm('local', i, o);
  for (let i = 0; i < (opts.targetCount ?? 0); i++) yield generateFirm('target', i, o);
}
