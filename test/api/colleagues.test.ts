/** 同事列表: whom work can be handed to — active users of the caller's org subtree, no login data,
 *  and nobody from another city. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';

let t: TestContext;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
});
afterAll(() => t.close());

type Colleague = { id: string; displayName: string; roles: string[]; orgName: string };
const namesOf = async (c: Client, q = '') =>
  ((await c.get(`/api/v1/colleagues${q}`)).json().items as Colleague[]).map((x) => x.displayName);

describe('同事列表', () => {
  it('lists the org’s active users with their roles, and nothing a login needs', async () => {
    const res = await officer.get('/api/v1/colleagues');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Colleague[];
    expect(items.map((x) => x.displayName)).toEqual(
      expect.arrayContaining(['王管理', '李局长', '张专员', '陈教授', '赵分析']),
    );
    expect(items.find((x) => x.displayName === '张专员')).toEqual({
      id: expect.any(String),
      displayName: '张专员',
      roles: ['officer'],
      orgName: expect.stringContaining('盐南'),
    });
    expect(JSON.stringify(items)).not.toMatch(/username|password|lastLogin/);
    // 南通's officer and the platform's sysadmin are outside 盐南.
    expect(items.map((x) => x.displayName)).not.toContain('周专员（南通开发区）');
    expect(items.map((x) => x.displayName)).not.toContain('系统管理员');
  });

  it('filters by role, drops disabled accounts and refuses a role that does not exist', async () => {
    expect(await namesOf(officer, '?role=officer')).toEqual(['张专员']);
    const admin = await login(t.app, 'admin');
    const created = await admin.post('/api/v1/users', {
      username: 'officer_liu',
      displayName: '刘专员',
      password: 'officer2026x',
      roles: ['officer'],
      orgId: ORG.yannan,
    });
    expect(created.statusCode).toBe(201);
    expect(await namesOf(officer, '?role=officer')).toEqual(expect.arrayContaining(['张专员', '刘专员']));
    const { id, version } = created.json();
    expect((await admin.patch(`/api/v1/users/${id}`, { version, disabled: true })).statusCode).toBe(200);
    expect(await namesOf(officer, '?role=officer')).toEqual(['张专员']);
    const bad = await officer.get('/api/v1/colleagues?role=boss');
    expect(bad.statusCode).toBe(400);
  });

  it('shows a 南通 officer only 南通 people, and is not for experts', async () => {
    const nt = await login(t.app, 'nt_officer');
    expect(await namesOf(nt)).toEqual(['周专员（南通开发区）']);
    const expert = await login(t.app, 'expert');
    expect((await expert.get('/api/v1/colleagues')).statusCode).toBe(403);
  });
});
