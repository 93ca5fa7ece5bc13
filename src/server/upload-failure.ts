/** What went wrong while reading a multipart upload, in our error codes. */
import { AppError } from './app-error.js';

/** Maps a failure of `req.parts()` or of a part's stream: an over-long file is upload.too_large (with
 *  `tooLarge` as details); a body that breaks off or has no boundary — busboy says so with a bare Error,
 *  no code — is the client's upload.malformed (400), not a 500. Anything else (our own AppError, a disk
 *  error with its errno code) is returned as it was. */
/** @fastify/multipart's limits on files, fields and parts ("reach files limit"). */
export const MULTIPART_LIMITS = new Set(['FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PARTS_LIMIT']);

export function uploadFailure(err: unknown, tooLarge: Record<string, unknown>): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('upload.too_large', tooLarge);
  if (typeof code === 'string' && MULTIPART_LIMITS.has(code)) return new AppError('upload.too_many_parts');
  if (code === undefined && err instanceof Error) return new AppError('upload.malformed');
  return err;
}
