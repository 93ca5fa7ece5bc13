/** The data commands of `kezhao`: migrate, seed, user add, audit export. */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { ROOT_ORG } from '../db/seed/demo-data.js';
import { DEMO_ENTERPRISES, seedDemo, seedDemoEnterprises } from '../db/seed/seed.js';
import { isStrongPassword } from '../domain/password.js';
import { exportFile } from '../jobs/audit-export.js';
import { runJobInProcess } from '../jobs/run-in-process.js';
import { writeAudit } from '../server/audit.js';
import { hashPassword } from '../server/modules/auth/passwords.js';
import { openConfiguredDatabase } from '../server/open.js';
import { ROLES, type Role } from '../shared/roles.js';
import { CliError } from './backup.js';
import { dateOption } from './dates.js';
import { orgByCode } from './orgs.js';
import { progressPrinter } from './progress.js';

export async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function seedCommand(config: Config, opts: { enterprises?: string; targets?: string }) {
  const count = opts.enterprises === undefined ? DEMO_ENTERPRISES : Number(opts.enterprises);
  const targetCount = opts.targets === undefined ? Math.round(count / 3) : Number(opts.targets);
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(targetCount) || targetCount < 0) {
    throw new CliError('--enterprises 与 --targets 应为非负整数');
  }
  await withDatabase(config, async (d) => {
    const added = await seedDemo(d.db);
    console.log(added > 0 ? `已写入演示数据：新增 ${added} 个账户。` : '演示账户已存在，无需写入。');
    const bar = progressPrinter();
    const r = await seedDemoEnterprises(d.db, count, targetCount, (done, total) =>
      bar.update((done / Math.max(1, total)) * 100, `已生成 ${done} / ${total} 家企业`),
    );
    bar.done();
    console.log(
      r.inserted > 0
        ? `已生成演示企业 ${r.inserted} 家（本地 ${count}，外地目标 ${targetCount}）。`
        : '演示企业已存在，无需生成。',
    );
  });
}

export async function userAdd(config: Config, opts: Record<string, string | undefined>) {
  const { username, password } = opts;
  if (!username || !password || !opts.role) throw new CliError('须提供 --username、--password 和 --role');
  const roles = opts.role.split(',').map((r) => r.trim());
  const bad = roles.filter((r) => !ROLES.includes(r as Role));
  if (bad.length) throw new CliError(`未知角色：${bad.join(', ')}；可选：${ROLES.join(' ')}`);
  if (!isStrongPassword(password)) throw new CliError('密码至少 8 位，且须同时包含字母和数字');
  const passwordHash = await hashPassword(password);
  await withDatabase(config, async (d) => {
    const org = await orgByCode(d, opts.org ?? ROOT_ORG.code);
    const [taken] = await d.db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
    if (taken) throw new CliError(`用户名已被使用：${username}`);
    await d.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ username, displayName: opts.name ?? username, passwordHash, roles, orgId: org.id })
        .returning({ id: users.id });
      await writeAudit(tx, null, {
        action: 'create',
        entity: 'user',
        entityId: row.id,
        orgId: org.id,
        after: { username, roles, via: 'cli' },
      });
    });
    console.log(`已创建用户 ${username}（${roles.join(',')}），组织：${org.name}`);
  });
}

export async function auditExport(config: Config, opts: Record<string, string | undefined>) {
  // Checked here, before a job exists: the job's own check fails only inside the runner, after three
  // attempts, with an English ZodError, and leaves a failed job behind in `kezhao jobs`.
  const from = dateOption('--from', opts.from);
  const to = dateOption('--to', opts.to);
  if (from && to && from > to) throw new CliError(`--from ${from} 晚于 --to ${to}`);
  await withDatabase(config, async (d) => {
    const org = await orgByCode(d, opts.org ?? ROOT_ORG.code);
    const bar = progressPrinter();
    const params = { from, to };
    const job = await runJobInProcess(
      d,
      config.dataDir,
      { kind: 'audit.export', orgId: org.id, params },
      bar.update,
    );
    bar.done();
    if (job.status !== 'succeeded') throw new CliError(`导出失败：${job.error ?? job.message}`);
    const result = job.result as { rows: number; downloadName: string };
    const out = path.resolve(opts.out ?? result.downloadName);
    copyFileSync(exportFile(config.dataDir, job.id), out);
    console.log(`已导出 ${result.rows} 条审计记录到 ${out}`);
  });
}

export function writeJson(file: string, value: unknown) {
  writeFileSync(file, JSON.stringify(value, null, 2));
}
