/** 独角兽 / 潜在独角兽 — 长城战略咨询 GEI standard: age, private investment, unlisted, and per age route the
 *  latest post-money valuation and cumulative financing in USD. */
import { ageText } from '../dates.js';
import { usd, usdVs } from '../format.js';
import { shortBy } from '../logic.js';
import { type Firm, withinYears } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import type { TierKey } from '../tiers.js';
import { Draft } from '../verdict.js';

export function assessUnicorn(firm: Firm, rs: RulesetOf<'unicorn'>, tier: TierKey): Draft {
  const p = rs.params;
  const d = new Draft(tier, rs);
  const f = firm.facts;
  const est = f.establishedOn;
  let route: (typeof p.routes)[number] | null = null;
  for (const r of p.routes)
    if (withinYears(firm, r.maxAgeYears)) {
      route = r;
      break;
    }
  const oldest = p.routes[p.routes.length - 1];
  if (!route)
    d.check(
      false,
      '成立年限',
      () => [ageText(est, firm.date), `≤ ${oldest.maxAgeYears} 年`, null],
      Number.POSITIVE_INFINITY,
    );

  const rounds = f.equityRounds;
  const fx = firm.fx;
  let raised = 0;
  let anyPrivate = false;
  let latestDate = '';
  let latest: number | null = null;
  if (rounds)
    for (const r of rounds) {
      if (r.date > firm.date) continue;
      raised += (r.amount * fx[r.currency]) / fx.USD;
      if (r.qualifiedInvestor !== false) anyPrivate = true;
      if (r.postMoneyValuation !== undefined && r.date >= latestDate) {
        latestDate = r.date;
        latest = (r.postMoneyValuation * fx[r.currency]) / fx.USD;
      }
    }
  if (f.valuations)
    for (const v of f.valuations)
      if (v.date <= firm.date && v.date >= latestDate) {
        latestDate = v.date;
        latest = (v.amount * fx[v.currency]) / fx.USD;
      }

  if (p.requirePrivateInvestment) {
    if (!rounds) {
      d.miss('股权融资记录');
      d.need(null);
    } else if (!anyPrivate) d.check(false, '获得过私募投资', () => ['无', '至少一轮专业机构投资', null]);
  }
  if (p.requireUnlisted) {
    if (f.listed === undefined) {
      d.miss('是否已上市');
      d.need(null);
    } else if (f.listed) d.check(false, '尚未上市', () => ['已上市', '未上市', null]);
  }
  // Valuation and financing thresholds of the route the firm's age puts it in (the oldest when too old).
  const r = route ?? oldest;
  const span = p.routes.length > 1 ? `（成立 ≤ ${r.maxAgeYears} 年档）` : '';
  const valuation = latest;
  if (valuation === null) {
    if (!rounds && !f.valuations) {
      d.miss('最新投后估值');
      d.need(null);
    } else d.check(false, `最新投后估值${span}`, () => ['无估值记录', `≥ ${usd(r.minValuationUsd)}`, null]);
  } else if (valuation < r.minValuationUsd)
    d.check(
      false,
      `最新投后估值${span}`,
      () => [
        usdVs(valuation, r.minValuationUsd),
        `≥ ${usd(r.minValuationUsd)}`,
        `最新投后估值还需提高 ${usd(r.minValuationUsd - valuation, true)}`,
      ],
      shortBy(valuation, '>=', r.minValuationUsd),
    );
  if (!rounds) {
    d.miss('股权融资记录');
    d.need(null);
  } else if (raised < r.minFinancingUsd)
    d.check(
      false,
      `累计融资${span}`,
      () => [
        usdVs(raised, r.minFinancingUsd),
        `≥ ${usd(r.minFinancingUsd)}`,
        `累计融资还需 ${usd(r.minFinancingUsd - raised, true)}`,
      ],
      shortBy(raised, '>=', r.minFinancingUsd),
    );
  return d.finish();
}
