import { and, count, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { jobs, orgs } from '../../../db/schema/index.js';
import { remainingSeconds } from '../../../jobs/remaining.js';
import type { Job, JobQuery } from '../../../shared/api.js';
import { mayCancelJob } from '../../../shared/job-rules.js';
import type { Role } from '../../../shared/roles.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { withinScope } from '../../scope.js';

type Row = typeof jobs.$inferSelect;

export function presentJob(row: Row, now = new Date()): Job {
  return {
    id: row.id,
    kind: row.kind,
    orgId: row.orgId,
    status: row.status as Job['status'],
    progress: Math.round(row.progress * 10) / 10,
    message: row.message,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    error: row.error,
    result: row.result ?? null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    remainingSeconds: remainingSeconds(row, now),
  };
}

/** Job kinds whose results only some roles may read: the same roles as the pages that start them. A
 *  kind not listed is for anyone in the org (an import's rejected rows are firms every role reads). */
const KIND_READERS: Record<string, readonly Role[]> = {
  'audit.export': ['admin', 'leader'],
  'cultivation.screening': ['admin', 'leader', 'officer', 'analyst'],
  'chain.placement': ['admin', 'leader', 'officer', 'analyst'],
};

/** The org subtree's jobs, less the kinds the actor's roles may not read (an expert must not find an
 *  audit-log export in 任务中心 and download it). */
const scoped = (actor: Actor) => {
  const hidden = Object.entries(KIND_READERS)
    .filter(([, roles]) => !roles.some((r) => actor.roles.includes(r)))
    .map(([kind]) => kind);
  const inOrg = sql`${jobs.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;
  return hidden.length ? and(inOrg, notInArray(jobs.kind, hidden)) : inOrg;
};

/** Queues a job for the actor's org; the caller wakes the runner after the transaction commits. */
export async function enqueueJob(
  tx: Tx,
  actor: Actor,
  kind: string,
  params: unknown,
  opts: { id?: string; maxAttempts?: number } = {},
): Promise<Job> {
  const [row] = await tx
    .insert(jobs)
    .values({
      id: opts.id,
      kind,
      params,
      orgId: actor.orgId,
      createdBy: actor.id,
      maxAttempts: opts.maxAttempts ?? 3,
    })
    .returning();
  const job = presentJob(row);
  await writeAudit(tx, actor, {
    action: 'create',
    entity: 'job',
    entityId: row.id,
    orgId: actor.orgId,
    after: { kind, params },
  });
  return job;
}

export async function listJobs(db: Db, actor: Actor, query: z.infer<typeof JobQuery>) {
  const conds = [scoped(actor)];
  if (query.status) conds.push(eq(jobs.status, query.status));
  if (query.kind) conds.push(eq(jobs.kind, query.kind));
  const where = and(...conds);
  const rows = await db
    .select()
    .from(jobs)
    .where(where)
    .orderBy(desc(jobs.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(jobs).where(where);
  return { items: rows.map((r) => presentJob(r)), total: n };
}

export async function getJobRow(db: Tx, actor: Actor, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), scoped(actor)));
  if (!row) throw new AppError('job.not_found');
  return row;
}

/** A queued job is cancelled at once; a running one at its next progress report. */
export async function cancelJob(db: Db, actor: Actor, id: string): Promise<Job> {
  return db.transaction(async (tx) => {
    const before = await getJobRow(tx, actor, id);
    if (!mayCancelJob(before, actor)) throw new AppError('job.not_yours');
    if (!['queued', 'running'].includes(before.status)) throw new AppError('job.not_cancellable');
    const [row] = await tx
      .update(jobs)
      .set(
        before.status === 'queued'
          ? {
              status: 'cancelled',
              cancelRequested: true,
              message: '已取消',
              finishedAt: sql`now()`,
              updatedAt: sql`now()`,
            }
          : { cancelRequested: true, message: '正在取消…', updatedAt: sql`now()` },
      )
      .where(eq(jobs.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'job',
      entityId: id,
      orgId: row.orgId,
      before: { status: before.status },
      after: { status: row.status, cancelRequested: true },
    });
    return presentJob(row);
  });
}
