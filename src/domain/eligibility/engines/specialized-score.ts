/** The 专精特新中小企业 100-point score (工信部企业〔2022〕63号 附件2): 专业化 25, 精细化 25, 特色化 15,
 *  创新能力 35. Also the provisional evaluation of the 2026 小巨人 rule set. */
import { pct, wan } from '../format.js';
import { bandHi, bandIndex, bandLo, bandsMax } from '../logic.js';
import { type Firm, fig } from '../prepare.js';
import type { SpecializedScore } from '../ruleset-schema.js';
import type { Draft } from '../verdict.js';
import { twoYearGrowth } from './growth.js';
import { ipItem, ratioItem } from './shared.js';

const QUALITY_LABELS = [
  '是否获省级以上质量奖',
  '是否通过质量管理体系认证',
  '是否拥有自主品牌',
  '是否参与制修订标准',
];

/** 精细化：质量管理水平 — points per item met, capped; undeclared items widen the range. */
function qualityItem(d: Draft, firm: Firm, s: SpecializedScore): void {
  const dec = firm.facts.declared ?? {};
  const standards = firm.facts.standards;
  const values = [
    dec.provincialQualityAward,
    dec.qualitySystemCertified,
    dec.ownBrand,
    dec.standardSetting ?? (standards ? standards.length > 0 : undefined),
  ];
  let yes = 0;
  let unknown = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === true) yes++;
    else if (values[i] === undefined) {
      unknown++;
      d.miss(QUALITY_LABELS[i]);
    }
  }
  d.item(
    '精细化：质量管理水平',
    Math.min(s.qualityMax, yes * s.qualityPerItem),
    Math.min(s.qualityMax, (yes + unknown) * s.qualityPerItem),
    s.qualityMax,
    () => `满足 ${yes} 项${unknown ? `，${unknown} 项未申报` : ''}`,
  );
}

function fieldItem(d: Draft, firm: Firm, s: SpecializedScore): void {
  const dec = firm.facts.declared ?? {};
  const { chainBreakthrough: chain, strategicField: field } = s.fieldPoints;
  const max = Math.max(chain, field);
  const name = '专业化：主导产品所属领域';
  if (dec.chainBreakthrough === true)
    d.item(name, chain, chain, max, '在产业链关键环节补短板、锻长板、填空白');
  else if (dec.chainBreakthrough === undefined) {
    d.miss('是否在产业链供应链关键环节补短板、锻长板、填空白取得实际成效');
    d.item(name, dec.leadProductInStrategicField ? field : 0, max, max, '未申报');
  } else if (dec.leadProductInStrategicField === undefined) {
    d.miss('主导产品是否属于工业“六基”、制造强国、网络强国等领域');
    d.item(name, 0, field, max, '未申报');
  } else if (dec.leadProductInStrategicField) d.item(name, field, field, max, '属于工业“六基”等重点领域');
  else d.item(name, 0, 0, max, '不属于上述领域');
}

export function specializedScore(d: Draft, firm: Firm, s: SpecializedScore): void {
  const dec = firm.facts.declared ?? {};
  const revenue = fig(firm, 1, 'revenue', d);
  const main = fig(firm, 1, 'mainRevenue', d);

  // 专业化 (25)
  ratioItem(d, '专业化：主营业务收入占比', s.mainShareBands, bandsMax(s.mainShareBands), main, revenue, pct);
  const g = twoYearGrowth(firm, 'mainRevenue', d);
  const gMax = bandsMax(s.mainGrowthBands);
  const gName = '专业化：近 2 年主营业务收入平均增长率';
  if (g === undefined) d.item(gName, 0, gMax, gMax, '数据缺失');
  else if (g.rate === null) d.item(gName, 0, 0, gMax, () => `${g.basis()}，按 0 分`);
  else {
    const i = bandIndex(s.mainGrowthBands, g.rate);
    d.item(gName, bandLo(s.mainGrowthBands, i), bandHi(s.mainGrowthBands, i), gMax, g.basis);
  }
  const niche = dec.nicheYears;
  if (niche === undefined) {
    d.miss('从事特定细分市场年限');
    d.item('专业化：从事特定细分市场年限', 0, s.nicheMax, s.nicheMax, '未申报');
  } else {
    const v = Math.min(s.nicheMax, Math.floor(niche / s.nicheYearsPerPoint + 1e-9));
    d.item('专业化：从事特定细分市场年限', v, v, s.nicheMax, () => `${niche} 年`);
  }
  fieldItem(d, firm, s);

  // 精细化 (25)
  const dMax = bandsMax(s.digitalBands);
  const level = dec.digitalLevel;
  if (level === undefined) {
    d.miss('数字化水平等级');
    d.item('精细化：数字化水平', 0, dMax, dMax, '未申报');
  } else {
    const v = bandLo(s.digitalBands, bandIndex(s.digitalBands, level));
    d.item('精细化：数字化水平', v, v, dMax, () => `${level} 级`);
  }
  qualityItem(d, firm, s);
  const profit = fig(firm, 1, 'netProfit', d);
  ratioItem(
    d,
    '精细化：上年度净利润率',
    s.netMarginBands,
    bandsMax(s.netMarginBands),
    profit,
    revenue,
    (r) => `净利润 ${wan(profit ?? 0)} ÷ 营业收入 = ${pct(r)}`,
  );
  const debt = fig(firm, 1, 'totalLiabilities', d);
  const assets = fig(firm, 1, 'totalAssets', d);
  ratioItem(d, '精细化：上年度资产负债率', s.debtRatioBands, bandsMax(s.debtRatioBands), debt, assets, pct);

  // 特色化 (15): set by each province.
  const feature = dec.provincialFeatureScore;
  if (feature === undefined) {
    d.miss('特色化指标得分（由各省确定）');
    d.item('特色化指标', 0, s.featureMax, s.featureMax, '由各省确定，未给出');
  } else {
    const v = Math.min(s.featureMax, feature);
    d.item('特色化指标', v, v, s.featureMax, '省级评分');
  }

  // 创新能力 (35)
  ipItem(d, firm, '创新能力：与主导产品相关的有效知识产权', s.ipPoints);
  const rd = fig(firm, 1, 'rdExpense', d);
  const rMax = Math.max(bandsMax(s.rdAmountBands), bandsMax(s.rdRatioBands));
  if (rd === undefined || revenue === undefined)
    d.item('创新能力：上年度研发费用投入', 0, rMax, rMax, '数据缺失');
  else {
    const a = bandLo(s.rdAmountBands, bandIndex(s.rdAmountBands, rd));
    const r = revenue > 0 ? rd / revenue : 0;
    const v = Math.max(a, revenue > 0 ? bandLo(s.rdRatioBands, bandIndex(s.rdRatioBands, r)) : 0);
    d.item(
      '创新能力：上年度研发费用投入',
      v,
      v,
      rMax,
      () => `研发费用 ${wan(rd)}，占营业收入 ${pct(r)}，取较高档`,
    );
  }
  const rdStaff = fig(firm, 1, 'rdStaff', d);
  const employees = fig(firm, 1, 'employees', d);
  ratioItem(
    d,
    '创新能力：上年度研发人员占比',
    s.rdStaffBands,
    bandsMax(s.rdStaffBands),
    rdStaff,
    employees,
    (r) => `${rdStaff} / ${employees} 人 = ${pct(r)}`,
  );
  const points = s.institutionPoints;
  const iMax = Math.max(points.national, points.provincial, points.city, points.other);
  const inst = firm.facts.rdInstitutions;
  if (!inst) {
    d.miss('研发机构');
    d.item('创新能力：研发机构级别', 0, iMax, iMax, '数据缺失');
  } else {
    let v = 0;
    for (const x of inst) v = Math.max(v, points[x.level]);
    d.item(
      '创新能力：研发机构级别',
      v,
      v,
      iMax,
      inst.length ? () => `${inst.length} 个研发机构，取最高级别` : '未建立研发机构',
    );
  }
}
