import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
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
import type { FollowUpKind } from '../../domain/project/catalog.js';
import type { PipelineStage, Stage } from '../../domain/project/stages.js';
import { enterprises } from './enterprises.js';
import { orgs } from './orgs.js';
import { users } from './users.js';

const money = (name: string) => numeric(name, { precision: 20, scale: 2, mode: 'number' });

/** 招商项目: one firm a team is bringing to the region, from 线索 to 投产. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** 项目来源: 路演, 创新创业大赛, 大院大所合作, 中介, 基金, 以商引商, 靶向推荐, 乡贤, 科创飞地, 其他. */
    source: text('source').notNull(),
    /** 项目类型: 大院大所, 行业龙头, 央企国企, 高层次人才, 科学家团队, 初创, 其他. */
    type: text('type').notNull(),
    chainNodeIds: uuid('chain_node_ids').array().notNull().default(sql`'{}'::uuid[]`),
    plannedInvestment: money('planned_investment'),
    registeredCapital: money('registered_capital'),
    expectedOutput: money('expected_output'),
    talents: integer('talents'),
    scientistTeams: integer('scientist_teams'),
    /** 用地（亩）与用房（平方米）. */
    landMu: numeric('land_mu', { mode: 'number' }),
    floorArea: numeric('floor_area', { mode: 'number' }),
    ownerId: uuid('owner_id'),
    teamIds: uuid('team_ids').array().notNull().default(sql`'{}'::uuid[]`),
    stage: text('stage').$type<Stage>().notNull().default('lead'),
    pausedFrom: text('paused_from').$type<PipelineStage>(),
    contactPerson: text('contact_person'),
    visitDate: date('visit_date'),
    contractDate: date('contract_date'),
    contractAmount: money('contract_amount'),
    /** 到位资金 (元): investment that has actually arrived, counted by the 季度考核. */
    arrivedInvestment: money('arrived_investment'),
    localEnterpriseId: uuid('local_enterprise_id').references(() => enterprises.id),
    landingDate: date('landing_date'),
    productionDate: date('production_date'),
    /** Why it was paused or terminated. */
    reason: text('reason'),
    /** Where the lead came from, e.g. the 靶向招商 ranking that suggested it. */
    origin: jsonb('origin'),
    /** The latest follow-up's date and the next date it set: kept here so "my work" and the list do not
     *  scan every follow-up (a city has a million of them). */
    lastFollowUpDate: date('last_follow_up_date'),
    nextFollowUpDate: date('next_follow_up_date'),
    /** A leader looked at this firm's overlapping projects and let them go on side by side. */
    overlapCleared: boolean('overlap_cleared').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_org_stage_idx').on(t.orgId, t.stage),
    index('projects_enterprise_idx').on(t.enterpriseId),
    index('projects_org_updated_idx').on(t.orgId, t.updatedAt),
    // The newest page of a whole city, and each board column's newest cards, without sorting them all.
    index('projects_updated_idx').on(t.updatedAt),
    index('projects_stage_updated_idx').on(t.stage, t.updatedAt),
    index('projects_owner_idx').on(t.ownerId),
  ],
);

/** A project's stage history: who moved it, when, from where to where, and why. */
export const projectEvents = pgTable(
  'project_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    note: text('note'),
    byId: uuid('by_id'),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_events_project_idx').on(t.projectId, t.at),
    index('project_events_stage_at_idx').on(t.toStage, t.at),
  ],
);

export { FOLLOW_UP_KINDS, type FollowUpKind } from '../../domain/project/catalog.js';

/** 跟进记录: 电话, 拜访, 考察, 会议, 活动. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FollowUpKind>().notNull(),
    date: date('date').notNull(),
    participants: text('participants'),
    content: text('content').notNull(),
    outcome: text('outcome'),
    nextStep: text('next_step'),
    nextDate: date('next_date'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('follow_ups_project_idx').on(t.projectId, t.date), index('follow_ups_date_idx').on(t.date)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** 项目附件: business plans, contracts, photos. The content lives in the database so one backup holds
 *  everything; the type is what the bytes say, not what the file name claims. */
export const projectAttachments = pgTable(
  'project_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** 商业计划书, 合同, 照片, 其他. */
    category: text('category').notNull(),
    fileName: text('file_name').notNull(),
    /** The type sniffed from the content (pdf, docx, xlsx, pptx, jpeg, png, txt). */
    format: text('format').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_attachments_project_idx').on(t.projectId)],
);

/** 双月点评: a review session of an org's active projects for one two-month period. */
export const projectReviews = pgTable(
  'project_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The period's first month, e.g. "2026-11" for 2026年11—12月. */
    period: text('period').notNull(),
    title: text('title').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('project_reviews_org_period_idx').on(t.orgId, t.period)],
);

/** A leader's rating of one project in a review: 推进良好 / 一般 / 滞后, with a comment. */
export const projectRatings = pgTable(
  'project_ratings',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => projectReviews.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    raterId: uuid('rater_id')
      .notNull()
      .references(() => users.id),
    raterName: text('rater_name').notNull(),
    rating: text('rating').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.projectId, t.raterId] }),
    index('project_ratings_project_idx').on(t.projectId),
  ],
);

/** An org's pipeline rules: when a project counts as stale, and the 季度考核 formula (published and
 *  editable; every change is in the audit log). */
export const pipelineSettings = pgTable('pipeline_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  staleDays: integer('stale_days').notNull().default(30),
  assessmentFormula: jsonb('assessment_formula'),
  /** The org's list of 项目来源 (null = the built-in list). */
  sources: jsonb('sources').$type<string[]>(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A user's saved filters of a list page (e.g. "我的签约阶段项目"). */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    page: text('page').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_views_user_page_name_idx').on(t.userId, t.page, t.name)],
);
