/** API shapes of the pipeline's closed loop: editing a project, the board and funnel, attachments,
 *  "my work", saved views, overlaps, and the three reports (月度跟踪, 双月点评, 季度考核) with the year
 *  summary. The project shapes themselves are in project-api.ts. */
import { z } from 'zod';
import { ASSESSMENT_METRICS } from '../domain/project/assessment.js';
import { RATINGS } from '../domain/project/catalog.js';
import { STAGES } from '../domain/project/stages.js';
import { chinaToday } from '../domain/text/china-today.js';
import { Attachment, PROJECT_TYPES, ProjectQuery, ProjectSummary } from './project-api.js';

export { Attachment };

const money = z.number().min(0).max(1e14);

/** A general edit of a project (not its stage): only the fields given change. */
export const ProjectUpdate = z.object({
  version: z.int().min(1),
  name: z.string().trim().min(1).max(100).optional(),
  /** One of the org's 项目来源 (checked by the service against the org's editable list). */
  source: z.string().trim().min(1).max(20).optional(),
  type: z.enum(PROJECT_TYPES).optional(),
  chainNodeIds: z.array(z.uuid()).max(20).optional(),
  plannedInvestment: money.nullable().optional(),
  registeredCapital: money.nullable().optional(),
  expectedOutput: money.nullable().optional(),
  arrivedInvestment: money.nullable().optional(),
  talents: z.int().min(0).max(100000).nullable().optional(),
  scientistTeams: z.int().min(0).max(1000).nullable().optional(),
  landMu: z.number().min(0).max(1e6).nullable().optional(),
  floorArea: z.number().min(0).max(1e8).nullable().optional(),
  contactPerson: z.string().trim().max(100).nullable().optional(),
  ownerId: z.uuid().optional(),
});

/** The list's filters, also what a saved view stores. */
export const ProjectFilter = ProjectQuery.extend({
  source: z.string().trim().min(1).max(20).optional(),
  type: z.enum(PROJECT_TYPES).optional(),
  ownerId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  /** Only projects with no follow-up for the org's stale days. */
  stale: z.stringbool().optional(),
  sort: z.enum(['updatedAt', 'plannedInvestment', 'lastFollowUp', 'name']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const BoardQuery = ProjectFilter.omit({
  page: true,
  pageSize: true,
  stage: true,
  sort: true,
  order: true,
}).extend({
  /** Cards per column; the column's total is always given. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const Board = z.object({
  columns: z.array(
    z.object({
      stage: z.enum(STAGES),
      stageName: z.string(),
      total: z.int(),
      /** More projects than were counted: the total is a lower bound ("1000+"). */
      totalCapped: z.boolean(),
      items: z.array(ProjectSummary),
    }),
  ),
});
export const Funnel = z.object({
  stages: z.array(
    z.object({ stage: z.enum(STAGES), stageName: z.string(), count: z.int(), reached: z.int() }),
  ),
});

export const AttachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const MyWorkItem = ProjectSummary.extend({
  nextFollowUpDate: z.string().nullable(),
  /** Days since the last follow-up (or since creation when there is none). */
  idleDays: z.int(),
});
export const MyWork = z.object({
  staleDays: z.int(),
  today: z.string(),
  /** Next follow-up date reached or within the coming 7 days. */
  due: z.array(MyWorkItem),
  stale: z.array(MyWorkItem),
});

export const AssessmentTerm = z.object({
  metric: z.enum(ASSESSMENT_METRICS),
  /** Points per unit (per project, per 亿元, per talent; for the share, per 100 %). */
  weight: z.number().min(0).max(1000),
  /** At most this many points from the term; null = no cap. */
  cap: z.number().min(0).max(10000).nullable(),
});
export const AssessmentFormula = z.object({
  terms: z
    .array(AssessmentTerm)
    .min(1)
    .max(ASSESSMENT_METRICS.length)
    .refine((ts) => new Set(ts.map((t) => t.metric)).size === ts.length, '考核公式中每项指标只能出现一次'),
});
const Sources = z
  .array(z.string().trim().min(1).max(20))
  .min(1)
  .max(30)
  .refine((xs) => new Set(xs).size === xs.length, '项目来源不能重复');
export const PipelineSettings = z.object({
  staleDays: z.int().min(1).max(365),
  sources: z.array(z.string()),
  defaultSources: z.array(z.string()),
  formula: AssessmentFormula,
  version: z.int(),
  defaultFormula: AssessmentFormula,
});
export const PipelineSettingsUpdate = z.object({
  version: z.int().min(1),
  staleDays: z.int().min(1).max(365).optional(),
  formula: AssessmentFormula.optional(),
  sources: Sources.optional(),
});

export const SavedViewQuery = z.object({ page: z.enum(['projects']).default('projects') });
export const SavedViewCreate = z.object({
  page: z.enum(['projects']).default('projects'),
  name: z.string().trim().min(1).max(40),
  query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export const SavedView = SavedViewCreate.extend({ id: z.uuid(), createdAt: z.string() });

export const OverlapGroups = z.object({
  groups: z.array(
    z.object({
      enterpriseId: z.uuid(),
      enterpriseName: z.string(),
      uscc: z.string().nullable(),
      projects: z.array(ProjectSummary),
    }),
  ),
});
export const OverlapResolve = z.object({
  keepProjectId: z.uuid(),
  otherProjectIds: z.array(z.uuid()).min(1).max(20),
  /** terminate: the others end with a reason naming the kept project; coordinate: all go on, agreed. */
  action: z.enum(['terminate', 'coordinate']),
  note: z.string().trim().max(500).optional(),
});

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const ReportBy = z.enum(['owner', 'team']);
export const MonthlyQuery = z.object({ month, by: ReportBy.default('owner') });
export const MonthlyReport = z.object({
  month: z.string(),
  by: ReportBy,
  groups: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      projects: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          enterpriseName: z.string(),
          stage: z.enum(STAGES),
          stageName: z.string(),
          ownerName: z.string().nullable(),
          orgName: z.string(),
          followUps: z.array(
            z.object({
              date: z.string(),
              /** The kind's key (call, visit …); `kind` is its Chinese name, as the exports write it. */
              kindKey: z.string(),
              kind: z.string(),
              content: z.string(),
              outcome: z.string().nullable(),
              nextStep: z.string().nullable(),
              nextDate: z.string().nullable(),
            }),
          ),
          moves: z.array(
            z.object({
              at: z.string(),
              fromStage: z.enum(STAGES).nullable(),
              toStage: z.enum(STAGES),
              from: z.string().nullable(),
              to: z.string(),
              byName: z.string(),
              /** A later move took the project back before this move's stage: it no longer stands. */
              undone: z.boolean(),
            }),
          ),
        }),
      ),
      followUpCount: z.int(),
      moveCount: z.int(),
    }),
  ),
});

/** A 双月点评 looks back on work done: its period is this month or earlier (and not before 2000). */
export const ReviewCreate = z.object({
  period: month
    .refine((m) => m <= chinaToday().slice(0, 7), '点评期间不能晚于本月')
    .refine((m) => m >= '2000-01', '点评期间不能早于 2000 年'),
});
export const Review = z.object({
  id: z.uuid(),
  period: z.string(),
  title: z.string(),
  orgName: z.string(),
  createdAt: z.string(),
  rated: z.int(),
  total: z.int(),
});
export const ReviewList = z.object({ items: z.array(Review) });
export const ReviewDetail = Review.extend({
  projects: z.array(
    ProjectSummary.extend({
      ratings: z.array(
        z.object({
          raterName: z.string(),
          rating: z.enum(RATINGS),
          comment: z.string().nullable(),
          mine: z.boolean(),
        }),
      ),
    }),
  ),
});
export const RatingPut = z.object({
  projectId: z.uuid(),
  rating: z.enum(RATINGS),
  comment: z.string().trim().max(1000).optional(),
});

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式应为 YYYY-Q1 … YYYY-Q4');
export const AssessmentQuery = z.object({ quarter, by: ReportBy.default('owner') });
export const Assessment = z.object({
  quarter: z.string(),
  by: ReportBy,
  formula: AssessmentFormula,
  rows: z.array(
    z.object({
      rank: z.int(),
      key: z.string(),
      name: z.string(),
      score: z.number(),
      breakdown: z.array(
        z.object({
          metric: z.enum(ASSESSMENT_METRICS),
          label: z.string(),
          value: z.number(),
          points: z.number(),
          capped: z.boolean(),
        }),
      ),
    }),
  ),
});

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const Tally = z.object({ name: z.string(), landed: z.int(), signed: z.int(), plannedInvestment: z.number() });
export const YearSummary = z.object({
  year: z.int(),
  orgName: z.string(),
  newLeads: z.int(),
  signed: z.int(),
  landed: z.int(),
  highQualityLanded: z.int(),
  highQualityShare: z.number(),
  talents: z.int(),
  scientistTeams: z.int(),
  plannedInvestment: z.number(),
  arrivedInvestment: z.number(),
  bySource: z.array(Tally),
  byChain: z.array(Tally),
  /** The summary in the words the year-end report uses. */
  text: z.string(),
});
