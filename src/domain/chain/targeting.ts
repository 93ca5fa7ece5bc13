/** 靶向招商: ranking the firms of the target universe (outside the org's region) for a weak or missing
 *  chain node, factor by factor, so every rank can be explained. Pure: the facts come from the registry,
 *  the placements and the relation graph; the weights are an org's own (defaults documented below). */
import { z } from 'zod';

export const TARGET_FACTORS = ['fit', 'scale', 'innovation', 'growth', 'funding', 'proximity'] as const;
export type TargetFactor = (typeof TARGET_FACTORS)[number];
export const FACTOR_NAMES: Record<TargetFactor, string> = {
  fit: '与节点的契合度',
  scale: '规模',
  innovation: '创新能力',
  growth: '成长性',
  funding: '近期融资',
  proximity: '关系邻近（以商引商）',
};

export const targetWeightsSchema = z.strictObject(
  Object.fromEntries(TARGET_FACTORS.map((f) => [f, z.number().min(0).max(100)])) as Record<
    TargetFactor,
    z.ZodNumber
  >,
);
export type TargetWeights = Record<TargetFactor, number>;

/** Default weights (sum 100), and why: what the firm does must fit the missing link first (25); a
 *  target is worth a visit for its innovation (20) more than its size (15), since parks recruit
 *  科技型 projects; growth (15) and fresh money (10) say whether it is expanding now, when a new site is
 *  decided; a customer or supplier of the region's own leading firms (15) is the warmest lead there is
 *  (以商引商) — the region can ask its 龙头 to introduce it. */
export const DEFAULT_TARGET_WEIGHTS: TargetWeights = {
  fit: 25,
  scale: 15,
  innovation: 20,
  growth: 15,
  funding: 10,
  proximity: 15,
};

export type TargetFacts = {
  /** Placement confidence on the node (0–1). */
  confidence: number;
  /** Latest year's revenue, 元, and the year. */
  revenue: number | null;
  revenueYear: number | null;
  /** Revenue two years before the latest, 元 (for growth). */
  revenueEarlier: number | null;
  inventionPatents: number;
  rdRatio: number | null;
  /** Valid titles (tier keys). */
  titles: string[];
  /** Equity raised in the last three years, 元 (CNY-equivalent as recorded), and the latest round. */
  recentFunding: number;
  latestRound: string | null;
  /** Direct relations with the org's local firms: the names of its 龙头 it supplies or buys from, and
   *  how many other local firms it is related to. */
  leaderLinks: string[];
  localLinks: number;
};

export type FactorScore = {
  factor: TargetFactor;
  name: string;
  value: number;
  weight: number;
  points: number;
  why: string;
};

const clamp = (v: number) => Math.max(0, Math.min(1, v));
const yi = (v: number) => (v >= 1e8 ? `${Math.round(v / 1e7) / 10} 亿元` : `${Math.round(v / 1e4)} 万元`);
const TITLE_VALUE: Record<string, [number, string]> = {
  unicorn: [1, '独角兽'],
  potential_unicorn: [0.9, '潜在独角兽'],
  little_giant: [1, '专精特新“小巨人”'],
  gazelle: [0.8, '瞪羚'],
  specialized_sme: [0.7, '专精特新'],
  hnte: [0.6, '高新技术企业'],
  innovative_sme: [0.4, '创新型中小企业'],
  tech_sme: [0.3, '科技型中小企业'],
};

/** The best valid title's [value, name], if any. */
const bestTitle = (titles: string[]) =>
  titles
    .map((t) => TITLE_VALUE[t])
    .filter(Boolean)
    .sort((a, b) => b[0] - a[0])[0];
const rdRatioPart = (f: TargetFacts) => (f.rdRatio === null ? 0 : clamp(f.rdRatio / 0.1));
const growthOf = (f: TargetFacts) =>
  f.revenue !== null && f.revenueEarlier && f.revenueEarlier > 0
    ? Math.sqrt(f.revenue / f.revenueEarlier) - 1
    : null;

/** 以商引商: supplying or cooperating with a local 龙头, or any other relation with a local firm. */
export const PROXIMITY = { leader: 1, related: 0.6 } as const;

/** Each factor's value 0–1, without the words: what ranking many firms needs (factorValues adds the why). */
export function factorNumbers(f: TargetFacts): Record<TargetFactor, number> {
  const title = bestTitle(f.titles);
  const growth = growthOf(f);
  return {
    fit: clamp(f.confidence),
    // 1,000 万元 → 0, 100 亿元 → 1, on a log scale.
    scale: f.revenue ? clamp((Math.log10(f.revenue) - 7) / 3) : 0,
    innovation: clamp(0.4 * (title?.[0] ?? 0) + 0.4 * clamp(f.inventionPatents / 20) + 0.2 * rdRatioPart(f)),
    // Two-year average revenue growth: 0 % → 0, 50 % a year or more → 1.
    growth: growth === null ? 0 : clamp(growth / 0.5),
    // 100 万元 → 0, 10 亿元 → 1, on a log scale.
    funding: f.recentFunding > 0 ? clamp((Math.log10(f.recentFunding) - 6) / 3) : 0,
    proximity: f.leaderLinks.length ? PROXIMITY.leader : f.localLinks > 0 ? PROXIMITY.related : 0,
  };
}

/** Each factor 0–1 with the reason in words. */
export function factorValues(f: TargetFacts): Record<TargetFactor, { value: number; why: string }> {
  const v = factorNumbers(f);
  const title = bestTitle(f.titles);
  const growth = growthOf(f);
  return {
    fit: { value: v.fit, why: `匹配置信度 ${Math.round(f.confidence * 100)}%` },
    scale: {
      value: v.scale,
      why: f.revenue ? `${f.revenueYear} 年营收 ${yi(f.revenue)}` : '无营收数据',
    },
    innovation: {
      value: v.innovation,
      why:
        [
          title ? title[1] : null,
          f.inventionPatents ? `发明专利 ${f.inventionPatents} 件` : null,
          f.rdRatio !== null ? `研发投入强度 ${Math.round(f.rdRatio * 1000) / 10}%` : null,
        ]
          .filter(Boolean)
          .join('，') || '无资质、专利与研发数据',
    },
    growth: {
      value: v.growth,
      why:
        growth === null
          ? '营收年份不足，无法计算增长'
          : `近两年营收年均增长 ${Math.round(growth * 1000) / 10}%`,
    },
    funding: {
      value: v.funding,
      why:
        f.recentFunding > 0
          ? `近三年融资 ${yi(f.recentFunding)}${f.latestRound ? `（最近一轮 ${f.latestRound}）` : ''}`
          : '近三年无融资记录',
    },
    proximity: {
      value: v.proximity,
      why: f.leaderLinks.length
        ? `与本地龙头 ${f.leaderLinks.slice(0, 3).join('、')} 有供应或合作关系`
        : f.localLinks > 0
          ? `与 ${f.localLinks} 家本地企业有关系`
          : '与本地企业无已知关系',
    },
  };
}

/** A factor's points: its value × its share of the weights, to 0.1. */
const pointsOf = (value: number, weight: number, total: number) =>
  Math.round(((value * weight * 100) / total) * 10) / 10;
const weightTotal = (w: TargetWeights) => TARGET_FACTORS.reduce((s, k) => s + w[k], 0) || 1;

/** Each factor's points per unit of value, unrounded: Σ value × this is the score before rounding,
 *  what a ranking can estimate in SQL. */
export function pointsPerValue(w: TargetWeights): TargetWeights {
  const total = weightTotal(w);
  return Object.fromEntries(TARGET_FACTORS.map((k) => [k, (w[k] * 100) / total])) as TargetWeights;
}

/** How far that unrounded sum can be from scoreTarget's score: each of the six factors' points is
 *  rounded to 0.1, then the sum; plus a margin for values stored in single precision (≪ 0.001). */
export const ESTIMATE_ERROR = TARGET_FACTORS.length * 0.05 + 0.05 + 0.001;

/** The score (0–100) and its breakdown: each factor's value × its share of the weights. */
export function scoreTarget(f: TargetFacts, w: TargetWeights): { score: number; factors: FactorScore[] } {
  const values = factorValues(f);
  const total = weightTotal(w);
  const factors = TARGET_FACTORS.map((k) => ({
    factor: k,
    name: FACTOR_NAMES[k],
    value: Math.round(values[k].value * 1000) / 1000,
    weight: w[k],
    points: pointsOf(values[k].value, w[k], total),
    why: values[k].why,
  }));
  return { score: Math.round(factors.reduce((s, x) => s + x.points, 0) * 10) / 10, factors };
}
