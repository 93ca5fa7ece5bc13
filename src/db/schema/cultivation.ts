import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from './enterprises.js';
import { orgs } from './orgs.js';

/** When a firm counts as "close" to a tier (接近): at most `maxUnmet` criteria unmet, each measured one
 *  (revenue, a ratio, growth, valuation …) missed by at most `tolerance` of its requirement, and, where
 *  the tier scores, its best reachable score within `scoreMargin` points of the pass mark. Runs made
 *  before `tolerance` existed have none and did not look at distances. */
export type CloseRule = { maxUnmet: number; scoreMargin: number; tolerance?: number };

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
    /** tier → standing → number of firms, counted by the job as it writes (the ladder reads this). */
    /** The phrases the run's firms refer to by index (see Phrase). */
    phrases: jsonb('phrases').$type<string[]>().notNull().default([]),
    counts: jsonb('counts')
      .$type<Record<string, Partial<Record<ScreeningStatus, number>>>>()
      .notNull()
      .default({}),
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

/** A phrase of a run's phrasebook (screening_runs.phrases) by its index, or the text itself. The names of
 *  unmet criteria and of missing data repeat across nearly every firm; stored once per run they
 *  shrink a firm's row about fourfold, and the write of 100,000 rows with them. Runs migrated from
 *  before the phrasebook hold the texts themselves. */
export type Phrase = number | string;

/** One tier's verdict as a screening keeps it for reading (shown a page at a time). Unmet criteria are
 *  [criterion, actual, required]; `actual` and `required` are left out for firms far from the tier. */
export type ScreenedDetail = {
  heldUntil?: string;
  eligible?: boolean;
  score?: number;
  scoreMin?: number;
  scoreMax?: number;
  ruleset?: Phrase;
  unmet?: ([Phrase] | [Phrase, Phrase, Phrase] | { criterion: string; actual: string; required: string })[];
  gap?: string[];
  missing?: Phrase[];
  /** The direct path that holds, if any (a firm eligible by it is eligible whatever its score). */
  directPath?: Phrase;
};

/** A screening's result for one firm: ONE row per firm, not per (firm, tier). The columns a page
 *  filters and sorts by are arrays in TIER_KEYS order (src/domain/eligibility/tiers.ts; a new tier
 *  is appended, never inserted), so that a run over 100,000 firms writes 100,000 narrow rows and a
 *  page scans them without touching the text. The text lives in `details`, pushed out of line by
 *  the table's toast_tuple_target (migration 0007) and read only for the rows a page shows. */
export const screeningFirms = pgTable(
  'screening_firms',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => screeningRuns.id, { onDelete: 'cascade' }),
    /** No foreign key, on purpose: checking it locks the firm's row for each of a run's 100,000 rows
     *  (2 of a 100,000-firm run's 26 s on PGlite), and firms are never deleted, only merged. */
    enterpriseId: uuid('enterprise_id').notNull(),
    /** Standing per tier (ScreeningStatus). */
    standings: text('standings').array().$type<ScreeningStatus[]>().notNull(),
    /** Number of unmet criteria per tier: nearest to qualifying first. */
    unmetCounts: smallint('unmet_counts').array().$type<number[]>().notNull(),
    /** Score per tier where the tier scores (else null). */
    scores: real('scores').array().$type<(number | null)[]>().notNull(),
    /** tier → the verdict's text, empty fields left out. */
    details: jsonb('details').$type<Record<string, ScreenedDetail>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.enterpriseId] })],
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
