/** 项目附件: bounded uploads (size per file, files per project) whose type is read from their bytes;
 *  downloads carry the sniffed type, never one the uploader claimed. */
import { createHash } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.js';
import { projectAttachments } from '../../../db/schema/index.js';
import {
  checkFile,
  FILE_FORMATS,
  type FileFormat,
  shortenFileName,
} from '../../../domain/files/file-type.js';
import { ATTACHMENT_CATEGORIES, type AttachmentCategory } from '../../../domain/project/catalog.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { refuseNulInPart } from '../../plugins/nul-guard.js';
import { uploadFailure } from '../../upload-failure.js';
import { attachmentColumns, presentAttachment } from './detail.js';
import { scopedProject } from './scope.js';

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
const MAX_PER_PROJECT = 50;
const ACCEPTED: FileFormat[] = ['pdf', 'docx', 'xlsx', 'pptx', 'jpeg', 'png', 'txt'];

/** Reads the multipart body: a `category` field, then one file, held in memory up to the limit. */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('upload.missing_file');
  let category: AttachmentCategory = '其他';
  let file: { name: string; buf: Buffer } | null = null;
  try {
    for await (const part of req.parts({
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000 },
    })) {
      refuseNulInPart(req, part);
      if (part.type === 'field') {
        if (part.fieldname === 'category') {
          const v = String(part.value);
          if (!(ATTACHMENT_CATEGORIES as readonly string[]).includes(v))
            throw new AppError('request.invalid', {
              category: `附件类别应为：${ATTACHMENT_CATEGORIES.join('、')}`,
            });
          category = v as AttachmentCategory;
        }
        continue;
      }
      const buf = await part.toBuffer();
      file = { name: part.filename, buf };
    }
  } catch (err) {
    throw uploadFailure(err, { maxBytes: ATTACHMENT_MAX_BYTES, message: '附件不能超过 20 MB' });
  }
  if (!file) throw new AppError('upload.missing_file');
  // A file was chosen but holds nothing (a failed save, a cloud placeholder): say that, not "choose a file".
  if (file.buf.length === 0)
    throw new AppError('upload.empty_file', { fileName: shortenFileName(file.name) });
  return { category, ...file };
}

export async function uploadAttachment(db: Db, actor: Actor, projectId: string, req: FastifyRequest) {
  const project = await scopedProject(db, actor, projectId);
  const upload = await readUpload(req);
  // The type is checked against the full name: its extension must agree with the content.
  const check = checkFile(upload.name, upload.buf, ACCEPTED);
  const fileName = shortenFileName(upload.name);
  if (!check.ok) throw new AppError('attachment.bad_type', { message: check.reason, fileName });
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(projectAttachments)
      .where(eq(projectAttachments.projectId, projectId));
    if (n >= MAX_PER_PROJECT) throw new AppError('attachment.too_many');
    const [row] = await tx
      .insert(projectAttachments)
      .values({
        projectId,
        category: upload.category,
        fileName,
        format: check.format,
        size: upload.buf.length,
        sha256: createHash('sha256').update(upload.buf).digest('hex'),
        content: upload.buf,
        uploadedBy: actor.id,
        uploadedByName: actor.displayName,
      })
      .returning(attachmentColumns);
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'project_attachment',
      entityId: row.id,
      orgId: project.orgId,
      after: {
        projectId,
        fileName: row.fileName,
        format: row.format,
        size: row.size,
        category: row.category,
      },
    });
    return presentAttachment(row);
  });
}

async function scopedAttachment(db: Db, actor: Actor, projectId: string, attachmentId: string) {
  const project = await scopedProject(db, actor, projectId);
  const [row] = await db
    .select()
    .from(projectAttachments)
    .where(and(eq(projectAttachments.id, attachmentId), eq(projectAttachments.projectId, projectId)));
  if (!row) throw new AppError('attachment.not_found');
  return { project, row };
}

export async function readAttachment(db: Db, actor: Actor, projectId: string, attachmentId: string) {
  const { row } = await scopedAttachment(db, actor, projectId, attachmentId);
  return { fileName: row.fileName, type: FILE_FORMATS[row.format as FileFormat].mime, content: row.content };
}

export async function deleteAttachment(db: Db, actor: Actor, projectId: string, attachmentId: string) {
  const { project, row } = await scopedAttachment(db, actor, projectId, attachmentId);
  await db.transaction(async (tx) => {
    await tx.delete(projectAttachments).where(eq(projectAttachments.id, attachmentId));
    await writeAudit(tx, actor, {
      action: 'delete',
      entity: 'project_attachment',
      entityId: attachmentId,
      orgId: project.orgId,
      before: { projectId, fileName: row.fileName, format: row.format, size: row.size, sha256: row.sha256 },
    });
  });
}
