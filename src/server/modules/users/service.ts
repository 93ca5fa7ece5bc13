/** User administration: one function per use case, each in one transaction with its audit row. */

import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { containsPattern } from '../../../db/like.js';
import { orgs, users } from '../../../db/schema/index.js';
import { isStrongPassword } from '../../../domain/password.js';
import type { User, UserCreate, UserQuery, UserUpdate } from '../../../shared/api.js';
import type { Role } from '../../../shared/roles.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { scopedOrg, withinScope } from '../../scope.js';
import { hashPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/sessions.js';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  orgId: users.orgId,
  orgName: orgs.name,
  disabled: users.disabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};
type Row = Omit<typeof users.$inferSelect, 'passwordHash' | 'updatedAt'> & { orgName: string };

function present(row: Row): User {
  return {
    ...row,
    roles: row.roles as Role[],
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listUsers(db: Db, actor: Actor, query: z.infer<typeof UserQuery>) {
  const conds = [withinScope(actor)];
  if (query.q)
    conds.push(
      or(
        ilike(users.username, containsPattern(query.q)),
        ilike(users.displayName, containsPattern(query.q)),
      ) as never,
    );
  if (query.orgId) conds.push(eq(users.orgId, query.orgId));
  const where = and(...conds);
  const rows = await db
    .select(columns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(where)
    .orderBy(desc(users.createdAt), users.username)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ n }] = await db
    .select({ n: count() })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(where);
  return { items: rows.map(present), total: n };
}

export async function getUser(db: Tx, actor: Actor, id: string): Promise<User> {
  const [row] = await db
    .select(columns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, id), withinScope(actor)));
  if (!row) throw new AppError('user.not_found');
  return present(row);
}

function checkPassword(password: string) {
  if (!isStrongPassword(password)) throw new AppError('password.weak', { field: 'password' });
}

export async function createUser(db: Db, actor: Actor, input: z.infer<typeof UserCreate>): Promise<User> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const org = await scopedOrg(tx, actor, input.orgId);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, input.username.toLowerCase()));
    if (taken) throw new AppError('user.username_taken', { field: 'username' });
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        roles: unique(input.roles),
        orgId: org.id,
      })
      .returning({ id: users.id });
    const user = await getUser(tx, actor, row.id);
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'user',
      entityId: user.id,
      orgId: org.id,
      after: user,
    });
    return user;
  });
}

function unique(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

/** Applies a versioned update; a stale version is a 409, never a silent overwrite. */
async function versionedUpdate(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  set: Partial<typeof users.$inferInsert>,
) {
  const before = await getUser(tx, actor, id);
  if (before.version !== version) throw new AppError('conflict.stale', { currentVersion: before.version });
  const updated = await tx
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AppError('conflict.stale');
  return before;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof UserUpdate>,
): Promise<User> {
  return db.transaction(async (tx) => {
    if (input.orgId) await scopedOrg(tx, actor, input.orgId);
    // Moving oneself, even into a sub-org, narrows what one can see and undo: like disabling oneself.
    const movesSelf = input.orgId !== undefined && input.orgId !== actor.orgId;
    if (
      id === actor.id &&
      (input.disabled === true || (input.roles && !input.roles.includes('admin')) || movesSelf)
    ) {
      throw new AppError('user.self_lockout');
    }
    const set: Partial<typeof users.$inferInsert> = {};
    if (input.displayName !== undefined) set.displayName = input.displayName;
    if (input.roles !== undefined) set.roles = unique(input.roles);
    if (input.orgId !== undefined) set.orgId = input.orgId;
    if (input.disabled !== undefined) set.disabled = input.disabled;
    const before = await versionedUpdate(tx, actor, id, input.version, set);
    // Disabling, or changing roles or org, ends the user's sessions at once. The edit form sends roles
    // and org with every save: only a real change counts, or renaming a user signed them out.
    const sameRoles = (a: readonly string[], b: readonly string[]) =>
      [...new Set(a)].sort().join() === [...new Set(b)].sort().join();
    const rolesChanged = input.roles !== undefined && !sameRoles(input.roles, before.roles);
    const orgChanged = input.orgId !== undefined && input.orgId !== before.orgId;
    if (input.disabled || rolesChanged || orgChanged) await deleteUserSessions(tx, id);
    const after = await getUser(tx, actor, id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      orgId: after.orgId,
      before,
      after,
    });
    return after;
  });
}

export async function resetPassword(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  password: string,
): Promise<User> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const before = await versionedUpdate(tx, actor, id, version, { passwordHash });
    await deleteUserSessions(tx, id);
    const after = await getUser(tx, actor, id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      orgId: after.orgId,
      before: { ...before, password: 'old' },
      after: { ...after, password: 'reset' },
    });
    return after;
  });
}
