import { AuditExportRequest, AuditList, AuditQuery, ErrorBody, Job } from '../../../shared/api.js';
import { type Actor, access } from '../../access.js';
import type { App } from '../../types.js';
import { enqueueJob } from '../jobs/service.js';
import { listAudit } from './service.js';

const tags = ['audit'];

export function auditRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader') };

  app.get('/api/v1/audit', {
    config: readers,
    schema: {
      tags,
      summary: '审计日志（谁、何时、改了什么、前后值）',
      querystring: AuditQuery,
      response: { 200: AuditList },
    },
    handler: (req) => listAudit(db, req.actor as Actor, req.query),
  });
  app.post('/api/v1/audit/export', {
    config: readers,
    schema: {
      tags,
      summary: '导出审计日志为 CSV（后台任务）',
      body: AuditExportRequest,
      response: { 202: Job, 400: ErrorBody },
    },
    handler: async (req, reply) => {
      const job = await db.transaction((tx) => enqueueJob(tx, req.actor as Actor, 'audit.export', req.body));
      app.jobs?.wake();
      return reply.code(202).send(job);
    },
  });
}
