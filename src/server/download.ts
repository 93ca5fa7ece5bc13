/** Sends a file download: an ASCII fallback name for old clients and the Chinese name (RFC 6266
 *  filename*) for the rest, so 企业名单-2026-11-21.xlsx arrives under its own name. */
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendDownload(
  reply: FastifyReply,
  file: { asciiName: string; name: string; type: string },
  body: NodeJS.ReadableStream,
) {
  reply.header(
    'content-disposition',
    `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  reply.type(file.type);
  return reply.send(body);
}

/** "企业名单" → 企业名单-2026-11-21.xlsx */
export const datedXlsx = (title: string) => `${title}-${new Date().toISOString().slice(0, 10)}.xlsx`;
