/** 培育筛查 runs: start one (a background job), list them, and read a run's ladder and its firms. */
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { containsPattern } from '../../../db/like.js';
import {
  enterprises,
  jobs,
  orgs,
  type ScreenedDetail,
  type ScreeningStatus,
  screeningFirms,
  screeningRuns,
} from '../../../db/schema/index.js';
import { TIER_NAMES, type TierKey } from '../../../domain/eligibility/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type { ResultQuery, ScreeningCreate, ScreeningResultItem } from '../../../shared/cultivation-api.js';
import { STANDINGS, TIERS } from '../../../shared/cultivation-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { withinScope } from '../../scope.js';
import { enqueueJob } from '../jobs/service.js';
import { DEFAULT_CLOSE_RULE } from './diagnose.js';
import { readDetail, tierPosition } from './screened-row.js';

const today = chinaToday;
const scopedRun = (actor: Actor) =>
  sql`${screeningRuns.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;

type RunRow = typeof screeningRuns.$inferSelect & {
  orgName: string;
  progress: number | null;
  message: string | null;
  jobStatus: string | null;
};

function present(r: RunRow) {
  // A run whose job failed or was cancelled never reaches 'done'; say so instead of "running" forever.
  const status =
    r.status === 'running' && r.jobStatus && ['failed', 'cancelled'].includes(r.jobStatus)
      ? r.jobStatus
      : r.status;
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    assessedOn: r.assessedOn,
    closeRule: r.closeRule,
    rulesets: r.rulesets,
    status,
    firms: r.firms,
    jobId: r.jobId,
    progress: r.progress,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

const runColumns = {
  id: screeningRuns.id,
  orgId: screeningRuns.orgId,
  jobId: screeningRuns.jobId,
  assessedOn: screeningRuns.assessedOn,
  closeRule: screeningRuns.closeRule,
  rulesets: screeningRuns.rulesets,
  status: screeningRuns.status,
  firms: screeningRuns.firms,
  counts: screeningRuns.counts,
  phrases: screeningRuns.phrases,
  createdBy: screeningRuns.createdBy,
  createdAt: screeningRuns.createdAt,
  finishedAt: screeningRuns.finishedAt,
  orgName: orgs.name,
  progress: jobs.progress,
  message: jobs.message,
  jobStatus: jobs.status,
};

function runsQuery(db: Db) {
  return db
    .select(runColumns)
    .from(screeningRuns)
    .innerJoin(orgs, eq(orgs.id, screeningRuns.orgId))
    .leftJoin(jobs, eq(jobs.id, screeningRuns.jobId));
}

export async function startScreening(db: Db, actor: Actor, body: z.infer<typeof ScreeningCreate>) {
  return db.transaction(async (tx) => {
    const [busy] = await tx
      .select({ id: screeningRuns.id })
      .from(screeningRuns)
      .innerJoin(jobs, eq(jobs.id, screeningRuns.jobId))
      .where(and(eq(screeningRuns.orgId, actor.orgId), sql`${jobs.status} in ('queued', 'running')`));
    if (busy) throw new AppError('screening.running', { runId: busy.id });
    const [run] = await tx
      .insert(screeningRuns)
      .values({
        orgId: actor.orgId,
        assessedOn: body.assessedOn ?? today(),
        closeRule: { ...DEFAULT_CLOSE_RULE, ...body.closeRule },
        createdBy: actor.id,
      })
      .returning();
    const job = await enqueueJob(tx, actor, 'cultivation.screening', { runId: run.id }, { maxAttempts: 2 });
    await tx.update(screeningRuns).set({ jobId: job.id }).where(eq(screeningRuns.id, run.id));
    return { runId: run.id, job };
  });
}

export async function listScreenings(db: Db, actor: Actor) {
  const rows = await runsQuery(db).where(scopedRun(actor)).orderBy(desc(screeningRuns.createdAt)).limit(50);
  return rows.map(present);
}

async function runOf(db: Db, actor: Actor, id: string) {
  const [row] = await runsQuery(db).where(and(eq(screeningRuns.id, id), scopedRun(actor)));
  if (!row) throw new AppError('screening.not_found');
  return row;
}

/** The org's finished run before this one, to show movement. */
async function previousRun(db: Db, run: RunRow) {
  const [prev] = await db
    .select({ id: screeningRuns.id, assessedOn: screeningRuns.assessedOn, counts: screeningRuns.counts })
    .from(screeningRuns)
    .where(
      and(
        eq(screeningRuns.orgId, run.orgId),
        eq(screeningRuns.status, 'done'),
        lt(screeningRuns.createdAt, run.createdAt),
      ),
    )
    .orderBy(desc(screeningRuns.createdAt))
    .limit(1);
  return prev ?? null;
}

export async function screeningLadder(db: Db, actor: Actor, id: string) {
  const run = await runOf(db, actor, id);
  const prev = await previousRun(db, run);
  const now = run.counts;
  const before = prev?.counts ?? null;
  const zero = Object.fromEntries(STANDINGS.map((s) => [s, 0])) as Record<(typeof STANDINGS)[number], number>;
  return {
    run: present(run),
    rungs: TIERS.map((tier) => {
      const c = { ...zero, ...now[tier] };
      const b = before?.[tier];
      return {
        tier,
        tierName: TIER_NAMES[tier as TierKey],
        holding: c.holding,
        eligible: c.eligible,
        close: c.close,
        far: c.far,
        unknown: c.unknown,
        previous: prev
          ? {
              runId: prev.id,
              assessedOn: prev.assessedOn,
              holding: b?.holding ?? 0,
              eligible: b?.eligible ?? 0,
            }
          : null,
      };
    }),
  };
}

export async function screeningResultsPage(
  db: Db,
  actor: Actor,
  id: string,
  query: z.infer<typeof ResultQuery>,
) {
  const run = await runOf(db, actor, id);
  const prev = await previousRun(db, run);
  const f = screeningFirms;
  const i = tierPosition(query.tier);
  const conds = [eq(f.runId, run.id)];
  if (query.status) conds.push(sql`${f.standings}[${i}] = ${query.status}`);
  if (query.q)
    conds.push(sql`exists (select 1 from ${enterprises} where ${enterprises.id} = ${f}.enterprise_id
      and ${enterprises.name} like ${containsPattern(query.q)})`);
  const where = and(...conds);
  // The page first, on the narrow columns alone: anything in the select list is computed for every
  // matching firm before the sort (reading the text of 60,000 firms took two seconds), and sorting
  // ties by name would join every matching firm; ties go by id, the names come with the page.
  const page = await db
    .select({ enterpriseId: f.enterpriseId, status: sql<ScreeningStatus>`${f.standings}[${i}]` })
    .from(f)
    .where(where)
    // Nearest to qualifying first: the fewest unmet criteria, then the highest score.
    .orderBy(sql`${f.unmetCounts}[${i}]`, sql`${f.scores}[${i}] desc nulls last`, asc(f.enterpriseId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(f).where(where);
  const ids = page.map((r) => r.enterpriseId);
  // Then the text of this page's firms, and their standing in the run before (movement).
  const p = alias(screeningFirms, 'p');
  const more = ids.length
    ? await db
        .select({
          enterpriseId: f.enterpriseId,
          name: enterprises.name,
          uscc: enterprises.uscc,
          detail: sql<ScreenedDetail | string | null>`${f.details} -> ${query.tier}`,
          previousStatus: prev ? sql<ScreeningStatus | null>`${p.standings}[${i}]` : sql<null>`null`,
        })
        .from(f)
        .innerJoin(enterprises, eq(enterprises.id, f.enterpriseId))
        .leftJoin(p, and(eq(p.runId, prev?.id ?? run.id), eq(p.enterpriseId, f.enterpriseId)))
        .where(and(eq(f.runId, run.id), inArray(f.enterpriseId, ids)))
    : [];
  const byId = new Map(more.map((m) => [m.enterpriseId, m]));
  const items = page.map((r) => {
    const m = byId.get(r.enterpriseId);
    const d = typeof m?.detail === 'string' ? (JSON.parse(m.detail) as ScreenedDetail) : (m?.detail ?? {});
    return {
      ...r,
      name: m?.name ?? '',
      uscc: m?.uscc ?? null,
      ...readDetail(d, run.phrases),
      previousStatus: m?.previousStatus ?? null,
    };
  });
  return {
    items: items as z.infer<typeof ScreeningResultItem>[],
    total: n,
  };
}
