/** What stops an org from being deleted: every row that belongs to it, counted per kind, so the
 *  message can say what to move or remove first. The kinds come from the database's own foreign keys,
 *  so a table added later is counted too (under its table name until it gets a label here; a test
 *  asks for one). Settings that mean nothing without the org are not blockers: they are deleted with
 *  it. */
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

/** Each kind's name in both languages: Chinese with its measure word, English singular and plural,
 *  so the refusal reads "政策 1 条" / "1 policy" rather than a table name. */
export const BLOCKER_LABELS: Record<string, [zh: string, unit: string, en: string, enPlural: string]> = {
  orgs: ['下级组织', '个', 'sub-organisation', 'sub-organisations'],
  users: ['用户', '个', 'user', 'users'],
  enterprises: ['企业', '家', 'enterprise', 'enterprises'],
  chains: ['产业链', '条', 'industry chain', 'industry chains'],
  target_lists: ['目标企业清单', '份', 'target list', 'target lists'],
  screening_runs: ['培育筛查', '次', 'cultivation screening', 'cultivation screenings'],
  cultivation_tracks: ['培育路径', '条', 'cultivation track', 'cultivation tracks'],
  projects: ['招商项目', '个', 'project', 'projects'],
  project_reviews: ['双月点评', '次', 'bi-monthly review', 'bi-monthly reviews'],
  policies: ['政策', '条', 'policy', 'policies'],
  policy_pushes: ['政策推送', '条', 'policy push', 'policy pushes'],
  experts: ['专家', '位', 'expert', 'experts'],
  scoring_models: ['评估模型', '个', 'scoring model', 'scoring models'],
  parties: ['关系主体', '个', 'relation party', 'relation parties'],
  relations: ['企业关系', '条', 'enterprise relation', 'enterprise relations'],
};

export type Blocker = { table: string; label: string; labelEn: string; count: number };

/** "政策 1 条" and "1 policy"; a table without a label yet is still counted, under its own name. */
function labelled(table: string, count: number): Blocker {
  const [zh, unit, en, enPlural] = BLOCKER_LABELS[table] ?? [table, '条', `${table} row`, `${table} rows`];
  return {
    table,
    count,
    label: `${zh} ${count} ${unit}`,
    labelEn: `${count} ${count === 1 ? en : enPlural}`,
  };
}

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
  // Summed per table first: a table with two columns pointing at orgs is one kind, with one count.
  const counts = new Map<string, number>();
  for (const { tbl, col } of await referencingColumns(tx)) {
    if (ORG_SETTINGS_TABLES.includes(tbl)) continue;
    const res = (await tx.execute(
      sql`select count(*)::int as n from ${sql.identifier(tbl)} where ${sql.identifier(col)} = ${orgId}`,
    )) as unknown as { rows: { n: number }[] };
    const n = Number(res.rows[0].n);
    if (n > 0) counts.set(tbl, (counts.get(tbl) ?? 0) + n);
  }
  return [...counts].map(([tbl, n]) => labelled(tbl, n));
}

/** The tables whose rows keep an org from being deleted (every foreign key to orgs but settings). */
export async function blockerTables(tx: Tx): Promise<string[]> {
  const tables = (await referencingColumns(tx)).map((c) => c.tbl);
  return [...new Set(tables)].filter((t) => !ORG_SETTINGS_TABLES.includes(t));
}

const EN_LIST = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** What org.not_empty appends to its own text: only what the org holds, by name, in both languages. */
export function notEmptyMessage(blockers: Blocker[]): { message: string; messageEn: string } {
  const one = blockers.length === 1 && blockers[0].count === 1;
  return {
    message: `该组织下仍有${blockers.map((b) => b.label).join('、')}，请先移走或删除后再删除组织`,
    messageEn: `it still holds ${EN_LIST.format(blockers.map((b) => b.labelEn))}; move or delete ${one ? 'it' : 'them'} first`,
  };
}

/** Deletes the org's settings rows, before the org itself. */
export async function deleteOrgSettings(tx: Tx, orgId: string): Promise<void> {
  const cols = await referencingColumns(tx);
  for (const { tbl, col } of cols)
    if (ORG_SETTINGS_TABLES.includes(tbl))
      await tx.execute(sql`delete from ${sql.identifier(tbl)} where ${sql.identifier(col)} = ${orgId}`);
}
