/** The `kezhao` command as a user runs it, on a throwaway data directory. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { makeUscc, writeCsv } from '../helpers/enterprise-files.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kz-cli-'));

function kezhao(...args: string[]) {
  return kezhaoIn(dataDir, ...args);
}

function kezhaoIn(dir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LANG: 'zh_CN.UTF-8' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: ROOT_DIR,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Firms and jobs in the data directory: what a refused command must leave as it was. */
async function countRows() {
  const { openDatabase } = await import('../../src/db/client.js');
  const { enterprises, jobs } = await import('../../src/db/schema/index.js');
  const { count } = await import('drizzle-orm');
  const d = await openDatabase({ dataDir });
  try {
    const [firms] = await d.db.select({ n: count() }).from(enterprises);
    const [queued] = await d.db.select({ n: count() }).from(jobs);
    return { firms: firms.n, jobs: queued.n };
  } finally {
    await d.close();
  }
}

describe('kezhao --help', () => {
  it('speaks Chinese by default and English on request', () => {
    const zh = kezhao('--help');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('用法：kezhao <命令>');
    for (const cmd of ['serve', 'migrate', 'seed --demo', 'user add', 'backup', 'restore'])
      expect(zh.out).toContain(cmd);
    const en = kezhao('--help', '--lang', 'en');
    expect(en.out).toContain('Usage: kezhao <command>');
  });

  it('rejects an unknown command with a Chinese message and a non-zero exit', () => {
    const r = kezhao('frobnicate');
    expect(r.code).toBe(1);
    expect(r.err).toContain('未知命令');
  });

  it('rejects a month 13 in --date like any other bad date, without a stack trace', () => {
    const file = path.join(ROOT_DIR, 'docs', 'examples', 'eligibility', 'yannan-software.json');
    for (const date of ['2026-13-01', '2026-02-30', '20260101']) {
      const r = kezhao('eligibility', file, '--date', date);
      expect(r.code, date).toBe(1);
      expect(r.err.trim()).toBe(`错误：--date 应为 YYYY-MM-DD 格式的有效日期，实际为 ${date}`);
    }
  });
});

// These always use the embedded database; the server run would only repeat them.
describe.skipIf(!!process.env.DATABASE_URL)(
  'kezhao data commands (embedded database)',
  { timeout: 180_000 },
  () => {
    it('migrates, seeds the demo once, and adds users with validation', () => {
      expect(kezhao('migrate').out).toContain('数据库迁移已是最新');
      const first = kezhao('seed', '--demo', '--enterprises', '60', '--targets', '20');
      expect(first.out).toContain('新增 10 个账户');
      expect(first.out).toContain('已生成演示企业 80 家（本地 60，外地目标 20）');
      const again = kezhao('seed', '--demo', '--enterprises', '60', '--targets', '20');
      expect(again.out).toContain('演示账户已存在');
      expect(again.out).toContain('演示企业已存在');
      expect(kezhao('seed', '--demo', '--enterprises', 'many').err).toContain('非负整数');
      const badRole = kezhao('user', 'add', '--username', 'x1', '--password', 'abc12345', '--role', 'boss');
      expect(badRole.code).toBe(1);
      expect(badRole.err).toContain('未知角色：boss');
      const weak = kezhao('user', 'add', '--username', 'x1', '--password', '123', '--role', 'officer');
      expect(weak.err).toContain('密码至少 8 位');
      const ok = kezhao(
        'user',
        'add',
        '--username',
        'haian_officer',
        '--password',
        'haian2026',
        '--role',
        'officer',
        '--org',
        'haian',
        '--name',
        '海安专员',
      );
      expect(ok.code, ok.err).toBe(0);
      expect(ok.out).toContain('已创建用户 haian_officer（officer），组织：海安市');
      expect(
        kezhao('user', 'add', '--username', 'haian_officer', '--password', 'haian2026', '--role', 'officer')
          .err,
      ).toContain('用户名已被使用');
    });

    it('exports the audit log with progress and lists the job', () => {
      const out = path.join(dataDir, 'audit.csv');
      const r = kezhao('audit', 'export', '--out', out);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/100% 已导出/);
      expect(r.out).toMatch(/已导出 \d+ 条审计记录/);
      expect(readFileSync(out, 'utf8')).toContain('haian_officer');
      expect(kezhao('jobs').out).toMatch(/audit\.export\s+已完成\s+100%/);
    });

    it('imports enterprises from a GBK CSV and prints the result as JSON', () => {
      const file = path.join(dataDir, 'firms.csv');
      writeCsv(file, 'gbk');
      const r = kezhao('import', 'enterprises', file, '--org', 'yannan', '--json');
      expect(r.code, r.err).toBe(0);
      const out = JSON.parse(r.out);
      expect(out).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: 3 });
      expect(out.errors[0]).toEqual({
        row: 6,
        column: '统一社会信用代码',
        code: 'uscc.check',
        message: expect.stringContaining('校验位错误'),
      });
      const again = kezhao('import', 'enterprises', file, '--org', 'yannan');
      expect(again.out).toContain('导入完成：新增 0，更新 0，未变 3，拒绝 3（组织：盐南高新区）');
      expect(again.err).toMatch(/100% 已处理/);
      const missing = kezhao('import', 'enterprises', path.join(dataDir, 'nope.csv'));
      expect(missing.err).toContain('文件不存在');
    });

    it('imports with a column mapping saved on the upload page, named by --mapping', async () => {
      const file = path.join(dataDir, 'monthly.csv');
      writeFileSync(
        file,
        `企业名称,统一社会信用代码,本年科研投入(万元)\n映射科技有限公司,${makeUscc(4242)},120\n`,
      );
      const unknown = kezhao('import', 'enterprises', file, '--org', 'yannan', '--mapping', '月报');
      expect(unknown.code).not.toBe(0);
      expect(unknown.err).toContain('盐南高新区没有名为“月报”的列对应方案');
      // The upload page saves a mapping as one row of the org's list; the CLI finds it by name.
      const { openDatabase } = await import('../../src/db/client.js');
      const { enterprises, enterpriseYears, importMappings, orgs } = await import(
        '../../src/db/schema/index.js'
      );
      const { eq } = await import('drizzle-orm');
      const d = await openDatabase({ dataDir });
      const [org] = await d.db.select().from(orgs).where(eq(orgs.code, 'yannan'));
      await d.db
        .insert(importMappings)
        .values({ orgId: org.id, name: '月报', mapping: { '本年科研投入(万元)': 'rdExpense' } });
      await d.close();
      const r = kezhao('import', 'enterprises', file, '--org', 'yannan', '--mapping', '月报', '--json');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ inserted: 1, rejected: 0 });
      // The mapped column took the header's unit: 120 万元.
      const after = await openDatabase({ dataDir });
      const [year] = await after.db
        .select({ rd: enterpriseYears.rdExpense })
        .from(enterpriseYears)
        .innerJoin(enterprises, eq(enterprises.id, enterpriseYears.enterpriseId))
        .where(eq(enterprises.name, '映射科技有限公司'));
      await after.close();
      expect(Number(year.rd)).toBe(1_200_000);
    });

    it('backs up and restores a full, consistent copy; a bad file changes nothing', () => {
      const file = path.join(dataDir, 'backup.tar.gz');
      const b = kezhao('backup', file);
      expect(b.code, b.err).toBe(0);
      expect(b.out).toContain('已备份到');
      expect(
        kezhao('user', 'add', '--username', 'after_backup', '--password', 'later2026', '--role', 'expert')
          .code,
      ).toBe(0);

      const junk = path.join(dataDir, 'junk.tar.gz');
      writeFileSync(junk, 'not a backup');
      const bad = kezhao('restore', junk);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('不是 KeZhao 备份文件');
      expect(
        kezhao('user', 'add', '--username', 'after_backup', '--password', 'later2026', '--role', 'expert')
          .err,
      ).toContain('用户名已被使用');

      const r = kezhao('restore', file);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('原数据保留在');
      // The user made after the backup is gone; the one made before it is back.
      expect(
        kezhao('user', 'add', '--username', 'after_backup', '--password', 'later2026', '--role', 'expert')
          .code,
      ).toBe(0);
      expect(
        kezhao('user', 'add', '--username', 'haian_officer', '--password', 'haian2026', '--role', 'officer')
          .err,
      ).toContain('用户名已被使用');
    });

    it('refuses to touch a data directory a running server holds', () => {
      writeFileSync(path.join(dataDir, 'kezhao.lock'), String(process.pid));
      try {
        const r = kezhao('backup', path.join(dataDir, 'x.tar.gz'));
        expect(r.code).toBe(1);
        expect(r.err).toContain(`正被另一个 KeZhao 进程（PID ${process.pid}）使用`);
        expect(existsSync(path.join(dataDir, 'x.tar.gz'))).toBe(false);
      } finally {
        rmSync(path.join(dataDir, 'kezhao.lock'));
      }
    });

    it('refuses to overwrite a backup file unless --force', () => {
      const file = path.join(dataDir, 'backup.tar.gz');
      const before = readFileSync(file);
      const r = kezhao('backup', file);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`文件已存在：${file}；如要覆盖，请加 --force`);
      expect(readFileSync(file).equals(before)).toBe(true);
      const forced = kezhao('backup', file, '--force');
      expect(forced.code, forced.err).toBe(0);
      expect(forced.out).toContain(`已备份到 ${file}`);
      expect(readdirSync(dataDir).filter((f) => f.includes('.part-'))).toEqual([]);
    });

    it('lists the orgs, and imports only into one named by --org when there are several', async () => {
      const orgs = kezhao('orgs');
      expect(orgs.code, orgs.err).toBe(0);
      expect(orgs.out.split('\n')[0]).toMatch(/^编码\s+名称\s+上级$/);
      expect(orgs.out).toMatch(/^yannan\s+盐南高新区\s+yancheng$/m);
      const list = JSON.parse(kezhao('orgs', '--json').out);
      expect(list[0]).toEqual({ code: 'platform', name: '全部地区', kind: 'platform', parent: null });
      expect(list).toContainEqual({ code: 'yannan', name: '盐南高新区', kind: 'park', parent: 'yancheng' });

      const file = path.join(dataDir, 'firms-no-org.csv');
      writeCsv(file, 'utf8');
      const counts = await countRows();
      for (const args of [
        ['import', 'enterprises', file],
        ['import', 'enterprises', file, '--dry-run'],
        ['import', 'relations', file],
      ]) {
        const r = kezhao(...args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.err).toContain('请用 --org 指定导入到哪个组织');
        expect(r.err).toContain('\n  platform  全部地区\n');
        expect(r.err).toContain('\n      yannan  盐南高新区');
      }
      expect(kezhao('import', 'enterprises', file, '--org', 'nowhere').err).toContain(
        '组织编码不存在：nowhere；可选的组织编码：\n  platform  全部地区',
      );
      expect(await countRows()).toEqual(counts);
    });

    it('imports into the only org when there is just one', () => {
      const fresh = mkdtempSync(path.join(os.tmpdir(), 'kz-cli-one-org-'));
      try {
        const file = path.join(fresh, 'firms.csv');
        writeCsv(file, 'utf8');
        const r = kezhaoIn(fresh, 'import', 'enterprises', file);
        expect(r.code, r.err).toBe(0);
        expect(r.out).toContain('导入完成：新增 3，更新 0，未变 0，拒绝 3（组织：全部地区）');
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    });

    it('checks audit export dates and org before a job is made', async () => {
      const counts = await countRows();
      const r = kezhao('audit', 'export', '--from', '2026-13-01');
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe('错误：--from 应为 YYYY-MM-DD 格式的有效日期，实际为 2026-13-01');
      expect(kezhao('audit', 'export', '--to', '2026-02-30').err).toContain('--to 应为 YYYY-MM-DD');
      expect(kezhao('audit', 'export', '--from', '2026-03-01', '--to', '2026-02-01').err).toContain(
        '--from 2026-03-01 晚于 --to 2026-02-01',
      );
      expect(kezhao('audit', 'export', '--org', 'nowhere').err).toContain('组织编码不存在：nowhere');
      expect(await countRows()).toEqual(counts);
    });

    it("lists jobs under a header with their created time and a failed job's reason", async () => {
      const { openDatabase } = await import('../../src/db/client.js');
      const { jobs } = await import('../../src/db/schema/index.js');
      const d = await openDatabase({ dataDir });
      await d.db.insert(jobs).values({
        kind: 'enterprise.import',
        orgId: '00000000-0000-4000-8000-000000000011',
        status: 'failed',
        message: '执行失败：输入有误，重试无益',
        error: '  无法读取文件：不是 XLSX 文件\n    at readTable (src/import/read-table.ts:1:1)',
        createdAt: new Date('2026-03-01T16:30:00Z'),
      });
      await d.close();
      const r = kezhao('jobs', '--status', 'failed');
      expect(r.code, r.err).toBe(0);
      const [header, line, ...rest] = r.out.trimEnd().split('\n');
      expect(header).toMatch(/^任务ID\s+类型\s+状态\s+进度\s+创建时间（北京时间）\s+说明$/);
      expect(line).toMatch(
        /enterprise\.import\s+失败\s+0%\s+2026-03-02 00:30\s+执行失败：输入有误，重试无益；原因：无法读取文件：不是 XLSX 文件$/,
      );
      expect(rest).toEqual([]);
      const bogus = kezhao('jobs', '--status', 'bogus');
      expect(bogus.code).toBe(1);
      expect(bogus.err).toContain('未知的任务状态：bogus；可选：queued（排队中） running（运行中）');
    });

    it('points server users to pg_dump', () => {
      const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: 'postgres://127.0.0.1:1/none' };
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'backup', 'x'], {
        cwd: ROOT_DIR,
        env,
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('pg_dump');
    });
  },
);
