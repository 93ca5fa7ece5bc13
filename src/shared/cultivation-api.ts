/** The 培育库 API's shapes: screening runs, their ladder and results, and a firm's diagnostic card. */

import { z } from 'zod';
import { chinaToday } from '../domain/text/china-today.js';
import { Paging } from './api.js';

/** Today's date in China (YYYY-MM-DD), whatever the server's time zone. */

export const TIERS = [
  'tech_sme',
  'innovative_sme',
  'hnte',
  'specialized_sme',
  'little_giant',
  'gazelle',
  'potential_unicorn',
  'unicorn',
] as const;
export const STANDINGS = ['holding', 'eligible', 'close', 'far', 'unknown'] as const;

const isoDate = z.iso.date();

export const CloseRuleSchema = z.object({
  maxUnmet: z.int().min(0).max(10).describe('最多几项未满足仍算“接近”'),
  scoreMargin: z.number().min(0).max(100).describe('离及格分不超过几分仍算“接近”'),
  tolerance: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      '每项未满足的数值条件（营收、占比、增长率、估值等）差距不超过要求值的几成仍算“接近”，如 0.3 即 30%；发起筛查时默认 0.3',
    ),
});

/** The earliest rule set in force (高企 2016); a screening before it has no rules to apply, and one
 *  more than a year ahead is a typing slip (1900, 2099 were screened with every tier "unknown"). */
const EARLIEST_RULES = '2016-01-01';
const screeningDate = isoDate
  .refine((d) => d >= EARLIEST_RULES, '评估日期不能早于 2016-01-01（最早的认定办法自此施行）')
  .refine((d) => d <= `${Number(chinaToday().slice(0, 4)) + 1}-12-31`, '评估日期最多到明年年底');

export const ScreeningCreate = z.object({
  assessedOn: screeningDate.optional().describe('评估日期，默认今天；决定适用的认定办法版本'),
  closeRule: CloseRuleSchema.optional(),
});

export const ScreeningRun = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    orgName: z.string(),
    assessedOn: z.string(),
    closeRule: CloseRuleSchema,
    rulesets: z.record(
      z.string(),
      z.object({
        id: z.string(),
        document: z.string(),
        name: z.string().optional(),
        provisional: z.boolean().optional(),
      }),
    ),
    status: z.string(),
    firms: z.int(),
    jobId: z.uuid().nullable(),
    progress: z.number().nullable(),
    message: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ScreeningRun' });

export const LadderRung = z.object({
  tier: z.enum(TIERS),
  tierName: z.string(),
  holding: z.int(),
  eligible: z.int(),
  close: z.int(),
  far: z.int(),
  unknown: z.int(),
  /** Compared with the org's previous finished run: how many more firms hold the title / are eligible. */
  previous: z
    .object({ runId: z.uuid(), assessedOn: z.string(), holding: z.int(), eligible: z.int() })
    .nullable(),
});
export const Ladder = z.object({ run: ScreeningRun, rungs: z.array(LadderRung) });

export const ResultQuery = Paging.extend({
  tier: z.enum(TIERS),
  status: z.enum(STANDINGS).optional(),
  q: z.string().max(100).optional(),
});
export const ScreeningResultItem = z.object({
  enterpriseId: z.uuid(),
  name: z.string(),
  uscc: z.string().nullable(),
  status: z.enum(STANDINGS),
  heldUntil: z.string().nullable(),
  eligible: z.boolean().nullable(),
  score: z.number().nullable(),
  scoreMin: z.number().nullable(),
  scoreMax: z.number().nullable(),
  ruleset: z.string().nullable(),
  unmet: z.array(z.object({ criterion: z.string(), actual: z.string(), required: z.string() })),
  gap: z.array(z.string()),
  missing: z.array(z.string()),
  /** The direct path (直通条件) that holds, e.g. a valid 高企 title: with it the firm qualifies whatever
   *  its score, if the basic conditions hold (then standing is eligible). */
  directPath: z.string().nullable(),
  /** Movement since the previous run: its standing then, if the firm was screened. */
  previousStatus: z.enum(STANDINGS).nullable(),
});
export const ScreeningResults = z.object({ items: z.array(ScreeningResultItem), total: z.int() });

const BreakdownItem = z.object({
  item: z.string(),
  points: z.number().nullable(),
  range: z.tuple([z.number(), z.number()]).nullable(),
  max: z.number(),
  basis: z.string(),
});
export const TierStanding = z.object({
  tier: z.enum(TIERS),
  tierName: z.string(),
  ruleset: z.string(),
  rulesetName: z.string(),
  document: z.string(),
  provisional: z.boolean(),
  eligible: z.boolean().nullable(),
  score: z.number().nullable(),
  scoreRange: z.tuple([z.number(), z.number()]).nullable(),
  passScore: z.number().nullable(),
  breakdown: z.array(BreakdownItem),
  unmet: z.array(z.object({ criterion: z.string(), actual: z.string(), required: z.string() })),
  missing: z.array(z.string()),
  gap: z.array(z.string()),
  directPath: z.string().nullable(),
  notes: z.array(z.string()),
  status: z.enum(STANDINGS),
  heldUntil: z.string().nullable(),
});
export const Diagnosis = z
  .object({
    assessedOn: z.string(),
    ok: z.boolean(),
    tiers: z.array(TierStanding),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
    /** Compliance declarations the registry cannot know and the verdicts assume; check before applying. */
    assumptions: z.array(z.string()),
    /** What counted as 接近: the screening's rule when the card was opened from one, else the default. */
    closeRule: CloseRuleSchema,
  })
  .meta({ id: 'Diagnosis' });
export const DiagnosisQuery = z.object({
  date: isoDate.optional(),
  run: z.uuid().optional().describe('从筛查结果打开时：用该次筛查的“接近”标准（评估日期默认也取该次筛查）'),
});

/** 培育路径 (a firm's way to one tier in one year): 发现 → 服务 → 申报 → 认定 / 未通过. */
export const STAGES = ['discovered', 'serving', 'applied', 'certified', 'rejected'] as const;
const year = z.coerce.number().int().min(2000).max(2100);

export const TrackCreate = z.object({
  enterpriseId: z.uuid(),
  tier: z.enum(TIERS),
  year: year.describe('申报年度'),
  ownerId: z.uuid().nullable().optional().describe('负责人（默认为自己）'),
});
export const TrackBulkCreate = z.object({
  runId: z.uuid(),
  tier: z.enum(TIERS),
  status: z.enum(['eligible', 'close', 'unknown']).describe('把这一类企业纳入培育库（已在库的跳过）'),
  year,
});
export const TrackMove = z
  .object({
    version: z.int(),
    stage: z.enum(STAGES),
    batch: z.string().trim().max(50).optional().describe('申报批次，如“第一批”；申报时必填'),
    reason: z.string().trim().max(500).optional().describe('未通过的原因；未通过时必填'),
    note: z.string().trim().max(500).optional().describe('服务记录或备注'),
    certificateNo: z.string().trim().max(64).optional().describe('认定时的证书编号'),
    issuedOn: z.iso
      .date()
      // A certificate is recorded once it is issued; a future date would grant the tier today.
      .refine((d) => d <= chinaToday(), '认定日期不能晚于今天')
      .optional()
      .describe('认定日期；认定时必填，并写入企业资质'),
    expiresOn: z.iso.date().optional().describe('证书有效期至；写入企业资质，资质即将到期时提醒重新认定'),
    ownerId: z.uuid().nullable().optional(),
  })
  // A title that ends before it starts is a typo; the form says so on the field.
  .refine((b) => !b.expiresOn || !b.issuedOn || b.expiresOn > b.issuedOn, {
    path: ['expiresOn'],
    message: '有效期至应晚于认定日期',
  });
export const TrackEvent = z.object({
  stage: z.enum(STAGES),
  at: z.string(),
  byId: z.string().nullable(),
  byName: z.string(),
  note: z.string().nullable(),
});
export const Track = z
  .object({
    id: z.uuid(),
    enterpriseId: z.uuid(),
    enterpriseName: z.string(),
    tier: z.enum(TIERS),
    tierName: z.string(),
    year: z.int(),
    stage: z.enum(STAGES),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    batch: z.string().nullable(),
    reason: z.string().nullable(),
    history: z.array(TrackEvent),
    version: z.int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CultivationTrack' });
export const TrackQuery = Paging.extend({
  year: year.optional(),
  tier: z.enum(TIERS).optional(),
  stage: z.enum(STAGES).optional(),
  enterpriseId: z.uuid().optional(),
  mine: z.stringbool().optional().describe('只看我负责的'),
});
export const TrackList = z.object({ items: z.array(Track), total: z.int() });

export const TargetsBody = z.object({
  targets: z
    .array(
      z
        .object({
          tier: z.enum(TIERS),
          applications: z.int().min(0).max(100_000).nullable(),
          certifications: z.int().min(0).max(100_000).nullable(),
        })
        .refine(
          (t) => t.applications === null || t.certifications === null || t.certifications <= t.applications,
          { message: '认定目标不能多于申报目标', path: ['certifications'] },
        ),
    )
    // The same tier twice: the last silently won.
    .refine((list) => new Set(list.map((t) => t.tier)).size === list.length, '每个梯队只能填一行目标'),
});
export const YearParams = z.object({ year });
export const StatsRow = z.object({
  tier: z.enum(TIERS),
  tierName: z.string(),
  discovered: z.int(),
  serving: z.int(),
  applied: z.int(),
  certified: z.int(),
  rejected: z.int(),
  /** certified ÷ (certified + rejected); null before any decision. */
  passRate: z.number().nullable(),
  targetApplications: z.int().nullable(),
  targetCertifications: z.int().nullable(),
  /** Local firms holding a valid title now (the year's last day for a past year) and on 1 January, from
   *  the registry. Null is not sent any more; kept nullable for older clients. */
  holdingNow: z.int().nullable(),
  holdingBefore: z.int().nullable(),
});
export const Stats = z.object({ year: z.int(), rows: z.array(StatsRow) });
