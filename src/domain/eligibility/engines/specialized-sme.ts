/** 专精特新中小企业 — 工信部企业〔2022〕63号 附件2, and the provisional 2026 thresholds (工信部企业〔2026〕2号):
 *  all basic conditions, then score ≥ the pass mark or (2022) any direct path. */
import { checkDirectPaths, pathOk } from '../direct-paths.js';
import { pct, wan, wanVs } from '../format.js';
import { scoreMeets } from '../gap.js';
import { or3, shortBy, type Tri } from '../logic.js';
import { equityRaisedCny, existed, type Firm, fig } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import type { TierKey } from '../tiers.js';
import { Draft } from '../verdict.js';
import { debtRatioAtMost, mainShareAtLeast, nicheYearsAtLeast, rdShareAtLeast } from './conditions.js';
import { noDirectPath, scoreShortfall } from './shared.js';
import { specializedScore } from './specialized-score.js';

type Params = RulesetOf<'specialized_sme'>['params'];

export function assessSpecializedSme(firm: Firm, rs: RulesetOf<'specialized_sme'>, tier: TierKey): Draft {
  const p = rs.params;
  const d = new Draft(tier, rs);
  d.passScore = p.passScore;
  d.need(nicheYearsAtLeast(d, firm, p.nicheYearsMin, '从事特定细分市场年限'));
  rdEachYear(d, firm, p);
  revenueOrEquity(d, firm, p);
  if (p.mainShareMin !== null)
    d.need(mainShareAtLeast(d, firm, p.mainShareMin, '主营业务收入占营业收入比重'));
  if (p.debtRatioMax !== null) d.need(debtRatioAtMost(d, firm, p.debtRatioMax, '资产负债率'));
  if (p.classIInUseMin !== null) d.need(classIInUse(d, firm, p.classIInUseMin));

  // The basic conditions above hold for the direct paths too; the score is the other route, so a firm
  // that qualifies by a path is not asked for the facts only the score needs.
  const scoreStart = d.mark();
  specializedScore(d, firm, p.score);
  const scoreOk = scoreMeets(d.lo, d.hi, p.passScore);
  const pathStart = d.mark();
  const directPath = checkDirectPaths(p.directPaths, firm, d);
  const directOk = pathOk(directPath);
  if (typeof directPath === 'string') {
    d.directPath = directPath;
    d.dropSince(scoreStart);
  } else if (scoreOk === true) d.dropSince(pathStart);
  else {
    if (scoreOk === false) scoreShortfall(d, '评价得分', d.lo, d.hi, p.passScore);
    // Only when the score route fails too: while it is open, the firm waits for data, nothing fails.
    if (directOk === false && scoreOk === false && p.directPaths.length > 0)
      noDirectPath(d, '直通条件（任一）', p.directPaths);
  }
  d.need(or3(directOk, scoreOk));
  return d.finish();
}

/** Last-year R&D (or each of the last N years): ≥ the amount and ≥ the share of revenue. */
function rdEachYear(d: Draft, firm: Firm, p: Params): void {
  for (let k = 1; k <= p.rdYears; k++) {
    const label = p.rdYears === 1 ? '上年度' : `${firm.year - k} 年度`;
    if (!existed(firm, k)) {
      d.check(
        false,
        `${label}研发费用`,
        () => ['尚未成立', `≥ ${wan(p.rdMinAmount)} 且占营业收入 ≥ ${pct(p.rdMinRatio)}`, null],
        Number.POSITIVE_INFINITY,
      );
      continue;
    }
    const rd = fig(firm, k, 'rdExpense', d);
    if (rd === undefined) d.need(null);
    else if (rd < p.rdMinAmount)
      d.check(
        false,
        `${label}研发费用总额`,
        () => [
          wanVs(rd, p.rdMinAmount),
          `≥ ${wan(p.rdMinAmount)}`,
          `${label}研发费用还需增加 ${wan(p.rdMinAmount - rd, true)}`,
        ],
        shortBy(rd, '>=', p.rdMinAmount),
      );
    d.need(rdShareAtLeast(d, firm, k, p.rdMinRatio, `${label}研发费用占营业收入比重`));
  }
}

function revenueOrEquity(d: Draft, firm: Firm, p: Params): void {
  const revenue = fig(firm, 1, 'revenue', d);
  const alt = p.equityAlternative;
  const revOk: Tri = revenue === undefined ? null : revenue >= p.revenueMin;
  let raised: number | null = 0;
  let eqOk: Tri = false;
  if (alt && revOk !== true) {
    raised = equityRaisedCny(firm, alt.withinYears);
    if (raised === null) d.miss('股权融资记录');
    eqOk = raised === null ? null : raised >= alt.min;
  }
  const ok = or3(revOk, eqOk);
  if (ok === false && revenue !== undefined) {
    const got = raised ?? 0;
    d.fail(
      '上年度营业收入',
      () =>
        alt
          ? [
              `${wanVs(revenue, p.revenueMin)}；近 ${alt.withinYears} 年新增股权融资 ${wanVs(got, alt.min)}`,
              `≥ ${wan(p.revenueMin)}，或近 ${alt.withinYears} 年新增股权融资 ≥ ${wan(alt.min)}`,
              `上年度营业收入还需增加 ${wan(p.revenueMin - revenue, true)}，或近 ${alt.withinYears} 年再获股权融资 ${wan(alt.min - got, true)}`,
            ]
          : [
              wan(revenue),
              `≥ ${wan(p.revenueMin)}`,
              `上年度营业收入还需增加 ${wan(p.revenueMin - revenue, true)}`,
            ],
      // Either route closes the gap: the nearer one says how close the firm is.
      Math.min(
        shortBy(revenue, '>=', p.revenueMin),
        alt ? shortBy(got, '>=', alt.min) : Number.POSITIVE_INFINITY,
      ),
    );
  }
  d.need(ok);
}

/** Class I IP actually in use ≥ min: counted when given; when not, a firm with fewer Class I items than
 *  needed fails anyway. Records the unmet line or the missing fact; the caller decides what it means. */
export function classIInUse(d: Draft, firm: Firm, min: number): Tri {
  const inUse = firm.facts.ip?.classIInUse;
  const have = inUse ?? (firm.classI !== null && firm.classI < min ? firm.classI : undefined);
  if (have === undefined) {
    d.miss(firm.classI === null ? '知识产权' : '已实际应用的 I 类知识产权数');
    return null;
  }
  if (have < min)
    d.fail(
      '已实际应用的 I 类知识产权',
      () => [`${have} 件`, `≥ ${min} 件`, `还需 ${min - have} 件 I 类知识产权（并实际应用）`],
      shortBy(have, '>=', min),
    );
  return have >= min;
}
