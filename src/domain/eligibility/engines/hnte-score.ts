/** 高企 innovation-capability score (工作指引 国科发火〔2016〕195号): 100 points, many of them placed by experts
 *  within the band the firm's figures give. Without expert scores the result is a range. */
import { pct } from '../format.js';
import { bandHi, bandIndex, bandLo } from '../logic.js';
import { existed, type Firm, fig } from '../prepare.js';
import type { RulesetOf } from '../ruleset-schema.js';
import type { Draft } from '../verdict.js';

type Score = RulesetOf<'hnte_2016'>['params']['score'];
type Expert = NonNullable<NonNullable<Firm['facts']['expert']>['hnte']>;

// Item names and their "expert score missing" labels, built once.
const item = (name: string) => ({ name, missing: `专家评分：${name}` });
const ADVANCEMENT = item('知识产权：技术的先进程度');
const CORE = item('知识产权：对主要产品（服务）的核心支持作用');
const QUANTITY = item('知识产权：数量');
const ACQUISITION = item('知识产权：获得方式');
const STANDARD = item('知识产权：主导制定标准加分');
const CONVERSION = item('科技成果转化能力');
const MANAGEMENT = item('研发组织管理：制度与研发费用辅助账');
const INSTITUTION = item('研发组织管理：研发机构与产学研合作');
const CONVERSION_ORG = item('研发组织管理：成果转化组织与激励、开放平台');
const TALENT = item('研发组织管理：人才培养、引进与绩效评价');
const NET_ASSETS = item('成长性：净资产增长率');
const SALES = item('成长性：销售收入增长率');

/** An item whose band the facts fix and whose exact points an expert chooses (clamped into the band). */
function judged(
  d: Draft,
  it: { name: string; missing: string },
  lo: number,
  hi: number,
  max: number,
  expert: number | undefined,
  basis: string | (() => string),
): void {
  if (expert !== undefined) {
    const v = Math.min(hi, Math.max(lo, Math.round(expert)));
    d.item(it.name, v, v, max, () => {
      const why = typeof basis === 'string' ? basis : basis();
      return expert === v ? `${why}；专家评分 ${v}` : `${why}；专家评分 ${expert} 超出档位，按 ${v} 计`;
    });
    return;
  }
  if (lo !== hi) d.missOnce(it.missing); // each item is judged once per verdict
  d.item(it.name, lo, hi, max, basis);
}

/** ½ × (y2 ÷ y1 + y3 ÷ y2) − 1 with the 工作指引's rules for zero years. */
export function hnteGrowthRate(v1: number | null, v2: number, v3: number): { rate: number; basis: string } {
  // A first year that is 0 (or negative, or before registration) makes the first ratio meaningless.
  if (v1 === null || v1 <= 0) {
    if (v2 <= 0) return { rate: 0, basis: '第二年为 0，按 0 分' };
    return { rate: v3 / v2 - 1, basis: '第一年为 0，按后两年计算' };
  }
  if (v2 <= 0) return { rate: 0, basis: '第二年为 0，按 0 分' };
  return { rate: (v2 / v1 + v3 / v2) / 2 - 1, basis: '按近三年计算' };
}

/** Net assets (assets − liabilities) or sales of year (year − k); undefined when missing. */
function value(d: Draft, firm: Firm, k: number, net: boolean): number | undefined {
  if (!net) return fig(firm, k, 'revenue', d);
  const a = fig(firm, k, 'totalAssets', d);
  const l = fig(firm, k, 'totalLiabilities', d);
  return a === undefined || l === undefined ? undefined : a - l;
}

function growthItem(
  d: Draft,
  firm: Firm,
  it: { name: string; missing: string },
  s: Score,
  expert: number | undefined,
  net: boolean,
): void {
  const max = bandHi(s.growthBands, 0);
  if (!existed(firm, 2)) {
    d.item(it.name, 0, 0, max, '经营不足两个会计年度，无法计算增长率，按 0 分');
    return;
  }
  const v1 = existed(firm, 3) ? value(d, firm, 3, net) : null;
  const v2 = value(d, firm, 2, net);
  const v3 = value(d, firm, 1, net);
  if (v1 === undefined || v2 === undefined || v3 === undefined) {
    d.item(it.name, 0, max, max, '数据缺失');
    return;
  }
  const g = hnteGrowthRate(v1, v2, v3);
  const i = g.rate > 0 ? bandIndex(s.growthBands, g.rate) : -1;
  judged(
    d,
    it,
    bandLo(s.growthBands, i),
    bandHi(s.growthBands, i),
    max,
    expert,
    () => `增长率 ${pct(g.rate)}（${g.basis}）`,
  );
}

function fixed(b: { points: number; pointsMax?: number }): [number, number] {
  return [b.points, b.pointsMax ?? b.points];
}

function ipItems(d: Draft, firm: Firm, s: Score, e: Expert): void {
  const f = firm.facts;
  const lo0 = d.lo;
  const hi0 = d.hi;
  judged(d, ADVANCEMENT, 0, s.techAdvancementMax, s.techAdvancementMax, e.techAdvancement, '专家评价');
  judged(d, CORE, 0, s.coreSupportMax, s.coreSupportMax, e.coreSupport, '专家评价');
  const qMax = fixed(s.quantityClassI)[1];
  const aMax = fixed(s.acquisitionOwn)[1];
  const classI = firm.classI;
  const classII = firm.classII;
  if (classI === null || classII === null) {
    d.miss('知识产权');
    d.item(QUANTITY.name, 0, qMax, qMax, '数据缺失');
    d.item(ACQUISITION.name, 0, aMax, aMax, '数据缺失');
  } else {
    let qlo: number;
    let qhi: number;
    if (classI > 0) [qlo, qhi] = fixed(s.quantityClassI);
    else {
      const i = bandIndex(s.quantityClassIIBands, classII);
      qlo = bandLo(s.quantityClassIIBands, i);
      qhi = bandHi(s.quantityClassIIBands, i);
    }
    judged(d, QUANTITY, qlo, qhi, qMax, e.ipQuantity, () => `I 类 ${classI} 件，II 类 ${classII} 件`);
    const own = f.ip?.obtainedBy === 'own_rd' || (f.ip?.classIOwnDeveloped ?? 0) > 0;
    const transfer = f.ip?.obtainedBy === 'transfer_only';
    if (classI + classII === 0) d.item(ACQUISITION.name, 0, 0, aMax, '无知识产权');
    else if (own || transfer) {
      const [lo, hi] = fixed(own ? s.acquisitionOwn : s.acquisitionTransferOnly);
      judged(d, ACQUISITION, lo, hi, aMax, e.ipAcquisition, own ? '有自主研发' : '仅受让、受赠或并购');
    } else {
      d.miss('知识产权获得方式（自主研发或仅受让）');
      const lo = Math.min(s.acquisitionOwn.points, s.acquisitionTransferOnly.points);
      judged(d, ACQUISITION, lo, aMax, aMax, e.ipAcquisition, '获得方式未申报');
    }
  }
  const [bLo, bMax] = fixed(s.standardBonus);
  if (!f.standards) {
    d.miss('标准制定情况');
    d.item(STANDARD.name, 0, bMax, bMax, '数据缺失');
  } else if (leadsStandard(f.standards, s.standardBonusLevels))
    judged(d, STANDARD, bLo, bMax, bMax, e.standardBonus, '主导制定国家或行业标准');
  else d.item(STANDARD.name, 0, 0, bMax, '未主导制定国家或行业标准');
  const hiExcess = d.hi - hi0 - s.ipMax;
  if (hiExcess > 0)
    d.cap(
      `知识产权小计超出 ${s.ipMax} 分的部分`,
      Math.max(0, d.lo - lo0 - s.ipMax),
      hiExcess,
      `知识产权小计封顶 ${s.ipMax} 分`,
    );
}

function leadsStandard(
  standards: NonNullable<Firm['facts']['standards']>,
  levels: readonly string[],
): boolean {
  for (const x of standards) if (x.role === 'lead' && levels.includes(x.level)) return true;
  return false;
}

/** 科技成果转化能力: the yearly average over the existing years of the last three. */
function conversionItem(d: Draft, firm: Firm, s: Score, e: Expert): void {
  const max = bandHi(s.conversionBands, 0);
  let sum = 0;
  let years = 0;
  let known = true;
  for (let k = 1; k <= 3; k++) {
    if (!existed(firm, k)) continue;
    const v = fig(firm, k, 'convertedResults', d);
    if (v === undefined) known = false;
    else sum += v;
    years++;
  }
  if (!known || years === 0) {
    d.item(CONVERSION.name, 0, max, max, '数据缺失');
    return;
  }
  const avg = sum / years;
  const i = bandIndex(s.conversionBands, avg);
  judged(
    d,
    CONVERSION,
    bandLo(s.conversionBands, i),
    bandHi(s.conversionBands, i),
    max,
    e.conversion,
    () => `近 ${years} 年转化 ${sum} 项，年均 ${Math.round(avg * 100) / 100} 项`,
  );
}

const NO_EXPERT: Expert = {};

/** Adds the 100-point score items to the draft. */
export function hnteScore(d: Draft, firm: Firm, s: Score): void {
  const e = firm.facts.expert?.hnte ?? NO_EXPERT;
  ipItems(d, firm, s, e); // 知识产权 ≤ 30
  conversionItem(d, firm, s, e); // 科技成果转化能力 ≤ 30
  // 研究开发组织管理水平 ≤ 20: expert judgements only.
  judged(d, MANAGEMENT, 0, s.rdManagementMax, s.rdManagementMax, e.rdManagement, '专家评价');
  judged(
    d,
    INSTITUTION,
    0,
    s.rdInstitutionCooperationMax,
    s.rdInstitutionCooperationMax,
    e.rdInstitutionCooperation,
    '专家评价',
  );
  judged(
    d,
    CONVERSION_ORG,
    0,
    s.conversionOrganisationMax,
    s.conversionOrganisationMax,
    e.conversionOrganisation,
    '专家评价',
  );
  judged(d, TALENT, 0, s.talentSystemsMax, s.talentSystemsMax, e.talentSystems, '专家评价');
  // 企业成长性 ≤ 20
  growthItem(d, firm, NET_ASSETS, s, e.netAssetGrowth, true);
  growthItem(d, firm, SALES, s, e.salesGrowth, false);
}
