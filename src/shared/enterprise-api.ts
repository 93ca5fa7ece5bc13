/** API contract of the enterprise registry (企业库). */
import { z } from 'zod';
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
  provenance: Provenance,
  years: z.array(EnterpriseYear),
  ip: z.array(z.object({ kind: z.string(), count: z.number().int(), provenance: Provenance })),
  qualifications: z.array(
    z.object({
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
  tier: z.string().max(32).optional().describe('资质（培育梯队键），如 hnte'),
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
  uscc: z.string().trim().max(30).nullable().optional(),
  legalRep: z.string().trim().max(64).nullable().optional(),
  establishedOn: z.iso.date().nullable().optional(),
  registeredCapital: z.number().min(0).nullable().optional(),
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
      z.object({ header: z.string(), key: z.string().nullable(), unit: z.string().nullable() }),
    ),
    sampleRows: z.array(z.array(z.unknown())),
  })
  .meta({ id: 'ImportPreview' });

export const ImportMapping = z.object({
  id: z.uuid(),
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
  version: z.number().int(),
});
export const ImportMappingCreate = z.object({
  name: z.string().trim().min(1).max(64),
  mapping: z.record(z.string(), z.string()),
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
