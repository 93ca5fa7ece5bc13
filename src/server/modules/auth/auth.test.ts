import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  createTestApp,
  login,
  sessionCookie,
  type TestContext,
} from '../../../../test/helpers/app.js';
import { loginAttempts, users } from '../../../db/schema/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and returns the user with roles and org', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leader', password: 'kezhao2026' },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: sessionCookie(res) },
    });
    expect(me.json()).toMatchObject({ username: 'leader', roles: ['leader'], org: { name: '盐南高新区' } });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: sessionCookie(res) },
    });
    expect(session.json().me).toEqual(me.json());
  });

  it('answers "who is signed in?" with 200 and no user when there is no session', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ me: null });
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'kz_sid=not-a-session' },
    });
    expect(stale.json()).toEqual({ me: null });
  });

  it('refuses a wrong password with a Chinese message and no hint which part was wrong', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'officer', password: 'wrong-1234' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'wrong-1234' },
    });
    expect(unknown.json().message).toBe('用户名或密码错误');
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.database.db.select().from(users).where(eq(users.username, 'admin'));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('rotates the session at login: the cookie a browser had before no longer works', async () => {
    const first = await login(t.app, 'analyst');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'analyst', password: 'kezhao2026' },
      headers: { cookie: first.cookie },
    });
    const second = sessionCookie(again);
    expect(second).not.toBe(first.cookie);
    expect((await first.get('/api/v1/me')).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: second } })).statusCode,
    ).toBe(200);
  });

  it('ends the session on the server at logout', async () => {
    const c = await login(t.app, 'expert');
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await c.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'auth.required', message: '请先登录' });
  });

  it('ends a disabled user’s open sessions at once, and refuses their next sign-in', async () => {
    const admin = await login(t.app, 'admin');
    const created = await admin.post('/api/v1/users', {
      username: 'temp_officer',
      displayName: '临时专员',
      password: 'abc12345',
      roles: ['officer'],
      orgId: '00000000-0000-4000-8000-000000000011',
    });
    expect(created.statusCode).toBe(201);
    const victim = await login(t.app, 'temp_officer', 'abc12345');
    expect((await victim.get('/api/v1/me')).statusCode).toBe(200);
    const disabled = await admin.patch(`/api/v1/users/${created.json().id}`, {
      version: created.json().version,
      disabled: true,
    });
    expect(disabled.statusCode).toBe(200);
    expect((await victim.get('/api/v1/me')).statusCode).toBe(401);
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'temp_officer', password: 'abc12345' },
    });
    expect(retry.json()).toMatchObject({ code: 'auth.disabled', message: '该账户已停用，请联系管理员' });
  });

  it('locks an account after five failures with a clear Chinese message, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'sysadmin', password: `bad-${i}xx1` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'sysadmin', password: 'kezhao2026' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.locked');
    expect(locked.json().message).toContain('登录失败次数过多');
    expect(locked.json().details.retryAfterMinutes).toBeGreaterThan(0);
  });

  it('forgets failures whose window has passed, so guesses at made-up names do not pile up', async () => {
    const old = new Date(Date.now() - 60 * 60_000);
    await t.database.db.insert(loginAttempts).values([
      { key: 'u:nobody-1', failures: 1, windowStart: old },
      { key: 'u:nobody-2', failures: 3, windowStart: old, lockedUntil: new Date(Date.now() + 60_000) },
    ]);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-3', password: 'whatever-1x' },
    });
    expect(r.statusCode).toBe(401);
    const keys = (await t.database.db.select({ key: loginAttempts.key }).from(loginAttempts)).map(
      (k) => k.key,
    );
    // The stale failure is gone; a lock still running is kept, and so is the new failure.
    expect(keys).not.toContain('u:nobody-1');
    expect(keys).toContain('u:nobody-2');
    expect(keys.some((k) => k.includes('nobody-3'))).toBe(true);
  });

  it('refuses a mutating request without the CSRF token of the session', async () => {
    const admin = await login(t.app, 'admin');
    const forged = clientFor(t.app, admin.cookie, 'not-the-token');
    const res = await forged.post('/api/v1/orgs', {
      code: 'x1',
      name: '测试园区',
      kind: 'park',
      parentId: '00000000-0000-4000-8000-000000000011',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.csrf' });
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: admin.cookie },
    });
    expect(noHeader.statusCode).toBe(403);
  });

  it('shows an org rename at once to a signed-in member (the session cache is cleared)', async () => {
    const officer = await login(t.app, 'analyst');
    expect((await officer.get('/api/v1/me')).json().org.name).toBe('盐南高新区');
    const sys = await login(t.app, 'admin');
    const org = (await sys.get('/api/v1/orgs/00000000-0000-4000-8000-000000000011')).json();
    await sys.patch(`/api/v1/orgs/${org.id}`, { version: org.version, name: '盐南高新技术产业开发区' });
    expect((await officer.get('/api/v1/me')).json().org.name).toBe('盐南高新技术产业开发区');
    const back = (await sys.get(`/api/v1/orgs/${org.id}`)).json();
    await sys.patch(`/api/v1/orgs/${org.id}`, { version: back.version, name: '盐南高新区' });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('lets a user change their own password and signs out their other devices', async () => {
    const a = await login(t.app, 'officer');
    const b = await login(t.app, 'officer');
    const weak = await a.post('/api/v1/me/password', { oldPassword: 'kezhao2026', newPassword: 'short' });
    expect(weak.json().code).toBe('password.weak');
    const ok = await a.post('/api/v1/me/password', { oldPassword: 'kezhao2026', newPassword: 'newpass2026' });
    expect(ok.statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    await login(t.app, 'officer', 'newpass2026');
  });
});
