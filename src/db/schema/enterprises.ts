import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs.js';

/** Where a fact came from: an import file and row, a user who typed it, or an API client. */
export type FactSource =
  | { kind: 'import'; file: string; row: number; jobId?: string }
  | { kind: 'user'; userId: string; userName: string }
  | { kind: 'api'; client: string };

/** Provenance of a row: one source for the row, and per-field overrides when a field was typed later. */
export type Provenance = {
  source: FactSource;
  asOf: string;
  fields?: Record<string, { source: FactSource; asOf: string }>;
};

export type EnterpriseAlias = { name: string; kind: 'short' | 'former' };

const money = (name: string) => numeric(name, { precision: 20, scale: 2, mode: 'number' });

/** 企业: one row per firm per org registry. Local firms and the wider target universe (外地目标企业)
 *  share the table, told apart by `universe`. */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    uscc: text('uscc'),
    name: text('name').notNull(),
    /** Folded full name, for exact duplicate matching. */
    nameNormalized: text('name_normalized').notNull(),
    /** The distinctive part (no region, no legal form), for search and near-duplicates. */
    nameCore: text('name_core').notNull(),
    /** Pinyin initials of the core name, and the bigrams search looks up (see domain/enterprise/search-terms). */
    namePinyin: text('name_pinyin'),
    searchGrams: text('search_grams').array(),
    aliases: jsonb('aliases').$type<EnterpriseAlias[]>().notNull().default([]),
    legalRep: text('legal_rep'),
    establishedOn: date('established_on'),
    registeredCapital: money('registered_capital'),
    regionCode: text('region_code'),
    address: text('address'),
    industrySection: text('industry_section'),
    industryDivision: text('industry_division'),
    businessScope: text('business_scope'),
    mainProducts: text('main_products'),
    listed: boolean('listed').notNull().default(false),
    universe: text('universe').notNull().default('local'),
    /** Set when an import matched this row by name only: a person should confirm it. */
    reviewReason: text('review_reason'),
    mergedInto: uuid('merged_into'),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_org_uscc_idx')
      .on(t.orgId, t.uscc)
      .where(sql`${t.uscc} is not null and ${t.mergedInto} is null`),
    index('enterprises_org_name_idx').on(t.orgId, t.nameNormalized),
    index('enterprises_grams_idx').using('gin', t.searchGrams),
    // The 待核 list and the 工作台 count read the few flagged firms without scanning the registry.
    index('enterprises_review_idx')
      .on(t.orgId)
      .where(sql`${t.reviewReason} is not null and ${t.mergedInto} is null`),
  ],
);

/** 年度经营数据: figures per accounting year, money in 元. */
export const enterpriseYears = pgTable(
  'enterprise_years',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    employees: integer('employees'),
    techStaff: integer('tech_staff'),
    rdStaff: integer('rd_staff'),
    revenue: money('revenue'),
    mainRevenue: money('main_revenue'),
    hightechRevenue: money('hightech_revenue'),
    rdExpense: money('rd_expense'),
    rdExpenseDomestic: money('rd_expense_domestic'),
    totalCost: money('total_cost'),
    netProfit: money('net_profit'),
    totalAssets: money('total_assets'),
    totalLiabilities: money('total_liabilities'),
    taxPaid: money('tax_paid'),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.year] })],
);

/** 知识产权数量 by class, with its as-of date. */
export const enterpriseIp = pgTable(
  'enterprise_ip',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    count: integer('count').notNull(),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.kind] })],
);

/** 资质: a tier title (tier keys of shared/DOMAIN.md) with certificate and dates. */
export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    certificateNo: text('certificate_no'),
    issuedOn: date('issued_on'),
    expiresOn: date('expires_on'),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
  },
  (t) => [
    uniqueIndex('qualifications_enterprise_tier_idx').on(t.enterpriseId, t.tier, t.issuedOn),
    // 资质即将到期 (filter and 工作台) reads a few weeks of expiry dates, not every certificate.
    index('qualifications_expires_idx').on(t.expiresOn),
  ],
);

/** 知识产权条目, when the items are known (not only counts). */
export const ipItems = pgTable(
  'ip_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    number: text('number'),
    grantedOn: date('granted_on'),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
  },
  (t) => [index('ip_items_enterprise_idx').on(t.enterpriseId)],
);

/** 研发机构 (企业技术中心, 工程技术研究中心 …) and their level. */
export const rdInstitutions = pgTable(
  'rd_institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    level: text('level').notNull(),
    recognizedOn: date('recognized_on'),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
  },
  (t) => [index('rd_institutions_enterprise_idx').on(t.enterpriseId)],
);

/** 融资轮次. */
export const fundingRounds = pgTable(
  'funding_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    date: date('date'),
    round: text('round').notNull(),
    amount: money('amount'),
    currency: text('currency').notNull().default('CNY'),
    postMoneyValuation: money('post_money_valuation'),
    investors: jsonb('investors').$type<string[]>().notNull().default([]),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
  },
  (t) => [index('funding_rounds_enterprise_idx').on(t.enterpriseId)],
);

/** 获奖. */
export const awards = pgTable(
  'awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    level: text('level'),
    year: integer('year'),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
  },
  (t) => [index('awards_enterprise_idx').on(t.enterpriseId)],
);

/** Saved column mappings of the import page: header text → field key. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_org_name_idx').on(t.orgId, t.name)],
);

/** A reviewer's "not the same firm" for a duplicate candidate pair (ids ordered a < b). */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    userId: uuid('user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.aId, t.bId] })],
);
