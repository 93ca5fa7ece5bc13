/** Server-side sessions. The cookie holds a random token; the table keeps only its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.js';
import { orgs, sessions, users } from '../../../db/schema/index.js';
import type { Role } from '../../../shared/roles.js';
import type { Actor } from '../../access.js';
import { sessionCache } from './session-cache.js';

export const SESSION_COOKIE = 'kz_sid';
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function createSession(
  db: Tx,
  userId: string,
  ttlHours: number,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; id: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = tokenHash(token);
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id,
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + ttlHours * 3600_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, id, csrfToken };
}

/** The actor behind a session token, or null if the session is unknown, expired or its user disabled. */
export async function loadActor(db: Db, token: string, ttlHours: number): Promise<Actor | null> {
  const id = tokenHash(token);
  const cached = sessionCache.get(id);
  if (cached) return cached;
  const gen = sessionCache.generation();
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      orgId: users.orgId,
      orgPath: orgs.path,
      orgCode: orgs.code,
      orgName: orgs.name,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), eq(users.disabled, false)));
  if (!row) return null;
  let expiresAt = row.expiresAt.getTime();
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Sliding expiry, written at most every few minutes so reads stay reads.
    expiresAt = Date.now() + ttlHours * 3600_000;
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: new Date(expiresAt) })
      .where(eq(sessions.id, id));
  }
  const { lastSeenAt: _seen, expiresAt: _exp, ...rest } = row;
  const actor: Actor = { ...rest, roles: row.roles as Role[], sessionId: id };
  sessionCache.set(id, actor, gen, expiresAt);
  return actor;
}

export async function deleteSession(db: Tx, sessionId: string) {
  sessionCache.clear();
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, except `keepSessionId` if given. */
export async function deleteUserSessions(db: Tx, userId: string, keepSessionId?: string) {
  const cond = keepSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
    : eq(sessions.userId, userId);
  sessionCache.clear();
  await db.delete(sessions).where(cond);
}
