import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog, jobs } from '../../src/db/schema/index.js';
import { JOB_DEFINITIONS } from '../../src/jobs/definitions.js';
import type { JobDefinition } from '../../src/jobs/types.js';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';

/** A job that fails on its first attempt and succeeds on the next: exercises retry with backoff. */
let flakyRuns = 0;
const flaky: JobDefinition<Record<string, never>, { step: number }> = {
  kind: 'test.flaky',
  title: '测试任务',
  params: z.object({}),
  async run({ progress, state }) {
    flakyRuns++;
    if (flakyRuns === 1) throw new Error('网络抖动');
    await progress(50, '一半', { step: (state?.step ?? 0) + 1 });
    return { ok: true };
  },
};
/** A job that waits for cancellation between steps. */
const slow: JobDefinition<Record<string, never>, null> = {
  kind: 'test.slow',
  title: '慢任务',
  params: z.object({}),
  async run({ progress }) {
    for (let i = 0; i < 600; i++) {
      await progress(i / 6, `第 ${i} 步`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return {};
  },
};

let t: TestContext;
let leader: Client;
beforeAll(async () => {
  t = await createTestApp({
    jobs: true,
    definitions: [...JOB_DEFINITIONS, flaky, slow] as JobDefinition<never, never>[],
  });
  leader = await login(t.app, 'leader');
});
afterAll(() => t.close());

/** Queues a job of `kind` for 盐南 straight in the table, as a route would, and wakes the runner. */
async function queue(kind: string) {
  const [row] = await t.database.db.insert(jobs).values({ kind, orgId: ORG.yannan, params: {} }).returning();
  t.runner?.wake();
  return row;
}

async function waitFor(client: Client, id: string, statuses: string[], timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await client.get(`/api/v1/jobs/${id}`)).json();
    if (statuses.includes(job.status)) return job;
    if (Date.now() > until)
      throw new Error(`job ${id} stuck at ${job.status} ${job.progress}% ${job.message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('background jobs', () => {
  it('exports the audit log as a formula-safe CSV, with progress, and offers it for download', async () => {
    // An entry whose value would run as a formula if Excel trusted it.
    await t.database.db.insert(auditLog).values({
      actorName: '=HYPERLINK("http://evil","点我")',
      orgId: ORG.yannan,
      action: 'update',
      entity: 'user',
      entityId: 'x',
      // 02:24:58 on 8 December in Beijing, still the 7th in UTC.
      at: new Date('2026-12-07T18:24:58Z'),
    });
    const queued = await leader.post('/api/v1/audit/export', { chunkSize: 5 });
    expect(queued.statusCode).toBe(202);
    const done = await waitFor(leader, queued.json().id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(done.progress).toBe(100);
    expect(done.message).toMatch(/已导出 \d+ \/ \d+ 条/);
    expect(done.remainingSeconds).toBeNull();
    const file = await leader.get(`/api/v1/jobs/${done.id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('审计日志'));
    expect(file.body.startsWith('\uFEFF"编号","时间（北京时间）","操作人"')).toBe(true);
    // Times in Beijing time, as the file's name and the page's filters count days; not UTC ISO.
    expect(file.body).toContain(`"2026-12-08 02:24:58","'=HYPERLINK(""http://evil"",""点我"")"`);
    // The object type is named as the page names it, not by its table key.
    expect(file.body).toContain('"修改","用户","x"');
    expect(file.body).not.toContain('"user"');
    const lines = file.body.trim().split('\r\n');
    expect(lines.length - 1).toBe(done.result.rows);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^"?\d+"?,"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}",/);

    // Roles that may not read the audit log neither see the export in 任务中心 nor download it.
    for (const role of ['officer', 'expert', 'analyst']) {
      const other = await login(t.app, role);
      const listed = (await other.get('/api/v1/jobs?pageSize=100')).json().items;
      expect(
        listed.map((j: { id: string }) => j.id),
        role,
      ).not.toContain(done.id);
      expect((await other.get(`/api/v1/jobs/${done.id}`)).statusCode, role).toBe(404);
      expect((await other.get(`/api/v1/jobs/${done.id}/download`)).statusCode, role).toBe(404);
    }
  });

  it('retries a failed attempt with backoff and then succeeds', async () => {
    const row = await queue('test.flaky');
    const done = await waitFor(leader, row.id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBe(2);
    expect(flakyRuns).toBe(2);
  });

  it('gives up after the last attempt and keeps the error', async () => {
    const [row] = await t.database.db
      .insert(jobs)
      .values({
        kind: 'audit.export',
        orgId: '00000000-0000-4000-8000-0000000000ff',
        params: {},
        maxAttempts: 1,
      })
      .returning();
    t.runner?.wake();
    const sys = await login(t.app, 'sysadmin');
    // The job's org does not exist, so only the database can tell us about it.
    for (let i = 0; i < 100; i++) {
      const [cur] = await t.database.db.select().from(jobs).where(eq(jobs.id, row.id));
      if (cur.status === 'failed') {
        expect(cur.error).toBe('任务所属组织已不存在');
        expect(cur.message).toContain('执行失败');
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect.fail(`job never failed; sysadmin sees ${(await sys.get('/api/v1/jobs')).body}`);
  });

  it('cancels a running job at its next step, and refuses to cancel a finished one', async () => {
    const row = await queue('test.slow');
    await waitFor(leader, row.id, ['running']);
    const cancel = await leader.post(`/api/v1/jobs/${row.id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    const done = await waitFor(leader, row.id, ['cancelled', 'succeeded']);
    expect(done.status).toBe('cancelled');
    const again = await leader.post(`/api/v1/jobs/${row.id}/cancel`);
    expect(again.json()).toMatchObject({ code: 'job.not_cancellable' });
  });

  it('says about how long a running job still needs, from the pace so far', async () => {
    const row = await queue('test.slow');
    const running = await waitFor(leader, row.id, ['running']);
    // Too early to say: it has just started.
    expect(running.remainingSeconds).toBeNull();
    for (let i = 0; i < 100 && (await leader.get(`/api/v1/jobs/${row.id}`)).json().progress < 2; i++)
      await new Promise((r) => setTimeout(r, 50));
    // As if it had started a minute ago: at p % after 60 s, about 60·(100−p)/p s are left.
    await t.database.db
      .update(jobs)
      .set({ startedAt: sql`now() - interval '60 seconds'` })
      .where(eq(jobs.id, row.id));
    const job = (await leader.get(`/api/v1/jobs/${row.id}`)).json();
    const expected = (60 * (100 - job.progress)) / job.progress;
    expect(job.remainingSeconds).toBeGreaterThan(expected * 0.8);
    expect(job.remainingSeconds).toBeLessThan(expected * 1.2 + 2);
    const listed = (await leader.get('/api/v1/jobs'))
      .json()
      .items.find((j: { id: string }) => j.id === row.id);
    expect(listed.remainingSeconds).toBeGreaterThan(0);
    await leader.post(`/api/v1/jobs/${row.id}/cancel`);
    const done = await waitFor(leader, row.id, ['cancelled']);
    expect(done.remainingSeconds).toBeNull();
  });

  it('lists jobs of the user’s org with their progress', async () => {
    const officer = await login(t.app, 'officer');
    const list = (await officer.get('/api/v1/jobs')).json();
    expect(list.total).toBeGreaterThanOrEqual(3);
    for (const j of list.items) expect(j.orgId).toBe(ORG.yannan);
  });
});
