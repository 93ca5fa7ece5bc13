import { createReadStream, existsSync } from 'node:fs';
import { z } from 'zod';
import { type JobDownload, jobFile } from '../../../jobs/files.js';
import { ErrorBody, IdParams, Job, JobList, JobQuery } from '../../../shared/api.js';
import { type Actor, access } from '../../access.js';
import { AppError } from '../../app-error.js';
import { sendDownload } from '../../download.js';
import type { App } from '../../types.js';
import { cancelJob, getJobRow, listJobs, presentJob } from './service.js';

const tags = ['jobs'];
const errors = { 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function jobRoutes(app: App) {
  const { db } = app.database;
  const any = { access: access.authenticated() };

  app.get('/api/v1/jobs', {
    config: any,
    schema: {
      tags,
      summary: '后台任务列表（本组织及下级）',
      querystring: JobQuery,
      response: { 200: JobList },
    },
    handler: (req) => listJobs(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/jobs/:id', {
    config: any,
    schema: { tags, summary: '任务详情与进度', params: IdParams, response: { 200: Job, ...errors } },
    handler: async (req) => presentJob(await getJobRow(db, req.actor as Actor, req.params.id)),
  });
  app.post('/api/v1/jobs/:id/cancel', {
    config: any,
    schema: { tags, summary: '取消任务', params: IdParams, response: { 200: Job, ...errors } },
    handler: (req) => cancelJob(db, req.actor as Actor, req.params.id),
  });
  app.get('/api/v1/jobs/:id/download', {
    config: any,
    schema: { tags, summary: '下载任务生成的文件', params: IdParams, response: { 200: z.any(), ...errors } },
    handler: async (req, reply) => {
      const row = await getJobRow(db, req.actor as Actor, req.params.id);
      const result = row.result as Partial<JobDownload> | null;
      if (row.status !== 'succeeded' || !result?.file) throw new AppError('job.no_file');
      const file = jobFile(app.config.dataDir, row.id, result.file);
      if (!existsSync(file)) throw new AppError('job.no_file');
      return sendDownload(
        reply,
        {
          asciiName: result.file.replace(/[^\w.-]/g, '_'),
          name: result.downloadName ?? result.file,
          type: result.contentType ?? 'application/octet-stream',
        },
        createReadStream(file),
      );
    },
  });
}
