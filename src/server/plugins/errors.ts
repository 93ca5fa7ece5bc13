/** Turns every failure into `{ code, message, details }` with a Chinese (or English) message;
 *  a 500 carries no stack trace, which goes to the log only. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorCode, errorMessage } from '../../shared/errors.js';
import { AppError } from '../app-error.js';
import { failureMessage, ownMessage } from './validation.js';

export function requestLang(request: FastifyRequest): 'zh' | 'en' {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'zh';
}

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, details?: unknown) {
  const err = new AppError(code, details);
  const lang = requestLang(request);
  // A service may say precisely what is wrong (details.message in Chinese, details.messageEn in
  // English when it has one): append it to the code's message.
  const said = details as { message?: unknown; messageEn?: unknown } | null | undefined;
  const specific = lang === 'zh' ? said?.message : said?.messageEn;
  const message =
    typeof specific === 'string'
      ? `${errorMessage(code, lang)}${lang === 'zh' ? '：' : ': '}${specific}`
      : errorMessage(code, lang);
  return reply
    .code(err.status)
    .type('application/json; charset=utf-8')
    .send({ code, message, details: details ?? null });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.bad',
  // @fastify/multipart's limits, when a route reads its parts without uploadFailure.
  FST_FILES_LIMIT: 'upload.too_many_parts',
  FST_FIELDS_LIMIT: 'upload.too_many_parts',
  FST_PARTS_LIMIT: 'upload.too_many_parts',
};

/** PostgreSQL error codes that mean "your input", not "our bug". */
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'conflict.duplicate',
  '22P02': 'request.invalid',
  '22001': 'request.invalid',
  '22003': 'request.invalid',
  '23503': 'request.invalid',
  // Text with a NUL (\u0000), in a text column (22021) or in jsonb (22P05). The NUL guard refuses it
  // before it gets here; this is the safety net should some input slip past it.
  '22021': 'request.invalid',
  '22P05': 'request.invalid',
};

/** What to add for a PostgreSQL code whose generic message alone would leave the user guessing. */
const UNSTORABLE_TEXT = {
  message: '文本含有无法保存的字符（如 \\u0000）',
  messageEn: 'the text holds a character that cannot be stored (such as \\u0000)',
};
const PG_DETAILS: Record<string, { message: string; messageEn: string }> = {
  '22021': UNSTORABLE_TEXT,
  '22P05': UNSTORABLE_TEXT,
};

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { cause?: unknown }, request, reply) => {
    if (error instanceof AppError) return sendError(reply, request, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const lang = requestLang(request);
      const details = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: failureMessage(v, lang),
      }));
      // Our own rules speak Chinese (e.g. “三方权重之和须为 1”): say them in the message too.
      const said = [...new Set(error.validation.filter(ownMessage).map((v) => v.message ?? ''))];
      return sendError(
        reply,
        request,
        'request.invalid',
        said.length ? Object.assign(details, { message: said.join('；') }) : details,
      );
    }
    const fastifyCode = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (fastifyCode) return sendError(reply, request, fastifyCode);
    const pgCode = pgErrorCode(error);
    const constraint = pgCode === '23505' ? pgConstraint(error) : undefined;
    if (constraint && UNIQUE_CONSTRAINTS[constraint])
      return sendError(reply, request, UNIQUE_CONSTRAINTS[constraint]);
    if (pgCode && PG_CODES[pgCode]) return sendError(reply, request, PG_CODES[pgCode], PG_DETAILS[pgCode]);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, request, 'request.bad', { reason: error.message });
    }
    // The logger's err serializer (log-safety.ts) leaves out a failed query's parameters.
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'internal');
  });
}

/** Unique indexes that back a service's own check: a race past the check gets the check's message. */
const UNIQUE_CONSTRAINTS: Record<string, ErrorCode> = {
  chain_nodes_sibling_name_idx: 'chain.duplicate_name',
};

function pgConstraint(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
