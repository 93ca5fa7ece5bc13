/** The server as a process: a job survives SIGKILL and resumes from its checkpoint; SIGTERM stops
 *  cleanly and hands the running job back to the queue. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { seedDemo } from '../../src/db/seed/seed.js';
import { openConfiguredDatabase } from '../../src/server/open.js';
import { ORG } from '../helpers/app.js';
import { writeManyFirms } from '../helpers/enterprise-files.js';
import { httpLogin, type ServerProcess, startServer } from '../helpers/server-process.js';

const ROWS = 20_000;
let dataDir: string;
const env = () => ({ DATA_DIR: dataDir, JOB_POLL_MS: '200', JOB_LEASE_SECONDS: '2' });
let server: ServerProcess | null = null;

afterAll(() => {
  server?.child.kill('SIGKILL');
});

type Job = { id: string; status: string; progress: number; message: string; result: { rows: number } | null };

async function pollJob(
  client: Awaited<ReturnType<typeof httpLogin>>,
  id: string,
  until: (j: Job) => boolean,
  ms = 90_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const job = (await (await client.get(`/api/v1/jobs/${id}`)).json()) as Job;
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`timed out at ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe.skipIf(!!process.env.DATABASE_URL)(
  'the server process (embedded database)',
  { timeout: 180_000 },
  () => {
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'kz-proc-'));
      const database = await openConfiguredDatabase(loadConfig({ dataDir }));
      await seedDemo(database.db);
      await database.db.execute(sql`insert into audit_log (actor_name, org_id, action, entity, entity_id, after)
      select '测试', ${ORG.yannan}::uuid, 'update', 'enterprise', g::text, jsonb_build_object('n', g) from generate_series(1, ${ROWS}) g`);
      await database.close();
    }, 120_000);

    it('resumes a job after SIGKILL from its checkpoint, without duplicating or losing rows', async () => {
      server = await startServer({ ...env(), LOG_LEVEL: 'info' });
      let leader = await httpLogin(server.base, 'leader', 'kezhao2026');
      const job = (await (await leader.post('/api/v1/audit/export', { chunkSize: 50 })).json()) as Job;
      // The structured log records requests but never a password or a session cookie.
      // The console tells a newcomer where to go and how to sign in.
      expect(server.output()).toContain(`科招 KeZhao 已启动：${server.base}`);
      for (const name of ['admin', 'leader', 'officer', 'expert', 'analyst', 'nt_officer']) {
        expect(server.output()).toContain(name);
      }
      const logLines = server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .join('\n');
      expect(logLines).toContain('"msg":"request completed"');
      expect(logLines).not.toContain('kezhao2026');
      expect(logLines).not.toContain(leader.cookie.split('=')[1]);
      const before = await pollJob(leader, job.id, (j) => j.progress >= 10);
      expect(before.status).toBe('running');
      server.child.kill('SIGKILL');
      await server.exited;

      server = await startServer(env());
      leader = await httpLogin(server.base, 'leader', 'kezhao2026');
      const resumed = (await (await leader.get(`/api/v1/jobs/${job.id}`)).json()) as Job;
      // It carries on from where it was, not from zero.
      expect(resumed.progress).toBeGreaterThanOrEqual(before.progress);
      const done = await pollJob(leader, job.id, (j) => ['succeeded', 'failed'].includes(j.status));
      expect(done.status).toBe('succeeded');

      const csv = await (await leader.get(`/api/v1/jobs/${job.id}/download`)).text();
      const ids = csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => Number(line.split(',')[0].replace(/"/g, '')));
      expect(ids.length).toBe(done.result?.rows);
      expect(ids.length).toBeGreaterThanOrEqual(ROWS);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    });

    it('stops on SIGTERM with exit code 0 and the running job goes back to the queue, then finishes', async () => {
      if (!server) server = await startServer(env());
      let leader = await httpLogin(server.base, 'leader', 'kezhao2026');
      const job = (await (await leader.post('/api/v1/audit/export', { chunkSize: 50 })).json()) as Job;
      await pollJob(leader, job.id, (j) => j.progress >= 5);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      server = await startServer(env());
      leader = await httpLogin(server.base, 'leader', 'kezhao2026');
      const after = (await (await leader.get(`/api/v1/jobs/${job.id}`)).json()) as Job;
      expect(['queued', 'running', 'succeeded']).toContain(after.status);
      const done = await pollJob(leader, job.id, (j) => ['succeeded', 'failed'].includes(j.status));
      expect(done.status).toBe('succeeded');
      server.child.kill('SIGTERM');
      await server.exited;
      server = null;
    });

    it('resumes an enterprise import after SIGKILL: every row is written once and counted once', {
      timeout: 180_000,
    }, async () => {
      const file = path.join(dataDir, 'many.csv');
      writeManyFirms(file, 12_000);
      server = await startServer(env());
      let officer = await httpLogin(server.base, 'officer', 'kezhao2026');
      const form = new FormData();
      form.append('file', new Blob([readFileSync(file)]), 'many.csv');
      const job = (await (await officer.upload('/api/v1/enterprises/imports', form)).json()) as Job;
      const before = await pollJob(officer, job.id, (j) => j.progress >= 15);
      expect(before.status).toBe('running');
      server.child.kill('SIGKILL');
      await server.exited;

      server = await startServer(env());
      officer = await httpLogin(server.base, 'officer', 'kezhao2026');
      const done = await pollJob(officer, job.id, (j) => ['succeeded', 'failed'].includes(j.status));
      expect(done.status).toBe('succeeded');
      expect(done.result).toMatchObject({ inserted: 12_000, updated: 0, unchanged: 0, rejected: 0 });
      const list = (await (await officer.get('/api/v1/enterprises?pageSize=1')).json()) as { total: number };
      expect(list.total).toBe(12_000);
      server.child.kill('SIGTERM');
      await server.exited;
      server = null;
    });
  },
);
