/** Bad input of any kind gets a 4xx JSON body { code, message, details }: never a 500, never a stack. */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { addFirm } from '../helpers/firms.js';

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
    // A malformed id in the address reads the same everywhere (some routes said "id 必须是 UUID").
    for (const path of ['/api/v1/chains/not-a-uuid', '/api/v1/enterprises/not-a-uuid']) {
      const bad = await admin.get(path);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details).toEqual([{ field: 'params.id', message: '不是有效的编号' }]);
    }
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

/** The fields a 400 names, with what it says of each. */
function saidOf(res: { json(): Record<string, unknown> }) {
  return Object.fromEntries(
    (res.json().details as { field: string; message: string }[]).map((d) => [d.field, d.message]),
  );
}

const NUL_SAID = '含有不可见的控制字符（\\u0000）';

/** A NUL is refused with the field named, before PostgreSQL (which cannot store it in text) sees it. */
function expectNulRefused(res: Parameters<typeof expectCleanError>[0], field: string) {
  expectCleanError(res, 400, 'request.invalid');
  expect(res.json().message).toBe(`请求参数不合法：${field} ${NUL_SAID}`);
  expect(saidOf(res)).toEqual({ [field]: NUL_SAID });
}

describe('a NUL character (\\u0000) in text', () => {
  let projectId: string;
  beforeAll(async () => {
    const enterpriseId = await addFirm(t.database.db, '坏输入测试科技有限公司');
    const res = await admin.post('/api/v1/projects', {
      name: '坏输入测试项目',
      enterpriseId,
      source: '以商引商',
      type: '行业龙头',
    });
    expect(res.statusCode, res.body).toBe(201);
    projectId = res.json().id;
  });

  it('in a query string', async () => {
    expectNulRefused(await admin.get('/api/v1/enterprises?q=a%00b'), 'querystring.q');
    expectNulRefused(await admin.get('/api/v1/projects?q=a%00b'), 'querystring.q');
    expectNulRefused(await admin.get('/api/v1/audit?entity=a%00b'), 'querystring.entity');
    expectNulRefused(await admin.get('/api/v1/jobs?kind=a%00b'), 'querystring.kind');
  });

  it('in a path parameter', async () => {
    expectNulRefused(await admin.get('/api/v1/users/a%00b'), 'params.id');
  });

  it('when signing in, before any session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a\u0000', password: 'x' },
    });
    expectNulRefused(res, 'body.username');
  });

  it('in a JSON body, at any depth and in a key', async () => {
    expectNulRefused(
      await admin.post('/api/v1/projects', { name: '储能\u0000项目', type: '行业龙头' }),
      'body.name',
    );
    expectNulRefused(
      await admin.post(`/api/v1/projects/${projectId}/follow-ups`, {
        kind: 'call',
        date: '2026-01-01',
        content: '电话\u0000沟通',
      }),
      'body.content',
    );
    expectNulRefused(await admin.post('/api/v1/policies', { title: '政策\u0000' }), 'body.title');
    expectNulRefused(await admin.post('/api/v1/saved-views', { name: '视图\u0000', query: {} }), 'body.name');
    expectNulRefused(
      await admin.post('/api/v1/saved-views', { name: '视图', query: { q: 'a\u0000' } }),
      'body.query.q',
    );
    expectNulRefused(
      await admin.post('/api/v1/saved-views', { name: '视图', query: { 'q\u0000': 'a' } }),
      'body.query.q\\u0000',
    );
    expectNulRefused(
      await admin.post('/api/v1/users', {
        username: 'nul',
        displayName: '空\u0000字符',
        password: 'abc12345',
        roles: ['officer'],
        orgId: ORG.yannan,
      }),
      'body.displayName',
    );
    // Every such field is named.
    const both = await admin.post('/api/v1/saved-views', { name: '视图\u0000', query: { q: 'a\u0000' } });
    expect(Object.keys(saidOf(both))).toEqual(['body.name', 'body.query.q']);
    expect(both.json().message).toBe(`请求参数不合法：body.name ${NUL_SAID}；body.query.q ${NUL_SAID}`);
  });

  it('in an upload: a field, or the file name', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const url = `/api/v1/projects/${projectId}/attachments`;
    expectNulRefused(
      await admin.postForm(url, { category: '其他' }, { name: 'a\u0000b.pdf', content: pdf }),
      'body.file.filename',
    );
    expectNulRefused(
      await admin.postForm(url, { category: '其\u0000他' }, { name: 'a.pdf', content: pdf }),
      'body.category',
    );
    expectNulRefused(
      await admin.postForm(
        '/api/v1/enterprises/imports',
        { sheet: 'S\u0000' },
        { name: 'firms.csv', content: Buffer.from('企业名称\n甲公司\n') },
      ),
      'body.sheet',
    );
    // The file refused unread did not leave the upload hanging: the next one is taken.
    const ok = await admin.postForm(url, { category: '其他' }, { name: 'a.pdf', content: pdf });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('in English for an English client', async () => {
    const res = await admin.request('GET', '/api/v1/projects?q=a%00b', undefined, {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'The request is invalid: querystring.q contains an invisible control character (\\u0000)',
    );
  });
});

describe('a value outside a list of choices', () => {
  const TYPES = '大院大所、行业龙头、央企国企';

  it('is said in Chinese, with the choices', async () => {
    const enterpriseId = await addFirm(t.database.db, '枚举测试科技有限公司');
    const res = await admin.post('/api/v1/projects', {
      name: '枚举测试项目',
      enterpriseId,
      source: '以商引商',
      type: 'x',
    });
    expectCleanError(res, 400, 'request.invalid');
    expect(res.json().message).toBe('请求参数不合法');
    expect(saidOf(res)['body.type']).toMatch(new RegExp(`^应为以下之一：${TYPES}`));

    const query = await admin.get('/api/v1/projects?type=xx');
    expectCleanError(query, 400, 'request.invalid');
    expect(query.json().message).toBe('请求参数不合法');
    expect(saidOf(query)['querystring.type']).toMatch(new RegExp(`^应为以下之一：${TYPES}`));

    const expert = await login(t.app, 'expert');
    const review = await expert.post('/api/v1/evaluations/00000000-0000-4000-8000-00000000ffff/reviews', {
      scores: { technology: 5 },
      comments: '可以',
      recommendation: 'maybe',
    });
    expectCleanError(review, 400, 'request.invalid');
    expect(review.json().message).toBe('请求参数不合法');
    expect(saidOf(review)).toEqual({ 'body.recommendation': '应为以下之一：支持、有条件支持、不支持' });
  });

  it('is zod’s English for an English client', async () => {
    const res = await admin.request('GET', '/api/v1/projects?type=xx', undefined, {
      'accept-language': 'en',
    });
    expect(saidOf(res)['querystring.type']).toMatch(/^Invalid option: expected one of "大院大所"/);
  });
});

describe('a failed query in the log', () => {
  let logged: TestContext;
  let lines: string[] = [];
  let loggedAdmin: Client;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    logged = await createTestApp({ logger: { level: 'info', stream } });
    // A database that fails an insert into users on demand: with the error code a display name asks for.
    await logged.database.db.execute(sql`
      create function fail_on_demand() returns trigger language plpgsql as $$
      begin
        if new.display_name like 'fail:%' then
          raise exception 'simulated failure' using errcode = substr(new.display_name, 6);
        end if;
        return new;
      end $$`);
    await logged.database.db.execute(
      sql`create trigger fail_on_demand before insert on users for each row execute function fail_on_demand()`,
    );
    loggedAdmin = await login(logged.app, 'admin');
  });
  afterAll(() => logged.close());

  const newUser = (displayName: string) => ({
    username: 'log_secret_user',
    displayName,
    password: 'Secret12345',
    roles: ['officer'],
    orgId: ORG.yannan,
  });

  it('keeps the SQL and PostgreSQL’s error, never the query’s values (a password hash)', async () => {
    lines = [];
    const res = await loggedAdmin.post('/api/v1/users', newUser('fail:XX000'));
    expectCleanError(res, 500, 'internal');
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('Failed query: insert into \\"users\\"');
    expect(log).toContain('simulated failure');
    expect(log).toContain('"code":"XX000"');
    expect(log).not.toContain('$argon2');
    expect(log).not.toContain('log_secret_user');
    expect(log).not.toContain('Secret12345');
    expect(log).not.toMatch(/"params"/);
  });

  it('answers a NUL that reaches the database anyway with a 400', async () => {
    const res = await loggedAdmin.post('/api/v1/users', newUser('fail:22021'));
    expectCleanError(res, 400, 'request.invalid');
    expect(res.json().message).toBe('请求参数不合法：文本含有无法保存的字符（如 \\u0000）');
  });
});
