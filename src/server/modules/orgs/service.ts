/** The org tree: list the actor's subtree, create, rename, move and delete orgs inside it. */
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import { orgs } from '../../../db/schema/index.js';
import type { Org, OrgCreate, OrgUpdate } from '../../../shared/api.js';
import { type OrgKind, orgKindFits } from '../../../shared/roles.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { scopedOrg, withinScope } from '../../scope.js';
import { deleteOrgSettings, notEmptyMessage, orgBlockers } from './blockers.js';

type OrgRow = typeof orgs.$inferSelect;

export function presentOrg(row: OrgRow): Org {
  return {
    ...row,
    kind: row.kind as OrgKind,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listOrgs(db: Db, actor: Actor): Promise<Org[]> {
  const rows = await db.select().from(orgs).where(withinScope(actor)).orderBy(asc(orgs.path), asc(orgs.code));
  return rows.map(presentOrg);
}

export async function getOrg(db: Tx, actor: Actor, id: string): Promise<Org> {
  return presentOrg(await scopedOrg(db, actor, id));
}

export async function createOrg(db: Db, actor: Actor, input: z.infer<typeof OrgCreate>): Promise<Org> {
  return db.transaction(async (tx) => {
    const parent = await scopedOrg(tx, actor, input.parentId);
    if (!orgKindFits(parent.kind as OrgKind, input.kind))
      throw new AppError('org.kind_level', { field: 'kind' });
    const [taken] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, input.code));
    if (taken) throw new AppError('org.code_taken', { field: 'code' });
    const id = crypto.randomUUID();
    const [row] = await tx
      .insert(orgs)
      .values({
        id,
        code: input.code,
        name: input.name,
        kind: input.kind,
        regionCode: input.regionCode ?? null,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
      })
      .returning();
    const org = presentOrg(row);
    await writeAudit(tx, actor, { action: 'create', entity: 'org', entityId: id, orgId: id, after: org });
    return org;
  });
}

export async function updateOrg(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof OrgUpdate>,
): Promise<Org> {
  return db.transaction(async (tx) => {
    const before = await scopedOrg(tx, actor, id);
    if (before.version !== input.version)
      throw new AppError('conflict.stale', { currentVersion: before.version });
    let path = before.path;
    let parentId = before.parentId;
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      const parent = await scopedOrg(tx, actor, input.parentId, 'org.parent_outside_scope');
      if (parent.path.startsWith(before.path)) throw new AppError('org.cycle');
      parentId = parent.id;
      path = `${parent.path}${id}/`;
    }
    // The kind, old or new, must still sit below the parent, old or new.
    const kind = (input.kind ?? before.kind) as OrgKind;
    if ((input.kind !== undefined || parentId !== before.parentId) && parentId) {
      const [parent] = await tx.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, parentId));
      if (parent && !orgKindFits(parent.kind as OrgKind, kind))
        throw new AppError('org.kind_level', { field: 'kind' });
    }
    const [row] = await tx
      .update(orgs)
      .set({
        name: input.name ?? before.name,
        kind: input.kind ?? before.kind,
        regionCode: input.regionCode === undefined ? before.regionCode : input.regionCode,
        parentId,
        path,
        version: sql`${orgs.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(orgs.id, id), eq(orgs.version, input.version)))
      .returning();
    if (!row) throw new AppError('conflict.stale');
    if (path !== before.path) {
      // Moving an org moves its whole subtree: rewrite the descendants' path prefix.
      await tx
        .update(orgs)
        .set({ path: sql`${path} || substr(${orgs.path}, ${before.path.length + 1})` })
        .where(and(like(orgs.path, `${before.path}%`), sql`${orgs.id} <> ${id}`));
    }
    const after = presentOrg(row);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'org',
      entityId: id,
      orgId: id,
      before: presentOrg(before),
      after,
    });
    return after;
  });
}

export async function deleteOrg(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await scopedOrg(tx, actor, id);
    if (id === actor.orgId) throw new AppError('org.own');
    if (before.version !== version) throw new AppError('conflict.stale', { currentVersion: before.version });
    const blockers = await orgBlockers(tx, id);
    if (blockers.length)
      throw new AppError('org.not_empty', {
        ...notEmptyMessage(blockers),
        blockers: blockers.map(({ table, count }) => ({ table, count })),
      });
    await deleteOrgSettings(tx, id);
    await tx.delete(orgs).where(and(eq(orgs.id, id), eq(orgs.version, version)));
    await writeAudit(tx, actor, {
      action: 'delete',
      entity: 'org',
      entityId: id,
      orgId: before.parentId,
      before: presentOrg(before),
    });
  });
}
