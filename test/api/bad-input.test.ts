/** Bad input of any kind gets a 4xx JSON body { code, message, details }: never a 500, never a stack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';

let t: TestContext;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ config: { bodyLimitBytes: 64 * 1024 } });
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

function expectCleanError(
  res: { statusCode: number; body: string; json(): Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|stack/i);
}

describe('bad input', () => {
  it('malformed JSON', async () => {
    const res = await admin.request('POST', '/api/v1/users', '{"username": "x",', {
      'content-type': 'application/json',
    });
    expectCleanError(res, 400, 'request.malformed_json');
  });

  it('wrong types, with the field named', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 12,
      displayName: [],
      password: 'abc12345',
      roles: ['boss'],
      orgId: 'x',
    });
    expectCleanError(res, 400, 'request.invalid');
    const fields = (res.json().details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.roles.0', 'body.orgId']));
  });

  it('says what is wrong with each field in Chinese, and in English to an English client', async () => {
    const body = { username: 'x'.repeat(100), displayName: 5, roles: ['officer'], orgId: 'x' };
    const zh = await admin.post('/api/v1/users', body);
    expectCleanError(zh, 400, 'request.invalid');
    const said = Object.fromEntries(
      (zh.json().details as { field: string; message: string }[]).map((d) => [d.field, d.message]),
    );
    expect(said).toMatchObject({
      'body.displayName': '应为文本',
      'body.password': '必填',
      'body.orgId': '不是有效的编号',
    });
    // A schema's own words are kept.
    expect(said['body.username']).toBe('用户名最多 64 个字符');
    const en = await admin.request('POST', '/api/v1/users', body, { 'accept-language': 'en' });
    const enSaid = Object.fromEntries(
      (en.json().details as { field: string; message: string }[]).map((d) => [d.field, d.message]),
    );
    expect(enSaid['body.displayName']).toMatch(/expected string/);
    expect(enSaid['body.password']).toMatch(/expected string/);
  });

  it('a weak password', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'weakling',
      displayName: '弱',
      password: '123',
      roles: ['officer'],
      orgId: ORG.yannan,
    });
    expectCleanError(res, 400, 'password.weak');
  });

  it('an oversize body', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'big',
      displayName: 'x'.repeat(100_000),
      password: 'abc12345',
      roles: ['officer'],
      orgId: ORG.yannan,
    });
    expectCleanError(res, 413, 'request.too_large');
  });

  it('a body that is not JSON', async () => {
    const res = await admin.request('POST', '/api/v1/users', 'username=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectCleanError(res, 415, 'request.unsupported_media_type');
  });

  it('an id that is not a uuid, and an unknown id', async () => {
    expectCleanError(await admin.get('/api/v1/users/123'), 400, 'request.invalid');
    expectCleanError(
      await admin.get('/api/v1/users/00000000-0000-4000-8000-00000000ffff'),
      404,
      'user.not_found',
    );
    expectCleanError(
      await admin.get('/api/v1/jobs/00000000-0000-4000-8000-00000000ffff'),
      404,
      'job.not_found',
    );
  });

  it('an unknown route, a bad query and a bad page number', async () => {
    expectCleanError(await admin.get('/api/v1/nothing-here'), 404, 'route.not_found');
    expectCleanError(await admin.get('/api/v1/users?page=0'), 400, 'request.invalid');
    expectCleanError(await admin.get('/api/v1/audit?from=2026-13-45'), 400, 'request.invalid');
    expectCleanError(await admin.del(`/api/v1/orgs/${ORG.yannan}?version=abc`), 400, 'request.invalid');
  });

  it('answers in English when the client asks for it', async () => {
    const res = await admin.request('GET', '/api/v1/users/00000000-0000-4000-8000-00000000ffff', undefined, {
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(res.json().message).toBe('User not found');
  });
});
