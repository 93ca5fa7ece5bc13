/** The cultivation ladder (梯度培育) of a demo firm — tier titles with certificate numbers and validity —
 *  and the funding rounds, R&D institutions and awards that go with it. Rates follow the reports: about a
 *  third of local tech firms are 高企, a few percent 专精特新, one in a hundred a 小巨人. */
import type { DemoYear } from './figures.js';
import { investorName } from './names.js';
import type { Rng } from './random.js';

/** Tier keys of shared/DOMAIN.md, lowest rung first. */
export const TIER_KEYS = [
  'tech_sme',
  'innovative_sme',
  'hnte',
  'specialized_sme',
  'little_giant',
  'gazelle',
  'potential_unicorn',
  'unicorn',
] as const;
export type TierKey = (typeof TIER_KEYS)[number];

export type DemoQualification = {
  tier: TierKey;
  certificateNo: string | null;
  issuedOn: string;
  expiresOn: string;
};
export type DemoRdInstitution = {
  name: string;
  level: 'national' | 'provincial' | 'city';
  recognizedOn: string;
};
export type DemoFundingRound = {
  date: string;
  round: string;
  amount: number;
  currency: 'CNY' | 'USD';
  postMoneyValuation: number;
  investors: string[];
};
export type DemoAward = { name: string; level: 'national' | 'provincial' | 'city'; year: number };

const pad = (n: number, len = 2) => String(n).padStart(len, '0');

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** ISO date plus whole years minus one day: the last day of a title issued on `iso` for `years`.
 *  String arithmetic, not Date: it runs several times per firm for a million firms. */
export function validUntil(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  let m = Number(iso.slice(5, 7));
  let d = Number(iso.slice(8, 10));
  if (m === 2 && d === 29 && !leap(y)) d = 28;
  else if (d > 1) d -= 1;
  else {
    m -= 1;
    if (m === 0) return `${y - 1}-12-31`;
    d = m === 2 && leap(y) ? 29 : MONTH_DAYS[m - 1];
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A date in year `y` between the given month-days, never after `asOf`. */
function dateIn(rng: Rng, y: number, fromMonth: number, toMonth: number): string {
  return `${y}-${pad(rng.int(fromMonth, toMonth))}-${pad(rng.int(1, 28))}`;
}

// 高企 lists are published in batches at the end of the year.
const HNTE_BATCHES = ['10-28', '11-06', '11-18', '12-04', '12-12', '12-20'];

/** A 3-year title in force on `asOf`: issued in one of the last four batch years, not yet expired. */
function threeYearTitle(rng: Rng, asOf: string, established: string, monthDays: readonly string[]) {
  const ay = Number(asOf.slice(0, 4));
  const options: string[] = [];
  for (let y = ay - 3; y <= ay; y++)
    for (const md of monthDays) {
      const issued = `${y}-${md}`;
      if (issued <= asOf && issued > established && validUntil(issued, 3) >= asOf) options.push(issued);
    }
  return options.length ? rng.pick(options) : null;
}

export type LadderInput = {
  asOf: string;
  establishedOn: string;
  regionCode: string;
  provinceCode: string;
  provinceName: string;
  cityName: string;
  latest: DemoYear;
  previous: DemoYear | undefined;
  rdRatio: number;
  hnte: boolean;
  listed: boolean;
  target: boolean;
  fundable: boolean;
  rdSubjects: readonly string[];
};

export function fundingRounds(rng: Rng, x: LadderInput): DemoFundingRound[] {
  const p = (x.fundable ? 0.08 : 0.02) * (x.target ? 3 : 1) + (x.listed ? 0.5 : 0);
  if (!rng.chance(Math.min(p, 0.9))) return [];
  const ladder = ['天使轮', 'Pre-A轮', 'A轮', 'B轮', 'C轮', 'D轮', 'Pre-IPO'];
  const sizes = [500, 2000, 5000, 15000, 35000, 80000, 120000]; // 万元, median
  const n = Math.min(ladder.length, 1 + Math.floor(rng.logNormal(1, 0.7)));
  const start = rng.chance(0.3) ? 1 + rng.int(0, 1) : 0;
  const est = new Date(`${x.establishedOn}T00:00:00Z`).getTime();
  const end = new Date(`${x.asOf}T00:00:00Z`).getTime();
  const rounds: DemoFundingRound[] = [];
  const usd = x.target && rng.chance(0.15);
  for (let i = 0; i < n && start + i < ladder.length; i++) {
    // Rounds spread over the firm's life, in order.
    const t = est + ((end - est) * (i + 1 + rng.uniform(-0.3, 0.3))) / (n + 1);
    const amountWan = Math.round(rng.logNormal(sizes[start + i], 0.5) / 100) * 100;
    const post = Math.round((amountWan * rng.uniform(4, 10)) / 1000) * 1000;
    const fx = usd ? 7.1 : 1;
    rounds.push({
      date: new Date(Math.min(t, end)).toISOString().slice(0, 10),
      round: ladder[start + i],
      amount: Math.round((amountWan * 10000) / fx / 10000) * 10000,
      currency: usd ? 'USD' : 'CNY',
      postMoneyValuation: Math.round((post * 10000) / fx / 10000) * 10000,
      investors: Array.from({ length: rng.int(1, 3) }, () => investorName(rng, x.cityName)),
    });
  }
  rounds.sort((a, b) => a.date.localeCompare(b.date));
  return rounds;
}

/** Titles in force on `asOf` (and tech_sme of the current or last registration year). */
export function qualifications(rng: Rng, x: LadderInput, funding: DemoFundingRound[]): DemoQualification[] {
  const out: DemoQualification[] = [];
  const ay = Number(x.asOf.slice(0, 4));
  const revWan = x.latest.revenue / 10000;
  const sme = x.latest.employees < 1000 && revWan < 40000;
  const add = (
    tier: TierKey,
    issuedOn: string | null,
    years: number,
    certificateNo: string | null = null,
  ) => {
    if (issuedOn) out.push({ tier, certificateNo, issuedOn, expiresOn: validUntil(issuedOn, years) });
  };
  // 科技型中小企业: registered each year (≤ 500 staff, ≤ 2亿 revenue and assets), valid to 31 December.
  if (x.latest.employees <= 500 && revWan <= 20000 && x.latest.totalAssets <= 2e8 && rng.chance(0.62)) {
    const year = x.asOf.slice(5) >= '04-15' ? ay : ay - 1;
    const issued = dateIn(rng, year, 4, year === ay ? Math.min(10, Number(x.asOf.slice(5, 7))) : 10);
    if (issued > x.establishedOn && issued <= x.asOf)
      out.push({
        tier: 'tech_sme',
        certificateNo: `${year}${x.regionCode}0${rng.int(1, 4)}${pad(rng.int(1, 99999), 5)}`,
        issuedOn: issued,
        expiresOn: `${year}-12-31`,
      });
  }
  if (x.hnte) {
    const issued = threeYearTitle(rng, x.asOf, x.establishedOn, HNTE_BATCHES);
    const no = issued ? `GR${issued.slice(0, 4)}${x.provinceCode}${pad(rng.int(1, 12000), 6)}` : null;
    add('hnte', issued, 3, no);
  }
  if (sme && x.rdRatio >= 0.03 && rng.chance(0.13))
    add('innovative_sme', threeYearTitle(rng, x.asOf, x.establishedOn, ['06-30', '09-15', '12-10']), 3);
  const specialised = sme && revWan >= 1000 && x.rdRatio >= 0.03 && rng.chance(x.hnte ? 0.17 : 0.04);
  if (specialised) {
    add('specialized_sme', threeYearTitle(rng, x.asOf, x.establishedOn, ['05-20', '11-25']), 3);
    if ((revWan >= 10000 || x.rdRatio >= 0.06) && rng.chance(x.target ? 0.35 : 0.15))
      add('little_giant', threeYearTitle(rng, x.asOf, x.establishedOn, ['07-13', '08-02']), 3);
  }
  const prev = x.previous ? x.previous.revenue : 0;
  if (prev > 0 && x.latest.revenue / prev >= 1.25 && revWan >= 1000 && rng.chance(0.25))
    add('gazelle', dateIn(rng, ay - (x.asOf.slice(5) >= '07-01' ? 0 : 1), 5, 6), 1);
  const valuationCny = Math.max(
    0,
    ...funding.map((f) => (f.currency === 'USD' ? f.postMoneyValuation * 7.1 : f.postMoneyValuation)),
  );
  const young = Number(x.asOf.slice(0, 4)) - Number(x.establishedOn.slice(0, 4)) <= 10;
  if (young && !x.listed && valuationCny >= 7.1e9 && rng.chance(0.7))
    add('unicorn', `${ay - 1}-12-${pad(rng.int(10, 28))}`, 1);
  else if (young && !x.listed && valuationCny >= 1e9 && rng.chance(0.4))
    add('potential_unicorn', `${ay - 1}-12-${pad(rng.int(10, 28))}`, 1);
  // An expired title stays on record only if the firm has no newer one; drop the ones not yet in force.
  return out.filter((q) => q.issuedOn <= x.asOf);
}

export function rdInstitutions(rng: Rng, x: LadderInput): DemoRdInstitution[] {
  const rdStaff = x.latest.rdStaff;
  if (rdStaff < 8 || !rng.chance(rdStaff >= 40 ? 0.55 : 0.2)) return [];
  const subject = rng.pick(x.rdSubjects);
  const level = rng.weighted<DemoRdInstitution['level']>([
    ['city', 6],
    ['provincial', 3.5],
    ['national', rdStaff >= 200 ? 1.5 : 0],
  ]);
  const est = Number(x.establishedOn.slice(0, 4));
  const ay = Number(x.asOf.slice(0, 4));
  const year = Math.min(ay - 1, est + 1 + Math.floor(rng.next() * Math.max(1, ay - est - 1)));
  const name =
    level === 'national'
      ? '国家企业技术中心'
      : level === 'provincial'
        ? rng.chance(0.6)
          ? `${x.provinceName}${subject}工程技术研究中心`
          : `${x.provinceName}企业技术中心`
        : `${x.cityName}${subject}工程技术研究中心`;
  const out: DemoRdInstitution[] = [{ name, level, recognizedOn: dateIn(rng, year, 3, 12) }];
  if (level !== 'city' && rng.chance(0.3))
    out.push({
      name: `${x.provinceName}研究生工作站`,
      level: 'provincial',
      recognizedOn: dateIn(rng, year, 3, 12),
    });
  return out;
}

export function awards(rng: Rng, x: LadderInput): DemoAward[] {
  if (!x.hnte || !rng.chance(x.latest.rdStaff >= 50 ? 0.15 : 0.03)) return [];
  const ay = Number(x.asOf.slice(0, 4));
  return [
    rng.weighted<DemoAward>([
      [{ name: `${x.provinceName}科学技术奖三等奖`, level: 'provincial', year: ay - rng.int(1, 4) }, 5],
      [{ name: `${x.provinceName}科学技术奖二等奖`, level: 'provincial', year: ay - rng.int(1, 4) }, 2],
      [{ name: '中国专利优秀奖', level: 'national', year: ay - rng.int(1, 4) }, 1],
      [{ name: `${x.cityName}科学技术进步奖`, level: 'city', year: ay - rng.int(1, 3) }, 4],
    ]),
  ];
}
