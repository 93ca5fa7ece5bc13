/** One database handle for both engines: embedded PGlite on disk, or a PostgreSQL server by URL. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The PGlite instance, for backups; undefined on a server. */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl?: string;
  /** Directory of the embedded database; 'memory://' for a throwaway one. */
  dataDir?: string;
  /** A PGlite dump (from dumpDataDir) to start from, e.g. a migrated template in tests. */
  loadDataDir?: Blob;
};

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, pg_terminate_backend, a DROP DATABASE … FORCE)
    // is emitted as 'error'; unhandled, that would kill the process. The pool has already discarded
    // the client and opens a new one on the next query.
    pool.on('error', (err) => {
      process.emitWarning(`PostgreSQL 空闲连接断开，已丢弃：${err.message}`, 'DatabaseWarning');
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, engine: 'postgres', close: () => pool.end() };
  }
  const dir = opts.dataDir ?? 'memory://';
  let dataDir: string | undefined;
  if (!dir.startsWith('memory://')) {
    dataDir = path.join(dir, 'pgdata');
    mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create({
    dataDir,
    loadDataDir: opts.loadDataDir,
    // PostgreSQL's 128 MB default buffer pool lives inside the WebAssembly heap, which never shrinks;
    // 32 MB keeps an office machine's server small, and the OS file cache still holds hot pages.
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${process.env.PGLITE_SHARED_BUFFERS || '32MB'}`,
    ],
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, engine: 'pglite', pglite: client, close: () => client.close() };
}
