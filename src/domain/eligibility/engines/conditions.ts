// Hard conditions the 梯度培育 rules share. Each returns true / false / null (missing) and records the
// unmet line or the missing fact; the caller decides whether it is required (need) or one of alternatives.

import type { YearField } from '../facts-schema.js';
import { pct, wan, wanVs } from '../format.js';
import { lowerNumerator, raiseRatio } from '../gap.js';
import { meets, shortBy, type Tri } from '../logic.js';
import { type Firm, fig } from '../prepare.js';
import type { Draft } from '../verdict.js';
import { lastYearNeeded, twoYearGrowth } from './growth.js';

export function nicheYearsAtLeast(d: Draft, firm: Firm, min: number, criterion: string): Tri {
  const years = firm.facts.declared?.nicheYears;
  if (years === undefined) {
    d.miss('从事特定细分市场年限');
    return null;
  }
  if (years >= min) return true;
  d.fail(
    criterion,
    () => [`${years} 年`, `≥ ${min} 年`, `还需在细分市场深耕 ${Math.round((min - years) * 10) / 10} 年`],
    shortBy(years, '>=', min),
  );
  return false;
}

/** Last year's main-business revenue ÷ revenue ≥ min. */
export function mainShareAtLeast(d: Draft, firm: Firm, min: number, criterion: string): Tri {
  const revenue = fig(firm, 1, 'revenue', d);
  const main = fig(firm, 1, 'mainRevenue', d);
  if (main === undefined || revenue === undefined) return null;
  if (revenue > 0 && meets(main / revenue, '>=', min)) return true;
  d.fail(
    criterion,
    () => {
      const share = revenue > 0 ? main / revenue : 0;
      return [
        pct(share, true),
        `≥ ${pct(min)}`,
        `主营业务收入占比 ${pct(share, true)} < ${pct(min)}：主营业务收入还需增加 ${wan(raiseRatio(main, revenue, '>=', min, true, false), true)}`,
      ];
    },
    shortBy(revenue > 0 ? main / revenue : 0, '>=', min),
  );
  return false;
}

/** Last year's liabilities ÷ assets ≤ max. */
export function debtRatioAtMost(d: Draft, firm: Firm, max: number, criterion: string): Tri {
  const debt = fig(firm, 1, 'totalLiabilities', d);
  const assets = fig(firm, 1, 'totalAssets', d);
  if (debt === undefined || assets === undefined) return null;
  if (assets > 0 && meets(debt / assets, '<=', max)) return true;
  d.fail(
    criterion,
    () => [
      assets > 0 ? pct(debt / assets) : '资产为 0',
      `≤ ${pct(max)}`,
      assets > 0
        ? `资产负债率降至 ${pct(max)}：负债还需减少 ${wan(lowerNumerator(debt, assets, '<=', max, false), true)}`
        : null,
    ],
    assets > 0 ? shortBy(debt / assets, '<=', max) : Number.POSITIVE_INFINITY,
  );
  return false;
}

/** R&D ÷ revenue of year (year − k) ≥ min. */
export function rdShareAtLeast(d: Draft, firm: Firm, k: number, min: number, criterion: string): Tri {
  const rd = fig(firm, k, 'rdExpense', d);
  const rev = fig(firm, k, 'revenue', d);
  if (rd === undefined || rev === undefined) return null;
  if (rev > 0 && meets(rd / rev, '>=', min)) return true;
  const year = firm.year - k;
  d.fail(
    criterion,
    () => {
      const r = rev > 0 ? rd / rev : 0;
      return [
        pct(r, true),
        `≥ ${pct(min)}`,
        rev > 0
          ? `${year} 年度研发费用占比 ${pct(r, true)} < ${pct(min)}：当年研发费用还需增加 ${wan(raiseRatio(rd, rev, '>=', min, false, false), true)}`
          : null,
      ];
    },
    shortBy(rev > 0 ? rd / rev : 0, '>=', min),
  );
  return false;
}

/** The two-year average growth of a figure ≥ min; a firm too young to have one does not meet it. */
export function growthAtLeast(
  d: Draft,
  firm: Firm,
  field: YearField,
  min: number,
  criterion: string,
  what: string,
): Tri {
  const g = twoYearGrowth(firm, field, d);
  if (g === undefined) return null;
  if (g.rate !== null && meets(g.rate, '>=', min)) return true;
  const rate = g.rate;
  d.fail(
    criterion,
    () => {
      const need = lastYearNeeded(firm, field, min);
      return [
        rate === null ? g.basis() : pct(rate, true),
        `≥ ${pct(min)}`,
        need === null
          ? null
          : `近 2 年${what}平均增长率达到 ${pct(min)}：上年度${what}还需增加 ${wan(need, true)}`,
      ];
    },
    rate === null ? null : shortBy(rate, '>=', min),
  );
  return false;
}

/** Last year's revenue ≥ min. */
export function revenueAtLeast(d: Draft, firm: Firm, min: number, criterion: string): Tri {
  const revenue = fig(firm, 1, 'revenue', d);
  if (revenue === undefined) return null;
  if (revenue >= min) return true;
  d.fail(
    criterion,
    () => [wanVs(revenue, min), `≥ ${wan(min)}`, `上年度营业收入还需增加 ${wan(min - revenue, true)}`],
    shortBy(revenue, '>=', min),
  );
  return false;
}
