/** 双月点评: a leader opens a review for a two-month period; every project then active in the leader's
 *  org (and below) is on it, and each leader rates each project 推进良好 / 一般 / 滞后 with a comment.
 *  A project's ratings show on the project. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { orgs, projectRatings, projectReviews, projects } from '../../../db/schema/index.js';
import type { Rating } from '../../../domain/project/catalog.js';
import type { RatingPut } from '../../../shared/pipeline-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { ACTIVE_STAGES, present, summaries } from '../projects/list.js';
import { inScope } from '../projects/scope.js';

/** "2026-11" → "2026年11—12月双月点评". */
export function reviewTitle(period: string) {
  const [y, m] = period.split('-').map(Number);
  // 2026年11—12月 within a year; across one both ends name their year: 2026年12月—2027年1月.
  return m === 12 ? `${y}年12月—${y + 1}年1月双月点评` : `${y}年${m}—${m + 1}月双月点评`;
}

const reviewScope = (actor: Actor) =>
  sql`${projectReviews.orgId} in (select id from ${orgs} where path like ${`${actor.orgPath}%`})`;

async function counts(db: Tx, reviewId: string) {
  const res = (await db.execute(
    sql`select count(distinct project_id)::int as n from project_ratings where review_id = ${reviewId}`,
  )) as unknown as { rows: { n: number }[] };
  return res.rows[0].n;
}

export async function listReviews(db: Db, actor: Actor) {
  const rows = await db
    .select({ r: projectReviews, orgName: orgs.name, orgPath: orgs.path })
    .from(projectReviews)
    .innerJoin(orgs, eq(orgs.id, projectReviews.orgId))
    .where(reviewScope(actor))
    .orderBy(desc(projectReviews.period))
    .limit(100);
  const items = [];
  for (const { r, orgName, orgPath } of rows)
    items.push({
      id: r.id,
      period: r.period,
      title: r.title,
      orgName,
      createdAt: r.createdAt.toISOString(),
      rated: await counts(db, r.id),
      total: (await reviewProjectIds(db, r.id, orgPath)).length,
    });
  return { items };
}

export async function createReview(db: Db, actor: Actor, period: string) {
  const [row] = await db
    .insert(projectReviews)
    .values({ orgId: actor.orgId, period, title: reviewTitle(period), createdBy: actor.id })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    // Say which one exists, so the screen can open it instead of leaving the user at an error.
    const [existing] = await db
      .select({ id: projectReviews.id })
      .from(projectReviews)
      .where(and(eq(projectReviews.orgId, actor.orgId), eq(projectReviews.period, period)));
    throw new AppError('review.exists', { message: reviewTitle(period), id: existing?.id ?? null });
  }
  await writeAudit(db, actor, {
    action: 'create',
    entity: 'project_review',
    entityId: row.id,
    orgId: actor.orgId,
    after: row,
  });
  return reviewDetail(db, actor, row.id);
}

async function scopedReview(db: Tx, actor: Actor, id: string) {
  const [row] = await db
    .select({ r: projectReviews, orgName: orgs.name, orgPath: orgs.path })
    .from(projectReviews)
    .innerJoin(orgs, eq(orgs.id, projectReviews.orgId))
    .where(and(eq(projectReviews.id, id), reviewScope(actor)));
  if (!row) throw new AppError('review.not_found');
  return row;
}

/** The review's projects: those active in the review's org subtree, plus any already rated in it. */
async function reviewProjectIds(db: Tx, reviewId: string, orgPath: string) {
  const res = (await db.execute(sql`
    select p.id from projects p where p.org_id in (select id from orgs where path like ${`${orgPath}%`})
       and p.stage in (${sql.join(
         ACTIVE_STAGES.map((s) => sql`${s}`),
         sql`, `,
       )}, 'paused')
    union select project_id from project_ratings where review_id = ${reviewId}`)) as unknown as {
    rows: { id: string }[];
  };
  return res.rows.map((r) => r.id);
}

export async function reviewDetail(db: Tx, actor: Actor, id: string) {
  const { r, orgName, orgPath } = await scopedReview(db, actor, id);
  const ids = await reviewProjectIds(db, id, orgPath);
  const rows = ids.length
    ? await summaries(db)
        .where(and(inArray(projects.id, ids), inScope(actor)))
        .orderBy(asc(projects.stage), asc(projects.name))
        .limit(2000)
    : [];
  const ratings = await db.select().from(projectRatings).where(eq(projectRatings.reviewId, id));
  const byProject = new Map<string, typeof ratings>();
  for (const x of ratings) byProject.set(x.projectId, [...(byProject.get(x.projectId) ?? []), x]);
  return {
    id: r.id,
    period: r.period,
    title: r.title,
    orgName,
    createdAt: r.createdAt.toISOString(),
    rated: byProject.size,
    total: rows.length,
    projects: rows.map((p) => ({
      ...present(p),
      ratings: (byProject.get(p.id) ?? []).map((x) => ({
        raterName: x.raterName,
        rating: x.rating as Rating,
        comment: x.comment,
        mine: x.raterId === actor.id,
      })),
    })),
  };
}

/** A leader's rating of one project in the review; rating again replaces the leader's earlier one. */
export async function rateProject(db: Db, actor: Actor, id: string, body: z.infer<typeof RatingPut>) {
  return db.transaction(async (tx) => {
    const { orgPath } = await scopedReview(tx, actor, id);
    const ids = await reviewProjectIds(tx, id, orgPath);
    if (!ids.includes(body.projectId)) throw new AppError('review.project_not_in_review');
    const values = {
      reviewId: id,
      projectId: body.projectId,
      raterId: actor.id,
      raterName: actor.displayName,
      rating: body.rating,
      comment: body.comment ?? null,
      at: new Date(),
    };
    await tx
      .insert(projectRatings)
      .values(values)
      .onConflictDoUpdate({
        target: [projectRatings.reviewId, projectRatings.projectId, projectRatings.raterId],
        set: { rating: values.rating, comment: values.comment, at: values.at },
      });
    const [p] = await tx
      .select({ orgId: projects.orgId })
      .from(projects)
      .where(eq(projects.id, body.projectId));
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'project_rating',
      entityId: `${id}/${body.projectId}`,
      orgId: p.orgId,
      after: values,
    });
    return reviewDetail(tx, actor, id);
  });
}
