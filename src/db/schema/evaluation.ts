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
import { enterprises } from './enterprises.js';
import { orgs } from './orgs.js';
import { projectAttachments, projects } from './projects.js';
import { users } from './users.js';

/** 评估模型 versions: an org's edits never overwrite — each save is a new version, and a profile names the
 *  version it was computed with. An org without its own model uses the built-in default (version 1). */
export const scoringModels = pgTable(
  'scoring_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    version: integer('version').notNull(),
    model: jsonb('model').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scoring_models_org_version_idx').on(t.orgId, t.version)],
);

/** An org's evaluation rules: the due-diligence checklist, the fusion weights and when a panel disagrees. */
export const evaluationSettings = pgTable('evaluation_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  checklist: jsonb('checklist'),
  fusion: jsonb('fusion'),
  disagreement: jsonb('disagreement'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 评估: one project's three views and its decision. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .unique()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The business plan read (an attachment of the project). */
    attachmentId: uuid('attachment_id').references(() => projectAttachments.id, { onDelete: 'set null' }),
    documentHash: text('document_hash'),
    modelVersion: integer('model_version'),
    /** Facts with evidence, the hidden-text and injection flags, the profile and the 研判 memo. */
    facts: jsonb('facts').notNull().default(sql`'[]'::jsonb`),
    flags: jsonb('flags').notNull().default(sql`'[]'::jsonb`),
    profile: jsonb('profile'),
    memo: jsonb('memo'),
    profiledAt: timestamp('profiled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluations_project_idx').on(t.projectId)],
);

/** 专家库: the committee's experts, their fields and affiliations, and the interests they declare. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The expert's login (role expert), when they score in the system. */
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    affiliation: text('affiliation'),
    /** The expert as a person in the enterprise graph, and their employer as a firm, for the 2-hop check. */
    partyId: uuid('party_id'),
    employerId: uuid('employer_id').references(() => enterprises.id),
    /** Firms the expert declares an interest in (ids) and free-text declarations. */
    declaredFirmIds: uuid('declared_firm_ids').array().notNull().default(sql`'{}'::uuid[]`),
    declaration: text('declaration'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experts_org_idx').on(t.orgId)],
);

/** 专家评审 (review): one expert's blind scores on one evaluation. A conflicted expert cannot score. */
export const expertReviews = pgTable(
  'expert_reviews',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    conflicted: boolean('conflicted').notNull().default(false),
    /** Why: the declaration, or the graph path from the expert (or their employer) to the firm. */
    conflict: jsonb('conflict'),
    scores: jsonb('scores'),
    comments: text('comments'),
    recommendation: text('recommendation'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.expertId] })],
);

/** 市场尽调: the checklist of one evaluation, copied from the org's template when it starts. */
export const dueDiligenceItems = pgTable(
  'due_diligence_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    veto: boolean('veto').notNull().default(false),
    status: text('status'),
    notes: text('notes'),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    updatedByName: text('updated_by_name'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [index('due_diligence_items_evaluation_idx').on(t.evaluationId, t.position)],
);

/** The decision a leader signs: outcome, conditions, and the recommendation as it stood. */
export const evaluationDecisions = pgTable('evaluation_decisions', {
  evaluationId: uuid('evaluation_id')
    .primaryKey()
    .references(() => evaluations.id, { onDelete: 'cascade' }),
  outcome: text('outcome').notNull(),
  conditions: text('conditions'),
  fused: real('fused'),
  recommendation: jsonb('recommendation').notNull(),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Language-model calls: cached by document hash and model, with token counts, never a score. */
export const llmCalls = pgTable(
  'llm_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentHash: text('document_hash').notNull(),
    model: text('model').notNull(),
    purpose: text('purpose').notNull(),
    status: text('status').notNull(),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    ms: integer('ms'),
    response: jsonb('response'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('llm_calls_hash_idx').on(t.documentHash, t.model, t.purpose)],
);
