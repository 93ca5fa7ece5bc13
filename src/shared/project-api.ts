/** API shapes of 招商项目. */
import { z } from 'zod';
import {
  ATTACHMENT_CATEGORIES,
  FOLLOW_UP_KINDS,
  PROJECT_SOURCES,
  PROJECT_TYPES,
  RATINGS,
} from '../domain/project/catalog.js';

export { PROJECT_SOURCES, PROJECT_TYPES };

import { STAGES } from '../domain/project/stages.js';
import { chinaToday } from '../domain/text/china-today.js';
import { Paging } from './api.js';

const isoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
/** A date of something that has happened: a visit, a contract, a follow-up — not in the future, and
 *  not before 2000 (as for follow-ups): a mistyped 1900 would pass every order check after it. */
const pastDate = (label: string) =>
  isoDate
    .refine((d) => d <= chinaToday(), `${label}不能晚于今天`)
    .refine((d) => d >= '2000-01-01', `${label}不能早于 2000 年`);
const money = z.number().min(0).max(1e14);

export const ProjectCreate = z.object({
  name: z.string().trim().min(1).max(100),
  enterpriseId: z.uuid(),
  /** One of the org's 项目来源 (an editable list; the built-in one is PROJECT_SOURCES). */
  source: z.string().trim().min(1).max(20),
  type: z.enum(PROJECT_TYPES),
  chainNodeIds: z.array(z.uuid()).max(20).default([]),
  plannedInvestment: money.optional(),
  registeredCapital: money.optional(),
  expectedOutput: money.optional(),
  talents: z.int().min(0).max(100000).optional(),
  scientistTeams: z.int().min(0).max(1000).optional(),
  landMu: z.number().min(0).max(1e6).optional(),
  floorArea: z.number().min(0).max(1e8).optional(),
  /** Create even though the firm is an active project elsewhere in the city (after seeing the warning). */
  acknowledgeDuplicates: z.boolean().default(false),
});

export const ProjectMove = z.object({
  version: z.int().min(1),
  to: z.enum(STAGES),
  note: z.string().trim().max(1000).optional(),
  contactPerson: z.string().trim().max(100).optional(),
  visitDate: pastDate('考察日期').optional(),
  contractDate: pastDate('签约日期').optional(),
  contractAmount: money.optional(),
  localEnterpriseId: z.uuid().optional(),
  landingDate: pastDate('落地日期').optional(),
  productionDate: pastDate('投产日期').optional(),
  reason: z.string().trim().max(500).optional(),
});

const FollowUpFields = z.object({
  kind: z.enum(FOLLOW_UP_KINDS),
  date: isoDate,
  participants: z.string().trim().max(500).optional(),
  content: z.string().trim().min(1).max(5000),
  outcome: z.string().trim().max(2000).optional(),
  nextStep: z.string().trim().max(1000).optional(),
  nextDate: isoDate.optional(),
});
/** A follow-up has happened (its date is not in the future), and its next one comes after it: a
 *  future date would stand as the project's last follow-up until that day and hide it from 停滞. */
export const FollowUpCreate = FollowUpFields.refine((f) => f.date <= chinaToday(), {
  path: ['date'],
  message: '跟进日期不能晚于今天',
})
  .refine((f) => f.date >= '2000-01-01', { path: ['date'], message: '跟进日期不能早于 2000 年' })
  .refine((f) => !f.nextDate || f.nextDate >= f.date, {
    path: ['nextDate'],
    message: '下次跟进日期不能早于本次跟进日期',
  });

export const ProjectQuery = Paging.extend({
  stage: z.enum(STAGES).optional(),
  q: z.string().trim().max(100).optional(),
  mine: z.stringbool().optional(),
});

export const ProjectSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  source: z.string(),
  type: z.string(),
  stage: z.enum(STAGES),
  stageName: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  orgName: z.string(),
  plannedInvestment: z.number().nullable(),
  lastFollowUp: z.string().nullable(),
  version: z.int(),
  updatedAt: z.string(),
  /** When the lead was created: with no follow-up yet, staleness counts from here. */
  createdAt: z.string(),
});
export const ProjectList = z.object({
  items: z.array(ProjectSummary),
  total: z.int(),
  /** More matched than were counted (the total is a lower bound, shown as "10,000+"). */
  totalCapped: z.boolean().default(false),
});
export const Attachment = z.object({
  id: z.uuid(),
  category: z.enum(ATTACHMENT_CATEGORIES),
  fileName: z.string(),
  format: z.string(),
  size: z.int(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
});
export const ProjectDetail = ProjectSummary.extend({
  arrivedInvestment: z.number().nullable(),
  nextFollowUpDate: z.string().nullable(),
  attachments: z.array(Attachment),
  /** 双月点评 ratings of the project, newest first. */
  ratings: z.array(
    z.object({
      period: z.string(),
      raterName: z.string(),
      rating: z.enum(RATINGS),
      ratingName: z.string(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
  chainNodeIds: z.array(z.uuid()),
  registeredCapital: z.number().nullable(),
  expectedOutput: z.number().nullable(),
  talents: z.int().nullable(),
  scientistTeams: z.int().nullable(),
  landMu: z.number().nullable(),
  floorArea: z.number().nullable(),
  pausedFrom: z.string().nullable(),
  contactPerson: z.string().nullable(),
  visitDate: z.string().nullable(),
  contractDate: z.string().nullable(),
  contractAmount: z.number().nullable(),
  localEnterpriseId: z.uuid().nullable(),
  landingDate: z.string().nullable(),
  productionDate: z.string().nullable(),
  reason: z.string().nullable(),
  origin: z.unknown().nullable(),
  /** The project's 三维评价, once one has been started. */
  evaluationId: z.uuid().nullable(),
  events: z.array(
    z.object({
      fromStage: z.string().nullable(),
      toStage: z.string(),
      note: z.string().nullable(),
      byName: z.string(),
      at: z.string(),
    }),
  ),
  followUps: z.array(
    FollowUpFields.extend({
      id: z.uuid(),
      participants: z.string().nullable(),
      outcome: z.string().nullable(),
      nextStep: z.string().nullable(),
      nextDate: z.string().nullable(),
      createdByName: z.string(),
    }),
  ),
});
export const LeadFromTarget = z.object({
  enterpriseId: z.uuid(),
  type: z.enum(PROJECT_TYPES).default('其他'),
});
