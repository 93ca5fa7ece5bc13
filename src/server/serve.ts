/** `kezhao serve`: migrate, seed the demo on first start, serve, and shut down gracefully. */
import type { Config } from '../config.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../db/seed/demo-data.js';
import { isEmpty, seedDemo, seedDemoEnterprises } from '../db/seed/seed.js';
import { JOB_DEFINITIONS } from '../jobs/definitions.js';
import { JobRunner } from '../jobs/runner.js';
import { buildApp, LOG_REDACT } from './app.js';
import { openConfiguredDatabase } from './open.js';

export async function serve(config: Config) {
  const database = await openConfiguredDatabase(config);
  let seeded = false;
  const empty = await isEmpty(database.db);
  if (config.seedDemo && empty) {
    // About a minute of silence otherwise: say what is happening.
    console.log('  首次启动：正在写入演示数据（约 1 分钟）… First start: writing the demo data…');
    await seedDemo(database.db);
    const n = config.seedEnterprises;
    if (n > 0) await seedDemoEnterprises(database.db, n, Math.round(n / 3));
    seeded = true;
  }
  const logger = { level: config.logLevel, redact: { paths: LOG_REDACT, censor: '[已隐藏]' } };
  const app = await buildApp({ database, config, logger });
  const runner = new JobRunner({
    database,
    dataDir: config.dataDir,
    pollMs: config.jobPollMs,
    logger: app.log,
    definitions: JOB_DEFINITIONS,
  });
  app.jobs = runner;
  await app.listen({ port: config.port, host: config.host });
  await runner.start();

  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const lines = [
    '',
    `  科招 KeZhao 已启动：http://${shown}:${config.port}`,
    `  接口文档 API docs：http://${shown}:${config.port}/api/docs`,
    `  数据库 Database：${database.engine === 'pglite' ? `嵌入式 PGlite，数据目录 ${config.dataDir}` : 'PostgreSQL（DATABASE_URL）'}`,
  ];
  if (config.seedDemo) {
    lines.push(`  演示账户 Demo accounts（密码 password：${DEMO_PASSWORD}${seeded ? '' : '，如未修改'}）：`);
    for (const u of DEMO_USERS)
      lines.push(`    ${u.username.padEnd(11)} ${u.roles.join(',').padEnd(8)} ${u.displayName}`);
  }
  if (!config.seedDemo && empty)
    lines.push(
      '  库中还没有用户 No users yet：',
      '    npm run kezhao -- user add --username admin --password <至少 8 位，含字母和数字> --role admin',
    );
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, '正在停止：不再接收新任务，等待进行中的请求完成');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await runner.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return app;
}
