/** 技术委员会 aggregation. Experts score each dimension 1–9 (NIH's scale). A panel's score is the mean of
 *  the non-conflicted experts' scores — trimmed (highest and lowest dropped) when five or more scored —
 *  and its spread is shown. Reviewers agree little in practice (reference/evaluation.md), so a panel
 *  that disagrees beyond the threshold is marked 需讨论 instead of being averaged away. */
import type { Dimension } from '../profile/model.js';

export type ExpertScore = {
  expertId: string;
  conflicted: boolean;
  scores: Partial<Record<Dimension, number>>;
};

export type DisagreementRule = {
  /** Standard deviation of the experts' overall scores (1–9 scale) above which the panel discusses. */
  maxSd: number;
  /** …or a spread (highest − lowest) at least this large. */
  maxRange: number;
};
export const DEFAULT_DISAGREEMENT: DisagreementRule = { maxSd: 1.5, maxRange: 4 };
export const MIN_EXPERTS = 3;

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** One expert's overall: their dimension scores weighted by the model's weights (renormalised over the
 *  dimensions they scored). */
export function expertOverall(
  scores: Partial<Record<Dimension, number>>,
  weights: Record<Dimension, number>,
) {
  const entries = Object.entries(scores) as [Dimension, number][];
  const w = entries.reduce((s, [d]) => s + weights[d], 0);
  return w ? entries.reduce((s, [d, v]) => s + weights[d] * v, 0) / w : Number.NaN;
}

/** Mean, trimmed by one at each end when there are five or more values. */
export function panelMean(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const used = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  return { mean: mean(used), trimmed: used.length !== sorted.length };
}

export function aggregatePanel(
  reviews: ExpertScore[],
  weights: Record<Dimension, number>,
  rule: DisagreementRule = DEFAULT_DISAGREEMENT,
) {
  const counted = reviews.filter((r) => !r.conflicted && Object.keys(r.scores).length > 0);
  const overalls = counted.map((r) => expertOverall(r.scores, weights));
  if (!overalls.length)
    return {
      experts: 0,
      excluded: reviews.length,
      score9: null,
      score100: null,
      sd: null,
      range: null,
      trimmed: false,
      discuss: false,
      enough: false,
      byDimension: {},
    };
  const { mean: m, trimmed } = panelMean(overalls);
  const sd = Math.sqrt(mean(overalls.map((x) => (x - mean(overalls)) ** 2)));
  const range = Math.max(...overalls) - Math.min(...overalls);
  const byDimension: Partial<Record<Dimension, { mean: number; sd: number; n: number }>> = {};
  for (const d of Object.keys(weights) as Dimension[]) {
    const vs = counted.map((r) => r.scores[d]).filter((v): v is number => v !== undefined);
    if (vs.length)
      byDimension[d] = {
        mean: r2(panelMean(vs).mean),
        sd: r2(Math.sqrt(mean(vs.map((v) => (v - mean(vs)) ** 2)))),
        n: vs.length,
      };
  }
  return {
    experts: counted.length,
    excluded: reviews.length - counted.length,
    score9: r2(m),
    /** The 1–9 mean on the 0–100 scale the other two views use: 1 → 0, 9 → 100. */
    score100: Math.round(((m - 1) / 8) * 1000) / 10,
    sd: r2(sd),
    range: r2(range),
    trimmed,
    discuss: counted.length > 1 && (sd > rule.maxSd || range >= rule.maxRange),
    enough: counted.length >= MIN_EXPERTS,
    byDimension,
  };
}
export type PanelResult = ReturnType<typeof aggregatePanel>;
