/** How long a running job probably still needs, from its progress so far: the time it took to reach
 *  the current percentage, scaled to what is left. Null while there is too little to go on (under
 *  5 s or no progress yet) and once it has ended. A job resumed after a restart counts from its first
 *  start, so the estimate errs long after downtime rather than promising too soon. */
const MIN_ELAPSED_MS = 5_000;

export function remainingSeconds(
  job: { status: string; progress: number; startedAt: Date | null },
  now: Date,
): number | null {
  if (job.status !== 'running' || !job.startedAt) return null;
  const elapsed = now.getTime() - job.startedAt.getTime();
  if (elapsed < MIN_ELAPSED_MS || job.progress <= 0 || job.progress >= 100) return null;
  return Math.ceil(((elapsed / 1000) * (100 - job.progress)) / job.progress);
}
