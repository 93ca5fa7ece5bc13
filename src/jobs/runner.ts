/** The durable job runner: claims jobs with FOR UPDATE SKIP LOCKED, keeps a lease while running,
 *  retries failures with backoff, and resumes from the handler's checkpoint after a crash. */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { jobs } from '../db/schema/index.js';
import { withoutParams } from '../server/log-safety.js';
import { type JobDefinition, JobInputError, JobInterrupted, type JobRow } from './types.js';

export type RunnerOptions = {
  database: Database;
  dataDir: string;
  pollMs: number;
  /** How long a claimed job stays ours without a heartbeat; after that another worker may take it. */
  leaseSeconds?: number;
  logger: FastifyBaseLogger;
  definitions: JobDefinition<never, never>[];
  /** Run only this job (the CLI runs one job in its own process and leaves the rest to the server). */
  onlyJobId?: string;
};

export class JobRunner {
  private readonly workerId = `worker-${randomUUID()}`;
  private readonly defs: Map<string, JobDefinition<never, never>>;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly lease: string;

  constructor(private readonly opts: RunnerOptions) {
    this.defs = new Map(opts.definitions.map((d) => [d.kind, d]));
    this.lease = `${opts.leaseSeconds ?? 60} seconds`;
  }

  definition(kind: string) {
    return this.defs.get(kind);
  }

  async start() {
    if (this.opts.database.engine === 'pglite' && !this.opts.onlyJobId) {
      // The embedded database has one process: whatever was running belonged to a process that died.
      await this.opts.database.db
        .update(jobs)
        .set({
          status: 'queued',
          lockedBy: null,
          lockedUntil: null,
          message: sql`'服务重启，任务将从断点继续：' || ${jobs.message}`,
        })
        .where(eq(jobs.status, 'running'));
    }
    this.loop = this.run();
  }

  /** Wake the loop now, e.g. right after a job was queued. */
  wake() {
    this.wakeUp?.();
  }

  /** Stop taking jobs; the running one is interrupted at its next progress call and queued again. */
  async stop() {
    this.stopping = true;
    this.wake();
    await this.loop;
  }

  private async run() {
    while (!this.stopping) {
      let job: JobRow | undefined;
      try {
        job = await this.claim();
      } catch (err) {
        this.opts.logger.error({ err }, 'job claim failed');
      }
      if (job) {
        try {
          await this.execute(job);
        } catch (err) {
          // Even recording the outcome failed (database gone?): the lease runs out and another
          // pass takes the job again. The loop itself must survive.
          this.opts.logger.error({ err, jobId: job.id }, 'job settle failed');
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.opts.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private async claim(): Promise<JobRow | undefined> {
    const kinds = [...this.defs.keys()];
    if (kinds.length === 0) return undefined;
    const next = sql`(select id from ${jobs}
      where ((${jobs.status} = 'queued' and ${jobs.runAfter} <= now()) or (${jobs.status} = 'running' and ${jobs.lockedUntil} < now()))
        and ${jobs.kind} in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
        ${this.opts.onlyJobId ? sql`and ${jobs.id} = ${this.opts.onlyJobId}` : sql``}
      order by ${jobs.createdAt} limit 1 for update skip locked)`;
    const [row] = await this.opts.database.db
      .update(jobs)
      .set({
        status: 'running',
        lockedBy: this.workerId,
        lockedUntil: sql`now() + ${this.lease}::interval`,
        attempts: sql`${jobs.attempts} + 1`,
        startedAt: sql`coalesce(${jobs.startedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(jobs.id, next))
      .returning();
    return row;
  }

  private mine(id: string) {
    return and(eq(jobs.id, id), eq(jobs.lockedBy, this.workerId));
  }

  private async execute(job: JobRow) {
    const { db } = this.opts.database;
    const def = this.defs.get(job.kind);
    if (!def) return;
    const heartbeat = setInterval(
      () => {
        db.update(jobs)
          .set({ lockedUntil: sql`now() + ${this.lease}::interval` })
          .where(this.mine(job.id))
          .catch((err) => this.opts.logger.warn({ err }, 'job heartbeat failed'));
      },
      ((this.opts.leaseSeconds ?? 60) * 1000) / 4,
    );
    try {
      const params = def.params.parse(job.params);
      const result = await def.run({
        job,
        params: params as never,
        state: (job.state ?? null) as never,
        db,
        dataDir: this.opts.dataDir,
        progress: async (percent, message, state) => {
          const [row] = await db
            .update(jobs)
            .set({
              progress: Math.max(0, Math.min(100, percent)),
              message,
              ...(state === undefined ? {} : { state }),
              lockedUntil: sql`now() + ${this.lease}::interval`,
              updatedAt: sql`now()`,
            })
            .where(this.mine(job.id))
            .returning({ cancel: jobs.cancelRequested });
          if (!row || row.cancel) throw new JobInterrupted('cancelled');
          if (this.stopping) throw new JobInterrupted('shutdown');
          // PGlite answers in microtasks, so a busy job would starve the event loop and every HTTP
          // request with it; give pending I/O a turn at each step.
          await nextTurn();
        },
      });
      await db
        .update(jobs)
        .set({
          status: 'succeeded',
          progress: 100,
          result,
          error: null,
          finishedAt: sql`now()`,
          lockedBy: null,
          lockedUntil: null,
          updatedAt: sql`now()`,
        })
        .where(this.mine(job.id));
    } catch (err) {
      await this.settleFailure(job, def, err);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async settleFailure(job: JobRow, def: JobDefinition<never, never>, err: unknown) {
    const { db } = this.opts.database;
    const release = { lockedBy: null, lockedUntil: null, updatedAt: sql`now()` };
    if (err instanceof JobInterrupted && err.reason === 'cancelled') {
      // Keep the last progress report: what a job committed before it stopped (an import's whole
      // batches) stays written, and the user should read how far it got.
      await db
        .update(jobs)
        .set({
          ...release,
          status: 'cancelled',
          message: sql`'已取消。取消前：' || ${jobs.message}`,
          finishedAt: sql`now()`,
        })
        .where(eq(jobs.id, job.id));
      return;
    }
    if (err instanceof JobInterrupted) {
      // Shutdown is not the job's fault: give the attempt back and resume from the checkpoint later.
      await db
        .update(jobs)
        .set({
          ...release,
          status: 'queued',
          attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
          message: '服务停止，稍后从断点继续',
        })
        .where(this.mine(job.id));
      return;
    }
    // Users read this message on the job: never the values a failed query was given.
    const message = withoutParams(err instanceof Error ? err.message : String(err));
    const inputError = err instanceof JobInputError;
    if (inputError) this.opts.logger.info({ jobId: job.id, kind: job.kind, message }, 'job input refused');
    else this.opts.logger.warn({ jobId: job.id, kind: job.kind, err }, 'job attempt failed');
    const max = def.maxAttempts ?? job.maxAttempts;
    if (!inputError && job.attempts < max) {
      const delay = 2 ** job.attempts;
      await db
        .update(jobs)
        .set({
          ...release,
          status: 'queued',
          error: message,
          message: `第 ${job.attempts} 次执行失败，${delay} 秒后重试`,
          runAfter: sql`now() + ${`${delay} seconds`}::interval`,
        })
        .where(this.mine(job.id));
    } else {
      await db
        .update(jobs)
        .set({
          ...release,
          status: 'failed',
          error: message,
          message: inputError ? '执行失败：输入有误，重试无益' : `执行失败（已尝试 ${job.attempts} 次）`,
          finishedAt: sql`now()`,
        })
        .where(or(this.mine(job.id), eq(jobs.id, job.id)));
    }
  }
}
