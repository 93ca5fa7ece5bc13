/** 专精特新“小巨人” — 工信部企业〔2022〕63号 附件3: all six conditions; innovation by the revenue route, an
 *  R&D institution and ≥ 2 Class I IP in use, or the national-award fast track. No score. */
import { checkDirectPaths, pathOk } from '../direct-paths.js';
import { pct, wan, wanVs } from '../format.js';
import { raiseRatio } from '../gap.js';
import { and3, meets, or3, shortBy, type Tri } from '../logic.js';
import { equityRaisedCny, existed, type Firm, fig } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import type { TierKey } from '../tiers.js';
import { Draft } from '../verdict.js';
import {
  debtRatioAtMost,
  growthAtLeast,
  mainShareAtLeast,
  nicheYearsAtLeast,
  rdShareAtLeast,
} from './conditions.js';
import { declared, pathsText } from './shared.js';
import { classIInUse } from './specialized-sme.js';

type Params = RulesetOf<'little_giant_2022'>['params'];
type Route = Params['innovationRoutes'][number];

export function assessLittleGiant2022(
  firm: Firm,
  rs: RulesetOf<'little_giant_2022'>,
  tier: TierKey,
  reReview: boolean,
): Draft {
  const p = rs.params;
  const d = new Draft(tier, rs);
  if (reReview) d.note('已获“小巨人”称号的企业复核，按 2022 版标准');
  const dec = firm.facts.declared ?? {};

  // 1. 专业化
  d.need(nicheYearsAtLeast(d, firm, p.nicheYearsMin, '专业化：从事特定细分市场年限'));
  d.need(mainShareAtLeast(d, firm, p.mainShareMin, '专业化：主营业务收入占营业收入比重'));
  d.need(
    growthAtLeast(
      d,
      firm,
      'mainRevenue',
      p.mainGrowthAvgMin,
      '专业化：近 2 年主营业务收入平均增长率',
      '主营业务收入',
    ),
  );

  // 2. 精细化
  declared(
    d,
    dec.coreProcessInformationSystem,
    '精细化：核心业务采用信息系统支撑',
    '核心业务是否采用信息系统支撑',
  );
  const cert = or3(dec.qualitySystemCertified ?? null, dec.developedMarketProductCertified ?? null);
  if (cert === null) {
    d.miss('是否取得管理体系认证或发达国家和地区产品认证');
    d.need(null);
  } else if (!cert)
    d.check(false, '精细化：管理体系认证或发达国家和地区产品认证', () => ['无', '至少一项', null]);
  d.need(debtRatioAtMost(d, firm, p.debtRatioMax, '精细化：资产负债率'));

  // 3. 特色化（市场）
  const share = dec.nationalMarketShare;
  if (share === undefined) {
    d.miss('主导产品国内细分市场占有率');
    d.need(null);
  } else if (!meets(share, '>=', p.marketShareMin))
    d.check(
      false,
      '特色化：主导产品国内细分市场占有率',
      () => [
        pct(share, true),
        `≥ ${pct(p.marketShareMin)}`,
        `国内细分市场占有率还需提高 ${pct(p.marketShareMin - share)}`,
      ],
      shortBy(share, '>=', p.marketShareMin),
    );
  declared(d, dec.ownBrand, '特色化：拥有自主品牌', '是否拥有自主品牌');

  // 4. 创新能力: the general conditions, or the fast track.
  const start = d.mark();
  const general = and3(
    and3(innovationRoute(d, firm, p), institution(d, firm, p)),
    classIInUse(d, firm, p.classIInUseMin),
  );
  const mid = d.mark();
  const fastPath = checkDirectPaths(p.fastTrack, firm, d);
  const fastOk = pathOk(fastPath);
  if (typeof fastPath === 'string') {
    d.directPath = `创新直通：${fastPath}`;
    d.dropSince(start);
  } else if (general === true) d.dropSince(mid);
  else if (fastOk === false && general === false)
    d.fail('创新直通条件', () => ['不满足', pathsText(p.fastTrack), null]);
  d.need(or3(fastOk, general));

  // 5. 产业链配套, 6. 主导产品所属领域
  declared(
    d,
    dec.keyChainPosition,
    '产业链配套：位于产业链关键环节',
    '是否位于产业链关键环节、补短板锻长板填空白',
  );
  declared(
    d,
    dec.leadProductInStrategicField,
    '主导产品属于工业“六基”、制造强国、网络强国等重点领域',
    '主导产品是否属于工业“六基”、制造强国、网络强国等领域',
  );
  return d.finish();
}

/** The revenue band's R&D, equity and staff requirements. */
function innovationRoute(d: Draft, firm: Firm, p: Params): Tri {
  const revenue = fig(firm, 1, 'revenue', d);
  if (revenue === undefined) return null;
  let route: Route | null = null;
  for (const r of p.innovationRoutes)
    if (revenue >= r.revenueMin && (r.revenueBelow === null || revenue < r.revenueBelow)) {
      route = r;
      break;
    }
  if (route === null) {
    d.fail('创新能力：营业收入档位', () => [wan(revenue), '不在任何档位', null]);
    return false;
  }
  let ok: Tri = true;
  if (route.rdRatioEachYearMin !== null)
    for (let k = 1; k <= p.rdYears; k++) {
      const y = firm.year - k;
      const min = route.rdRatioEachYearMin;
      if (!existed(firm, k)) {
        // A year before the firm existed can never be made up: no distance makes it close.
        d.fail(
          `创新能力：${y} 年度研发费用占营业收入比重`,
          () => ['尚未成立', `≥ ${pct(min)}`, null],
          Number.POSITIVE_INFINITY,
        );
        ok = false;
      } else ok = and3(ok, rdShareAtLeast(d, firm, k, min, `创新能力：${y} 年度研发费用占营业收入比重`));
    }
  if (route.equityMin !== null && route.equityWithinYears !== null) {
    const raised = equityRaisedCny(firm, route.equityWithinYears);
    const min = route.equityMin;
    const years = route.equityWithinYears;
    if (raised === null) {
      d.miss('股权融资记录');
      ok = and3(ok, null);
    } else if (raised < min) {
      d.fail(
        `创新能力：近 ${years} 年新增股权融资`,
        () => [
          wanVs(raised, min),
          `≥ ${wan(min)}（上年度营业收入 ${wan(revenue)}）`,
          `近 ${years} 年股权融资还需 ${wan(min - raised, true)}`,
        ],
        shortBy(raised, '>=', min),
      );
      ok = false;
    }
  }
  if (route.rdTotalMin !== null) ok = and3(ok, rdTotal(d, firm, p.rdYears, route.rdTotalMin, revenue));
  if (route.rdStaffShareMin !== null) ok = and3(ok, rdStaffShare(d, firm, route.rdStaffShareMin));
  return ok;
}

function rdTotal(d: Draft, firm: Firm, years: number, min: number, revenue: number): Tri {
  let total = 0;
  for (let k = 1; k <= years; k++) {
    if (!existed(firm, k)) continue;
    const rd = fig(firm, k, 'rdExpense', d);
    if (rd === undefined) return null;
    total += rd;
  }
  if (total >= min) return true;
  d.fail(
    `创新能力：近 ${years} 年研发投入合计`,
    () => [
      wanVs(total, min),
      `≥ ${wan(min)}（上年度营业收入 ${wan(revenue)}）`,
      `近 ${years} 年研发投入还需增加 ${wan(min - total, true)}`,
    ],
    shortBy(total, '>=', min),
  );
  return false;
}

function rdStaffShare(d: Draft, firm: Firm, min: number): Tri {
  const staff = fig(firm, 1, 'rdStaff', d);
  const emp = fig(firm, 1, 'employees', d);
  if (staff === undefined || emp === undefined) return null;
  if (emp > 0 && meets(staff / emp, '>=', min)) return true;
  d.fail(
    '创新能力：研发人员占职工总数比重',
    () => [
      pct(emp > 0 ? staff / emp : 0, true),
      `≥ ${pct(min)}`,
      `研发人员占比达到 ${pct(min)}：还需新增 ${raiseRatio(staff, emp, '>=', min, true, true)} 名研发人员`,
    ],
    shortBy(emp > 0 ? staff / emp : 0, '>=', min),
  );
  return false;
}

function institution(d: Draft, firm: Firm, p: Params): Tri {
  if (!p.requireRdInstitution) return true;
  const inst = firm.facts.rdInstitutions;
  if (!inst) {
    d.miss('研发机构');
    return null;
  }
  if (inst.length > 0) return true;
  d.fail(
    '创新能力：建立研发机构',
    () => ['未建立', '自建或与高校、科研机构联合建立研发机构', '还需建立 1 个研发机构（自建或联合共建）'],
    1,
  );
  return false;
}
