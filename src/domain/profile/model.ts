/** 评估模型 (scoringModel): the published, versioned model of the 创新力画像. Five dimensions, each a set
 *  of indicators; an indicator reads one fact and gives points from a band table, like the official rules
 *  in shared/reference/criteria.md. Admins edit it as data; a model is checked here before it is saved,
 *  and a model may never read a forbidden input (age, gender, hometown, school prestige). */
import { z } from 'zod';
import { FACT_KEYS as PLAN_FACT_KEYS } from '../evaluation/extract/types.js';

export const DIMENSIONS = ['technology', 'chainFit', 'team', 'growth', 'scale'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_NAMES: Record<Dimension, string> = {
  technology: '技术含量',
  chainFit: '产业链契合度',
  team: '团队竞争力',
  growth: '成长潜能',
  scale: '投资规模与落地效益',
};

/** An expert's scores named and in the model's order. Stored as jsonb, whose keys come back in
 *  PostgreSQL's order (shortest first), so the values alone would put 团队 where 技术含量 belongs. */
export function namedScores(scores: Partial<Record<Dimension, number>>): string {
  return DIMENSIONS.map((d) => `${DIMENSION_NAMES[d]} ${scores[d] ?? '—'}`).join('，');
}

/** Facts a model may read: the keys the plan reader extracts, then what is derived from them, the
 *  registry's titles and the chain map's view of the node the project serves. */
export const FACT_KEYS = [
  ...PLAN_FACT_KEYS,
  'rd_staff_ratio',
  'output.per_mu',
  'customers.key_count',
  'affiliation.rank',
  'qualifications.rank',
  'chain.node_fit',
  'chain.leading',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** Inputs no model may use: they are unfair and, in public use, unlawful grounds (reference/evaluation.md). */
export const FORBIDDEN_INPUTS = ['age', 'gender', 'hometown', 'school', 'birthplace', 'ethnicity', 'marital'];

const Band = z.object({
  /** The band applies from this value upward (inclusive). */
  min: z.number(),
  points: z.number().min(0),
});
const Indicator = z.object({
  key: z.string().regex(/^[a-z_.]+$/),
  name: z.string().min(1).max(40),
  fact: z.string(),
  /** Bands in ascending `min`; a value below the first band scores 0. */
  bands: z.array(Band).min(1).max(12),
  /** Points at full marks; every band's points ≤ max. */
  max: z.number().positive(),
  /** Why this indicator is here, shown to whoever reads the profile. */
  why: z.string().max(300).optional(),
});
const DimensionSpec = z.object({
  key: z.enum(DIMENSIONS),
  weight: z.number().min(0).max(1),
  indicators: z.array(Indicator).min(1).max(12),
});
export const ScoringModelSchema = z
  .object({
    version: z.int().min(1),
    name: z.string().min(1).max(60),
    dimensions: z.array(DimensionSpec).length(DIMENSIONS.length),
    /** Per-industry weights (GB/T 4754 门类 letter or 两位大类 code → dimension weights). */
    industryWeights: z
      .record(z.string().regex(/^[A-T]$|^\d{2}$/), z.record(z.enum(DIMENSIONS), z.number().min(0).max(1)))
      .default({}),
  })
  .superRefine((m, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (new Set(m.dimensions.map((d) => d.key)).size !== DIMENSIONS.length) issue('五个维度须各出现一次');
    const total = m.dimensions.reduce((s, d) => s + d.weight, 0);
    if (Math.abs(total - 1) > 1e-6) issue(`维度权重之和须为 1，当前为 ${Math.round(total * 1000) / 1000}`);
    for (const [industry, ws] of Object.entries(m.industryWeights)) {
      const t = Object.values(ws).reduce((s, w) => s + w, 0);
      if (Math.abs(t - 1) > 1e-6) issue(`行业 ${industry} 的维度权重之和须为 1`);
    }
    for (const d of m.dimensions)
      for (const i of d.indicators) {
        if (FORBIDDEN_INPUTS.some((f) => i.fact.toLowerCase().includes(f) || i.key.includes(f)))
          issue(`指标“${i.name}”使用了禁止的输入（年龄、性别、籍贯、毕业院校等不得参与评分）`);
        else if (!(FACT_KEYS as readonly string[]).includes(i.fact))
          issue(`指标“${i.name}”读取的事实 ${i.fact} 不存在`);
        if (i.bands.some((b, k) => k > 0 && b.min <= i.bands[k - 1].min))
          issue(`指标“${i.name}”的分档须按下限递增`);
        if (i.bands.some((b) => b.points > i.max)) issue(`指标“${i.name}”的分档得分不能超过满分 ${i.max}`);
      }
  });
export type ScoringModel = z.infer<typeof ScoringModelSchema>;
export type IndicatorSpec = ScoringModel['dimensions'][number]['indicators'][number];
