/** 季度考核 of a city, a district or a park: the quarter's figures per owner or per team (the org that
 *  holds the project), scored by the org's published formula and ranked, each score with its terms. */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assess, quarterRange, rankRows } from '../../../domain/project/assessment.js';
import type { AssessmentQuery } from '../../../shared/pipeline-api.js';
import type { Actor } from '../../access.js';
import { pInScope } from '../projects/scope.js';
import { pipelineRules } from '../projects/settings.js';
import { highQualityTypes, inPeriod, movedInto } from './period.js';

/** 元 → 亿元, exactly. */
const yi = (v: string | null) => Number(v ?? 0) / 1e8;

type Figures = {
  key: string;
  name: string;
  new_leads: number;
  signings: number;
  landings: number;
  planned: string | null;
  arrived: string | null;
  hq_signed: number;
  talents: number;
  teams: number;
};

/** One pass over the scope's projects, joined to the quarter's signing and landing moves. */
export async function quarterFigures(
  db: Db,
  actor: Actor,
  period: { from: string; to: string },
  by: 'owner' | 'team',
) {
  const key = by === 'owner' ? sql`coalesce(p.owner_id::text, 'none')` : sql`p.org_id::text`;
  const name = by === 'owner' ? sql`coalesce(max(u.display_name), '未指定负责人')` : sql`max(o.name)`;
  const res = (await db.execute(sql`
    select ${key} as key, ${name} as name,
           count(*) filter (where ${inPeriod(sql`p.created_at`, period)})::int as new_leads,
           count(s.project_id)::int as signings,
           count(l.project_id)::int as landings,
           sum(p.planned_investment) filter (where s.project_id is not null) as planned,
           sum(p.arrived_investment) filter (where l.project_id is not null) as arrived,
           count(*) filter (where s.project_id is not null and p.type in (${highQualityTypes}))::int as hq_signed,
           coalesce(sum(p.talents) filter (where l.project_id is not null), 0)::int as talents,
           coalesce(sum(p.scientist_teams) filter (where l.project_id is not null), 0)::int as teams
      from projects p
      join orgs o on o.id = p.org_id
      left join users u on u.id = p.owner_id
      left join ${movedInto('signing', period)} s on s.project_id = p.id
      left join ${movedInto('landing', period)} l on l.project_id = p.id
     where ${pInScope(actor)}
     group by ${key}`)) as unknown as { rows: Figures[] };
  return res.rows.map((r) => ({
    key: r.key,
    name: r.name,
    figures: {
      newLeads: r.new_leads,
      signings: r.signings,
      landings: r.landings,
      // Unrounded: these are inputs to the score (2/3 scores 13.33 of 20, not 0.667 × 20 = 13.34);
      // the page and the Excel file round them when they show them.
      plannedInvestment: yi(r.planned),
      arrivedInvestment: yi(r.arrived),
      highQualityShare: r.signings ? r.hq_signed / r.signings : 0,
      talents: r.talents,
      scientistTeams: r.teams,
    },
  }));
}

export async function quarterlyAssessment(db: Db, actor: Actor, q: z.infer<typeof AssessmentQuery>) {
  const { formula } = await pipelineRules(db, actor);
  const rows = await quarterFigures(db, actor, quarterRange(q.quarter), q.by);
  const scored = rows.map((r) => ({ key: r.key, name: r.name, ...assess(formula, r.figures) }));
  return { quarter: q.quarter, by: q.by, formula, rows: rankRows(scored) };
}
