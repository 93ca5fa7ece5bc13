/** Requests Node refuses before Fastify sees them — a request line or headers over the size limit, or
 *  bytes that are not HTTP — answered in the product's own form, `{ code, message }` in Chinese, rather
 *  than Node's bare English "431 Request Header Fields Too Large". No accept-language can be read from
 *  a request that did not parse, so the message carries both languages. */
import type { Socket } from 'node:net';
import { type ErrorCode, errorMessage } from '../shared/errors.js';

export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code]: [number, string, ErrorCode] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'request.header_too_large']
      : [400, 'Bad Request', 'request.bad'];
  const body = JSON.stringify({
    code,
    message: `${errorMessage(code, 'zh')}（${errorMessage(code, 'en')}）`,
    details: null,
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
