/** Applies the committed drizzle-kit migrations; the same SQL runs on PGlite and on a server. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { ROOT_DIR } from '../config.js';
import type { Database } from './client.js';

export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'src', 'db', 'migrations');

export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.engine === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migratePg(database.db as unknown as NodePgDatabase, config);
}

/** How many committed migrations exist, from drizzle-kit's journal. */
export function expectedMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'));
  return journal.entries.length;
}

/** 'current' when every committed migration is applied. */
export async function migrationStatus(database: Database): Promise<'current' | 'pending'> {
  try {
    const rows = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const n = Number((rows as unknown as { rows: { n: number }[] }).rows[0].n);
    return n >= expectedMigrations() ? 'current' : 'pending';
  } catch {
    return 'pending';
  }
}
