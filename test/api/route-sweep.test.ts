/** Every API route, called by a signed-in admin with garbage in its path, query and body, answers
 *  with a clean 4xx (or a 2xx when the garbage happens to be harmless): never a 500, never a stack,
 *  always a Chinese message. Routes are taken from the app's own route table, so a new route is swept
 *  without anyone remembering to add it here. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, ORG, type TestContext, USER } from '../helpers/app.js';
import { type OneOfEach, oneOfEach } from '../helpers/one-of-each.js';

let t: TestContext;
let admin: Client;
let sysadmin: Client;
let expert: Client;
let rows: OneOfEach;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  sysadmin = await login(t.app, 'sysadmin');
  expert = await login(t.app, 'expert');
  rows = await oneOfEach(t);
});
afterAll(() => t.close());

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000beef';

/** Path parameters: a malformed value, an unknown but well-formed one, and hostile text. */
const PARAM_VALUES = [
  'not-a-uuid',
  UNKNOWN_ID,
  "1'%20OR%20'1'='1",
  '%E4%B8%AD%00',
  '-1',
  '99999999999999999999',
];

/** Query strings a list or export route might misread. */
const QUERIES = [
  '?page=-1&pageSize=100000',
  '?page=abc&pageSize=1.5&sort=%3Bdrop%20table&order=sideways',
  '?q=%25%5F%5C&region=x&industry=%00&tier=nonsense&year=abc',
  '?from=2026-13-45&to=yesterday&status=%E4%B8%AD&kind=%5B%5D',
];

/** Bodies of the wrong shape and of the right shape with wrong values. */
const BODIES: unknown[] = [
  [],
  'text',
  42,
  null,
  {
    version: 'x',
    name: { $gt: '' },
    title: 'x'.repeat(100_000),
    enterpriseId: 'not-a-uuid',
    ids: 'all',
    items: [null, 1, 'x'],
    date: '2026-02-30',
    year: -5,
    amount: 'NaN',
    scores: { technology: 1e308, team: -1 },
    status: '<script>',
    tier: '__proto__',
    __proto__: { admin: true },
  },
  { version: 1, year: 1e20, page: -1, stage: 'x', to: 'nowhere', outcome: 'maybe', rating: 9 },
];

function fill(url: string, value: string): string {
  return url.replace(/:[A-Za-z]+/g, value);
}

type Res = { statusCode: number; body: string; headers: Record<string, unknown> };

function expectClean(res: Res, what: string) {
  expect.soft(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  expect(res.body, what).not.toMatch(/at .*\.(ts|js):\d+|"stack"/);
  if (!String(res.headers['content-type'] ?? '').includes('json')) return;
  const body = JSON.parse(res.body) as { code?: unknown; message?: unknown };
  expect(typeof body.code, `${what}: ${res.body.slice(0, 200)}`).toBe('string');
  expect(String(body.message), `${what}: ${res.body.slice(0, 200)}`).toMatch(/[\u4e00-\u9fa5]/);
}

function routes() {
  return t.app.routeTable.filter(
    (r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD' && !r.url.includes('/auth/'),
  );
}

describe('garbage on every route', () => {
  it('bad path parameters', async () => {
    for (const client of [admin, sysadmin]) {
      for (const r of routes().filter((x) => x.url.includes(':'))) {
        for (const value of PARAM_VALUES) {
          const url = fill(r.url, value);
          const res = await client.request(r.method as 'GET', url, r.method === 'GET' ? undefined : {});
          expectClean(res, `${r.method} ${url}`);
        }
      }
    }
  }, 120_000);

  it('bad query strings', async () => {
    for (const r of routes()) {
      for (const query of QUERIES) {
        const url = fill(r.url, UNKNOWN_ID) + query;
        const res = await admin.request(r.method as 'GET', url, r.method === 'GET' ? undefined : {});
        expectClean(res, `${r.method} ${url}`);
      }
    }
  }, 120_000);

  it('bad bodies', async () => {
    for (const r of routes().filter((x) => x.method !== 'GET')) {
      for (const body of BODIES) {
        const url = fill(r.url, UNKNOWN_ID);
        const res = await admin.request(r.method as 'POST', url, JSON.stringify(body), {
          'content-type': 'application/json',
        });
        expectClean(res, `${r.method} ${url} with ${JSON.stringify(body).slice(0, 60)}`);
      }
    }
  }, 120_000);

  it('upload forms with garbage beside the file', async () => {
    const file = { name: 'a.csv', content: Buffer.from('企业名称,营业收入(万元)\n盐城巡检科技有限公司,1\n') };
    const forms: Record<string, string>[] = [
      { mapping: '{not json' },
      { mapping: '[1,2]' },
      { mapping: JSON.stringify({ 企业名称: { deep: true } }) },
      { year: 'abc', dryRun: 'maybe', universe: 'mars', sheet: 'x'.repeat(5000), category: '机密' },
    ];
    for (const r of routes().filter((x) => x.method === 'POST')) {
      const url = realUrl(r.url);
      for (const fields of forms) {
        const res = await admin.postForm(url, fields, file);
        expectClean(res, `POST ${url} form ${JSON.stringify(fields).slice(0, 60)}`);
      }
    }
  }, 120_000);

  it('bodies of the wrong content type', async () => {
    for (const r of routes().filter((x) => x.method !== 'GET')) {
      const url = fill(r.url, UNKNOWN_ID);
      for (const [type, payload] of [
        ['text/plain', 'hello'],
        ['application/xml', '<a/>'],
        ['multipart/form-data; boundary=x', '--x\r\nbroken'],
        ['application/x-www-form-urlencoded', 'a=1&b=2'],
      ]) {
        const res = await admin.request(r.method as 'POST', url, payload, { 'content-type': type });
        expectClean(res, `${r.method} ${url} as ${type}`);
      }
    }
  }, 120_000);
});

/** The row each route's first path parameter names, by the route's resource. */
function realUrl(url: string): string {
  const byResource: [string, string][] = [
    ['/enterprises/', rows.firmId],
    ['/jobs/', rows.jobId],
    ['/cultivation/screenings/', rows.screeningId],
    ['/cultivation/tracks/', rows.trackId],
    ['/policies/', rows.policyId],
    ['/policy-pushes/', rows.pushId],
    ['/chains/', rows.chainId],
    ['/chain-nodes/', rows.nodeId],
    ['/projects/', rows.projectId],
    ['/evaluations/', rows.evaluationId],
    ['/project-reviews/', rows.reviewId],
    ['/users/', USER.officer],
    ['/orgs/', ORG.yannan],
  ];
  const id = byResource.find(([prefix]) => url.includes(`${prefix}:id`))?.[1] ?? UNKNOWN_ID;
  return url
    .replace(':id', id)
    .replace(':year', '2024')
    .replace(':qualificationId', rows.qualificationId)
    .replace(':attachmentId', rows.attachmentId)
    .replace(':itemId', rows.itemId);
}

describe('garbage on every route, on real rows', () => {
  // Deletions last, so that they do not take away the rows the other routes are tried on.
  const order = (m: string) => (m === 'DELETE' ? 1 : 0);

  it('bad bodies and queries reach each route’s own checks and still get a clean 4xx', async () => {
    const swept = routes()
      .filter((r) => r.url.includes(':'))
      .sort((a, b) => order(a.method) - order(b.method));
    for (const r of swept) {
      const client = r.access === 'roles:expert' ? expert : admin;
      const url = realUrl(r.url);
      if (r.method === 'GET') {
        for (const query of QUERIES) expectClean(await client.get(url + query), `GET ${url}${query}`);
        continue;
      }
      for (const body of BODIES) {
        const res = await client.request(r.method as 'POST', url, JSON.stringify(body), {
          'content-type': 'application/json',
        });
        expectClean(res, `${r.method} ${url} with ${JSON.stringify(body).slice(0, 60)}`);
      }
    }
  }, 120_000);
});
