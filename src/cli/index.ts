/** The `kezhao` command. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { serve } from '../server/serve.js';
import { backup, CliError, restore } from './backup.js';
import { auditExport, seedCommand, userAdd, withDatabase } from './commands.js';
import { eligibilityCommand } from './eligibility.js';
import { HELP, helpLang } from './help.js';
import { importEnterprises } from './import.js';
import { importRelationsCommand } from './import-relations.js';
import { jobsList, jobsWatch } from './jobs.js';
import { orgsCommand } from './orgs.js';

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      lang: { type: 'string' },
      demo: { type: 'boolean' },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      status: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      sheet: { type: 'string' },
      mapping: { type: 'string' },
      year: { type: 'string' },
      target: { type: 'boolean' },
      enterprises: { type: 'string' },
      targets: { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(HELP[helpLang(argv)]);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return;
    case 'migrate':
      await withDatabase(config, migrate);
      console.log('数据库迁移已是最新。');
      return;
    case 'seed':
      if (!values.demo) throw new CliError('用法：kezhao seed --demo');
      return seedCommand(config, values);
    case 'user':
      if (sub !== 'add')
        throw new CliError('用法：kezhao user add --username U --password P --role R [--org 编码]');
      return userAdd(config, values as Record<string, string>);
    case 'backup': {
      if (!sub) throw new CliError('用法：kezhao backup <文件> [--force]');
      const r = await backup(config, sub, values);
      console.log(`已备份到 ${r.file}（${(r.bytes / 1024 / 1024).toFixed(1)} MB）`);
      return;
    }
    case 'restore': {
      if (!sub) throw new CliError('用法：kezhao restore <文件>');
      const r = await restore(config, sub);
      console.log(`已恢复到 ${r.dataDir}${r.previous ? `；原数据保留在 ${r.previous}` : ''}`);
      return;
    }
    case 'orgs':
      return withDatabase(config, (d) => orgsCommand(d, values));
    case 'jobs':
      if (sub === 'watch') {
        if (!arg) throw new CliError('用法：kezhao jobs watch <任务ID>');
        return jobsWatch(config, arg);
      }
      return jobsList(config, values.status);
    case 'audit':
      if (sub !== 'export') throw new CliError('用法：kezhao audit export [--out 文件]');
      return auditExport(config, values as Record<string, string>);
    case 'import':
      if (sub === 'relations') return importRelationsCommand(config, arg, values);
      if (sub !== 'enterprises')
        throw new CliError(
          '用法：kezhao import enterprises <文件> --org 组织编码 [--dry-run] [--json]；kezhao import relations <文件> --org 组织编码 [--json]',
        );
      return importEnterprises(config, arg, values);
    case 'eligibility':
      return eligibilityCommand(sub, values);
    default:
      throw new CliError(`未知命令：${command}。运行 kezhao --help 查看用法。`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const known = err instanceof CliError || (err instanceof Error && /^(数据目录|环境变量)/.test(err.message));
  const parseError =
    err instanceof Error &&
    'code' in err &&
    String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
  console.error(`错误：${err instanceof Error ? err.message : String(err)}`);
  if (!known && !parseError) console.error(err);
  process.exit(parseError ? 2 : 1);
});
