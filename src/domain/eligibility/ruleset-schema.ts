/** The rule-set format: versioned, validated data (thresholds, bands, direct paths) behind each engine. */
import { z } from 'zod';
import { HNTE_FIELDS } from './facts-schema.js';
import { OTHER_TITLES, TIER_KEYS, type TierKey } from './tiers.js';

const isoDate = z.iso.date();
const ratio = z.number().min(0).max(10);
const money = z.number().min(0);

/** One scoring band: the first band whose condition holds gives `points` (to `pointsMax` when experts place
 *  the firm within the band); no band → 0 points. */
export const bandSchema = z.strictObject({
  op: z.enum(['>', '>=', '<', '<=']),
  value: z.number(),
  points: z.number().min(0),
  pointsMax: z.number().min(0).optional(),
});
export type Band = z.infer<typeof bandSchema>;

const bands = z.array(bandSchema).min(1).superRefine(checkBands);

function checkBands(list: Band[], ctx: z.RefinementCtx) {
  const up = list[0].op === '>' || list[0].op === '>=';
  list.forEach((b, i) => {
    if ((b.op === '>' || b.op === '>=') !== up)
      ctx.addIssue({
        code: 'custom',
        path: [i, 'op'],
        message: '同一组档位的比较方向必须一致（都用 > / ≥ 或都用 < / ≤）',
      });
    if (b.pointsMax !== undefined && b.pointsMax < b.points)
      ctx.addIssue({ code: 'custom', path: [i, 'pointsMax'], message: '分值上限不能小于分值下限' });
    if (i === 0) return;
    const prev = list[i - 1];
    if (up ? b.value > prev.value : b.value < prev.value)
      ctx.addIssue({
        code: 'custom',
        path: [i, 'value'],
        message: up ? '档位阈值应从高到低排列' : '档位阈值应从低到高排列',
      });
    if (b.points > prev.points)
      ctx.addIssue({ code: 'custom', path: [i, 'points'], message: '靠后的档位分值不能高于靠前的档位' });
  });
}

const level = z.enum(['national', 'provincial', 'city', 'other']);

/** Alternative routes that qualify a firm at once (直通条件 / 直接认定). */
export const directPathSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('title'),
    titles: z.array(z.enum([...TIER_KEYS, ...OTHER_TITLES])).min(1),
  }),
  z.strictObject({
    kind: z.literal('award'),
    levels: z.array(z.enum(['national', 'provincial', 'city'])).min(1),
    maxRank: z.int().min(1).nullable(),
    withinYears: z.int().min(1).max(20),
  }),
  z.strictObject({ kind: z.literal('rd_institution'), minLevel: level }),
  z.strictObject({
    kind: z.literal('standard_led'),
    levels: z.array(z.enum(['international', 'national', 'industry', 'local', 'group'])).min(1),
    withinYears: z.int().min(1).max(20),
  }),
  z.strictObject({ kind: z.literal('equity'), min: money, withinYears: z.int().min(1).max(20) }),
  z.strictObject({ kind: z.literal('average_rd'), min: money, years: z.int().min(1).max(5) }),
  z.strictObject({ kind: z.literal('makers_china'), withinYears: z.int().min(1).max(20) }),
]);
export type DirectPath = z.infer<typeof directPathSchema>;

const ipPoints = z.strictObject({
  classIHighValue: z.number().min(0),
  classIOwn: z.number().min(0),
  classI: z.number().min(0),
  classII: z.number().min(0),
});

const techSmeParams = z.strictObject({
  maxEmployees: z.int().min(1),
  maxRevenue: money,
  maxTotalAssets: money,
  passScore: z.number().min(0).max(100),
  requireTechStaffPoints: z.boolean(),
  techStaffBands: bands,
  rdRevenueBands: bands,
  rdCostsBands: bands,
  ipClassIPoints: z.number().min(0),
  ipClassIIBands: bands,
  directPaths: z.array(directPathSchema),
});

const innovativeSmeParams = z.strictObject({
  passScore: z.number().min(0).max(100),
  minInnovation: z.number().min(0),
  minGrowth: z.number().min(0),
  minSpecialisation: z.number().min(0),
  ipPoints,
  rdRatioBands: bands,
  mainGrowthBands: bands,
  debtRatioBands: bands,
  strategicEmergingPoints: z.strictObject({ yes: z.number().min(0), no: z.number().min(0) }),
  mainShareBands: bands,
  directPaths: z.array(directPathSchema),
});

const hnteParams = z.strictObject({
  minAgeDays: z.int().min(0),
  fields: z.array(z.enum(HNTE_FIELDS)).min(1),
  techStaffMinShare: ratio,
  rdRatioBySales: z
    .array(z.strictObject({ salesAtMost: money.nullable(), minRatio: ratio }))
    .min(1)
    .refine((l) => l[l.length - 1].salesAtMost === null, {
      message: '最后一档的销售收入上限应为 null（不设上限）',
    }),
  rdDomesticMinShare: ratio,
  highTechRevenueMinShare: ratio,
  minScore: z.number().min(0).max(100),
  score: z.strictObject({
    ipMax: z.number().min(0),
    techAdvancementMax: z.number().min(0),
    coreSupportMax: z.number().min(0),
    quantityClassI: bandSchema.omit({ op: true, value: true }),
    quantityClassIIBands: bands,
    acquisitionOwn: bandSchema.omit({ op: true, value: true }),
    acquisitionTransferOnly: bandSchema.omit({ op: true, value: true }),
    standardBonus: bandSchema.omit({ op: true, value: true }),
    standardBonusLevels: z.array(z.enum(['international', 'national', 'industry', 'local', 'group'])).min(1),
    conversionBands: bands,
    rdManagementMax: z.number().min(0),
    rdInstitutionCooperationMax: z.number().min(0),
    conversionOrganisationMax: z.number().min(0),
    talentSystemsMax: z.number().min(0),
    growthBands: bands,
  }),
});

/** The 专精特新 100-point score (also the provisional evaluation of the 2026 小巨人 rule set). */
export const specializedScoreSchema = z.strictObject({
  mainShareBands: bands,
  mainGrowthBands: bands,
  nicheYearsPerPoint: z.number().positive(),
  nicheMax: z.number().min(0),
  fieldPoints: z.strictObject({ chainBreakthrough: z.number().min(0), strategicField: z.number().min(0) }),
  digitalBands: bands,
  qualityPerItem: z.number().min(0),
  qualityMax: z.number().min(0),
  netMarginBands: bands,
  debtRatioBands: bands,
  featureMax: z.number().min(0),
  ipPoints,
  rdAmountBands: bands,
  rdRatioBands: bands,
  rdStaffBands: bands,
  institutionPoints: z.strictObject({
    national: z.number().min(0),
    provincial: z.number().min(0),
    city: z.number().min(0),
    other: z.number().min(0),
  }),
});
export type SpecializedScore = z.infer<typeof specializedScoreSchema>;

const specializedParams = z.strictObject({
  nicheYearsMin: z.number().min(0),
  revenueMin: money,
  equityAlternative: z.strictObject({ min: money, withinYears: z.int().min(1).max(20) }).nullable(),
  mainShareMin: ratio.nullable(),
  debtRatioMax: ratio.nullable(),
  rdMinAmount: money,
  rdMinRatio: ratio,
  rdYears: z.int().min(1).max(3),
  classIInUseMin: z.int().min(0).nullable(),
  passScore: z.number().min(0).max(100),
  directPaths: z.array(directPathSchema),
  score: specializedScoreSchema,
});

const littleGiant2022Params = z.strictObject({
  nicheYearsMin: z.number().min(0),
  mainShareMin: ratio,
  mainGrowthAvgMin: z.number(),
  debtRatioMax: ratio,
  marketShareMin: ratio,
  rdYears: z.int().min(1).max(3),
  innovationRoutes: z
    .array(
      z.strictObject({
        revenueMin: money,
        revenueBelow: money.nullable(),
        rdRatioEachYearMin: ratio.nullable(),
        equityMin: money.nullable(),
        equityWithinYears: z.int().min(1).max(20).nullable(),
        rdTotalMin: money.nullable(),
        rdStaffShareMin: ratio.nullable(),
      }),
    )
    .min(1),
  requireRdInstitution: z.boolean(),
  classIInUseMin: z.int().min(0),
  fastTrack: z.array(directPathSchema),
});

const littleGiant2026Params = z.strictObject({
  revenueMin: money,
  mainShareMin: ratio,
  revenueGrowthAvgMin: z.number(),
  debtRatioMax: ratio,
  rdYears: z.int().min(1).max(3),
  rdTotalMin: money,
  rdRatioEachYearMin: ratio,
  classIMin: z.int().min(0),
  marketShareMin: ratio,
  marketRankMax: z.int().min(1).nullable(),
  passScore: z.number().min(0).max(100),
  score: specializedScoreSchema,
});

const gazelleParams = z.strictObject({
  baseYearsBack: z.int().min(2).max(10),
  baseRevenueMin: money,
  cagrMin: z.number(),
  requireLatestGrowth: z.boolean(),
  maxAgeYears: z.number().positive().nullable(),
});

const unicornParams = z.strictObject({
  requirePrivateInvestment: z.boolean(),
  requireUnlisted: z.boolean(),
  routes: z
    .array(
      z.strictObject({
        maxAgeYears: z.number().positive(),
        minValuationUsd: money,
        minFinancingUsd: money,
      }),
    )
    .min(1)
    .refine((r) => r.every((x, i) => i === 0 || x.maxAgeYears > r[i - 1].maxAgeYears), {
      message: '各路径的成立年限上限应从小到大排列',
    }),
});

const header = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, '编号只能用小写字母、数字和连字符，3–64 位'),
  tier: z.enum(TIER_KEYS),
  alsoFor: z.array(z.enum(TIER_KEYS)).optional(),
  name: z.string().min(1),
  document: z.string().min(1),
  relatedDocuments: z.array(z.string()).optional(),
  version: z.int().min(1),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  reReviewValidTo: isoDate.nullable().optional(),
  provisional: z.boolean(),
  default: z.boolean(),
  org: z.string().nullable().optional(),
  notes: z.string().optional(),
};

export const rulesetSchema = z
  .discriminatedUnion('engine', [
    z.strictObject({ ...header, engine: z.literal('tech_sme_2017'), params: techSmeParams }),
    z.strictObject({ ...header, engine: z.literal('innovative_sme_2022'), params: innovativeSmeParams }),
    z.strictObject({ ...header, engine: z.literal('hnte_2016'), params: hnteParams }),
    z.strictObject({ ...header, engine: z.literal('specialized_sme'), params: specializedParams }),
    z.strictObject({ ...header, engine: z.literal('little_giant_2022'), params: littleGiant2022Params }),
    z.strictObject({ ...header, engine: z.literal('little_giant_2026'), params: littleGiant2026Params }),
    z.strictObject({ ...header, engine: z.literal('gazelle'), params: gazelleParams }),
    z.strictObject({ ...header, engine: z.literal('unicorn'), params: unicornParams }),
  ])
  .superRefine((r, ctx) => {
    const allowed = ENGINE_TIERS[r.engine];
    for (const t of [r.tier, ...(r.alsoFor ?? [])])
      if (!allowed.includes(t))
        ctx.addIssue({ code: 'custom', path: ['tier'], message: `引擎 ${r.engine} 不能用于梯队 ${t}` });
    if (r.validTo !== null && r.validTo < r.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: '失效日期早于生效日期' });
    if (r.reReviewValidTo && r.reReviewValidTo < r.validFrom)
      ctx.addIssue({ code: 'custom', path: ['reReviewValidTo'], message: '复核适用截止日早于生效日期' });
  });

export type Ruleset = z.infer<typeof rulesetSchema>;
export type EngineKey = Ruleset['engine'];
export type RulesetOf<E extends EngineKey> = Extract<Ruleset, { engine: E }>;

/** Which tiers each engine can judge (the merged 2026 科技和创新型 rule set judges two). */
export const ENGINE_TIERS: Record<EngineKey, readonly TierKey[]> = {
  tech_sme_2017: ['tech_sme'],
  innovative_sme_2022: ['innovative_sme', 'tech_sme'],
  hnte_2016: ['hnte'],
  specialized_sme: ['specialized_sme'],
  little_giant_2022: ['little_giant'],
  little_giant_2026: ['little_giant'],
  gazelle: ['gazelle'],
  unicorn: ['unicorn', 'potential_unicorn'],
};
