import type { z } from 'zod';
import type { Db } from '../db/client.js';
import type { jobs } from '../db/schema/index.js';

export type JobRow = typeof jobs.$inferSelect;

/** What a handler sees. `progress` saves percentage, message and checkpoint together and renews the
 *  lease; it throws JobInterrupted when the job was cancelled or the server is shutting down, so a
 *  handler needs no cancellation code of its own beyond calling it between steps. */
export type JobContext<P, S> = {
  job: JobRow;
  params: P;
  /** The checkpoint saved by the last `progress` call of an earlier attempt, or null on a first run. */
  state: S | null;
  db: Db;
  dataDir: string;
  progress(percent: number, message: string, state?: S): Promise<void>;
};

export type JobDefinition<P = unknown, S = unknown> = {
  kind: string;
  /** Chinese title shown in the job centre. */
  title: string;
  params: z.ZodType<P>;
  maxAttempts?: number;
  run(ctx: JobContext<P, S>): Promise<Record<string, unknown>>;
};

/** The job's own input is at fault (a file that cannot be read, a table without a header): the same
 *  input fails the same way again, so the job fails at once, and the message is the user's to act on,
 *  not a server warning. */
export class JobInputError extends Error {}

export class JobInterrupted extends Error {
  constructor(readonly reason: 'cancelled' | 'shutdown') {
    super(reason);
  }
}
