/** 科技型中小企业 — 国科发政〔2017〕115号: basic conditions, then a direct path or score ≥ 60 with tech staff. */
import { checkDirectPaths, pathOk } from '../direct-paths.js';
import { pct, wan, wanVs } from '../format.js';
import { scoreMeets } from '../gap.js';
import { and3, bandIndex, bandLo, or3, shortBy, type Tri } from '../logic.js';
import { type Firm, fig } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import type { TierKey } from '../tiers.js';
import { Draft } from '../verdict.js';
import { declared, noDirectPath, ratioHint, ratioItem, scoreShortfall } from './shared.js';

type Params = RulesetOf<'tech_sme_2017'>['params'];

export function assessTechSme(firm: Firm, rs: RulesetOf<'tech_sme_2017'>, tier: TierKey): Draft {
  const p = rs.params;
  const d = new Draft(tier, rs);
  d.passScore = p.passScore;
  const employees = fig(firm, 1, 'employees', d);
  const revenue = fig(firm, 1, 'revenue', d);
  const assets = fig(firm, 1, 'totalAssets', d);

  // Basic conditions (they hold for the direct paths too).
  if (employees === undefined) d.need(null);
  else if (employees > p.maxEmployees)
    d.check(
      false,
      '职工总数',
      () => [`${employees} 人`, `≤ ${p.maxEmployees} 人`, null],
      shortBy(employees, '<=', p.maxEmployees),
    );
  if (revenue === undefined) d.need(null);
  else if (revenue > p.maxRevenue)
    d.check(
      false,
      '年销售收入',
      () => [wanVs(revenue, p.maxRevenue), `≤ ${wan(p.maxRevenue)}`, null],
      shortBy(revenue, '<=', p.maxRevenue),
    );
  if (assets === undefined) d.need(null);
  else if (assets > p.maxTotalAssets)
    d.check(
      false,
      '资产总额',
      () => [wanVs(assets, p.maxTotalAssets), `≤ ${wan(p.maxTotalAssets)}`, null],
      shortBy(assets, '<=', p.maxTotalAssets),
    );
  const dec = firm.facts.declared ?? {};
  declared(d, dec.productsNotRestricted, '产品不属于禁止、限制和淘汰类', '产品是否属于禁止、限制和淘汰类');
  declared(
    d,
    dec.noMajorIncidentThisOrLastYear,
    '当年和上一年无重大安全、质量事故和严重环境违法',
    '当年和上一年有无重大安全、质量事故或严重环境违法',
  );
  declared(d, dec.noResearchMisconduct, '当年和上一年无严重科研失信行为', '有无严重科研失信行为');
  declared(
    d,
    dec.notOnAbnormalList,
    '未列入经营异常名录和严重违法失信企业名单',
    '是否列入经营异常名录或严重违法失信名单',
  );

  const routeStart = d.mark();
  const tech = fig(firm, 1, 'techStaff', d);
  const ti = ratioItem(
    d,
    '科技人员占比',
    p.techStaffBands,
    20,
    tech,
    employees,
    (r) => `科技人员 ${tech} 人 ÷ 职工 ${employees} 人 = ${pct(r)}`,
  );
  const hintsStart = d.mark();
  rdItem(d, firm, p, revenue);
  ipItem(d, firm, p);
  // Next-band hints matter only when the score falls short; keep them aside until that is known.
  const hints = d.takeGapsSince(hintsStart);

  const scoreOk = scoreMeets(d.lo, d.hi, p.passScore);
  const techOk: Tri = !p.requireTechStaffPoints ? true : ti === -2 ? null : ti >= 0;
  const routeOk = and3(scoreOk, techOk);
  const pathStart = d.mark();
  const directPath = checkDirectPaths(p.directPaths, firm, d);
  const directOk = pathOk(directPath);
  if (typeof directPath === 'string') {
    d.directPath = directPath;
    d.dropSince(routeStart);
  } else if (routeOk === true) d.dropSince(pathStart);
  else {
    if (scoreOk === false) {
      scoreShortfall(d, '评价得分', d.lo, d.hi, p.passScore);
      // Below the first band the 第七条 hint below says the same hire; say it once.
      if (tech !== undefined && employees !== undefined && techOk !== false)
        ratioHint(
          d,
          p.techStaffBands,
          ti,
          tech,
          employees,
          true,
          true,
          (x, t) => `新增 ${x} 名科技人员（占比 ${t}）`,
        );
      d.putGaps(hints);
    }
    if (techOk === false) {
      const first = p.techStaffBands[p.techStaffBands.length - 1];
      d.fail('科技人员指标得分', () => ['0 分', `> 0 分（科技人员占比 ≥ ${pct(first.value)}）`, null]);
      if (tech !== undefined && employees !== undefined)
        ratioHint(
          d,
          p.techStaffBands,
          -1,
          tech,
          employees,
          true,
          true,
          (x, t) => `科技人员占比需 ${t}：还需新增 ${x} 名科技人员`,
        );
    }
    // Only when the score route fails too: while it is open (missing facts), no path is "unmet" —
    // the firm waits for data (待补资料), it is not short of a condition (接近).
    if (directOk === false && routeOk === false) noDirectPath(d, '直接认定条件（任一）', p.directPaths);
  }
  d.need(or3(directOk, routeOk));
  return d.finish();
}

/** R&D: the better of R&D ÷ sales and R&D ÷ total costs. Queues the next-band hint of the metric used. */
function rdItem(d: Draft, firm: Firm, p: Params, revenue: number | undefined): void {
  const rd = fig(firm, 1, 'rdExpense', d);
  const costs = fig(firm, 1, 'totalCosts', d);
  const rdMax = Math.max(p.rdRevenueBands[0].points, p.rdCostsBands[0].points);
  if (rd === undefined || (revenue === undefined && costs === undefined)) {
    d.item('研发投入', 0, rdMax, rdMax, '数据缺失');
    return;
  }
  const bySales = revenue !== undefined && revenue > 0 ? rd / revenue : null;
  const byCosts = costs !== undefined && costs > 0 ? rd / costs : null;
  const si = bySales === null ? -1 : bandIndex(p.rdRevenueBands, bySales);
  const ci = byCosts === null ? -1 : bandIndex(p.rdCostsBands, byCosts);
  const sp = bandLo(p.rdRevenueBands, si);
  const cp = bandLo(p.rdCostsBands, ci);
  const v = Math.max(sp, cp);
  // A missing denominator could only raise the better-of-two score.
  const hi = (revenue === undefined && sp < rdMax) || (costs === undefined && cp < rdMax) ? rdMax : v;
  d.item(
    '研发投入',
    v,
    hi,
    rdMax,
    () =>
      `研发费用 ${wan(rd)}；占销售收入 ${bySales === null ? '—' : pct(bySales)}，占成本费用 ${byCosts === null ? '—' : pct(byCosts)}，取较高分`,
  );
  if (bySales !== null && sp >= cp)
    ratioHint(
      d,
      p.rdRevenueBands,
      si,
      rd,
      revenue as number,
      false,
      false,
      (x, t) => `研发费用再增加 ${wan(x, true)}（占销售收入 ${t}）`,
    );
  else if (byCosts !== null)
    ratioHint(
      d,
      p.rdCostsBands,
      ci,
      rd,
      costs as number,
      true,
      false,
      (x, t) => `研发费用再增加 ${wan(x, true)}（占成本费用 ${t}）`,
    );
}

function ipItem(d: Draft, firm: Firm, p: Params): void {
  const max = p.ipClassIPoints;
  const classI = firm.classI;
  const classII = firm.classII;
  if (classI === null || classII === null) {
    d.miss('知识产权');
    d.item('知识产权', 0, max, max, '数据缺失');
  } else if (classI > 0) d.item('知识产权', max, max, max, () => `I 类知识产权 ${classI} 件`);
  else {
    const v = bandLo(p.ipClassIIBands, bandIndex(p.ipClassIIBands, classII));
    d.item(
      '知识产权',
      v,
      v,
      max,
      classII > 0 ? () => `II 类知识产权 ${classII} 件，无 I 类` : '无 I 类、II 类知识产权',
    );
    d.hint(() => `再获 1 件 I 类知识产权（如发明专利）可得 ${max} 分（+${max - v}）`);
  }
}
