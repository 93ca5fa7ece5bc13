// Growth figures the 梯度培育 rules use: the two-year average growth and what last year would need.

import type { YearField } from '../facts-schema.js';
import { pct } from '../format.js';
import { existed, type Firm, fig, type MissingSink } from '../prepare.js';

/** A growth rate (null: not computable) and what it was computed from, rendered on demand. */
export type Growth = { rate: number | null; basis: () => string } | undefined;

// Growth objects are built with `grown` so no arrow function is created as an object property (a build
// that keeps function names would wrap each one, per call).
function grown(rate: number | null, basis: () => string): Growth {
  return { rate, basis };
}

const TOO_YOUNG = grown(null, () => '经营不足两个会计年度，无法计算增长率');

/** Average of the last two yearly growth rates of a figure (近 2 年平均增长率). undefined = figures missing;
 *  rate null = not computable (younger than two years, or last-but-one year 0): scored 0 / unmet. When the
 *  earliest year is 0 or before registration, only the latest rate is used, as 高企's 工作指引 does. */
export function twoYearGrowth(firm: Firm, field: YearField, d: MissingSink): Growth {
  if (!existed(firm, 2)) return TOO_YOUNG;
  const v1 = fig(firm, 1, field, d);
  const v2 = fig(firm, 2, field, d);
  const v3 = existed(firm, 3) ? fig(firm, 3, field, d) : 0;
  if (v1 === undefined || v2 === undefined || v3 === undefined) return undefined;
  const y = firm.year;
  if (v2 <= 0) return grown(null, () => `${y - 2} 年为 0，无法计算增长率`);
  const g1 = v1 / v2 - 1;
  if (v3 <= 0) return grown(g1, () => `仅 ${y - 1} 年增长率 ${pct(g1)}`);
  const g2 = v2 / v3 - 1;
  const rate = (g1 + g2) / 2;
  return grown(rate, () => `${y - 2} 年 ${pct(g2)}、${y - 1} 年 ${pct(g1)}，平均 ${pct(rate)}`);
}

/** How much last year's figure must rise so that the two-year average growth reaches `target`. */
export function lastYearNeeded(firm: Firm, field: YearField, target: number): number | null {
  const v1 = firm.back[1]?.[field];
  const v2 = firm.back[2]?.[field];
  const v3 = existed(firm, 3) ? firm.back[3]?.[field] : 0;
  if (v1 === undefined || v2 === undefined || v3 === undefined || v2 <= 0) return null;
  const g1Needed = v3 > 0 ? 2 * target - (v2 / v3 - 1) : target;
  return Math.max(0, v2 * (1 + g1Needed) - v1);
}
