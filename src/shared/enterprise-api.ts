/** API contract of the enterprise registry (企业库). */
import { z } from 'zod';
import { EXPIRY_NOTICE_DAYS, TIER_KEYS } from '../domain/eligibility/tiers.js';
import { mappingProblem, mappingTarget } from '../domain/enterprise/fields.js';
import { IP_KINDS } from '../domain/enterprise/ip-kinds.js';
import { chinaToday } from '../domain/text/china-today.js';
import { AuditEntry, Paging } from './api.js';

const Source = z.record(z.string(), z.unknown());
const Provenance = z.object({
  source: Source,
  asOf: z.string(),
  fields: z.record(z.string(), z.object({ source: Source, asOf: z.string() })).optional(),
});

export const EnterpriseSummary = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    uscc: z.string().nullable(),
    name: z.string(),
    aliases: z.array(z.object({ name: z.string(), kind: z.enum(['short', 'former']) })),
    regionCode: z.string().nullable(),
    industrySection: z.string().nullable(),
    industryDivision: z.string().nullable(),
    establishedOn: z.string().nullable(),
    registeredCapital: z.number().nullable(),
    universe: z.enum(['local', 'target']),
    reviewReason: z.string().nullable(),
    /** The latest year with figures, and its revenue (元) and employees, for lists and size bands. */
    latestYear: z.number().int().nullable(),
    revenue: z.number().nullable(),
    employees: z.number().nullable(),
    tiers: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: 'EnterpriseSummary' });

export const EnterpriseYear = z.object({
  year: z.number().int(),
  employees: z.number().nullable(),
  techStaff: z.number().nullable(),
  rdStaff: z.number().nullable(),
  revenue: z.number().nullable(),
  mainRevenue: z.number().nullable(),
  hightechRevenue: z.number().nullable(),
  rdExpense: z.number().nullable(),
  rdExpenseDomestic: z.number().nullable(),
  totalCost: z.number().nullable(),
  netProfit: z.number().nullable(),
  totalAssets: z.number().nullable(),
  totalLiabilities: z.number().nullable(),
  taxPaid: z.number().nullable(),
  provenance: Provenance,
});

export const EnterpriseDetail = EnterpriseSummary.extend({
  legalRep: z.string().nullable(),
  address: z.string().nullable(),
  businessScope: z.string().nullable(),
  mainProducts: z.string().nullable(),
  listed: z.boolean(),
  /** Set when this record was merged into another: the profile says where its facts went. */
  mergedInto: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  provenance: Provenance,
  years: z.array(EnterpriseYear),
  ip: z.array(z.object({ kind: z.string(), count: z.number().int(), provenance: Provenance })),
  qualifications: z.array(
    z.object({
      /** What DELETE …/qualifications/:qualificationId takes. */
      id: z.uuid(),
      tier: z.string(),
      certificateNo: z.string().nullable(),
      issuedOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
      provenance: Provenance,
    }),
  ),
  institutions: z.array(
    z.object({ name: z.string(), level: z.string(), recognizedOn: z.string().nullable() }),
  ),
  fundingRounds: z.array(
    z.object({
      date: z.string().nullable(),
      round: z.string(),
      amount: z.number().nullable(),
      currency: z.string(),
      postMoneyValuation: z.number().nullable(),
      investors: z.array(z.string()),
    }),
  ),
  awards: z.array(
    z.object({ name: z.string(), level: z.string().nullable(), year: z.number().int().nullable() }),
  ),
  /** The change history: audit entries of this firm (and of firms merged into it), newest first, at most 50. */
  history: z.array(AuditEntry),
}).meta({ id: 'EnterpriseDetail' });

export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export const ENTERPRISE_SORTS = [
  'relevance',
  'name',
  'establishedOn',
  'registeredCapital',
  'revenue',
] as const;

/** Filters shared by the list, the search and the XLSX export. */
export const EnterpriseFilter = z.object({
  q: z.string().trim().max(100).optional().describe('全称、简称、曾用名、片段、拼音首字母或统一社会信用代码'),
  region: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .describe('行政区划代码前缀，如 3209 表示盐城市'),
  industry: z
    .string()
    .regex(/^[A-T]\d{0,2}$/)
    .optional()
    .describe('行业门类或大类，如 C 或 C39'),
  tier: z.enum(TIER_KEYS).optional().describe('资质（培育梯队键），如 hnte'),
  universe: z.enum(['local', 'target']).optional(),
  sizeBand: z
    .enum(SIZE_BANDS)
    .optional()
    .describe('规模（按最近年度营业收入）：micro <300万, small <2000万, medium <4亿, large ≥4亿'),
  review: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('只看待核（仅按名称匹配、无统一社会信用代码）的企业'),
  expiring: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(`只看资质在 ${EXPIRY_NOTICE_DAYS} 天内到期、尚未续期的企业（与 tier 同用时只看该资质）`),
});
export const EnterpriseQuery = Paging.extend(EnterpriseFilter.shape).extend({
  sort: z.enum(ENTERPRISE_SORTS).default('relevance'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const EnterpriseList = z.object({ items: z.array(EnterpriseSummary), total: z.number().int() });

/** PATCH /api/v1/enterprises/:id: the editable basic facts; each edit records the user as its source. */
export const EnterpriseUpdate = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(2).max(200).optional(),
  // An emptied box clears the code; a stored "" would slip past the check and the uniqueness test.
  uscc: z
    .string()
    .trim()
    .max(30)
    .transform((v) => v || null)
    .nullable()
    .optional(),
  legalRep: z.string().trim().max(64).nullable().optional(),
  establishedOn: z.iso
    .date()
    .refine((d) => d <= chinaToday(), '成立日期不能晚于今天')
    .nullable()
    .optional(),
  // Beyond 10^15 元 is a unit typo (and overflowed the column as a bare 请求参数不合法).
  registeredCapital: z
    .number()
    .min(0, '注册资本不能为负数')
    .max(1e15, '注册资本数额过大，请检查单位（应为元）')
    .nullable()
    .optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
  address: z.string().trim().max(300).nullable().optional(),
  businessScope: z.string().max(5000).nullable().optional(),
  mainProducts: z.string().max(1000).nullable().optional(),
  listed: z.boolean().optional(),
  universe: z.enum(['local', 'target']).optional(),
  aliases: z
    .array(z.object({ name: z.string().trim().min(1).max(200), kind: z.enum(['short', 'former']) }))
    .max(20)
    .optional(),
});

export const ImportField = z.object({ key: z.string(), label: z.string(), type: z.string() });
export const ImportPreview = z
  .object({
    encoding: z.string(),
    sheet: z.string().nullable(),
    sheets: z.array(z.string()),
    headerRow: z.number().int().nullable(),
    columns: z.array(
      z.object({
        header: z.string(),
        key: z.string().nullable(),
        unit: z.string().nullable(),
        /** A money column whose header states no unit while its samples hold bare numbers: they will
         *  be read as 元, which a user who meant 万元 must be told before importing. */
        bareNumbersAsYuan: z.boolean(),
      }),
    ),
    sampleRows: z.array(z.array(z.unknown())),
  })
  .meta({ id: 'ImportPreview' });

/** Header → field key of an import ('' leaves the column out); a key the importer does not know is
 *  refused rather than dropped without a word. */
export const ColumnMapping = z.record(
  z.string().max(200),
  z
    .string()
    .refine((k) => mappingTarget(k) !== null, { error: (issue) => mappingProblem(String(issue.input)) }),
);

export const ImportMapping = z.object({
  id: z.uuid(),
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
  version: z.number().int(),
});
export const ImportMappingCreate = z.object({
  name: z.string().trim().min(1).max(64),
  mapping: ColumnMapping,
});

export const DuplicatePair = z.object({
  a: EnterpriseSummary,
  b: EnterpriseSummary,
  reason: z.enum(['same_uscc', 'similar_name']),
  similarity: z.number(),
});
export const MergeBody = z.object({
  keepId: z.uuid(),
  mergeId: z.uuid(),
  keepVersion: z.number().int(),
  mergeVersion: z.number().int(),
});
export const DismissBody = z.object({ aId: z.uuid(), bId: z.uuid() });

/** Yearly figures a user may type, with the Chinese names the messages use (as the import headers do). */
export const YEAR_FIGURE_LABELS = {
  employees: '员工人数',
  techStaff: '科技人员数',
  rdStaff: '研发人员数',
  revenue: '营业收入',
  mainRevenue: '主营业务收入',
  hightechRevenue: '高新技术产品收入',
  rdExpense: '研发费用',
  rdExpenseDomestic: '境内研发费用',
  totalCost: '成本费用总额',
  netProfit: '净利润',
  totalAssets: '资产总额',
  totalLiabilities: '负债总额',
  taxPaid: '纳税总额',
} as const;
export type YearFigure = keyof typeof YEAR_FIGURE_LABELS;
export const YEAR_FIGURES = Object.keys(YEAR_FIGURE_LABELS) as YearFigure[];

const MAX_COUNT = 10_000_000;
// numeric(20, 2) holds 10^18; a firm's figure beyond 10^15 元 (1000 万亿) is a typo, not a fact.
const MAX_MONEY = 1e15;

const headcount = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(MAX_COUNT, `${label}不能超过 ${MAX_COUNT}`)
    .nullable()
    .optional();

/** Money in 元: at most two decimals (分), non-negative unless the figure may be a loss. */
const yuan = (label: string, signed = false) => {
  const base = z
    .number({ error: `${label}应为数字（单位：元）` })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, `${label}最多保留 2 位小数（单位：元）`)
    .refine((v) => Math.abs(v) <= MAX_MONEY, `${label}数额过大，请检查单位（应为元）`);
  return (signed ? base : base.refine((v) => v >= 0, `${label}不能为负数`)).nullable().optional();
};

const L = YEAR_FIGURE_LABELS;
/** PUT /api/v1/enterprises/:id/years/:year: a figure left out keeps its stored value, null clears it;
 *  every figure that changes records the user as its source. */
export const EnterpriseYearUpsert = z.object({
  version: z.number().int().min(1),
  employees: headcount(L.employees),
  techStaff: headcount(L.techStaff),
  rdStaff: headcount(L.rdStaff),
  revenue: yuan(L.revenue),
  mainRevenue: yuan(L.mainRevenue),
  hightechRevenue: yuan(L.hightechRevenue),
  rdExpense: yuan(L.rdExpense),
  rdExpenseDomestic: yuan(L.rdExpenseDomestic),
  totalCost: yuan(L.totalCost),
  netProfit: yuan(L.netProfit, true),
  totalAssets: yuan(L.totalAssets),
  totalLiabilities: yuan(L.totalLiabilities),
  taxPaid: yuan(L.taxPaid),
});

export const YearParams = z.object({
  id: z.uuid(),
  year: z.coerce
    .number({ error: '年度应为 4 位数字' })
    .int('年度应为整数')
    .min(1990, '年度不能早于 1990 年')
    // Checked per request, not fixed at start-up: a server running past New Year accepts the new year.
    .refine((y) => y <= new Date().getFullYear(), '年度不能晚于今年'),
});

/** DELETE routes carry the version the user saw in the query string. */
export const VersionQuery = z.object({
  version: z.coerce.number({ error: 'version 应为数字' }).int().min(1),
});

/** PUT /api/v1/enterprises/:id/ip: counts by class; a class left out is unchanged, 0 removes it. */
export const EnterpriseIpUpdate = z.object({
  version: z.number().int().min(1),
  counts: z
    .partialRecord(
      z.enum(IP_KINDS, { error: '未知的知识产权类别' }),
      z
        .number({ error: '数量应为数字' })
        .int('数量应为整数')
        .min(0, '数量不能为负数')
        .max(MAX_COUNT, `数量不能超过 ${MAX_COUNT}`),
    )
    .describe(`按类别的数量，类别键：${IP_KINDS.join('、')}；未列出的类别不变`),
});

/** POST /api/v1/enterprises/:id/qualifications: one 资质 with its certificate and dates. */
export const QualificationCreate = z
  .object({
    version: z.number().int().min(1),
    tier: z.enum(TIER_KEYS, { error: '资质类型应为培育梯队之一（如 hnte 高新技术企业）' }),
    certificateNo: z.string().trim().max(64, '证书编号最多 64 个字符').nullable().optional(),
    // A 认定 is a past event: a future date is a typo that would count the title as held early.
    issuedOn: z.iso
      .date({ error: '认定日期应为 YYYY-MM-DD' })
      .refine((d) => d <= chinaToday(), '认定日期不能晚于今天')
      .nullable()
      .optional(),
    expiresOn: z.iso.date({ error: '有效期至应为 YYYY-MM-DD' }).nullable().optional(),
  })
  .refine((q) => !q.issuedOn || !q.expiresOn || q.expiresOn >= q.issuedOn, {
    path: ['expiresOn'],
    message: '有效期至不能早于认定日期',
  });

export const QualificationParams = z.object({
  id: z.uuid(),
  qualificationId: z.uuid(),
});
