/** Sends a file download: an ASCII fallback name for old clients and the Chinese name (RFC 6266
 *  filename*) for the rest, so 企业名单-2026-11-21.xlsx arrives under its own name. */
import type { FastifyReply } from 'fastify';
import { chinaToday } from '../domain/text/china-today.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendDownload(
  reply: FastifyReply,
  file: { asciiName: string; name: string; type: string },
  body: NodeJS.ReadableStream | Buffer,
) {
  // The ASCII fallback may not carry quotes or backslashes, nor anything outside printable ASCII.
  const ascii = file.asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  reply.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  reply.type(file.type);
  return reply.send(body);
}

/** "企业名单" → 企业名单-2026-11-21.xlsx */
export const datedXlsx = (title: string) => `${title}-${chinaToday()}.xlsx`;
