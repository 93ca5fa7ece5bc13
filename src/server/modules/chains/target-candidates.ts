/** 靶向招商's first pass, in ONE statement: every candidate of a node gets an estimate of its score from
 *  the cache on its placements (read from chain_placements_node_cover_idx alone), and only the best
 *  `n` leave the database, with the count.
 *
 *  A candidate is a firm placed on the node or below it (not rejected), of the target universe of the
 *  orgs, not merged, and not already theirs: neither the same uscc nor the same name as one of their
 *  local firms, nor in a project of theirs that has not ended. 以商引商 starts from the orgs' local
 *  firms (tens of thousands) and their relations, rather than from the candidates (up to 100,000s). */
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../../db/array-literal.js';
import type { Tx } from '../../../db/client.js';
import { jsonRows, rowsOf } from '../../../db/rows.js';
import { PROXIMITY, pointsPerValue, type TargetWeights } from '../../../domain/chain/targeting.js';

export type Estimate = { id: string; conf: number; estimate: number };

export async function estimateCandidates(
  tx: Tx,
  p: { nodeIds: string[]; orgIds: string[]; w: TargetWeights; leaderRevenue: number; n: number },
): Promise<{ total: number; top: Estimate[] }> {
  const orgs = arrayLiteral(p.orgIds);
  const a = pointsPerValue(p.w);
  await tx.execute(sql`set local jit = off`);
  const [row] = await rowsOf<{ total: number; top: [string, number, number][] | string | null }>(
    tx,
    sql`
    with locals as materialized (
      select e.id, e.uscc, e.name_normalized from enterprises e
       where e.org_id = any(${orgs}::uuid[]) and e.universe = 'local' and e.merged_into is null),
    cand as materialized (
      select p.enterprise_id as id, max(p.confidence)::float8 as conf, max(p.target_scale)::float8 as scale,
             max(p.target_innovation)::float8 as innovation, max(p.target_growth)::float8 as growth,
             max(p.target_funding)::float8 as funding
        from chain_placements p
       where p.node_id = any(${arrayLiteral(p.nodeIds)}::uuid[]) and p.status <> 'rejected'
         and p.target_eligible and p.target_org_id = any(${orgs}::uuid[])
         -- Hashed once each: the orgs' local firms' usccs and names, and the firms of their open projects.
         and (p.target_uscc is null or not (p.target_uscc = any (select uscc from locals where uscc is not null)))
         and not (p.target_name_key = any (select name_normalized from locals))
         and not (p.enterprise_id = any (select pr.enterprise_id from projects pr
                   where pr.org_id = any(${orgs}::uuid[]) and pr.stage <> 'terminated' and pr.enterprise_id is not null))
       group by p.enterprise_id),
    -- Relations of the orgs with a local firm at one end and a candidate at the other.
    near as materialized (
      select d.id, d.local, d.kind from (
        select x.to_id as id, x.from_id as local, x.kind from relations x
         where x.from_id = any(array(select id from locals)) and x.org_id = any(${orgs}::uuid[])
        union all
        select x.from_id, x.to_id, x.kind from relations x
         where x.to_id = any(array(select id from locals)) and x.org_id = any(${orgs}::uuid[])) d
      join cand c on c.id = d.id),
    -- 龙头: latest revenue at the threshold. Supplying one or cooperating with one, or any other
    -- relation with a local firm, gives proximity its PROXIMITY value.
    leaders as (
      select l.id from (select distinct local as id from near where kind in ('supply', 'cooperation')) l
       where (select y.revenue from enterprise_years y where y.enterprise_id = l.id and y.revenue is not null
               order by y.year desc limit 1) >= ${p.leaderRevenue}),
    links as (
      select n.id, bool_or(n.kind in ('supply', 'cooperation') and ld.id is not null) as leader
        from near n left join leaders ld on ld.id = n.local group by n.id),
    scored as (
      select c.id, c.conf,
             least(greatest(c.conf, 0), 1) * ${a.fit}::float8 + c.scale * ${a.scale}::float8
             + c.innovation * ${a.innovation}::float8 + c.growth * ${a.growth}::float8
             + c.funding * ${a.funding}::float8
             + (case when k.leader then ${PROXIMITY.leader}::float8 when k.id is not null then ${PROXIMITY.related}::float8
                else 0 end) * ${a.proximity}::float8 as estimate
        from cand c left join links k on k.id = c.id)
    select (select count(*) from scored)::int as total,
           (select json_agg(json_build_array(s.id, s.conf, s.estimate))
              from (select * from scored order by estimate desc limit ${p.n}) s) as top`,
  );
  return {
    total: row.total,
    top: jsonRows(row.top).map(([id, conf, estimate]) => ({ id, conf, estimate })),
  };
}
