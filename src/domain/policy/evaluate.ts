/** 政策找企业: a policy's conditions against one firm's facts — does it match, which clauses hold, which
 *  fail and by how much, which cannot be decided for want of data — and whether it is close. */
import { sectionOfDivision } from '../enterprise/industry.js';
import { regionEntry } from '../text/region.js';
import type { Clause, ClauseKind, PolicyConditions } from './conditions.js';
import {
  describeClause,
  items,
  pct,
  people,
  regionLabel,
  requiredOf,
  SECTION_NAMES,
  tierName,
  wan,
} from './describe.js';
import { CLASS_ONE_KINDS, type PolicyFirm, type TitleRow, titleExpiry, titleValidOn } from './firm.js';

export type ClauseResult = {
  kind: ClauseKind | 'any_of';
  /** The requirement, e.g. "上年度研发费用占营业收入比例 ≥ 3%". */
  clause: string;
  required: string;
  actual: string | null;
  /** The requirement with the firm's value: "…≥ 3%（实际 2.1%）". */
  text: string;
  /** For a missed numeric threshold: how far short, relative to it (0.1 = 10 % short); else null. */
  shortBy: number | null;
};
export type MissingData = { clause: string; data: string };
export type Evaluation = {
  /** true: every clause holds; false: some clause fails; null: none fails but data is missing. */
  matches: boolean | null;
  /** Fails, but only on at most `maxUnmet` numeric clauses each within `tolerance` of its threshold. */
  close: boolean;
  met: ClauseResult[];
  unmet: ClauseResult[];
  missing: MissingData[];
};

/** When a firm that does not match counts as close (接近): at most `maxUnmet` clauses fail, each a
 *  numeric threshold missed by at most `tolerance` of the threshold, and no data is missing. */
export type PolicyCloseRule = { maxUnmet: number; tolerance: number };
export const DEFAULT_POLICY_CLOSE_RULE: PolicyCloseRule = { maxUnmet: 1, tolerance: 0.2 };

type Check =
  | { state: 'met' | 'unmet'; actual: string; shortBy?: number | null }
  | { state: 'missing'; data: string };

const DAY_MS = 86_400_000;
const floor1 = (n: number) => Math.floor(n * 10 + 1e-9) / 10;

/** ISO date plus whole months, clamped to the month's last day (2024-02-29 + 12 months → 2025-02-28). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

function ageYears(est: string, date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${est}T00:00:00Z`)) / DAY_MS / 365.25;
}

/** A value against min/max: met, or unmet with how far short of the missed bound it is. */
function against(value: number, min: number | undefined, max: number | undefined, actual: string): Check {
  if (min !== undefined && value < min)
    return { state: 'unmet', actual, shortBy: min > 0 ? (min - value) / min : null };
  if (max !== undefined && value > max)
    return { state: 'unmet', actual, shortBy: max > 0 ? (value - max) / max : null };
  return { state: 'met', actual };
}

function place(code: string): string {
  return `${regionEntry(code)?.name ?? '未知地区'} ${code}`;
}

function titleText(t: TitleRow): string {
  const end = titleExpiry(t);
  return `${t.issuedOn ?? '认定日期不详'} 认定${end ? `，有效期至 ${end}` : ''}`;
}

function checkTierHeld(c: Extract<Clause, { kind: 'tier_held' }>, f: PolicyFirm, date: string): Check {
  const all = f.titles.filter((t) => t.tier === c.tier);
  const valid = all.filter((t) => titleValidOn(t, date));
  if (valid.length === 0) {
    const lastEnd = all
      .map(titleExpiry)
      .filter((e): e is string => e !== null)
      .sort()
      .pop();
    return { state: 'unmet', actual: all.length ? `资质已失效（有效期至 ${lastEnd ?? '—'}）` : '未认定' };
  }
  const window = c.issuedFrom !== undefined || c.issuedTo !== undefined;
  let undated = false;
  let outside: TitleRow | null = null;
  let earlier: TitleRow | null = null;
  for (const t of valid) {
    if (window || c.firstTime) {
      if (!t.issuedOn) {
        undated = true;
        continue;
      }
      if ((c.issuedFrom && t.issuedOn < c.issuedFrom) || (c.issuedTo && t.issuedOn > c.issuedTo)) {
        outside = t;
        continue;
      }
      const before = all.find((o) => o !== t && (o.issuedOn === null || o.issuedOn < (t.issuedOn as string)));
      if (c.firstTime && before) {
        earlier = before;
        continue;
      }
    }
    return { state: 'met', actual: titleText(t) };
  }
  if (undated) return { state: 'missing', data: `${tierName(c.tier)}资质的认定日期` };
  if (earlier) return { state: 'unmet', actual: `此前已于 ${earlier.issuedOn ?? '日期不详'} 认定过` };
  return { state: 'unmet', actual: titleText(outside as TitleRow) };
}

const STANDING_ZH: Record<string, string> = {
  eligible: '可申报',
  close: '接近，尚未满足认定条件',
  far: '差距较大',
};

function checkTierEligible(
  c: Extract<Clause, { kind: 'tier_eligible' }>,
  f: PolicyFirm,
  date: string,
): Check {
  const holds = f.titles.some((t) => t.tier === c.tier && titleValidOn(t, date));
  const standing = f.standings[c.tier];
  if (holds || standing === 'holding')
    return { state: c.includeHolding === false ? 'unmet' : 'met', actual: '已认定' };
  if (standing === undefined)
    return { state: 'missing', data: `${tierName(c.tier)}的培育筛查结果（尚未筛查）` };
  if (standing === 'unknown')
    return { state: 'missing', data: `${tierName(c.tier)}筛查所需的数据（筛查结论：待补资料）` };
  return { state: standing === 'eligible' ? 'met' : 'unmet', actual: STANDING_ZH[standing] ?? standing };
}

function checkTierNotHeld(c: Extract<Clause, { kind: 'tier_not_held' }>, f: PolicyFirm, date: string): Check {
  const all = f.titles.filter((t) => t.tier === c.tier);
  if (c.ever)
    return all.length ? { state: 'unmet', actual: titleText(all[0]) } : { state: 'met', actual: '从未认定' };
  const valid = all.find((t) => titleValidOn(t, date));
  if (valid) return { state: 'unmet', actual: titleText(valid) };
  return { state: 'met', actual: all.length ? '资质已失效' : '未认定' };
}

/** "上年度" values carry their year, so a figure of the year before is never taken for last year's. */
/** The year a figure is of, said only when it is not last year's own. */
const yearNote = (year: number, date: string) =>
  year === Number(date.slice(0, 4)) - 1 ? '' : `，${year} 年度数据`;

function lastYear(
  f: PolicyFirm,
  field: 'revenue' | 'employees' | 'rdExpense',
  label: string,
  date: string,
): { value: number; year: number } | { missing: string } {
  const y = f.lastYear;
  const v = y?.[field];
  if (!y || v === null || v === undefined)
    return { missing: `${y?.year ?? Number(date.slice(0, 4)) - 1} 年度${label}` };
  return { value: v, year: y.year };
}

function check(c: Clause, f: PolicyFirm, date: string): Check {
  switch (c.kind) {
    case 'tier_held':
      return checkTierHeld(c, f, date);
    case 'tier_eligible':
      return checkTierEligible(c, f, date);
    case 'tier_not_held':
      return checkTierNotHeld(c, f, date);
    case 'region': {
      const code = f.regionCode;
      if (!code) return { state: 'missing', data: '注册地行政区划代码' };
      return { state: c.prefixes.some((p) => code.startsWith(p)) ? 'met' : 'unmet', actual: place(code) };
    }
    case 'industry': {
      const div = f.industryDivision;
      const sec = f.industrySection ?? (div ? sectionOfDivision(div) : null);
      if (!sec) return { state: 'missing', data: '所属行业' };
      const actual = `${sec} ${SECTION_NAMES[sec] ?? ''}${div ? ` / 大类 ${div}` : ''}`;
      if (c.sections?.includes(sec) || (div && c.divisions?.includes(div))) return { state: 'met', actual };
      // A listed 大类 within the firm's 门类 might be its own: only its 大类 can tell.
      if (!div && c.divisions?.some((d) => sectionOfDivision(d) === sec))
        return { state: 'missing', data: '所属行业大类' };
      return { state: 'unmet', actual };
    }
    case 'age': {
      const est = f.establishedOn;
      if (!est) return { state: 'missing', data: '成立日期' };
      const age = ageYears(est, date);
      const actual = `${floor1(Math.max(0, age))} 年，${est} 成立`;
      // Whole anniversaries decide, not 365-day years: 成立满 1 年 on the first anniversary itself.
      const reachedMin = c.min === undefined || addMonths(est, Math.round(c.min * 12)) <= date;
      const withinMax = c.max === undefined || date <= addMonths(est, Math.round(c.max * 12));
      if (!reachedMin)
        return { state: 'unmet', actual, shortBy: ((c.min as number) - age) / (c.min as number) };
      if (!withinMax)
        return { state: 'unmet', actual, shortBy: (age - (c.max as number)) / (c.max as number) };
      return { state: 'met', actual };
    }
    case 'revenue': {
      const v = lastYear(f, 'revenue', '营业收入', date);
      if ('missing' in v) return { state: 'missing', data: v.missing };
      return against(v.value, c.min, c.max, `${wan(v.value)}${yearNote(v.year, date)}`);
    }
    case 'employees': {
      const v = lastYear(f, 'employees', '职工人数', date);
      if ('missing' in v) return { state: 'missing', data: v.missing };
      return against(v.value, c.min, c.max, `${people(v.value)}${yearNote(v.year, date)}`);
    }
    case 'rd_ratio': {
      const rd = lastYear(f, 'rdExpense', '研发费用', date);
      if ('missing' in rd) return { state: 'missing', data: rd.missing };
      const rev = lastYear(f, 'revenue', '营业收入', date);
      if ('missing' in rev) return { state: 'missing', data: rev.missing };
      if (rev.value <= 0)
        return { state: 'missing', data: `${rev.year} 年度营业收入（为 0，无法计算研发费用占比）` };
      const ratio = rd.value / rev.value;
      // Truncated, so 2.999% never shows as the 3% it misses.
      return against(ratio, c.min, undefined, `${pct(ratio, true)}${yearNote(rd.year, date)}`);
    }
    case 'rd_expense': {
      const v = lastYear(f, 'rdExpense', '研发费用', date);
      if ('missing' in v) return { state: 'missing', data: v.missing };
      const actual = `${wan(v.value)}${yearNote(v.year, date)}`;
      if (c.min === undefined) return { state: v.value > 0 ? 'met' : 'unmet', actual };
      return against(v.value, c.min, undefined, actual);
    }
    case 'invention_patents':
    case 'class1_ip': {
      if (!f.ip) return { state: 'missing', data: '知识产权数量' };
      const ip = f.ip;
      const n =
        c.kind === 'invention_patents'
          ? (ip.invention_patent ?? 0)
          : CLASS_ONE_KINDS.reduce((s, k) => s + (ip[k] ?? 0), 0);
      return against(n, c.min, undefined, items(n));
    }
    case 'universe_local':
      return {
        state: f.universe === 'local' ? 'met' : 'unmet',
        actual: f.universe === 'local' ? '本地企业' : '外地目标企业',
      };
  }
}

type Prepared = { clause: Clause; text: string; required: string };
const prepare = (c: Clause): Prepared => ({ clause: c, text: describeClause(c), required: requiredOf(c) });

function result(p: Prepared, chk: Extract<Check, { actual: string }>): ClauseResult {
  return {
    kind: p.clause.kind,
    clause: p.text,
    required: p.required,
    actual: chk.actual,
    text: `${p.text}（实际 ${chk.actual}）`,
    shortBy: chk.state === 'unmet' ? (chk.shortBy ?? null) : null,
  };
}

export type PolicyEvaluator = (firm: PolicyFirm, date: string) => Evaluation;

/** Prepares a policy's conditions once (sentences, region names) for evaluation over many firms. */
export function compileConditions(
  conditions: PolicyConditions,
  rule: PolicyCloseRule = DEFAULT_POLICY_CLOSE_RULE,
): PolicyEvaluator {
  const all = conditions.all.map(prepare);
  const any = conditions.anyOf?.map(prepare) ?? null;
  const anyText = any ? `满足以下任一条件：${any.map((p) => p.text).join('；或')}` : '';
  return (firm, date) => {
    const met: ClauseResult[] = [];
    const unmet: ClauseResult[] = [];
    const missing: MissingData[] = [];
    for (const p of all) {
      const chk = check(p.clause, firm, date);
      if (chk.state === 'missing') missing.push({ clause: p.text, data: chk.data });
      else (chk.state === 'met' ? met : unmet).push(result(p, chk));
    }
    if (any) {
      const checks = any.map((p) => ({ p, chk: check(p.clause, firm, date) }));
      const ok = checks.filter((x) => x.chk.state === 'met');
      if (ok.length) {
        for (const x of ok) met.push(result(x.p, x.chk as Extract<Check, { actual: string }>));
      } else if (checks.every((x) => x.chk.state === 'unmet')) {
        const shorts = checks
          .map((x) => (x.chk.state === 'unmet' ? (x.chk.shortBy ?? null) : null))
          .filter((s): s is number => s !== null);
        const actual = checks
          .map((x) => `${x.p.text}：${(x.chk as Extract<Check, { actual: string }>).actual}`)
          .join('；');
        unmet.push({
          kind: 'any_of',
          clause: anyText,
          required: '满足其一',
          actual,
          text: `${anyText}（实际 ${actual}）`,
          shortBy: shorts.length ? Math.min(...shorts) : null,
        });
      } else {
        for (const x of checks)
          if (x.chk.state === 'missing') missing.push({ clause: x.p.text, data: x.chk.data });
      }
    }
    const matches = unmet.length ? false : missing.length ? null : true;
    const close =
      matches === false &&
      missing.length === 0 &&
      unmet.length <= rule.maxUnmet &&
      unmet.every((u) => u.shortBy !== null && u.shortBy <= rule.tolerance + 1e-12);
    return { matches, close, met, unmet, missing };
  };
}

/** One policy's conditions against one firm on `date` (compile once instead when evaluating many). */
export function evaluatePolicy(
  conditions: PolicyConditions,
  firm: PolicyFirm,
  date: string,
  rule: PolicyCloseRule = DEFAULT_POLICY_CLOSE_RULE,
): Evaluation {
  return compileConditions(conditions, rule)(firm, date);
}

/** Region prefixes used by the conditions that name no known region (e.g. 3299), for validation. */
export function unknownRegionPrefixes(conditions: PolicyConditions): string[] {
  const prefixes = [...conditions.all, ...(conditions.anyOf ?? [])].flatMap((c) =>
    c.kind === 'region' ? c.prefixes : [],
  );
  return prefixes.filter((p) => regionLabel(p) === p);
}

/** What the conditions need loaded, so a matcher reads only those tables. */
export function conditionNeeds(conditions: PolicyConditions) {
  const clauses = [...conditions.all, ...(conditions.anyOf ?? [])];
  const kinds = new Set(clauses.map((c) => c.kind));
  const tierClauses = clauses.filter(
    (c): c is Extract<Clause, { tier: string }> => 'tier' in c && typeof c.tier === 'string',
  );
  return {
    figures:
      kinds.has('revenue') || kinds.has('employees') || kinds.has('rd_ratio') || kinds.has('rd_expense'),
    ip: kinds.has('invention_patents') || kinds.has('class1_ip'),
    titleTiers: [...new Set(tierClauses.map((c) => c.tier))],
    standingTiers: [...new Set(tierClauses.filter((c) => c.kind === 'tier_eligible').map((c) => c.tier))],
  };
}
