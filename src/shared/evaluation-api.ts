/** API shapes of 三维评价: the profile, the committee, due diligence and the decision. */

import { z } from 'zod';
import { DD_STATUSES, OUTCOMES } from '../domain/decision/fuse.js';
import { STAGES } from '../domain/project/stages.js';

const score9 = z.int().min(1, '评分为 1–9 分').max(9, '评分为 1–9 分');

const researchFields = z.array(z.string().trim().min(1).max(30)).max(10);
const declaredFirmIds = z.array(z.uuid()).max(50);
const ExpertFields = z.object({
  name: z.string().trim().min(1).max(40),
  userId: z.uuid().optional(),
  fields: researchFields,
  affiliation: z.string().trim().max(100).optional(),
  partyId: z.uuid().optional(),
  employerId: z.uuid().optional(),
  declaredFirmIds,
  declaration: z.string().trim().max(1000).optional(),
});
export const ExpertCreate = ExpertFields.extend({
  fields: researchFields.default([]),
  declaredFirmIds: declaredFirmIds.default([]),
});
// From the fields without defaults: zod fills a default even into a .partial() field, so retiring an
// expert (active: false alone) emptied their research fields and declared interests.
// null clears the employer, the affiliation or the declaration (an edit that removes them).
export const ExpertUpdate = ExpertFields.omit({ userId: true }).partial().extend({
  affiliation: ExpertFields.shape.affiliation.unwrap().nullable().optional(),
  employerId: ExpertFields.shape.employerId.unwrap().nullable().optional(),
  declaration: ExpertFields.shape.declaration.unwrap().nullable().optional(),
  active: z.boolean().optional(),
});
export const ExpertAssign = z.object({ expertIds: z.array(z.uuid()).min(1).max(15) });

export const ReviewSubmit = z.object({
  scores: z.object({
    technology: score9.optional(),
    chainFit: score9.optional(),
    team: score9.optional(),
    growth: score9.optional(),
    scale: score9.optional(),
  }),
  comments: z.string().trim().min(1, '请填写评审意见').max(3000),
  recommendation: z.enum(['支持', '有条件支持', '不支持']),
});

export const DdItemUpdate = z.object({
  status: z.enum(DD_STATUSES),
  notes: z.string().trim().max(2000).optional(),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});
export const DdItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const DecisionCreate = z
  .object({
    outcome: z.enum(OUTCOMES),
    conditions: z.string().trim().max(2000).optional(),
  })
  .refine((d) => d.outcome !== 'conditional' || !!d.conditions, {
    path: ['conditions'],
    message: '有条件通过须写明条件',
  });

export const ProfileRun = z.object({
  /** The project attachment holding the business plan. */
  attachmentId: z.uuid(),
});

export const ModelSave = z.object({
  basedOn: z.int().min(1),
  note: z.string().trim().max(200).optional(),
  model: z.record(z.string(), z.unknown()),
});

/** The evaluation as the page reads it; inner parts are described in docs/EVALUATION.md. */
export const EvaluationView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  enterpriseName: z.string(),
  stage: z.string(),
  /** The stage's key, for a client naming it in its own language. */
  stageKey: z.enum(STAGES),
  attachmentId: z.uuid().nullable(),
  modelVersion: z.int().nullable(),
  facts: z.array(z.unknown()),
  flags: z.array(z.unknown()),
  profile: z.unknown().nullable(),
  memo: z.unknown().nullable(),
  panel: z.unknown(),
  committee: z.unknown().nullable(),
  dueDiligence: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      veto: z.boolean(),
      status: z.enum(DD_STATUSES).nullable(),
      statusName: z.string().nullable(),
      notes: z.string().nullable(),
      attachmentIds: z.array(z.uuid()),
      updatedByName: z.string().nullable(),
    }),
  ),
  recommendation: z.unknown().nullable(),
  decision: z
    .object({
      outcome: z.enum(OUTCOMES),
      outcomeName: z.string(),
      conditions: z.string().nullable(),
      decidedByName: z.string(),
      decidedAt: z.string(),
    })
    .nullable(),
  version: z.int(),
});

export const EvaluationSettingsUpdate = z.object({
  version: z.int().min(1),
  checklist: z
    .array(z.object({ name: z.string().trim().min(1).max(40), veto: z.boolean() }))
    .min(1)
    .max(30)
    .refine((xs) => new Set(xs.map((x) => x.name)).size === xs.length, '尽调事项不能重名')
    .optional(),
  fusion: z
    .object({
      ai: z.number().min(0).max(1),
      committee: z.number().min(0).max(1),
      dueDiligence: z.number().min(0).max(1),
    })
    .refine((w) => Math.abs(w.ai + w.committee + w.dueDiligence - 1) < 1e-6, '三方权重之和须为 1')
    .optional(),
  disagreement: z
    .object({ maxSd: z.number().min(0.1).max(8), maxRange: z.number().min(1).max(8) })
    .optional(),
});
