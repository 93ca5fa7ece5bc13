/** 年度总结: the year of an org's pipeline in the words the year-end report uses — projects landed, the
 *  share of high-quality types, talents and scientist teams, by source and by industry chain. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { yearText } from '../../../domain/project/year-text.js';
import type { Actor } from '../../access.js';
import { pInScope } from '../projects/scope.js';
import { highQualityTypes, inPeriod, movedInto, toYi } from './period.js';

export async function yearSummary(db: Db, actor: Actor, year: number) {
  const period = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
  const base = sql`
      from projects p
      left join ${movedInto('signing', period)} s on s.project_id = p.id
      left join ${movedInto('landing', period)} l on l.project_id = p.id
     where ${pInScope(actor)}`;
  const [t] = await rowsOf<Record<string, string | number | null>>(
    db,
    sql`select count(*) filter (where ${inPeriod(sql`p.created_at`, period)})::int as new_leads,
               count(s.project_id)::int as signed, count(l.project_id)::int as landed,
               count(l.project_id) filter (where p.type in (${highQualityTypes}))::int as hq_landed,
               coalesce(sum(p.talents) filter (where l.project_id is not null), 0)::int as talents,
               coalesce(sum(p.scientist_teams) filter (where l.project_id is not null), 0)::int as teams,
               sum(p.planned_investment) filter (where s.project_id is not null) as planned,
               sum(p.arrived_investment) filter (where l.project_id is not null) as arrived
        ${base}`,
  );
  const tally = (rows: { name: string; landed: number; signed: number; planned: unknown }[]) =>
    rows.map((r) => ({
      name: r.name,
      landed: r.landed,
      signed: r.signed,
      plannedInvestment: toYi(r.planned),
    }));
  const bySource = await rowsOf<{ name: string; landed: number; signed: number; planned: unknown }>(
    db,
    sql`select p.source as name, count(l.project_id)::int as landed, count(s.project_id)::int as signed,
               sum(p.planned_investment) filter (where s.project_id is not null) as planned
        ${base} and (s.project_id is not null or l.project_id is not null)
        group by p.source order by landed desc, signed desc, name`,
  );
  // A project serving nodes of two chains counts once in each chain.
  const byChain = await rowsOf<{ name: string; landed: number; signed: number; planned: unknown }>(
    db,
    sql`select coalesce(c.name, '未关联产业链') as name, count(distinct l.project_id)::int as landed,
               count(distinct s.project_id)::int as signed,
               sum(p.planned_investment) filter (where s.project_id is not null) as planned
        from projects p
        left join ${movedInto('signing', period)} s on s.project_id = p.id
        left join ${movedInto('landing', period)} l on l.project_id = p.id
        left join lateral (select distinct n.chain_id from chain_nodes n where n.id = any(p.chain_node_ids)) pc on true
        left join chains c on c.id = pc.chain_id
        where ${pInScope(actor)} and (s.project_id is not null or l.project_id is not null)
        group by c.name order by landed desc, signed desc, name`,
  );
  const [org] = await rowsOf<{ name: string }>(db, sql`select name from orgs where id = ${actor.orgId}`);
  const landed = Number(t.landed);
  const hqLanded = Number(t.hq_landed);
  const share = landed ? Math.round((hqLanded / landed) * 1000) / 1000 : 0;
  const summary = {
    year,
    orgName: org?.name ?? '',
    newLeads: Number(t.new_leads),
    signed: Number(t.signed),
    landed,
    highQualityLanded: hqLanded,
    highQualityShare: share,
    talents: Number(t.talents),
    scientistTeams: Number(t.teams),
    plannedInvestment: toYi(t.planned),
    arrivedInvestment: toYi(t.arrived),
    bySource: tally(bySource),
    byChain: tally(byChain),
  };
  return { ...summary, text: yearText(summary) };
}
