/** A fresh database per test file: a copy of the PGlite template, or a new database on the server
 *  named by DATABASE_URL (created, migrated, seeded, dropped afterwards). */

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/db/seed/seed.js';

export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export async function freshDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    return openDatabase({
      dataDir: 'memory://',
      loadDataDir: new Blob([readFileSync(inject('templateFile'))]),
    });
  }
  const name = `kz_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: dbUrl.toString() });
  await migrate(database);
  await seedDemo(database.db);
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
