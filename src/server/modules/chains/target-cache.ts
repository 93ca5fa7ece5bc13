/** Filling 靶向招商's cache on chain_placements (db/schema/chains.ts): each firm's eligibility, org,
 *  uscc, name key, and its scale, innovation, growth and funding values, computed by the same
 *  `factorNumbers` the explanation uses, from the live facts. */
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../../db/array-literal.js';
import type { Db } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { factorNumbers } from '../../../domain/chain/targeting.js';
import { chinaDate } from '../../../domain/text/china-today.js';
import { loadFirmFacts } from './target-facts.js';

const BATCH = 2000;

/** Today and the start of the three-year funding window, as the ranking counts them. */
export function factWindow(now = new Date()) {
  const today = chinaDate(now);
  return { today, since: `${Number(today.slice(0, 4)) - 3}${today.slice(4)}` };
}

/** Computes the firms' cached values and writes them on every placement of theirs (in batches). */
export async function fillTargetCache(db: Db, ids: string[]): Promise<void> {
  const { today, since } = factWindow();
  for (let i = 0; i < ids.length; i += BATCH) {
    await db.transaction(async (tx) => {
      // Relations do not enter these values (proximity is the org's, counted when ranking).
      const firms = await loadFirmFacts(tx, {
        ids: ids.slice(i, i + BATCH),
        orgIds: [],
        today,
        since,
        leaderRevenue: 0,
      });
      if (!firms.length) return;
      const values = firms.map((f) => {
        const v = factorNumbers(f.facts);
        return [f.id, f.eligible, f.orgId, f.uscc, f.nameKey, v.scale, v.innovation, v.growth, v.funding];
      });
      await tx.execute(sql`
        update chain_placements p
           set target_eligible = (x->>1)::boolean, target_org_id = (x->>2)::uuid, target_uscc = x->>3,
               target_name_key = x->>4, target_scale = (x->>5)::real, target_innovation = (x->>6)::real,
               target_growth = (x->>7)::real, target_funding = (x->>8)::real
          from json_array_elements(${JSON.stringify(values)}::json) x
         where p.enterprise_id = (x->>0)::uuid`);
    });
  }
}

/** The firms placed on the nodes whose cache is empty (placed, changed or renamed since). */
export async function uncachedOnNodes(db: Db, nodeIds: string[]): Promise<string[]> {
  const res = await rowsOf<{ id: string }>(
    db,
    sql`
    select distinct p.enterprise_id as id from chain_placements p
     where p.node_id = any(${arrayLiteral(nodeIds)}::uuid[]) and p.status <> 'rejected'
       and p.target_eligible is null`,
  );
  return res.map((r) => r.id);
}

/** Fills the cache of every placed firm of the orgs whose cache is empty (found through
 *  chain_placements_uncached_idx), in id order, reporting progress: the last step of the placement job
 *  and of an import that updated firms, so the first ranking after them is as fast as the next. */
export async function fillTargetCacheOfOrgs(
  db: Db,
  orgIds: string[],
  onBatch?: (done: number) => Promise<void>,
): Promise<number> {
  let lastId = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const ids = (
      await rowsOf<{ id: string }>(
        db,
        sql`
        select distinct p.enterprise_id as id from chain_placements p
         where p.target_eligible is null and p.enterprise_id > ${lastId}::uuid
           and exists (select 1 from enterprises e
                        where e.id = p.enterprise_id and e.org_id = any(${arrayLiteral(orgIds)}::uuid[]))
         order by p.enterprise_id limit ${BATCH}`,
      )
    ).map((r) => r.id);
    if (!ids.length) return done;
    await fillTargetCache(db, ids);
    done += ids.length;
    lastId = ids[ids.length - 1];
    await onBatch?.(done);
  }
}
