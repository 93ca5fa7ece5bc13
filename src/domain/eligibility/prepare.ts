/** The view of a firm on one assessment date that every engine reads: figures by "years back", IP classes,
 *  age. Built once per firm and date, so eight engines do not repeat the work. */
import { addYears, dayNumber, fullYears, isoYear } from './dates.js';
import type { Currency, FirmFacts, YearField, YearFigures } from './facts-schema.js';

/** Rates used when the facts carry no `fxToCny`: only the growth tiers and foreign-currency rounds need them. */
export const DEFAULT_FX_TO_CNY: Record<Currency, number> = { CNY: 1, USD: 7.1, HKD: 0.91, EUR: 7.8 };

const MAX_BACK = 10;

export type Firm = {
  facts: FirmFacts;
  /** The assessment date (ISO) and its year: "last year" is year − 1. */
  date: string;
  year: number;
  establishedYear: number;
  ageDays: number;
  /** Whole years since registration (anniversaries passed, the assessment day included). */
  ageYears: number;
  /** The assessment date is an anniversary of registration. */
  anniversary: boolean;
  /** back[k] = the figures of accounting year (year − k), k = 1..10; undefined when not given. */
  back: (YearFigures | undefined)[];
  /** Class I / Class II IP counts (criteria.md); null when the facts give no IP at all. */
  classI: number | null;
  classII: number | null;
  fx: Record<Currency, number>;
  /** since[n] = the date n years before the assessment date, filled on first use. */
  since: string[];
};

export function prepareFirm(facts: FirmFacts, date: string): Firm {
  const year = isoYear(date);
  const back: (YearFigures | undefined)[] = new Array(MAX_BACK + 1);
  for (const y of facts.years) {
    const k = year - y.year;
    if (k >= 1 && k <= MAX_BACK) back[k] = y;
  }
  const ip = facts.ip;
  let classI: number | null = null;
  let classII: number | null = null;
  if (ip) {
    classI =
      (ip.invention ?? 0) +
      (ip.defencePatent ?? 0) +
      (ip.plantVariety ?? 0) +
      (ip.nationalCropVariety ?? 0) +
      (ip.nationalNewDrug ?? 0) +
      (ip.tcmProtectedVariety ?? 0) +
      (ip.icLayout ?? 0);
    classII = (ip.utility ?? 0) + (ip.design ?? 0) + (ip.software ?? 0);
  }
  const fx = facts.fxToCny ? { ...DEFAULT_FX_TO_CNY, ...facts.fxToCny } : DEFAULT_FX_TO_CNY;
  return {
    facts,
    date,
    year,
    establishedYear: isoYear(facts.establishedOn),
    ageDays: dayNumber(date) - dayNumber(facts.establishedOn),
    ageYears: fullYears(facts.establishedOn, date),
    anniversary: facts.establishedOn.slice(5) === date.slice(5),
    back,
    classI,
    classII,
    fx,
    since: [],
  };
}

/** The date `years` years before the assessment date (the start of "the last N years"). */
export function yearsBefore(firm: Firm, years: number): string {
  let s = firm.since[years];
  if (s === undefined) {
    s = addYears(firm.date, -years);
    firm.since[years] = s;
  }
  return s;
}

/** "At most N years old" on the assessment date: the N-th anniversary has not passed (on it still counts). */
export function withinYears(firm: Firm, n: number): boolean {
  return firm.ageYears < n || (firm.ageYears === n && firm.anniversary && Number.isInteger(n));
}

/** Whether the firm existed in accounting year (year − k): a year before it was registered has no figures. */
export function existed(firm: Firm, k: number): boolean {
  return firm.year - k >= firm.establishedYear;
}

// "2024 年度营业收入", built once per year and field: missing-data labels are compared and kept often.
const labelCache = new Map<number, Map<YearField, string>>();
export function yearLabel(firm: Firm, k: number, field: YearField): string {
  const year = firm.year - k;
  let byField = labelCache.get(year);
  if (!byField) {
    byField = new Map();
    labelCache.set(year, byField);
  }
  let label = byField.get(field);
  if (label === undefined) {
    label = `${year} 年度${FIELD_NAMES[field]}`;
    byField.set(field, label);
  }
  return label;
}

/** Where missing facts are noted (a verdict draft). */
export type MissingSink = { miss(label: string): void };

/** One figure of year (year − k); notes it as missing when absent. */
export function fig(firm: Firm, k: number, field: YearField, d: MissingSink): number | undefined {
  const v = firm.back[k]?.[field];
  if (v === undefined) d.miss(yearLabel(firm, k, field));
  return v;
}

export const FIELD_NAMES: Record<YearField, string> = {
  employees: '职工总数',
  techStaff: '科技人员数',
  rdStaff: '研发人员数',
  revenue: '营业收入',
  mainRevenue: '主营业务收入',
  highTechRevenue: '高新技术产品（服务）收入',
  rdExpense: '研发费用',
  rdExpenseDomestic: '境内研发费用',
  totalCosts: '成本费用总额',
  netProfit: '净利润',
  totalAssets: '资产总额',
  totalLiabilities: '负债总额',
  convertedResults: '科技成果转化数',
};

/** Equity raised in CNY in (date − years, date], from qualified investors; null when rounds are not given. */
export function equityRaisedCny(firm: Firm, withinYears: number): number | null {
  const rounds = firm.facts.equityRounds;
  if (!rounds) return null;
  const from = yearsBefore(firm, withinYears);
  let sum = 0;
  for (const r of rounds)
    if (r.date > from && r.date <= firm.date && r.qualifiedInvestor !== false)
      sum += r.amount * firm.fx[r.currency];
  return sum;
}
