/** Bootstrap (the platform root org) and the demo data; both are idempotent. */
import { count, eq } from 'drizzle-orm';
import { writeAudit } from '../../server/audit.js';
import { hashPassword } from '../../server/modules/auth/passwords.js';
import type { Db } from '../client.js';
import { afterBulkWrite } from '../maintenance.js';
import { orgs, users } from '../schema/index.js';
import { queueDemoPlacements, seedChainTemplates } from './chains.js';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS, ROOT_ORG } from './demo-data.js';
import { seedEnterprises } from './enterprises/seed-enterprises.js';
import { seedDemoExperts } from './experts.js';
import { seedDemoPolicies } from './policies.js';
import { seedRelations } from './seed-relations.js';

/** Every install has one root org, so the first admin has somewhere to live. */
export async function ensureRootOrg(db: Db) {
  await db
    .insert(orgs)
    .values({ ...ROOT_ORG, parentId: null, path: `/${ROOT_ORG.id}/` })
    .onConflictDoNothing();
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  return n === 0;
}

/** Inserts the demo orgs and users that are not there yet. Returns how many users were added. */
export async function seedDemo(db: Db): Promise<number> {
  await ensureRootOrg(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const paths = new Map<string, { id: string; path: string }>([
      [ROOT_ORG.code, { id: ROOT_ORG.id, path: `/${ROOT_ORG.id}/` }],
    ]);
    for (const o of DEMO_ORGS) {
      const parent = paths.get(o.parent);
      if (!parent) throw new Error(`demo org ${o.code}: parent ${o.parent} missing`);
      const path = `${parent.path}${o.id}/`;
      const inserted = await tx
        .insert(orgs)
        .values({
          id: o.id,
          code: o.code,
          name: o.name,
          kind: o.kind,
          regionCode: o.regionCode,
          parentId: parent.id,
          path,
        })
        .onConflictDoNothing()
        .returning();
      if (inserted[0])
        await writeAudit(tx, null, {
          action: 'create',
          entity: 'org',
          entityId: o.id,
          orgId: o.id,
          after: inserted[0],
        });
      const [row] = await tx.select({ id: orgs.id, path: orgs.path }).from(orgs).where(eq(orgs.code, o.code));
      paths.set(o.code, row);
    }
    let added = 0;
    for (const u of DEMO_USERS) {
      const org = paths.get(u.org);
      if (!org) throw new Error(`demo user ${u.username}: org ${u.org} missing`);
      const inserted = await tx
        .insert(users)
        .values({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          roles: u.roles,
          orgId: org.id,
          passwordHash,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (inserted[0]) {
        added++;
        await writeAudit(tx, null, {
          action: 'create',
          entity: 'user',
          entityId: u.id,
          orgId: org.id,
          after: { username: u.username, roles: u.roles },
        });
      }
    }
    await seedDemoPolicies(tx);
    await seedChainTemplates(tx);
    return added;
  });
}

/** Demo firms on first start: enough to search, filter and chart; `kezhao seed --demo --enterprises N` for more. */
export const DEMO_ENTERPRISES = 3000;

/** Generated local firms over the demo orgs plus a target universe outside them, and their relations
 *  (shareholders, groups, investors, suppliers, 产学研); idempotent: orgs that already hold demo firms or
 *  demo relations are skipped. */
export async function seedDemoEnterprises(
  db: Db,
  count: number,
  targetCount: number,
  onProgress?: (done: number, total: number) => void,
) {
  const result = await seedEnterprises(db, {
    count,
    targetCount,
    showcase: count > 0,
    onProgress: onProgress && ((p) => onProgress(p.done, p.total)),
  });
  if (result.inserted > 0) {
    await afterBulkWrite(db);
    await queueDemoPlacements(db);
  }
  // For the firms present (this run's or an earlier one's), after they are: relations name them.
  const relations = await seedRelations(db, { count, targetCount });
  // A committee to assign, so a demo evaluation can be scored end to end.
  if (count > 0) await seedDemoExperts(db);
  return { ...result, relations: relations.relations };
}
