/** A 南通开发区 user must not read or change any 盐南高新区 row through any route. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, orgs, users } from '../../src/db/schema/index.js';
import { type Client, createTestApp, login, ORG, type TestContext, USER } from '../helpers/app.js';

let t: TestContext;
let ntOfficer: Client;
let ntAdmin: Client;
let yannanJobId: string;

beforeAll(async () => {
  t = await createTestApp();
  const sys = await login(t.app, 'sysadmin');
  // An admin inside 南通开发区, so admin-only routes are tried too.
  const created = await sys.post('/api/v1/users', {
    username: 'nt_admin',
    displayName: '南通管理员',
    password: 'ntadmin2026',
    roles: ['admin'],
    orgId: ORG.ntkfq,
  });
  expect(created.statusCode).toBe(201);
  ntOfficer = await login(t.app, 'nt_officer');
  ntAdmin = await login(t.app, 'nt_admin', 'ntadmin2026');
  const leader = await login(t.app, 'leader');
  yannanJobId = (await leader.post('/api/v1/audit/export', {})).json().id;
});
afterAll(() => t.close());

async function snapshot() {
  const [u] = await t.database.db.select().from(users).where(eq(users.id, USER.officer));
  const [o] = await t.database.db.select().from(orgs).where(eq(orgs.id, ORG.yannan));
  const [j] = await t.database.db.select().from(jobs).where(eq(jobs.id, yannanJobId));
  return JSON.stringify([u, o, j]);
}

describe('org isolation', () => {
  it('no route with an :id gives a 南通 user a 盐南 row, or changes one', async () => {
    const before = await snapshot();
    const yannanIds = [USER.officer, USER.admin, ORG.yannan, ORG.yancheng, yannanJobId];
    const routes = t.app.routeTable.filter((r) => r.url.includes(':id') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(5);
    for (const client of [ntOfficer, ntAdmin]) {
      for (const r of routes) {
        for (const id of yannanIds) {
          const url = r.url.replace(':id', id) + (r.method === 'DELETE' ? '?version=1' : '');
          const body =
            r.method === 'GET' || r.method === 'DELETE'
              ? undefined
              : { version: 1, name: '越权修改', displayName: '越权', disabled: true, password: 'hacked2026' };
          const res = await client.request(r.method as 'GET', url, body);
          expect([403, 404], `${r.method} ${url} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
          expect(res.body).not.toContain('盐南');
        }
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('lists show only the user’s own subtree', async () => {
    const orgList = (await ntOfficer.get('/api/v1/orgs')).json();
    expect(orgList.map((o: { name: string }) => o.name)).toEqual(['南通开发区']);
    const userList = (await ntAdmin.get('/api/v1/users?pageSize=200')).json();
    expect(userList.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'nt_admin',
      'nt_officer',
    ]);
    const jobList = (await ntOfficer.get('/api/v1/jobs')).json();
    expect(jobList.items.find((j: { id: string }) => j.id === yannanJobId)).toBeUndefined();
    const audit = (await ntAdmin.get('/api/v1/audit?pageSize=200')).json();
    for (const a of audit.items) expect([ORG.ntkfq]).toContain(a.orgId);
  });

  it('cannot create rows under a 盐南 org, nor move a user there', async () => {
    const org = await ntAdmin.post('/api/v1/orgs', {
      code: 'evil',
      name: '越权园区',
      kind: 'park',
      parentId: ORG.yannan,
    });
    expect(org.statusCode).toBe(404);
    const user = await ntAdmin.post('/api/v1/users', {
      username: 'evil',
      displayName: '越权',
      password: 'evil20261',
      roles: ['officer'],
      orgId: ORG.yannan,
    });
    expect(user.statusCode).toBe(404);
    const me = (await ntAdmin.get('/api/v1/users?q=nt_officer')).json().items[0];
    const move = await ntAdmin.patch(`/api/v1/users/${me.id}`, { version: me.version, orgId: ORG.yannan });
    expect(move.statusCode).toBe(404);
  });

  it('a 盐南 leader reads 盐南 but not 南通; the city sees its parks', async () => {
    const leader = await login(t.app, 'leader');
    const orgsSeen = (await leader.get('/api/v1/orgs')).json().map((o: { name: string }) => o.name);
    expect(orgsSeen).toEqual(['盐南高新区']);
    const sys = await login(t.app, 'sysadmin');
    const all = (await sys.get('/api/v1/orgs')).json().map((o: { name: string }) => o.name);
    expect(all).toEqual(
      expect.arrayContaining(['盐城市', '盐南高新区', '南通市', '南通开发区', '海安市', '江阴市', '南湖区']),
    );
  });
});
