/** Opens the configured database, migrated and bootstrapped, holding the data-dir lock when embedded. */
import type { Config } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { ensureRootOrg } from '../db/seed/seed.js';
import { acquireDataLock } from './data-lock.js';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const release = config.databaseUrl ? () => {} : acquireDataLock(config.dataDir);
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrate(database);
    await ensureRootOrg(database.db);
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
