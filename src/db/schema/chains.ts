import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StrengthThresholds } from '../../domain/chain/strength.js';
import type { FactorScore, TargetWeights } from '../../domain/chain/targeting.js';
import { enterprises } from './enterprises.js';
import { orgs } from './orgs.js';

/** 产业链: a tree of 上游 / 中游 / 下游 segments and their nodes. Owned by an org and seen by its subtree
 *  and its ancestors' members alike (the platform's templates reach every org), edited by the owner's
 *  admins. */
export const chains = pgTable(
  'chains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('chains_org_key_idx').on(t.orgId, t.key)],
);

/** 链节点. Depth 0 is a segment (上游 / 中游 / 下游); nodes go three levels below it. */
export const chainNodes = pgTable(
  'chain_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chainId: uuid('chain_id')
      .notNull()
      .references(() => chains.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    segment: text('segment').notNull(),
    depth: integer('depth').notNull(),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    description: text('description'),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    /** GB/T 4754-2017 两位大类. */
    industryCodes: text('industry_codes').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    /** When the node was made: a node made after the org's last placement job has no firms yet. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('chain_nodes_chain_idx').on(t.chainId, t.parentId, t.position),
    // Siblings are told apart by name (a re-import finds a node by its path of names). The service
    // checks first, for a clear message; this catches two admins adding the same name at once.
    uniqueIndex('chain_nodes_sibling_name_idx').on(t.parentId, t.name).where(sql`${t.parentId} is not null`),
  ],
);

/** An org's leading chains (its "3+1"), in its order. */
export const orgChains = pgTable(
  'org_chains',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    chainId: uuid('chain_id')
      .notNull()
      .references(() => chains.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.chainId] })],
);

export const PLACEMENT_STATUSES = ['auto', 'confirmed', 'rejected', 'added'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** A firm on a chain node: found by the placement engine (auto, with its confidence and the words that
 *  caused it), confirmed or rejected by a user, or added by hand. Users' decisions survive re-runs.
 *
 *  The `target*` columns cache what 靶向招商 ranks the firm by, copied from the registry so that ranking
 *  a node's 100,000 candidates reads one covering index (chain_placements_node_cover_idx, migration
 *  0018) instead of five fact tables: whether it may be ranked, its org, uscc and name key (for the
 *  exclusions), and its scale, innovation, growth and funding values (0–1, `factorNumbers` of
 *  domain/chain/targeting.ts). A cache, never a source: triggers (migration 0018) empty a firm's cache
 *  whenever its facts, universe, org or identity change, and an empty cache is filled from the registry
 *  before a ranking reads it. The values only fall as time passes (titles expire, rounds leave the
 *  three-year window), so a cached value is an upper bound, which the ranking's exact pass relies on. */
export const chainPlacements = pgTable(
  'chain_placements',
  {
    nodeId: uuid('node_id')
      .notNull()
      .references(() => chainNodes.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    confidence: real('confidence').notNull(),
    /** What matched: "行业 38", "产品：光伏逆变器", "经营范围：逆变器" … */
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<PlacementStatus>().notNull().default('auto'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null: not cached. True: of the target universe and not merged. */
    targetEligible: boolean('target_eligible'),
    targetOrgId: uuid('target_org_id'),
    targetUscc: text('target_uscc'),
    targetNameKey: text('target_name_key'),
    targetScale: real('target_scale'),
    targetInnovation: real('target_innovation'),
    targetGrowth: real('target_growth'),
    targetFunding: real('target_funding'),
  },
  (t) => [
    primaryKey({ columns: [t.nodeId, t.enterpriseId] }),
    index('chain_placements_enterprise_idx').on(t.enterpriseId),
    // The placements whose cache was emptied, found without reading the others.
    index('chain_placements_uncached_idx').on(t.enterpriseId).where(sql`${t.targetEligible} is null`),
  ],
);

/** An org's strength thresholds (优势 / 一般 / 薄弱 / 缺失); defaults in domain/chain/strength.ts. */
export const chainSettings = pgTable('chain_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  thresholds: jsonb('thresholds').$type<StrengthThresholds>().notNull(),
  /** 靶向招商 weights; null: the defaults (domain/chain/targeting.ts). */
  targetWeights: jsonb('target_weights').$type<TargetWeights>(),
  /** Optimistic locks of the thresholds and of the weights, apart: two dialogs, two admins. */
  thresholdsVersion: integer('thresholds_version').notNull().default(0),
  weightsVersion: integer('weights_version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type TargetListItem = {
  enterpriseId: string;
  name: string;
  uscc: string | null;
  score: number;
  factors: FactorScore[];
};

/** 目标企业清单: a ranking saved as it was (weights and each firm's factors), to work through and export. */
export const targetLists = pgTable(
  'target_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    nodeId: uuid('node_id').references(() => chainNodes.id, { onDelete: 'set null' }),
    chainName: text('chain_name').notNull(),
    nodePath: text('node_path').notNull(),
    name: text('name').notNull(),
    weights: jsonb('weights').$type<TargetWeights>().notNull(),
    items: jsonb('items').$type<TargetListItem[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('target_lists_org_idx').on(t.orgId, t.createdAt)],
);
