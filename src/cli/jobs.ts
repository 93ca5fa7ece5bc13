/** `kezhao jobs [--status S]` and `kezhao jobs watch <id>`. */
import { desc, eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import { jobs } from '../db/schema/index.js';
import { chinaDateTime } from '../domain/text/china-today.js';
import { JOB_STATUSES } from '../shared/api.js';
import { CliError } from './backup.js';
import { table } from './columns.js';
import { withDatabase } from './commands.js';
import { progressPrinter } from './progress.js';

const STATUS_ZH: Record<string, string> = {
  queued: '排队中',
  running: '运行中',
  succeeded: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

/** The first non-blank line of a job's error: the reason, without the stack under it. A params check
 *  that failed in the runner stored a ZodError, whose message is a JSON list of issues starting "["; it
 *  reads as "from：Invalid ISO date" instead. */
export function reason(error: string | null): string {
  if (!error) return '';
  try {
    const issues = JSON.parse(error) as { path?: unknown[]; message?: string }[];
    if (Array.isArray(issues) && issues.every((i) => typeof i?.message === 'string'))
      return issues.map((i) => (i.path?.length ? `${i.path.join('.')}：${i.message}` : i.message)).join('；');
  } catch {
    // Not JSON: an ordinary message.
  }
  return (
    error
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? ''
  );
}

export async function jobsList(config: Config, status?: string) {
  // An unknown status used to match nothing and read as "没有后台任务", as if the list were empty.
  if (status !== undefined && !(JOB_STATUSES as readonly string[]).includes(status))
    throw new CliError(
      `未知的任务状态：${status}；可选：${JOB_STATUSES.map((s) => `${s}（${STATUS_ZH[s]}）`).join(' ')}`,
    );
  await withDatabase(config, async (d) => {
    const rows = await d.db
      .select()
      .from(jobs)
      .where(status ? eq(jobs.status, status) : undefined)
      .orderBy(desc(jobs.createdAt))
      .limit(20);
    if (rows.length === 0)
      return console.log(status ? `没有状态为“${STATUS_ZH[status]}”的后台任务。` : '没有后台任务。');
    // A failed job's message is the runner's verdict ("执行失败：输入有误，重试无益"); the why is in `error`.
    const said = (j: (typeof rows)[number]) =>
      j.status === 'failed' && reason(j.error) ? `${j.message}；原因：${reason(j.error)}` : j.message;
    const lines = table([
      ['任务ID', '类型', '状态', '进度', '创建时间（北京时间）', '说明'],
      ...rows.map((j) => [
        j.id,
        j.kind,
        STATUS_ZH[j.status] ?? j.status,
        `${j.progress.toFixed(0).padStart(3)}%`,
        chinaDateTime(j.createdAt).slice(0, 16),
        said(j),
      ]),
    ]);
    for (const line of lines) console.log(line);
  });
}

export async function jobsWatch(config: Config, id: string) {
  await withDatabase(config, async (d) => {
    const bar = progressPrinter();
    for (;;) {
      const [j] = await d.db.select().from(jobs).where(eq(jobs.id, id));
      if (!j) throw new CliError(`任务不存在：${id}`);
      bar.update(j.progress, j.message, j.startedAt);
      if (['succeeded', 'failed', 'cancelled'].includes(j.status)) {
        bar.done();
        console.log(`任务${STATUS_ZH[j.status]}${j.error ? `：${j.error}` : ''}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  });
}
