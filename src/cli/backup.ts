/** Backup and restore of the embedded database: PGlite's own dump of its data directory, taken with
 *  the database open and idle (the data-dir lock guarantees no server is writing), so the copy is consistent. */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.js';
import { acquireDataLock } from '../server/data-lock.js';
import { openConfiguredDatabase } from '../server/open.js';

export class CliError extends Error {}

function refuseOnServer(config: Config) {
  if (config.databaseUrl) {
    throw new CliError(
      '已设置 DATABASE_URL：请使用 pg_dump / pg_restore 备份和恢复 PostgreSQL 服务器（见 README）。',
    );
  }
}

export async function backup(config: Config, file: string, opts: { force?: boolean } = {}) {
  refuseOnServer(config);
  const abs = path.resolve(file);
  // The file may well be yesterday's backup, the one a restore would need: never replace it unasked.
  if (existsSync(abs) && !opts.force) throw new CliError(`文件已存在：${abs}；如要覆盖，请加 --force`);
  const database = await openConfiguredDatabase(config);
  try {
    const blob = await database.pglite?.dumpDataDir('gzip');
    if (!blob) throw new CliError('无法读取嵌入式数据库');
    // Written beside it and renamed into place, so an interrupted --force keeps the old file whole.
    const part = `${abs}.part-${process.pid}`;
    try {
      writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
      renameSync(part, abs);
    } catch (err) {
      rmSync(part, { force: true });
      throw err;
    }
    return { file: abs, bytes: blob.size };
  } finally {
    await database.close();
  }
}

export async function restore(config: Config, file: string) {
  refuseOnServer(config);
  if (!existsSync(file)) throw new CliError(`备份文件不存在：${file}`);
  const bytes = readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new CliError(`不是 KeZhao 备份文件（应为 gzip 压缩的 tar）：${file}`);
  const release = acquireDataLock(config.dataDir);
  const pgdata = path.join(config.dataDir, 'pgdata');
  let kept: string | null = null;
  try {
    if (existsSync(pgdata)) {
      kept = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(pgdata, kept);
    }
    try {
      const db = await PGlite.create({ dataDir: pgdata, loadDataDir: new Blob([bytes]) });
      await db.query('select count(*) from users');
      await db.close();
    } catch (err) {
      // Put the old database back: a bad backup must not cost the data that was there.
      if (kept) {
        rmSync(pgdata, { recursive: true, force: true });
        renameSync(kept, pgdata);
        kept = null;
      }
      throw new CliError(`恢复失败，原数据未改动：${err instanceof Error ? err.message : String(err)}`);
    }
    return { dataDir: pgdata, previous: kept };
  } finally {
    release();
  }
}
