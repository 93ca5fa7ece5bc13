/** POST /api/v1/enterprises/imports: a bounded multipart upload that becomes an import job. */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { jobDir, jobFile } from '../../../jobs/files.js';
import { ErrorBody, Job } from '../../../shared/api.js';
import { type Actor, access } from '../../access.js';
import { AppError } from '../../app-error.js';
import type { App } from '../../types.js';
import { enqueueJob } from '../jobs/service.js';

const Options = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(1950).max(2100).optional(),
  universe: z.enum(['local', 'target']).optional(),
  sheet: z.string().max(100).optional(),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping 应为 JSON 对象：{"表头": "字段"}' });
        return z.NEVER;
      }
    }),
});

export function enterpriseImportRoute(app: App, maxBytes: number) {
  app.post('/api/v1/enterprises/imports', {
    config: { access: access.roles('admin', 'officer') },
    schema: {
      tags: ['enterprises'],
      summary:
        '上传企业名单（CSV/XLSX，multipart 字段 file，可选 dryRun、year、universe、sheet、mapping），返回导入任务',
      consumes: ['multipart/form-data'],
      response: { 202: Job, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('upload.missing_file');
      const id = randomUUID();
      const dir = jobDir(app.config.dataDir, id);
      const fields: Record<string, string> = {};
      let saved: { file: string; name: string } | null = null;
      try {
        for await (const part of req.parts({
          limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 20_000 },
        })) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const ext = path.extname(part.filename).toLowerCase();
          if (!['.csv', '.xlsx', '.txt'].includes(ext)) {
            part.file.resume();
            throw new AppError('upload.bad_type', { filename: part.filename });
          }
          mkdirSync(dir, { recursive: true });
          const file = jobFile(app.config.dataDir, id, `upload${ext}`);
          await pipeline(part.file, createWriteStream(file));
          if (part.file.truncated) throw new AppError('upload.too_large', { maxBytes });
          saved = { file, name: part.filename };
        }
        if (!saved) throw new AppError('upload.missing_file');
        const parsed = Options.safeParse(fields);
        if (!parsed.success) {
          throw new AppError(
            'request.invalid',
            parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message })),
          );
        }
        const o = parsed.data;
        const actor = req.actor as Actor;
        const params = {
          file: saved.file,
          originalName: saved.name,
          orgId: actor.orgId,
          sheet: o.sheet,
          mapping: o.mapping,
          year: o.year,
          universe: o.universe,
          dryRun: o.dryRun === 'true',
        };
        const job = await app.database.db.transaction((tx) =>
          enqueueJob(tx, actor, 'enterprise.import', params, { id, maxAttempts: 2 }),
        );
        app.jobs?.wake();
        return reply.code(202).send(job);
      } catch (err) {
        // Nothing half-uploaded is kept.
        rmSync(dir, { recursive: true, force: true });
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('upload.too_large', { maxBytes });
        throw err;
      }
    },
  });
}
