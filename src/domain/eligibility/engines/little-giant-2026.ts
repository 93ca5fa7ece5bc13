/** 专精特新“小巨人” — provisional 2026 thresholds (工信部企业〔2026〕2号), all of them, with the 专精特新
 *  100-point score standing in for the evaluation until its own rules are published. */
import { pct, wan, wanVs } from '../format.js';
import { scoreMeets } from '../gap.js';
import { meets, or3, shortBy, type Tri } from '../logic.js';
import { existed, type Firm, fig } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import type { TierKey } from '../tiers.js';
import { Draft } from '../verdict.js';
import {
  debtRatioAtMost,
  growthAtLeast,
  mainShareAtLeast,
  rdShareAtLeast,
  revenueAtLeast,
} from './conditions.js';
import { scoreShortfall } from './shared.js';
import { specializedScore } from './specialized-score.js';

type Params = RulesetOf<'little_giant_2026'>['params'];

export function assessLittleGiant2026(firm: Firm, rs: RulesetOf<'little_giant_2026'>, tier: TierKey): Draft {
  const p = rs.params;
  const d = new Draft(tier, rs);
  d.passScore = p.passScore;
  d.need(revenueAtLeast(d, firm, p.revenueMin, '上年度营业收入'));
  d.need(mainShareAtLeast(d, firm, p.mainShareMin, '主营业务收入占营业收入比重'));
  d.need(growthAtLeast(d, firm, 'revenue', p.revenueGrowthAvgMin, '近 2 年营业收入平均增长率', '营业收入'));
  d.need(debtRatioAtMost(d, firm, p.debtRatioMax, '资产负债率'));
  rd(d, firm, p);

  const classI = firm.classI;
  if (classI === null) {
    d.miss('知识产权');
    d.need(null);
  } else if (classI < p.classIMin)
    d.check(
      false,
      'I 类知识产权',
      () => [`${classI} 件`, `≥ ${p.classIMin} 件`, `还需 ${p.classIMin - classI} 件 I 类知识产权`],
      shortBy(classI, '>=', p.classIMin),
    );
  d.need(market(d, firm, p));

  specializedScore(d, firm, p.score);
  const ok = scoreMeets(d.lo, d.hi, p.passScore);
  if (ok === false) scoreShortfall(d, '评价得分', d.lo, d.hi, p.passScore);
  d.need(ok);
  return d.finish();
}

/** R&D: the total over the last N years and the share of revenue in each of them. */
function rd(d: Draft, firm: Firm, p: Params): void {
  let total = 0;
  let known = true;
  for (let k = 1; k <= p.rdYears; k++) {
    const y = firm.year - k;
    if (!existed(firm, k)) {
      d.check(
        false,
        `${y} 年度研发费用占营业收入比重`,
        () => ['尚未成立', `≥ ${pct(p.rdRatioEachYearMin)}`, null],
        Number.POSITIVE_INFINITY,
      );
      continue;
    }
    const v = fig(firm, k, 'rdExpense', d);
    if (v === undefined) known = false;
    else total += v;
    d.need(rdShareAtLeast(d, firm, k, p.rdRatioEachYearMin, `${y} 年度研发费用占营业收入比重`));
  }
  if (!known) d.need(null);
  else if (total < p.rdTotalMin)
    d.check(
      false,
      `近 ${p.rdYears} 年研发费用合计`,
      () => [
        wanVs(total, p.rdTotalMin),
        `≥ ${wan(p.rdTotalMin)}`,
        `近 ${p.rdYears} 年研发费用还需增加 ${wan(p.rdTotalMin - total, true)}`,
      ],
      shortBy(total, '>=', p.rdTotalMin),
    );
}

/** National niche market share ≥ min, or a national rank within the top N. */
function market(d: Draft, firm: Firm, p: Params): Tri {
  const dec = firm.facts.declared ?? {};
  const share = dec.nationalMarketShare;
  const rank = dec.nationalMarketRank;
  const shareOk: Tri = share === undefined ? null : meets(share, '>=', p.marketShareMin);
  const rankOk: Tri = p.marketRankMax === null ? false : rank === undefined ? null : rank <= p.marketRankMax;
  const ok = or3(shareOk, rankOk);
  if (ok === null) d.miss('主导产品国内细分市场占有率或全国排名');
  if (ok === false)
    d.fail(
      '主导产品国内细分市场占有率',
      () => [
        `${share === undefined ? '—' : pct(share, true)}${rank === undefined ? '' : `，全国第 ${rank}`}`,
        `≥ ${pct(p.marketShareMin)}${p.marketRankMax === null ? '' : `，或全国前 ${p.marketRankMax}`}`,
        share === undefined ? null : `国内细分市场占有率还需提高 ${pct(p.marketShareMin - share)}`,
      ],
      share === undefined ? null : shortBy(share, '>=', p.marketShareMin),
    );
  return ok;
}
