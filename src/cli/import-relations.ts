/** `kezhao import relations <file>`: enterprise relations (持股、投资、供应、产学研、同一实际控制人) from a
 *  CSV or XLSX, with row errors and idempotent re-runs, in one transaction. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { TableError } from '../import/read-table.js';
import { importRelations } from '../import/relation-import.js';
import { CliError } from './backup.js';
import { withDatabase } from './commands.js';
import { importOrg } from './orgs.js';

export async function importRelationsCommand(
  config: Config,
  file: string | undefined,
  opts: Record<string, string | boolean | undefined>,
) {
  if (!file) throw new CliError('用法：kezhao import relations <文件> --org 组织编码 [--json]');
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new CliError(`文件不存在：${abs}`);
  await withDatabase(config, async (d) => {
    const org = await importOrg(d, opts.org as string | undefined);
    const r = await d.db
      .transaction((tx) =>
        importRelations({
          db: tx,
          file: abs,
          orgId: org.id,
          orgPath: org.path,
          source: { kind: 'import', file: path.basename(abs) },
          onProgress: (rows) => {
            if (!opts.json) process.stderr.write(`\r已读取 ${rows} 行`);
          },
        }),
      )
      .catch((err) => {
        if (err instanceof TableError) throw new CliError(`无法读取文件：${err.message}`);
        throw err;
      });
    if (!opts.json) process.stderr.write('\n');
    if (opts.json) {
      console.log(JSON.stringify(r));
      return;
    }
    console.log(
      `导入完成：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}，拒绝 ${r.rejected}（组织：${org.name}）`,
    );
    for (const e of r.errors.slice(0, 20)) console.log(`  第 ${e.row} 行 ${e.column}：${e.message}`);
    if (r.errors.length > 20) console.log(`  …… 另有 ${r.errors.length - 20} 条（用 --json 查看全部）`);
    for (const w of r.warnings) console.log(`  请核对 ${w.message}`);
  });
}
