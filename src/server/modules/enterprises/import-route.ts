/** POST /api/v1/enterprises/imports: a bounded multipart upload that becomes an import job. */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { previewTable } from '../../../import/preview.js';
import { TableError } from '../../../import/read-table.js';
import { jobDir } from '../../../jobs/files.js';
import { ErrorBody, Job } from '../../../shared/api.js';
import { ColumnMapping, ImportPreview } from '../../../shared/enterprise-api.js';
import { zhIssueMessage } from '../../../shared/zh-issues.js';
import { type Actor, access } from '../../access.js';
import { AppError } from '../../app-error.js';
import { requestLang } from '../../plugins/errors.js';
import { refuseNulInPart } from '../../plugins/nul-guard.js';
import { unreadable } from '../../table-error.js';
import type { App } from '../../types.js';
import { uploadFailure } from '../../upload-failure.js';
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
        const parsed = ColumnMapping.safeParse(JSON.parse(s), { error: zhIssueMessage });
        if (parsed.success) return parsed.data;
        for (const i of parsed.error.issues) {
          const header = i.path.join('.');
          ctx.addIssue({ code: 'custom', message: header ? `“${header}”${i.message}` : i.message });
        }
        return z.NEVER;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping 应为 JSON 对象：{"表头": "字段"}' });
        return z.NEVER;
      }
    }),
});

/** The form fields beside the file, checked like a JSON body's: a bad one is a 400 naming it. */
function uploadOptions(fields: Record<string, string>, lang: 'zh' | 'en') {
  const parsed = Options.safeParse(fields, lang === 'zh' ? { error: zhIssueMessage } : undefined);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'request.invalid',
    parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message })),
  );
}

/** Streams the one file of a multipart request to `dir` (bounded size and type) and returns it with the fields. */
export async function receiveUpload(req: FastifyRequest, dir: string, maxBytes: number) {
  if (!req.isMultipart()) throw new AppError('upload.missing_file');
  const fields: Record<string, string> = {};
  let saved: { file: string; name: string } | null = null;
  try {
    for await (const part of req.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 20_000 },
    })) {
      refuseNulInPart(req, part);
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
      const file = path.join(dir, `upload${ext}`);
      await pipeline(part.file, createWriteStream(file));
      if (part.file.truncated) throw new AppError('upload.too_large', { maxBytes });
      saved = { file, name: part.filename };
    }
  } catch (err) {
    throw uploadFailure(err, { maxBytes });
  }
  if (!saved) throw new AppError('upload.missing_file');
  return { ...saved, fields };
}

export function enterpriseImportRoute(app: App, maxBytes: number) {
  const importers = { access: access.roles('admin', 'officer') };
  app.post('/api/v1/enterprises/imports/preview', {
    config: importers,
    schema: {
      tags: ['enterprises'],
      summary: '预览上传的企业名单：识别编码、工作表、表头行与各列对应的字段，不写入任何数据',
      consumes: ['multipart/form-data'],
      response: { 200: ImportPreview, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (req) => {
      const dir = path.join(app.config.dataDir, 'tmp', randomUUID());
      try {
        const up = await receiveUpload(req, dir, maxBytes);
        const o = uploadOptions(up.fields, requestLang(req));
        return await previewTable(up.file, { name: up.name, sheet: o.sheet, mapping: o.mapping });
      } catch (err) {
        if (err instanceof TableError) throw unreadable(err);
        throw err;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });

  app.post('/api/v1/enterprises/imports', {
    config: importers,
    schema: {
      tags: ['enterprises'],
      summary:
        '上传企业名单（CSV/XLSX，multipart 字段 file，可选 dryRun、year、universe、sheet、mapping），返回导入任务',
      consumes: ['multipart/form-data'],
      response: { 202: Job, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (req, reply) => {
      const id = randomUUID();
      const dir = jobDir(app.config.dataDir, id);
      try {
        const up = await receiveUpload(req, dir, maxBytes);
        const o = uploadOptions(up.fields, requestLang(req));
        const actor = req.actor as Actor;
        const params = {
          file: up.file,
          originalName: up.name,
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
        throw err;
      }
    },
  });
}
