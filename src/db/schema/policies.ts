import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PolicyConditions } from '../../domain/policy/conditions.js';
import { enterprises } from './enterprises.js';
import { orgs } from './orgs.js';

export const BENEFIT_KINDS = ['subsidy', 'tax', 'voucher', 'other'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
/** 政策兑现内容: a subsidy, a tax relief, a voucher …; `amount` in 元 where the policy names one. */
export type PolicyBenefit = { kind: BenefitKind; amount: number | null; text: string };

export const POLICY_STATUSES = ['draft', 'published'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** 政策: a support policy of an org, visible to the org's subtree (a city's policy reaches its parks),
 *  with the conditions that find the firms it is for (domain/policy). */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    /** 发文单位. */
    issuer: text('issuer').notNull(),
    /** 文号, e.g. 盐南管发〔2026〕12号. */
    documentNo: text('document_no'),
    summary: text('summary'),
    /** GB/T 2260 code prefix (3209 = 盐城市): only firms registered there are matched. */
    regionScope: text('region_scope'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** 申报窗口; `applyTo` is the deadline pushes are due by. */
    applyFrom: date('apply_from'),
    applyTo: date('apply_to'),
    benefits: jsonb('benefits').$type<PolicyBenefit[]>().notNull().default(sql`'[]'::jsonb`),
    conditions: jsonb('conditions').$type<PolicyConditions>().notNull(),
    status: text('status').$type<PolicyStatus>().notNull().default('draft'),
    /** Written by the demo seed, so a re-seed skips the org. */
    demo: boolean('demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policies_org_status_idx').on(t.orgId, t.status)],
);

export const PUSH_STATUSES = ['pending', 'told'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/** 推送清单: which firm an officer should tell about which policy, by the policy's deadline, and
 *  when they did. One row per policy and firm; `orgId` is the firm's org, which scopes the row. */
export const policyPushes = pgTable(
  'policy_pushes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    ownerId: uuid('owner_id'),
    dueOn: date('due_on'),
    status: text('status').$type<PushStatus>().notNull().default('pending'),
    toldAt: timestamp('told_at', { withTimezone: true }),
    toldBy: uuid('told_by'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policy_pushes_policy_firm_idx').on(t.policyId, t.enterpriseId),
    index('policy_pushes_owner_idx').on(t.ownerId, t.status, t.dueOn),
    index('policy_pushes_org_idx').on(t.orgId, t.status, t.dueOn),
    index('policy_pushes_firm_idx').on(t.enterpriseId),
  ],
);
