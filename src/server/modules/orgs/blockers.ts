/** What stops an org from being deleted: every row that belongs to it, counted per kind, so the
 *  message can say what to move or remove first. The kinds come from the database's own foreign keys,
 *  so a table added later is counted too (under its table name until it gets a label here). Settings
 *  that mean nothing without the org are not blockers: they are deleted with it. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';

/** Rows removed along with the org: its own configuration, not data anyone would miss. */
export const ORG_SETTINGS_TABLES = [
  'org_chains',
  'chain_settings',
  'evaluation_settings',
  'pipeline_settings',
  'import_mappings',
  'cultivation_levels',
  'cultivation_targets',
];

const LABELS: Record<string, [zh: string, unit: string]> = {
  orgs: ['下级组织', '个'],
  users: ['用户', '个'],
  enterprises: ['企业', '家'],
  chains: ['产业链', '条'],
  target_lists: ['目标企业清单', '份'],
  screening_runs: ['培育筛查', '次'],
  cultivation_tracks: ['培育路径', '条'],
  projects: ['招商项目', '个'],
  project_reviews: ['双月点评', '次'],
  policies: ['政策', '条'],
  policy_pushes: ['政策推送', '条'],
  experts: ['专家', '位'],
  scoring_models: ['评估模型', '个'],
  parties: ['关系主体', '个'],
  relations: ['企业关系', '条'],
};

export type Blocker = { table: string; label: string; count: number };

async function referencingColumns(tx: Tx): Promise<{ tbl: string; col: string }[]> {
  const res = (await tx.execute(sql`
    select c.conrelid::regclass::text as tbl, a.attname as col
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
     where c.contype = 'f' and c.confrelid = 'orgs'::regclass
     order by 1, 2`)) as unknown as { rows: { tbl: string; col: string }[] };
  return res.rows.map((r) => ({ tbl: r.tbl.replace(/^public\./, '').replace(/"/g, ''), col: r.col }));
}

/** Each kind of row still pointing at the org, with how many; settings excluded. */
export async function orgBlockers(tx: Tx, orgId: string): Promise<Blocker[]> {
  const out: Blocker[] = [];
  for (const { tbl, col } of await referencingColumns(tx)) {
    if (ORG_SETTINGS_TABLES.includes(tbl)) continue;
    const res = (await tx.execute(
      sql`select count(*)::int as n from ${sql.identifier(tbl)} where ${sql.identifier(col)} = ${orgId}`,
    )) as unknown as { rows: { n: number }[] };
    const n = Number(res.rows[0].n);
    if (n === 0) continue;
    const [label, unit] = LABELS[tbl] ?? [tbl, '条'];
    const same = out.find((b) => b.table === tbl);
    if (same) same.count += n;
    else out.push({ table: tbl, label: `${label} ${n} ${unit}`, count: n });
  }
  return out;
}

/** Deletes the org's settings rows, before the org itself. */
export async function deleteOrgSettings(tx: Tx, orgId: string): Promise<void> {
  const cols = await referencingColumns(tx);
  for (const { tbl, col } of cols)
    if (ORG_SETTINGS_TABLES.includes(tbl))
      await tx.execute(sql`delete from ${sql.identifier(tbl)} where ${sql.identifier(col)} = ${orgId}`);
}
