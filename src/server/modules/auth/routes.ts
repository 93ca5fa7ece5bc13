import { z } from 'zod';
import { ChangePasswordBody, ErrorBody, LoginBody, Me } from '../../../shared/api.js';
import { type Actor, access } from '../../access.js';
import type { App } from '../../types.js';
import { changeOwnPassword, login } from './service.js';
import { deleteSession, loadActor, SESSION_COOKIE } from './sessions.js';

export function presentMe(actor: Actor): Me {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    org: { id: actor.orgId, code: actor.orgCode, name: actor.orgName, path: actor.orgPath },
    csrfToken: actor.csrfToken,
  };
}

export function authRoutes(app: App) {
  const { db } = app.database;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.cookieSecure,
  };

  app.post('/api/v1/auth/login', {
    config: { access: access.public() },
    schema: {
      tags: ['auth'],
      summary: '登录（成功后设置 httpOnly 会话 Cookie）',
      body: LoginBody,
      response: { 200: z.object({ ok: z.literal(true) }), 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
    },
    handler: async (request, reply) => {
      const session = await login(db, app.config, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        previousToken: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions,
        maxAge: app.config.sessionTtlHours * 3600,
      });
      return { ok: true as const };
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { access: access.authenticated() },
    schema: { tags: ['auth'], summary: '退出登录（服务端会话立即失效）', response: { 204: z.null() } },
    handler: async (request, reply) => {
      if (request.actor) await deleteSession(db, request.actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/me', {
    config: { access: access.authenticated() },
    schema: {
      tags: ['auth'],
      summary: '当前用户、角色、组织与 CSRF 令牌',
      response: { 200: Me, 401: ErrorBody },
    },
    handler: async (request) => presentMe(request.actor as Actor),
  });

  // The page's first question, "who is signed in?", answered without a 401: a browser logs every 4xx
  // as a console error, and on the login page no session is the expected answer, not a failure.
  app.get('/api/v1/auth/session', {
    config: { access: access.public() },
    schema: {
      tags: ['auth'],
      summary: '当前会话：已登录时返回当前用户（同 /api/v1/me），未登录时 me 为 null',
      response: { 200: z.object({ me: Me.nullable() }) },
    },
    handler: async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      const actor = token ? await loadActor(db, token, app.config.sessionTtlHours) : null;
      return { me: actor ? presentMe(actor) : null };
    },
  });

  app.post('/api/v1/me/password', {
    config: { access: access.authenticated() },
    schema: {
      tags: ['auth'],
      summary: '修改本人密码（其他设备上的会话随之失效）',
      body: ChangePasswordBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await changeOwnPassword(db, request.actor as Actor, request.body.oldPassword, request.body.newPassword);
      return reply.code(204).send(null);
    },
  });
}
