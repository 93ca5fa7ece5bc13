/** 季度考核: a published, editable formula over a team's or an officer's quarter. Each term gives
 *  `weight` points per unit of its metric, up to an optional cap; the score is the sum, and every term's
 *  points are shown so nobody has to trust a number they cannot recompute. Pure: the figures come in. */

export const ASSESSMENT_METRICS = [
  'newLeads',
  'signings',
  'landings',
  'plannedInvestment',
  'arrivedInvestment',
  'highQualityShare',
  'talents',
  'scientistTeams',
] as const;
export type AssessmentMetric = (typeof ASSESSMENT_METRICS)[number];

/** What each metric counts, in the words of the assessment table (units in brackets). */
export const METRIC_LABELS: Record<AssessmentMetric, string> = {
  newLeads: '新增线索（个）',
  signings: '签约项目（个）',
  landings: '落地项目（个）',
  plannedInvestment: '签约项目计划投资（亿元）',
  arrivedInvestment: '落地项目到位资金（亿元）',
  highQualityShare: '高质量项目占比（大院大所、行业龙头、央企国企）',
  talents: '引进高层次人才（名）',
  scientistTeams: '引进科学家团队（个）',
};

/** A metric's value as the table states it: the share in per cent (1 → "100%"), others as numbers. */
export function termValueText(metric: AssessmentMetric, value: number): string {
  if (metric === 'highQualityShare') return `${Math.round(value * 1000) / 10}%`;
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value);
}

export type AssessmentTerm = { metric: AssessmentMetric; weight: number; cap: number | null };
export type AssessmentFormula = { terms: AssessmentTerm[] };
export type QuarterFigures = Record<AssessmentMetric, number>;

/** The default formula (docs/pipeline.md gives the reasons): landing outweighs signing, which outweighs
 *  a lead; money counts per 亿元; leads are capped so a pile of weak leads cannot buy a rank. */
export const DEFAULT_FORMULA: AssessmentFormula = {
  terms: [
    { metric: 'newLeads', weight: 1, cap: 20 },
    { metric: 'signings', weight: 8, cap: null },
    { metric: 'landings', weight: 12, cap: null },
    { metric: 'plannedInvestment', weight: 2, cap: 40 },
    { metric: 'arrivedInvestment', weight: 4, cap: 40 },
    { metric: 'highQualityShare', weight: 20, cap: null },
    { metric: 'talents', weight: 1, cap: 20 },
    { metric: 'scientistTeams', weight: 5, cap: 25 },
  ],
};

export type TermPoints = {
  metric: AssessmentMetric;
  label: string;
  value: number;
  points: number;
  capped: boolean;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One team's or officer's score with each term's points. The share is a fraction (0–1); the weight
 *  is its points at 100 %. */
export function assess(formula: AssessmentFormula, figures: QuarterFigures) {
  const breakdown: TermPoints[] = formula.terms.map((t) => {
    const value = figures[t.metric] ?? 0;
    const raw = t.weight * value;
    const capped = t.cap !== null && raw > t.cap;
    return {
      metric: t.metric,
      label: METRIC_LABELS[t.metric],
      value,
      points: round2(capped ? (t.cap as number) : raw),
      capped,
    };
  });
  return { score: round2(breakdown.reduce((s, b) => s + b.points, 0)), breakdown };
}

/** Rank by score, ties sharing a rank (1, 2, 2, 4), then by name so the table is stable. */
export function rankRows<T extends { score: number; name: string }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.score !== sorted[i - 1].score) rank = i + 1;
    return { ...r, rank };
  });
}

/** "2026-Q4" → [2026-10-01, 2027-01-01). */
export function quarterRange(quarter: string): { from: string; to: string } {
  const [y, q] = quarter.split('-Q').map(Number);
  const from = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const to = q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return { from, to };
}

/** "2026-11" → [2026-11-01, 2026-12-01). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to };
}
