/** 创新型中小企业 — 工信部企业〔2022〕63号 附件1 (and, provisionally, the merged 2026 科技和创新型 rule set):
 *  score ≥ 60 with innovation ≥ 20, growth ≥ 15, specialisation ≥ 15, or any direct path. */
import { checkDirectPaths, pathOk } from '../direct-paths.js';
import { pct, pts, wan } from '../format.js';
import { raiseGrowth, scoreMeets } from '../gap.js';
import { and3, bandHi, bandIndex, bandLo, opText, or3 } from '../logic.js';
import { existed, type Firm, fig } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import { TIER_NAMES, type TierKey } from '../tiers.js';
import { Draft } from '../verdict.js';
import { ipItem, noDirectPath, ratioHint, ratioItem, scoreShortfall } from './shared.js';

type Params = RulesetOf<'innovative_sme_2022'>['params'];

export function assessInnovativeSme(firm: Firm, rs: RulesetOf<'innovative_sme_2022'>, tier: TierKey): Draft {
  const p = rs.params;
  const d = new Draft(tier, rs);
  d.passScore = p.passScore;
  if (tier !== rs.tier) d.note(`${rs.name}：${TIER_NAMES[tier]}与${TIER_NAMES[rs.tier]}合并评价，结论相同`);
  // Everything up to the direct paths is the scoring route (this rule has no basic conditions): a
  // firm that qualifies by a path is not asked for the facts only the score needs.
  const routeStart = d.mark();
  const revenue = fig(firm, 1, 'revenue', d);
  const main = fig(firm, 1, 'mainRevenue', d);
  const hintsStart = d.mark();

  // 创新能力 (40)
  ipItem(d, firm, '与主导产品相关的有效知识产权', p.ipPoints);
  if (firm.classI === 0) d.hint(() => `再获 1 件 I 类知识产权（如发明专利）可得 ${p.ipPoints.classI} 分`);
  const rd = fig(firm, 1, 'rdExpense', d);
  const ri = ratioItem(
    d,
    '上年度研发费用占营业收入比重',
    p.rdRatioBands,
    bandHi(p.rdRatioBands, 0),
    rd,
    revenue,
    (r) => `研发费用 ${wan(rd ?? 0)} ÷ 营业收入 ${wan(revenue ?? 0)} = ${pct(r)}`,
  );
  if (rd !== undefined && revenue !== undefined)
    ratioHint(
      d,
      p.rdRatioBands,
      ri,
      rd,
      revenue,
      false,
      false,
      (x, t) => `上年度研发费用再增加 ${wan(x, true)}（占比 ${t}）`,
    );
  const innovationLo = d.lo;
  const innovationHi = d.hi;

  // 成长性 (30)
  growthItem(d, firm, p, main);
  const assets = fig(firm, 1, 'totalAssets', d);
  const debt = fig(firm, 1, 'totalLiabilities', d);
  const di = ratioItem(
    d,
    '上年度资产负债率',
    p.debtRatioBands,
    bandHi(p.debtRatioBands, 0),
    debt,
    assets,
    (r) => `负债 ${wan(debt ?? 0)} ÷ 资产 ${wan(assets ?? 0)} = ${pct(r)}`,
  );
  if (debt !== undefined && assets !== undefined)
    ratioHint(
      d,
      p.debtRatioBands,
      di,
      debt,
      assets,
      false,
      false,
      (x, t) => `减少负债 ${wan(x, true)}（资产负债率 ${t}）`,
    );
  const growthLo = d.lo - innovationLo;
  const growthHi = d.hi - innovationHi;

  // 专业化 (30)
  const se = firm.facts.declared?.strategicEmergingProduct;
  const { yes, no } = p.strategicEmergingPoints;
  if (se === undefined) {
    d.miss('主导产品是否属于《战略性新兴产业分类》');
    d.item('主导产品所属领域', Math.min(yes, no), Math.max(yes, no), Math.max(yes, no), '未申报');
  } else
    d.item(
      '主导产品所属领域',
      se ? yes : no,
      se ? yes : no,
      Math.max(yes, no),
      se ? '属于《战略性新兴产业分类》' : '属于其他领域',
    );
  const mi = ratioItem(
    d,
    '上年度主营业务收入占营业收入比重',
    p.mainShareBands,
    bandHi(p.mainShareBands, 0),
    main,
    revenue,
    (r) => `主营 ${wan(main ?? 0)} ÷ 营业收入 ${wan(revenue ?? 0)} = ${pct(r)}`,
  );
  if (main !== undefined && revenue !== undefined)
    ratioHint(
      d,
      p.mainShareBands,
      mi,
      main,
      revenue,
      true,
      false,
      (x, t) => `主营业务收入再增加 ${wan(x, true)}（占比 ${t}）`,
    );
  const specLo = d.lo - innovationLo - growthLo;
  const specHi = d.hi - innovationHi - growthHi;
  const hints = d.takeGapsSince(hintsStart);

  const totalOk = scoreMeets(d.lo, d.hi, p.passScore);
  const innovationOk = scoreMeets(innovationLo, innovationHi, p.minInnovation);
  const growthOk = scoreMeets(growthLo, growthHi, p.minGrowth);
  const specOk = scoreMeets(specLo, specHi, p.minSpecialisation);
  const routeOk = and3(and3(totalOk, innovationOk), and3(growthOk, specOk));

  const pathStart = d.mark();
  const directPath = checkDirectPaths(p.directPaths, firm, d);
  const directOk = pathOk(directPath);
  if (typeof directPath === 'string') {
    d.directPath = directPath;
    d.dropSince(routeStart);
  } else if (routeOk === true) d.dropSince(pathStart);
  else {
    if (totalOk === false) scoreShortfall(d, '评价得分', d.lo, d.hi, p.passScore);
    if (innovationOk === false) subScore(d, '创新能力得分', innovationLo, innovationHi, p.minInnovation);
    if (growthOk === false) subScore(d, '成长性得分', growthLo, growthHi, p.minGrowth);
    if (specOk === false) subScore(d, '专业化得分', specLo, specHi, p.minSpecialisation);
    if (routeOk === false) d.putGaps(hints);
    // Only when the score route fails too: while it is open, the firm waits for data, nothing fails.
    if (directOk === false && routeOk === false) noDirectPath(d, '直通条件（任一）', p.directPaths);
  }
  d.need(or3(directOk, routeOk));
  return d.finish();
}

function subScore(d: Draft, name: string, lo: number, hi: number, min: number): void {
  d.fail(name, () => [
    `${pts(lo, hi)} 分`,
    `≥ ${min} 分`,
    `${name} ${pts(lo, hi)} < ${min}：还差 ${min - hi} 分`,
  ]);
}

/** Last year's main-business growth. A firm without a previous year, or with 0 main revenue in it, has no
 *  growth rate: 0 points (the rule gives none, and a guess would be a silent pass). */
function growthItem(d: Draft, firm: Firm, p: Params, main: number | undefined): void {
  const bands = p.mainGrowthBands;
  const max = bandHi(bands, 0);
  const item = '上年度主营业务收入增长率';
  if (!existed(firm, 2)) {
    d.item(item, 0, 0, max, '前一年度尚未成立，增长率无法计算，按 0 分');
    return;
  }
  const prev = fig(firm, 2, 'mainRevenue', d);
  if (main === undefined || prev === undefined) {
    d.item(item, 0, max, max, '数据缺失');
    return;
  }
  if (prev === 0) {
    d.item(item, 0, 0, max, '前一年度主营业务收入为 0，增长率无法计算，按 0 分');
    return;
  }
  const g = main / prev - 1;
  const i = bandIndex(bands, g);
  const lo = bandLo(bands, i);
  d.item(item, lo, bandHi(bands, i), max, () => `${wan(prev)} → ${wan(main)}，增长 ${pct(g)}`);
  const n = i === 0 ? -1 : i < 0 ? bands.length - 1 : i - 1;
  if (n >= 0) {
    const b = bands[n];
    d.hint(
      () =>
        `上年度主营业务收入再增加 ${wan(raiseGrowth(main, prev, b.op, b.value), true)}（增长率 ${opText(b.op)} ${pct(b.value)}）（+${b.points - lo} 分）`,
    );
  }
}
