/** What the policy engine knows of a firm: registry facts reduced to the figures the clauses read. */
import type { TierKey } from '../eligibility/tiers.js';

/** A firm's standing for a tier in its latest cultivation screening (see screening_firms). */
export type Standing = 'holding' | 'eligible' | 'close' | 'far' | 'unknown';

export type YearRow = {
  year: number;
  revenue: number | null;
  employees: number | null;
  rdExpense: number | null;
};

export type TitleRow = { tier: string; issuedOn: string | null; expiresOn: string | null };

export type PolicyFirm = {
  regionCode: string | null;
  industrySection: string | null;
  industryDivision: string | null;
  establishedOn: string | null;
  universe: string;
  /** The "上年度" figures: the accounting year before the assessment's (see lastYearFigures). */
  lastYear: YearRow | null;
  /** IP counts by registry kind; null when the registry holds no IP counts for the firm at all. */
  ip: Record<string, number> | null;
  titles: TitleRow[];
  standings: Partial<Record<TierKey, Standing>>;
};

/** "上年度" is the accounting year before the assessment date's; until that year's figures are filed
 *  (spring), the year before it stands in, and the clauses say which year they read. Older figures do
 *  not count: they are missing, not stale facts. */
export function lastYearFigures(years: YearRow[], date: string): YearRow | null {
  const y = Number(date.slice(0, 4));
  return years.find((r) => r.year === y - 1) ?? years.find((r) => r.year === y - 2) ?? null;
}

/** Registry IP kinds that are Class I (I 类知识产权) for 高企 and the tier rules. */
export const CLASS_ONE_KINDS = ['invention_patent', 'ic_layout', 'plant_variety'] as const;

/** How long a title lasts when its expiry was not recorded: 科技型中小企业 is confirmed yearly, the
 *  others (高企, the MIIT titles) last three years. */
const DEFAULT_VALID_YEARS: Partial<Record<string, number>> = { tech_sme: 1 };

/** The last day of a title issued on `issuedOn` lasting `years`: same day `years` later, minus one. */
export function plusYearsMinusDay(issuedOn: string, years: number): string {
  const d = new Date(`${issuedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The title's last valid day: as recorded, or the tier's usual validity from its issue date; null
 *  when neither is known (an undated title counts as valid, as the registry lists it). */
export function titleExpiry(t: TitleRow): string | null {
  if (t.expiresOn) return t.expiresOn;
  if (t.issuedOn) return plusYearsMinusDay(t.issuedOn, DEFAULT_VALID_YEARS[t.tier] ?? 3);
  return null;
}

/** True when the title is in force on `date`. */
export function titleValidOn(t: TitleRow, date: string): boolean {
  if (t.issuedOn && t.issuedOn > date) return false;
  const end = titleExpiry(t);
  return end === null || end >= date;
}
