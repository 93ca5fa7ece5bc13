/** Runs one job to its end in this process (used by the CLI), reporting progress as it goes. */
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Database } from '../db/client.js';
import { jobs } from '../db/schema/index.js';
import { JOB_DEFINITIONS } from './definitions.js';
import { JobRunner } from './runner.js';
import type { JobRow } from './types.js';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

export async function runJobInProcess(
  database: Database,
  dataDir: string,
  job: { kind: string; orgId: string; params: unknown },
  onProgress: (percent: number, message: string) => void,
): Promise<JobRow> {
  const [row] = await database.db
    .insert(jobs)
    .values({ kind: job.kind, orgId: job.orgId, params: job.params })
    .returning();
  const logger = pino({ level: 'warn' }) as unknown as FastifyBaseLogger;
  const runner = new JobRunner({
    database,
    dataDir,
    pollMs: 200,
    logger,
    definitions: JOB_DEFINITIONS,
    onlyJobId: row.id,
  });
  await runner.start();
  try {
    for (;;) {
      const [cur] = await database.db.select().from(jobs).where(eq(jobs.id, row.id));
      onProgress(cur.progress, cur.message);
      if (FINAL.has(cur.status)) return cur;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await runner.stop();
  }
}
