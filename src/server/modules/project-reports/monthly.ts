/** 月度跟踪: per owner or per team, every active project with this month's follow-ups and stage moves
 *  (a project that ended or went into production this month is still listed: its move is news). */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { monthRange } from '../../../domain/project/assessment.js';
import { FOLLOW_UP_NAMES } from '../../../domain/project/catalog.js';
import { STAGE_NAMES, type Stage } from '../../../domain/project/stages.js';
import type { MonthlyQuery } from '../../../shared/pipeline-api.js';
import type { Actor } from '../../access.js';
import { pInScope } from '../projects/scope.js';
import { inPeriod, localDate, undoneLater } from './period.js';

type Row = Record<string, unknown>;

export async function monthlyReport(db: Db, actor: Actor, q: z.infer<typeof MonthlyQuery>) {
  const period = monthRange(q.month);
  const projects = await rowsOf<{
    id: string;
    name: string;
    enterprise_name: string;
    stage: Stage;
    owner_id: string | null;
    owner_name: string | null;
    org_id: string;
    org_name: string;
  }>(
    db,
    sql`
    select p.id, p.name, e.name as enterprise_name, p.stage, p.owner_id, u.display_name as owner_name,
           p.org_id, o.name as org_name
      from projects p join enterprises e on e.id = p.enterprise_id join orgs o on o.id = p.org_id
      left join users u on u.id = p.owner_id
     where ${pInScope(actor)}
       and (p.stage in ('lead','contact','visit','evaluation','signing','landing','paused')
            or exists (select 1 from project_events ev where ev.project_id = p.id and ${inPeriod(sql`ev.at`, period)}))
     order by o.name, u.display_name nulls last, p.name`,
  );
  const follow = await rowsOf<{
    project_id: string;
    date: string;
    kind: string;
    content: string;
    outcome: string | null;
    next_step: string | null;
    next_date: string | null;
  }>(
    db,
    sql`
    select f.project_id, f.date::text as date, f.kind, f.content, f.outcome, f.next_step, f.next_date::text as next_date
      from follow_ups f join projects p on p.id = f.project_id
     where ${pInScope(actor)} and f.date >= ${period.from}::date and f.date < ${period.to}::date
     order by f.date, f.created_at`,
  );
  const moves = await rowsOf<{
    project_id: string;
    at: string;
    from_stage: Stage | null;
    to_stage: Stage;
    by_name: string;
    undone: boolean;
  }>(
    db,
    sql`
    select ev.project_id, ${localDate(sql`ev.at`)}::text as at, ev.from_stage, ev.to_stage, ev.by_name,
           ${undoneLater('ev')} as undone
      from project_events ev join projects p on p.id = ev.project_id
     where ${pInScope(actor)} and ${inPeriod(sql`ev.at`, period)}
       and ev.from_stage is distinct from ev.to_stage
     order by ev.at`,
  );
  const byProject = <T extends { project_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.project_id, [...(m.get(r.project_id) ?? []), r]);
    return m;
  };
  const fu = byProject(follow);
  const mv = byProject(moves);
  const groups = new Map<
    string,
    { key: string; name: string; projects: Row[]; followUpCount: number; moveCount: number }
  >();
  for (const p of projects) {
    const key = q.by === 'owner' ? (p.owner_id ?? 'none') : p.org_id;
    const name = q.by === 'owner' ? (p.owner_name ?? '未指定负责人') : p.org_name;
    const g = groups.get(key) ?? { key, name, projects: [], followUpCount: 0, moveCount: 0 };
    const f = fu.get(p.id) ?? [];
    const m = mv.get(p.id) ?? [];
    g.projects.push({
      id: p.id,
      name: p.name,
      enterpriseName: p.enterprise_name,
      stage: p.stage,
      stageName: STAGE_NAMES[p.stage],
      ownerName: p.owner_name,
      orgName: p.org_name,
      followUps: f.map((r) => ({
        date: r.date,
        kindKey: r.kind,
        kind: FOLLOW_UP_NAMES[r.kind as keyof typeof FOLLOW_UP_NAMES] ?? r.kind,
        content: r.content,
        outcome: r.outcome,
        nextStep: r.next_step,
        nextDate: r.next_date,
      })),
      moves: m.map((r) => ({
        at: r.at,
        fromStage: r.from_stage,
        toStage: r.to_stage,
        from: r.from_stage ? STAGE_NAMES[r.from_stage] : null,
        to: STAGE_NAMES[r.to_stage],
        byName: r.by_name,
        undone: r.undone,
      })),
    });
    g.followUpCount += f.length;
    g.moveCount += m.length;
    groups.set(key, g);
  }
  return { month: q.month, by: q.by, groups: [...groups.values()] } as {
    month: string;
    by: 'owner' | 'team';
    groups: MonthlyGroup[];
  };
}

export type MonthlyGroup = {
  key: string;
  name: string;
  followUpCount: number;
  moveCount: number;
  projects: {
    id: string;
    name: string;
    enterpriseName: string;
    stage: Stage;
    stageName: string;
    ownerName: string | null;
    orgName: string;
    followUps: {
      date: string;
      kindKey: string;
      kind: string;
      content: string;
      outcome: string | null;
      nextStep: string | null;
      nextDate: string | null;
    }[];
    moves: {
      at: string;
      fromStage: Stage | null;
      toStage: Stage;
      from: string | null;
      to: string;
      byName: string;
      /** A later move took the project back before this move's stage (落地 → 签约): it no longer stands. */
      undone: boolean;
    }[];
  }[];
};
