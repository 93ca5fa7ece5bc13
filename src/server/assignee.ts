/** Who may be given a piece of work — a project, a 培育路径, a policy push: an active user of the
 *  actor's org tree who does such work (an officer, a leader or an admin). An expert or an analyst
 *  could not act on it, and a user of another org must not be reachable by id (their name would show
 *  as the owner). */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { orgs, users } from '../db/schema/index.js';
import type { Role } from '../shared/roles.js';
import type { Actor } from './access.js';
import { AppError } from './app-error.js';
import { withinScope } from './scope.js';

export const ASSIGNEE_ROLES: readonly Role[] = ['admin', 'leader', 'officer'];

export async function checkAssignee(
  db: Tx,
  actor: Actor,
  userId: string,
  code: 'project.bad_owner' | 'assignee.invalid' = 'assignee.invalid',
): Promise<void> {
  const [u] = await db
    .select({ roles: users.roles })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, userId), eq(users.disabled, false), withinScope(actor)));
  if (!u?.roles.some((r) => ASSIGNEE_ROLES.includes(r as Role)))
    throw new AppError(code, { field: 'ownerId' });
}
