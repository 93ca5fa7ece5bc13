import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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

/** When a firm counts as "close" to a tier (接近): at most `maxUnmet` criteria unmet and, where the
 *  tier scores, its best reachable score within `scoreMargin` points of the pass mark. */
export type CloseRule = { maxUnmet: number; scoreMargin: number };

export type RunRuleset = { id: string; document: string; name?: string; provisional?: boolean };

/** 培育筛查: one run of every tier engine over an org's local firms. Runs are kept, so next year's
 *  run shows who moved up. */
export const screeningRuns = pgTable(
  'screening_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    jobId: uuid('job_id'),
    assessedOn: date('assessed_on').notNull(),
    closeRule: jsonb('close_rule').$type<CloseRule>().notNull(),
    /** tier → the rule set the run used, for the record. */
    rulesets: jsonb('rulesets').$type<Record<string, RunRuleset>>().notNull().default({}),
    status: text('status').notNull().default('running'),
    firms: integer('firms').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('screening_runs_org_idx').on(t.orgId, t.createdAt)],
);

/** SCREENING_STATUSES: holding = holds a valid title; eligible = qualifies now without it (发现一批);
 *  close = within the run's close rule; far = not eligible; unknown = nothing fails but data is
 *  missing to decide (待补资料). */
export const SCREENING_STATUSES = ['holding', 'eligible', 'close', 'far', 'unknown'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];

export const screeningResults = pgTable(
  'screening_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => screeningRuns.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    status: text('status').$type<ScreeningStatus>().notNull(),
    heldUntil: date('held_until'),
    eligible: boolean('eligible'),
    score: real('score'),
    scoreMin: real('score_min'),
    scoreMax: real('score_max'),
    ruleset: text('ruleset'),
    unmet: jsonb('unmet').$type<{ criterion: string; actual: string; required: string }[]>().notNull(),
    gap: jsonb('gap').$type<string[]>().notNull(),
    missing: jsonb('missing').$type<string[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.enterpriseId, t.tier] }),
    index('screening_results_run_tier_idx').on(t.runId, t.tier, t.status),
  ],
);

export const TRACK_STAGES = ['discovered', 'serving', 'applied', 'certified', 'rejected'] as const;
export type TrackStage = (typeof TRACK_STAGES)[number];
export type TrackEvent = {
  stage: TrackStage;
  at: string;
  byId: string | null;
  byName: string;
  note: string | null;
};

/** 培育路径: one firm's way to one tier in one application year — 发现 → 服务 → 申报 → 认定 / 未通过. */
export const cultivationTracks = pgTable(
  'cultivation_tracks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    year: integer('year').notNull(),
    stage: text('stage').$type<TrackStage>().notNull().default('discovered'),
    ownerId: uuid('owner_id'),
    /** 申报批次, e.g. "第一批". */
    batch: text('batch'),
    /** Why it failed (未通过), or the note of the last move. */
    reason: text('reason'),
    history: jsonb('history').$type<TrackEvent[]>().notNull().default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cultivation_tracks_firm_tier_year_idx').on(t.enterpriseId, t.tier, t.year),
    index('cultivation_tracks_org_year_idx').on(t.orgId, t.year, t.tier),
  ],
);

/** 年度目标: how many applications and certifications an org aims for per tier and year. */
export const cultivationTargets = pgTable(
  'cultivation_targets',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    tier: text('tier').notNull(),
    applications: integer('applications'),
    certifications: integer('certifications'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.tier] })],
);

/** An org's own pool levels (e.g. 海安's 五级梯次培育库) mapped onto the ladder: a firm sits at the
 *  highest level whose tiers it holds or is eligible for. */
export const cultivationLevels = pgTable(
  'cultivation_levels',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    level: integer('level').notNull(),
    name: text('name').notNull(),
    tiers: text('tiers').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.level] })],
);
