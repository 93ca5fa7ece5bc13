/** Sign-in, sign-out and password change. */
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/index.js';
import { isStrongPassword } from '../../../domain/password.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { clearFailures, lockedMinutes, recordFailure } from './lockout.js';
import { burnVerify, hashPassword, verifyPassword } from './passwords.js';
import { createSession, deleteSession, deleteUserSessions, tokenHash } from './sessions.js';

export async function login(
  db: Db,
  config: Config,
  input: { username: string; password: string; ip: string; userAgent?: string; previousToken?: string },
) {
  const username = input.username.trim();
  const keys = [`u:${username.toLowerCase()}`, `ip:${input.ip}`];
  const policy = { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes };
  const minutes = await lockedMinutes(db, keys);
  if (minutes > 0) throw new AppError('auth.locked', { retryAfterMinutes: minutes });

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (!user) await burnVerify(input.password);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user || !ok) {
    await recordFailure(db, keys[0], policy);
    // An address gets more room than one account, since an office shares one address.
    await recordFailure(db, keys[1], policy, policy.maxFailures * 4);
    throw new AppError('auth.invalid_credentials');
  }
  if (user.disabled) throw new AppError('auth.disabled');
  await clearFailures(db, keys[0]);

  // Rotate: the session a browser had before signing in is never reused.
  if (input.previousToken) await deleteSession(db, tokenHash(input.previousToken));
  const session = await createSession(db, user.id, config.sessionTtlHours, {
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
  return session;
}

export async function changeOwnPassword(db: Db, actor: Actor, oldPassword: string, newPassword: string) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, oldPassword)))
    throw new AppError('auth.wrong_password');
  if (!isStrongPassword(newPassword)) throw new AppError('password.weak');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, actor.id));
    // Other devices are signed out; this one keeps its session.
    await deleteUserSessions(tx, actor.id, actor.sessionId);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: actor.id,
      orgId: actor.orgId,
      before: { password: 'old' },
      after: { password: 'changed' },
    });
  });
}
