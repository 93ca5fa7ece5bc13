/** Errors as the log may show them: without the values a failed query was given. Drizzle's query error
 *  reads "Failed query: <sql>\nparams: <values>" in its message and stack and carries the values, as
 *  does PGlite's error (its cause); PostgreSQL's `detail` may quote the failing row. Those values can be
 *  password hashes or an uploaded file's bytes. The SQL text and PostgreSQL's code and message stay,
 *  so a failure can still be debugged. */

/** Properties that hold query values: Drizzle's and PGlite's `params`, PGlite's `queryOptions`, and
 *  PostgreSQL's `detail` ("Failing row contains (…)", "Key (username)=(…)"). */
const HIDDEN = new Set(['params', 'queryOptions', 'detail']);
/** Drizzle puts the parameters last in its message. */
const PARAMS = /\nparams: [\s\S]*$/;
/** Errors nest by `cause` (Drizzle's → PostgreSQL's) or by other properties; a cycle must end. */
const MAX_DEPTH = 5;

function isErrorLike(v: unknown): v is Error & Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

export function withoutParams(message: string): string {
  return message.replace(PARAMS, '\nparams: [已隐藏]');
}

/** A stack begins with the error's message, parameters and all: that part is replaced. Should the stack
 *  not hold the message as it is now, nothing tells where the parameters end in it, so it is left out. */
function safeStack(e: Error): string {
  if (typeof e.stack !== 'string') return '';
  if (!PARAMS.test(e.message)) return e.stack;
  return e.stack.includes(e.message) ? e.stack.replace(e.message, () => withoutParams(e.message)) : '';
}

function scrub(value: unknown, depth: number): unknown {
  if (!isErrorLike(value)) return value;
  if (depth > MAX_DEPTH) return '[…]';
  const out: Record<string, unknown> = {
    type: value.constructor?.name ?? value.name,
    message: withoutParams(value.message),
    stack: safeStack(value),
  };
  for (const [key, v] of Object.entries(value)) {
    if (key in out || key === 'cause' || HIDDEN.has(key)) continue;
    out[key] = scrub(v, depth + 1);
  }
  if (value.cause !== undefined) out.cause = scrub(value.cause, depth + 1);
  return out;
}

/** The logger's `err` serializer: an error's own properties and its causes (nested, where pino's own
 *  serializer flattens them into one message and stack), but none of the values above. */
export function serializeError(err: Error) {
  return scrub(err, 0) as { type: string; message: string; stack: string; [key: string]: unknown };
}
