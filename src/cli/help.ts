/** `kezhao --help`, in Chinese by default and in English with --lang en (or an English LANG). */
export const HELP = {
  zh: `科招 KeZhao — 科技招商与科技企业培育平台

用法：kezhao <命令> [选项]

命令：
  serve                         启动服务（网页与 API），首次启动时迁移数据库并写入演示数据
  migrate                       执行数据库迁移
  seed --demo [--enterprises N] [--targets M]
                                写入演示组织、账户和生成的演示企业（默认本地 3000 家、外地目标 1000 家；已存在的不重复写入）
  user add --username U --password P --role R[,R] [--org 组织编码] [--name 姓名]
                                新建用户；角色：admin leader officer expert analyst；默认组织为根组织 platform
  backup <文件> [--force]       备份嵌入式数据库（完整、一致的副本，.tar.gz）；须先停止服务；文件已存在时须加 --force 才覆盖
  restore <文件>                从备份恢复嵌入式数据库；原数据目录会先改名保留；须先停止服务
  orgs [--json]                 列出组织：编码、名称、上级（--org 用的就是这里的编码）
  jobs [--status S]             列出最近 20 个后台任务：状态、进度、创建时间、说明（失败的附原因）；
                                S 为 queued running succeeded failed cancelled 之一
  jobs watch <任务ID>           实时显示一个任务的进度，直到结束
  audit export [--out 文件] [--org 组织编码] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                导出审计日志为 CSV（后台任务，显示进度条）
  import enterprises <文件> --org 组织编码 [--dry-run] [--json] [--sheet 工作表] [--year 年度] [--target] [--mapping 方案名]
                                导入企业（CSV：UTF-8 或 GBK/GB18030 自动识别；XLSX）到 --org 组织（有多个组织时必填，
                                编码见 kezhao orgs；只有一个组织时默认即它）；--dry-run 只校验不写入；
                                --json 输出 { inserted, updated, unchanged, rejected, errors }；
                                --target 新增的企业作为外地目标企业（已有企业不变，除非文件有“企业类别”列）；
                                --mapping 使用导入页面保存的列对应方案
  import relations <文件> --org 组织编码 [--json]
                                导入企业关系（持股、投资、供应、产学研、同一实际控制人；CSV 或 XLSX）：坏行逐行说明原因，
                                同一文件再次导入不改变数据；企业须已在该组织的企业库中
  eligibility <文件.json> [--date YYYY-MM-DD] [--json]
                                评估一家企业在八个培育梯队（科技型中小企业 … 独角兽）的资格：结论、得分、未满足条件、
                                差距与缺少的数据；--date 评估日期（默认取文件的 asOf，按日期选用规则集）；
                                --json 输出 { tiers: [...] }；输入格式见 docs/ELIGIBILITY.md

通用选项：
  --help, -h                    显示本帮助
  --lang en                     以英文显示帮助

环境变量：PORT、HOST、DATA_DIR、DATABASE_URL 等，见 README.md。
使用 PostgreSQL 服务器（DATABASE_URL）时请用 pg_dump / pg_restore 备份与恢复。`,
  en: `KeZhao — science & technology investment promotion and enterprise cultivation

Usage: kezhao <command> [options]

Commands:
  serve                         Start the server (web app and API); migrates and seeds the demo on first start
  migrate                       Apply database migrations
  seed --demo [--enterprises N] [--targets M]
                                Insert the demo orgs, accounts and generated firms (default 3000 local, 1000 target; kept if present)
  user add --username U --password P --role R[,R] [--org ORG_CODE] [--name NAME]
                                Create a user; roles: admin leader officer expert analyst; org defaults to the root 'platform'
  backup <file> [--force]       Back up the embedded database (a full, consistent .tar.gz copy); stop the server first;
                                an existing file is replaced only with --force
  restore <file>                Restore the embedded database from a backup; the old data directory is kept, renamed
  orgs [--json]                 List the orgs: code, name, parent (the codes --org takes)
  jobs [--status S]             List the 20 latest background jobs: status, progress, created time, message (and a
                                failed job's reason); S is one of queued running succeeded failed cancelled
  jobs watch <job-id>           Follow one job's progress until it ends
  audit export [--out FILE] [--org ORG_CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                Export the audit log as CSV (a background job, with a progress bar)
  import enterprises <file> --org ORG_CODE [--dry-run] [--json] [--sheet NAME] [--year YYYY] [--target] [--mapping NAME]
                                Import enterprises (CSV in UTF-8 or GBK/GB18030, detected; XLSX) into the --org org
                                (required when there is more than one; see kezhao orgs); --dry-run validates
                                only; --json prints { inserted, updated, unchanged, rejected, errors }; --target: new firms are
                                outside (target) firms, existing ones keep theirs unless the file has a 企业类别 column;
                                --mapping: a column mapping saved on the upload page
  import relations <file> --org ORG_CODE [--json]
                                Import enterprise relations (shareholding, investment, supply, cooperation, same
                                controller; CSV or XLSX) with row errors; re-importing a file changes nothing
  eligibility <file.json> [--date YYYY-MM-DD] [--json]
                                Assess one firm for the eight cultivation tiers (tech SME … unicorn): verdict, score, unmet
                                criteria, gaps and missing data; --date sets the assessment date (default: the file's asOf;
                                it picks the rule sets); --json prints { tiers: [...] }; input format in docs/ELIGIBILITY.md

Options:
  --help, -h                    Show this help
  --lang en                     Show help in English (Chinese is the default)

Environment: PORT, HOST, DATA_DIR, DATABASE_URL and more, see README.md.
On a PostgreSQL server (DATABASE_URL) back up and restore with pg_dump / pg_restore.`,
};

export function helpLang(argv: string[]): 'zh' | 'en' {
  const i = argv.indexOf('--lang');
  if (i >= 0) return argv[i + 1]?.startsWith('en') ? 'en' : 'zh';
  return /^en/i.test(process.env.LANG ?? '') && !/^zh/i.test(process.env.LANG ?? '') ? 'en' : 'zh';
}
