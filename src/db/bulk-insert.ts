/** Many rows in one statement with one parameter: the rows travel as JSON and PostgreSQL unpacks them
 *  with json_populate_recordset. Drizzle's multi-row insert sends a parameter per cell and checks each
 *  one, which dominated the import's time (12,500 parameters for 500 firms). Same SQL on PGlite and on
 *  a server. Values must already be in their column types' JSON form (dates as ISO strings). */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './client.js';

/** `onConflict`: update the listed columns on a clash of `target`, or 'skip' the clashing rows; with
 *  'skip' the ids of the rows actually inserted come back (the table needs an `id` column). */
export async function bulkInsert<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
  onConflict?: { target: string[]; update: string[] } | 'skip',
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const columns = getTableColumns(table);
  const used = Object.keys(columns).filter((k) =>
    rows.some((r) => (r as Record<string, unknown>)[k] !== undefined),
  );
  const json = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const k of used) {
      const v = (r as Record<string, unknown>)[k];
      out[columns[k].name] = v instanceof Date ? v.toISOString() : v;
    }
    return out;
  });
  const names = used.map((k) => sql.identifier(columns[k].name));
  const list = sql.join(names, sql`, `);
  const conflict =
    onConflict === 'skip'
      ? sql` on conflict do nothing returning id`
      : onConflict
        ? sql` on conflict (${sql.join(
            onConflict.target.map((c) => sql.identifier(c)),
            sql`, `,
          )}) do update set ${sql.join(
            onConflict.update.map((c) => sql`${sql.identifier(c)} = excluded.${sql.identifier(c)}`),
            sql`, `,
          )}`
        : sql``;
  const name = sql.identifier(getTableName(table));
  const res = (await tx.execute(
    sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${JSON.stringify(json)}::json)${conflict}`,
  )) as unknown as { rows?: { id: string }[] };
  return new Set(onConflict === 'skip' ? (res.rows ?? []).map((r) => r.id) : []);
}
