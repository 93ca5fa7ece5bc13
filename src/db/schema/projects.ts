import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FollowUpKind } from '../../domain/project/catalog.js';
import type { PipelineStage, Stage } from '../../domain/project/stages.js';
import { enterprises } from './enterprises.js';
import { orgs } from './orgs.js';

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
    localEnterpriseId: uuid('local_enterprise_id').references(() => enterprises.id),
    landingDate: date('landing_date'),
    productionDate: date('production_date'),
    /** Why it was paused or terminated. */
    reason: text('reason'),
    /** Where the lead came from, e.g. the 靶向招商 ranking that suggested it. */
    origin: jsonb('origin'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_org_stage_idx').on(t.orgId, t.stage),
    index('projects_enterprise_idx').on(t.enterpriseId),
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
  (t) => [index('project_events_project_idx').on(t.projectId, t.at)],
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
  (t) => [index('follow_ups_project_idx').on(t.projectId, t.date)],
);
