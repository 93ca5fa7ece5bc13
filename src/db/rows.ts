/** The rows of a raw SQL statement, typed by the caller (PGlite and node-postgres both answer `{ rows }`). */
import type { SQL } from 'drizzle-orm';
import type { Tx } from './client.js';

export async function rowsOf<T>(db: Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
