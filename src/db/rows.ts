/** The rows of a raw SQL statement, typed by the caller (PGlite and node-postgres both answer `{ rows }`). */
import type { SQL } from 'drizzle-orm';
import type { Tx } from './client.js';

export async function rowsOf<T>(db: Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The rows of a json_agg column: node-pg and PGlite parse json, but a driver handing back text is
 *  read too; null (no rows aggregated) is none. */
export function jsonRows<T>(v: T[] | string | null): T[] {
  return v === null ? [] : typeof v === 'string' ? JSON.parse(v) : v;
}
