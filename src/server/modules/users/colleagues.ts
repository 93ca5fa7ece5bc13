/** The people of the actor's org and the orgs below it to whom work can be handed — a project's
 *  负责人, a policy push list's owner. Active users only, and nothing an admin alone should see
 *  (usernames, logins, disabled accounts). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { orgs, users } from '../../../db/schema/index.js';
import type { ColleagueQuery } from '../../../shared/api.js';
import type { Role } from '../../../shared/roles.js';
import type { Actor } from '../../access.js';
import { withinScope } from '../../scope.js';

/** More than any district bureau employs; the picker searches within this. */
const MAX = 500;

export async function listColleagues(db: Db, actor: Actor, q: z.infer<typeof ColleagueQuery>) {
  const conds = [withinScope(actor), eq(users.disabled, false)];
  if (q.role) conds.push(sql`${q.role} = any(${users.roles})`);
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles, orgName: orgs.name })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(...conds))
    // The actor's own org first, then by name.
    .orderBy(sql`${users.orgId} <> ${actor.orgId}`, asc(users.displayName))
    .limit(MAX);
  return { items: rows.map((r) => ({ ...r, roles: r.roles as Role[] })) };
}
