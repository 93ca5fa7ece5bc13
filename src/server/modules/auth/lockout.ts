/** Sign-in throttling: after N failures in the window a key (username, or client address) is locked. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { loginAttempts } from '../../../db/schema/index.js';

export type LockoutPolicy = { maxFailures: number; lockMinutes: number };

/** Minutes left on the longest lock among the keys, or 0. */
export async function lockedMinutes(db: Db, keys: string[]): Promise<number> {
  let longest = 0;
  for (const key of keys) {
    const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
    if (row?.lockedUntil && row.lockedUntil.getTime() > Date.now()) {
      longest = Math.max(longest, Math.ceil((row.lockedUntil.getTime() - Date.now()) / 60000));
    }
  }
  return longest;
}

export async function recordFailure(
  db: Db,
  key: string,
  policy: LockoutPolicy,
  threshold = policy.maxFailures,
) {
  const window = `${policy.lockMinutes} minutes`;
  // Failures under names nobody has used for a window, with no lock left, count for nothing: drop them,
  // or guessing at made-up usernames would add a row per guess without end.
  await db
    .delete(loginAttempts)
    .where(
      sql`${loginAttempts.windowStart} < now() - ${window}::interval and (${loginAttempts.lockedUntil} is null or ${loginAttempts.lockedUntil} < now())`,
    );
  await db
    .insert(loginAttempts)
    .values({ key, failures: 1, windowStart: new Date() })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.windowStart} < now() - ${window}::interval then 1 else ${loginAttempts.failures} + 1 end`,
        windowStart: sql`case when ${loginAttempts.windowStart} < now() - ${window}::interval then now() else ${loginAttempts.windowStart} end`,
      },
    });
  await db
    .update(loginAttempts)
    .set({ lockedUntil: sql`now() + ${window}::interval`, failures: 0, windowStart: sql`now()` })
    .where(sql`${loginAttempts.key} = ${key} and ${loginAttempts.failures} >= ${threshold}`);
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
