/** What an expert record may point at: a login and firms the admin can see. Otherwise an admin could
 *  link a user of another org (who would then be shown this org's reviews) or learn which ids exist
 *  elsewhere from the difference between "not found" and "saved". */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { enterprises, parties, users } from '../../../db/schema/index.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { orgIdsUnder } from '../../scope.js';

type Refs = { userId?: string; partyId?: string; employerId?: string | null; declaredFirmIds?: string[] };

export async function checkExpertRefs(db: Db, actor: Actor, refs: Refs): Promise<void> {
  const orgIds = await orgIdsUnder(db, actor.orgPath);
  if (refs.userId) {
    const [u] = await db
      .select({ roles: users.roles, disabled: users.disabled })
      .from(users)
      .where(and(eq(users.id, refs.userId), inArray(users.orgId, orgIds)));
    if (!u || u.disabled || !u.roles.includes('expert')) throw new AppError('expert.bad_user');
  }
  const firmIds = [...new Set([refs.employerId, ...(refs.declaredFirmIds ?? [])].filter((x) => !!x))];
  if (firmIds.length) {
    const seen = await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(inArray(enterprises.id, firmIds as string[]), inArray(enterprises.orgId, orgIds)));
    if (seen.length !== firmIds.length) throw new AppError('expert.bad_firm');
  }
  // The expert in the graph: a person or institution there, or a registered firm.
  if (refs.partyId) {
    const where = (t: typeof parties | typeof enterprises) =>
      and(eq(t.id, refs.partyId as string), inArray(t.orgId, orgIds));
    const [p] = await db.select({ id: parties.id }).from(parties).where(where(parties));
    const [e] = p ? [p] : await db.select({ id: enterprises.id }).from(enterprises).where(where(enterprises));
    if (!e) throw new AppError('expert.bad_party');
  }
}
