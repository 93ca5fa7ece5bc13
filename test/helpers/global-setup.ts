/** Builds one migrated, demo-seeded embedded database and saves its dump, so each test file starts
 *  from a copy in a fraction of the time an initdb takes. On a server (DATABASE_URL) files make their own. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/db/seed/seed.js';

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kz-template-'));
  const file = path.join(dir, 'template.tar.gz');
  if (!process.env.DATABASE_URL) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    await seedDemo(database.db);
    const blob = await database.pglite?.dumpDataDir('gzip');
    if (!blob) throw new Error('PGlite dump failed');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    await database.close();
  }
  project.provide('templateFile', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateFile: string;
  }
}
