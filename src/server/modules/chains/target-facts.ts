/** The live facts 靶向招商 scores, for a list of firms, in ONE statement: each fact is read for exactly
 *  those firms by id list (an index lookup each) and folded by PostgreSQL, one table at a time, into one
 *  JSON array of positional arrays (a correlated subquery per firm and fact cost about ten times as
 *  much). Used for the few hundred firms a ranking explains, and to fill the cache on the placements. */
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../../db/array-literal.js';
import type { Tx } from '../../../db/client.js';
import { jsonRows } from '../../../db/rows.js';
import type { TargetFacts } from '../../../domain/chain/targeting.js';

export type Candidate = {
  id: string;
  name: string;
  uscc: string | null;
  regionCode: string | null;
  orgId: string;
  nameKey: string;
  eligible: boolean;
  facts: TargetFacts;
};

type Cell = string | number | null;
type Part = Cell[][] | string | null;
type Raw = Record<'firms' | 'years' | 'ip' | 'titles' | 'rounds' | 'links', Part>;

/** The live facts of the firms `ids` (any universe; `eligible` says whether one may be ranked), with
 *  their relations to the local firms of `orgIds` (none when empty). `confidence` is left 0: it belongs
 *  to a node, not to the firm. */
export async function loadFirmFacts(
  tx: Tx,
  p: { ids: string[]; orgIds: string[]; today: string; since: string; leaderRevenue: number },
): Promise<Candidate[]> {
  const orgs = arrayLiteral(p.orgIds);
  const ids = arrayLiteral(p.ids);
  // JIT compiles for longer than these index lookups run.
  await tx.execute(sql`set local jit = off`);
  const res = (await tx.execute(sql`
    with firms as materialized (
      select e.id, e.name, e.uscc, e.region_code, e.org_id, e.name_normalized,
             (e.universe = 'target' and e.merged_into is null) as eligible
        from enterprises e where e.id = any(${ids}::uuid[])),
    ip as (
      select i.enterprise_id as id, sum(i.count)::int as n from enterprise_ip i
       where i.enterprise_id = any(${ids}::uuid[]) and i.kind = 'invention_patent' group by i.enterprise_id),
    -- Each end of a relation apart (an OR of the two ends would compare every candidate with every relation).
    rel as (
      select x.from_id as id, x.to_id as other, x.kind from relations x
       where x.org_id = any(${orgs}::uuid[]) and x.from_id = any(${ids}::uuid[])
      union all
      select x.to_id, x.from_id, x.kind from relations x
       where x.org_id = any(${orgs}::uuid[]) and x.to_id = any(${ids}::uuid[]))
    select
      (select json_agg(json_build_array(f.id, f.name, f.uscc, f.region_code, f.org_id, f.name_normalized, f.eligible)) from firms f) as firms,
      -- Each part apart, joined in JS: the planner cannot know how many candidates are left, and guessed
      -- one, nesting a loop over every other part.
      (select json_agg(json_build_array(y.id, y.years, y.revenues, y.rd)) from (
         select y.enterprise_id as id, array_agg(y.year order by y.year desc) as years,
                array_agg(y.revenue::float8 order by y.year desc) as revenues,
                array_agg(y.rd_expense::float8 order by y.year desc) as rd
           from enterprise_years y where y.enterprise_id = any(${ids}::uuid[])
          group by y.enterprise_id) y) as years,
      (select json_agg(json_build_array(ip.id, ip.n)) from ip) as ip,
      (select json_agg(json_build_array(q.enterprise_id, q.tier)) from qualifications q
        where q.enterprise_id = any(${ids}::uuid[])
          and (q.expires_on is null or q.expires_on >= ${p.today})) as titles,
      (select json_agg(json_build_array(r.id, r.funding, r.latest)) from (
         select r.enterprise_id as id, coalesce(sum(r.amount) filter (where r.date >= ${p.since}), 0)::float8 as funding,
                (array_agg(r.round order by r.date desc) filter (where r.date is not null))[1] as latest
           from funding_rounds r where r.enterprise_id = any(${ids}::uuid[]) group by r.enterprise_id) r) as rounds,
      -- The local firms at the other end of a relation, and whether each is a 龙头 (latest revenue).
      (select json_agg(json_build_array(rel.id, l.id, l.name, rel.kind,
                (select y.revenue from enterprise_years y where y.enterprise_id = l.id and y.revenue is not null
                  order by y.year desc limit 1) >= ${p.leaderRevenue}))
         from rel join enterprises l on l.id = rel.other
        where l.org_id = any(${orgs}::uuid[]) and l.universe = 'local' and l.merged_into is null) as links`)) as unknown as {
    rows: Raw[];
  };
  const raw = res.rows[0];
  const byId = new Map<string, Candidate>();
  const out = jsonRows<Cell[]>(raw.firms).map(([id, name, uscc, region, orgId, nameKey, eligible]) => {
    const c: Candidate = {
      id: id as string,
      name: name as string,
      uscc: uscc as string | null,
      regionCode: region as string | null,
      orgId: orgId as string,
      nameKey: nameKey as string,
      eligible: (eligible as unknown) === true,
      facts: {
        confidence: 0,
        revenue: null,
        revenueYear: null,
        revenueEarlier: null,
        inventionPatents: 0,
        rdRatio: null,
        titles: [],
        recentFunding: 0,
        latestRound: null,
        leaderLinks: [],
        localLinks: 0,
      },
    };
    byId.set(c.id, c);
    return c;
  });
  // The latest year with revenue, its R&D, and the revenue two years before it (null if not recorded).
  for (const [id, years, revenues, rds] of jsonRows<Cell[]>(raw.years) as [
    string,
    number[],
    (number | null)[],
    (number | null)[],
  ][]) {
    const f = byId.get(id)?.facts;
    const i = revenues.findIndex((r) => r !== null);
    if (!f || i < 0) continue;
    const rev = revenues[i] as number;
    const rd = rds[i];
    const j = years.indexOf(years[i] - 2);
    f.revenue = rev;
    f.revenueYear = years[i];
    f.revenueEarlier = j < 0 ? null : revenues[j];
    f.rdRatio = rev && rd !== null ? rd / rev : null;
  }
  for (const [id, n] of jsonRows<Cell[]>(raw.ip)) {
    const f = byId.get(id as string)?.facts;
    if (f) f.inventionPatents = n as number;
  }
  for (const [id, tier] of jsonRows<Cell[]>(raw.titles)) {
    const t = byId.get(id as string)?.facts.titles;
    if (t && !t.includes(tier as string)) t.push(tier as string);
  }
  for (const [id, funding, latest] of jsonRows<Cell[]>(raw.rounds)) {
    const c = byId.get(id as string);
    if (!c) continue;
    c.facts.recentFunding = funding as number;
    c.facts.latestRound = latest as string | null;
  }
  const locals = new Map<string, Set<string>>();
  for (const [id, localId, localName, kind, leader] of jsonRows<Cell[]>(raw.links)) {
    const c = byId.get(id as string);
    if (!c) continue;
    const seen = locals.get(c.id) ?? new Set<string>();
    locals.set(c.id, seen.add(localId as string));
    c.facts.localLinks = seen.size;
    if ((leader as unknown) === true && (kind === 'supply' || kind === 'cooperation'))
      if (!c.facts.leaderLinks.includes(localName as string)) c.facts.leaderLinks.push(localName as string);
  }
  for (const c of out) c.facts.leaderLinks.sort();
  return out;
}
