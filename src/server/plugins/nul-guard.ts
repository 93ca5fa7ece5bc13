/** Refuses text holding a NUL character (\u0000) up front, with the field named: PostgreSQL can store it
 *  in neither text nor jsonb (22021 / 22P05), so it would otherwise fail in the database as a 500.
 *  One hook covers every route's parsed body, query and params; multipart parts arrive after the hooks,
 *  so their readers call refuseNulInPart. */
import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../app-error.js';
import { requestLang } from './errors.js';

const NUL = '\u0000';
/** Enough fields to fix the request by; a body full of NULs needs no longer message. */
const MAX_FIELDS = 10;

function isPlainContainer(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  // Parsed JSON, and Fastify's query and params objects (which inherit from a null-prototype object):
  // never a Buffer's bytes or a stream's state.
  return (
    Array.isArray(v) || proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null
  );
}

/** The dotted paths (`body.items.0.name`, as validation errors name fields) of the strings and object
 *  keys in `value` that hold a NUL; a NUL in a key is shown as `\u0000`. Walks with a queue rather than
 *  recursion, so a deeply nested body cannot overflow the stack. */
export function nulFields(value: unknown, root: string): string[] {
  const found: string[] = [];
  const queue: [unknown, string][] = [[value, root]];
  for (let i = 0; i < queue.length && found.length < MAX_FIELDS; i++) {
    const [v, at] = queue[i];
    if (typeof v === 'string') {
      if (v.includes(NUL)) found.push(at);
    } else if (isPlainContainer(v)) {
      for (const [key, child] of Object.entries(v)) {
        const path = `${at}.${key.replaceAll(NUL, '\\u0000')}`;
        if (key.includes(NUL)) found.push(path);
        queue.push([child, path]);
      }
    }
  }
  return found.slice(0, MAX_FIELDS);
}

/** request.invalid shaped as a validation error: one `{ field, message }` per field, and the fields
 *  named in the message too. */
function nulError(request: FastifyRequest, fields: string[]): AppError {
  const zh = '含有不可见的控制字符（\\u0000）';
  const en = 'contains an invisible control character (\\u0000)';
  const said = requestLang(request) === 'en' ? en : zh;
  const details = fields.map((field) => ({ field, message: said }));
  return new AppError(
    'request.invalid',
    Object.assign(details, {
      message: fields.map((f) => `${f} ${zh}`).join('；'),
      messageEn: fields.map((f) => `${f} ${en}`).join('; '),
    }),
  );
}

export function registerNulGuard(app: FastifyInstance) {
  // preValidation: after parsing (the JSON body and query are objects by now), before the schemas,
  // and after onRequest, so an unauthenticated request is still told to sign in first.
  app.addHook('preValidation', async (request) => {
    const fields = [
      ...nulFields(request.params, 'params'),
      ...nulFields(request.query, 'querystring'),
      ...nulFields(request.body, 'body'),
    ];
    if (fields.length) throw nulError(request, fields);
  });
}

/** The same check for one part of a multipart body: its field name, and its value or file name. A file
 *  refused unread is drained first, so the rest of the request can still be read and answered. */
export function refuseNulInPart(request: FastifyRequest, part: Multipart): void {
  const field = `body.${part.fieldname.replaceAll(NUL, '\\u0000')}`;
  const fields = part.fieldname.includes(NUL) ? [field] : [];
  if (part.type === 'field') fields.push(...nulFields(part.value, field));
  else fields.push(...nulFields(part.filename, `${field}.filename`));
  if (!fields.length) return;
  if (part.type === 'file') part.file.resume();
  throw nulError(request, [...new Set(fields)]);
}
