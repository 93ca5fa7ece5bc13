/** One project as its drawer shows it: the figures, the stage history, follow-ups, attachments (without
 *  their content) and the 双月点评 ratings it received. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import {
  enterprises,
  evaluations,
  followUps,
  orgs,
  projectAttachments,
  projectEvents,
  projectRatings,
  projectReviews,
  projects,
  users,
} from '../../../db/schema/index.js';
import { RATING_NAMES, type Rating } from '../../../domain/project/catalog.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { present, summaryColumns } from './list.js';
import { inScope } from './scope.js';

export const attachmentColumns = {
  id: projectAttachments.id,
  category: projectAttachments.category,
  fileName: projectAttachments.fileName,
  format: projectAttachments.format,
  size: projectAttachments.size,
  uploadedByName: projectAttachments.uploadedByName,
  uploadedAt: projectAttachments.uploadedAt,
};

export async function projectDetail(db: Tx, actor: Actor, id: string) {
  const [row] = await db
    .select({ p: projects, s: summaryColumns })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .innerJoin(orgs, eq(orgs.id, projects.orgId))
    .leftJoin(users, eq(users.id, projects.ownerId))
    .where(and(eq(projects.id, id), inScope(actor)));
  if (!row) throw new AppError('project.not_found');
  const events = await db
    .select()
    .from(projectEvents)
    .where(eq(projectEvents.projectId, id))
    .orderBy(asc(projectEvents.at));
  const fus = await db
    .select()
    .from(followUps)
    .where(eq(followUps.projectId, id))
    .orderBy(desc(followUps.date), desc(followUps.createdAt));
  const files = await db
    .select(attachmentColumns)
    .from(projectAttachments)
    .where(eq(projectAttachments.projectId, id))
    .orderBy(desc(projectAttachments.uploadedAt));
  const ratings = await db
    .select({
      period: projectReviews.period,
      raterName: projectRatings.raterName,
      rating: projectRatings.rating,
      comment: projectRatings.comment,
      at: projectRatings.at,
    })
    .from(projectRatings)
    .innerJoin(projectReviews, eq(projectReviews.id, projectRatings.reviewId))
    .where(eq(projectRatings.projectId, id))
    .orderBy(desc(projectReviews.period), asc(projectRatings.raterName));
  const [evaluation] = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(eq(evaluations.projectId, id))
    .limit(1);
  const p = row.p;
  return {
    ...present(row.s),
    chainNodeIds: p.chainNodeIds,
    registeredCapital: p.registeredCapital,
    expectedOutput: p.expectedOutput,
    arrivedInvestment: p.arrivedInvestment,
    talents: p.talents,
    scientistTeams: p.scientistTeams,
    landMu: p.landMu,
    floorArea: p.floorArea,
    pausedFrom: p.pausedFrom,
    contactPerson: p.contactPerson,
    visitDate: p.visitDate,
    contractDate: p.contractDate,
    contractAmount: p.contractAmount,
    localEnterpriseId: p.localEnterpriseId,
    landingDate: p.landingDate,
    productionDate: p.productionDate,
    reason: p.reason,
    origin: p.origin ?? null,
    evaluationId: evaluation?.id ?? null,
    nextFollowUpDate: p.nextFollowUpDate,
    events: events.map((e) => ({
      fromStage: e.fromStage,
      toStage: e.toStage,
      note: e.note,
      byName: e.byName,
      at: e.at.toISOString(),
    })),
    followUps: fus.map((f) => ({
      id: f.id,
      kind: f.kind,
      date: f.date,
      participants: f.participants,
      content: f.content,
      outcome: f.outcome,
      nextStep: f.nextStep,
      nextDate: f.nextDate,
      createdByName: f.createdByName,
    })),
    attachments: files.map(presentAttachment),
    ratings: ratings.map((r) => ({
      ...r,
      rating: r.rating as Rating,
      ratingName: RATING_NAMES[r.rating as Rating],
      at: r.at.toISOString(),
    })),
  };
}

export const presentAttachment = (a: {
  id: string;
  category: string;
  fileName: string;
  format: string;
  size: number;
  uploadedByName: string;
  uploadedAt: Date;
}) => ({
  ...a,
  category: a.category as '商业计划书' | '合同' | '照片' | '其他',
  uploadedAt: a.uploadedAt.toISOString(),
});
