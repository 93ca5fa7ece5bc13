/** 瞪羚企业 — regional definitions (Yancheng 2022 by default): base-year revenue, revenue CAGR to last year,
 *  positive latest growth, and optionally a maximum age. */
import { ageText } from '../dates.js';
import { pct, wan, wanVs } from '../format.js';
import { meets, shortBy } from '../logic.js';
import { existed, type Firm, fig, withinYears } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import type { TierKey } from '../tiers.js';
import { Draft } from '../verdict.js';

export function assessGazelle(firm: Firm, rs: RulesetOf<'gazelle'>, tier: TierKey): Draft {
  const p = rs.params;
  const d = new Draft(tier, rs);
  const n = p.baseYearsBack;
  const baseYear = firm.year - n;
  const periods = n - 1;
  const est = firm.facts.establishedOn;

  const maxAge = p.maxAgeYears;
  if (maxAge !== null && !withinYears(firm, maxAge))
    // Too old never becomes young enough: no distance makes it close.
    d.check(
      false,
      '成立年限',
      () => [ageText(est, firm.date), `≤ ${maxAge} 年`, null],
      Number.POSITIVE_INFINITY,
    );

  if (!existed(firm, n)) {
    d.check(
      false,
      `基期（${baseYear} 年）营业收入`,
      () => [`${baseYear} 年尚未成立`, `≥ ${wan(p.baseRevenueMin)}`, null],
      Number.POSITIVE_INFINITY,
    );
    return d.finish();
  }
  const base = fig(firm, n, 'revenue', d);
  const last = fig(firm, 1, 'revenue', d);
  const prev = fig(firm, 2, 'revenue', d);
  if (base === undefined) d.need(null);
  else if (base < p.baseRevenueMin)
    d.check(
      false,
      `基期（${baseYear} 年）营业收入`,
      () => [wanVs(base, p.baseRevenueMin), `≥ ${wan(p.baseRevenueMin)}`, null],
      shortBy(base, '>=', p.baseRevenueMin),
    );

  if (base === undefined || last === undefined) d.need(null);
  else if (!(base > 0 && meets((last / base) ** (1 / periods) - 1, '>=', p.cagrMin)))
    d.check(
      false,
      `${baseYear}–${firm.year - 1} 年营业收入复合增长率`,
      () => {
        if (!(base > 0)) return ['基期收入为 0', `≥ ${pct(p.cagrMin)}`, null];
        const cagr = (last / base) ** (1 / periods) - 1;
        const needed = base * (1 + p.cagrMin) ** periods;
        return [
          pct(cagr, true),
          `≥ ${pct(p.cagrMin)}`,
          `复合增长率 ${pct(cagr, true)} < ${pct(p.cagrMin)}：上年度营业收入还需增加 ${wan(needed - last, true)}（达到 ${wan(needed, true)}）`,
        ];
      },
      base > 0 ? shortBy((last / base) ** (1 / periods) - 1, '>=', p.cagrMin) : Number.POSITIVE_INFINITY,
    );

  if (p.requireLatestGrowth) {
    if (last === undefined || prev === undefined) d.need(null);
    else if (!(last > prev))
      d.check(
        false,
        '上年度营业收入正增长',
        () => [
          `${wan(prev)} → ${wan(last)}`,
          '高于前一年',
          `上年度营业收入还需增加 ${wan(prev - last + 1, true)} 才能高于前一年`,
        ],
        shortBy(last, '>=', prev),
      );
  }
  return d.finish();
}
