/** Sends a file download: an ASCII fallback name for old clients and the Chinese name (RFC 6266
 *  filename*) for the rest, so 企业名单-2026-11-21.xlsx arrives under its own name. */
import type { FastifyReply } from 'fastify';
import { chinaToday } from '../domain/text/china-today.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 5987 ext-value: encodeURIComponent leaves ' ( ) * as they are, but they are not attr-chars, and
 *  a bare apostrophe ends the value early (Chrome then drops filename* and saves under the ASCII
 *  fallback: “O'Brien 计划书.pdf” arrived as “O'Brien ___.pdf”). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function sendDownload(
  reply: FastifyReply,
  file: { asciiName: string; name: string; type: string },
  body: NodeJS.ReadableStream | Buffer,
) {
  // The ASCII fallback may not carry quotes or backslashes, nor anything outside printable ASCII.
  const ascii = file.asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  reply.header(
    'content-disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.name)}`,
  );
  reply.type(file.type);
  return reply.send(body);
}

/** "企业名单" → 企业名单-2026-11-21.xlsx */
export const datedXlsx = (title: string) => `${title}-${chinaToday()}.xlsx`;
