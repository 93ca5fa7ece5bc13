/** Loads the session's actor and enforces each route's declared access rule and CSRF token. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { sessionCache } from '../modules/auth/session-cache.js';
import { loadActor, SESSION_COOKIE } from '../modules/auth/sessions.js';
import { sendError } from './errors.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

function sameToken(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function registerAuth(app: FastifyInstance, db: Db, config: Config) {
  sessionCache.configure(config.sessionCacheSeconds);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return;
    const rule = request.routeOptions.config?.access;
    if (!rule)
      return sendError(reply, request, 'auth.forbidden', { reason: 'route declares no access rule' });
    if (rule.kind === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await loadActor(db, token, config.sessionTtlHours) : null;
    const actor = request.actor;
    if (!actor) return sendError(reply, request, 'auth.required');
    if (rule.kind === 'roles' && !rule.roles.some((r) => actor.roles.includes(r))) {
      return sendError(reply, request, 'auth.forbidden');
    }
    if (MUTATING.has(request.method) && !sameToken(request.headers[CSRF_HEADER] as string, actor.csrfToken)) {
      return sendError(reply, request, 'auth.csrf');
    }
  });
}
