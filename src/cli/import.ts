/** `kezhao import enterprises <file>`: the same import job the upload page runs, in this process. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { importMappings } from '../db/schema/index.js';
import { jobFile } from '../jobs/files.js';
import { runJobInProcess } from '../jobs/run-in-process.js';
import { CliError } from './backup.js';
import { withDatabase } from './commands.js';
import { collectEvery } from './heap.js';
import { importOrg } from './orgs.js';
import { progressPrinter } from './progress.js';

/** A column mapping saved on the upload page (列对应 › 另存为…), by its name, in the org's list. */
async function savedMapping(d: Database, org: { id: string; name: string }, name: string) {
  const [row] = await d.db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.orgId, org.id), eq(importMappings.name, name)));
  if (row) return row.mapping;
  const names = await d.db
    .select({ name: importMappings.name })
    .from(importMappings)
    .where(eq(importMappings.orgId, org.id))
    .orderBy(asc(importMappings.name));
  throw new CliError(
    `${org.name}没有名为“${name}”的列对应方案；${names.length ? `已保存的有：${names.map((n) => n.name).join('、')}` : '请先在导入页面“列对应 › 另存为…”保存一个'}`,
  );
}

export async function importEnterprises(
  config: Config,
  file: string | undefined,
  opts: Record<string, string | boolean | undefined>,
) {
  if (!file) throw new CliError('用法：kezhao import enterprises <文件> --org 组织编码 [--dry-run] [--json]');
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new CliError(`文件不存在：${abs}`);
  const year = opts.year ? Number(opts.year) : undefined;
  if (year !== undefined && !(Number.isInteger(year) && year >= 1950 && year <= 2100))
    throw new CliError(`--year 应为四位年份，实际为 ${opts.year}`);
  await withDatabase(config, async (d) => {
    const org = await importOrg(d, opts.org as string | undefined);
    const mapping = opts.mapping ? await savedMapping(d, org, String(opts.mapping)) : undefined;
    const bar = progressPrinter();
    const params = {
      file: abs,
      originalName: path.basename(abs),
      orgId: org.id,
      sheet: opts.sheet as string | undefined,
      mapping,
      year,
      universe: opts.target ? ('target' as const) : ('local' as const),
      dryRun: !!opts['dry-run'],
    };
    const job = await runJobInProcess(
      d,
      config.dataDir,
      { kind: 'enterprise.import', orgId: org.id, params },
      collectEvery(20, bar.update),
    );
    bar.done();
    if (job.status !== 'succeeded') throw new CliError(`导入失败：${job.error ?? job.message}`);
    const r = job.result as {
      inserted: number;
      updated: number;
      unchanged: number;
      rejected: number;
      errors: unknown[];
      file?: string;
    };
    if (opts.json) {
      console.log(
        JSON.stringify({
          inserted: r.inserted,
          updated: r.updated,
          unchanged: r.unchanged,
          rejected: r.rejected,
          errors: r.errors,
        }),
      );
      return;
    }
    console.log(
      `${params.dryRun ? '试导入（未写入）' : '导入完成'}：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}，拒绝 ${r.rejected}（组织：${org.name}）`,
    );
    if (r.file) console.log(`被拒绝的行及原因：${jobFile(config.dataDir, job.id, r.file)}`);
  });
}
