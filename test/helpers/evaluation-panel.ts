/** The world the 三维评价 API tests share: a firm with a project, a person two hops above it in the
 *  enterprise graph (钱评审 holds 30 % of a fund that holds 20 % of the firm), and five experts of
 *  盐南, each with a login: a, b, c without conflicts, d who declared the firm, e who is 钱评审. */
import { expect } from 'vitest';
import { parties, relations } from '../../src/db/schema/index.js';
import { type Client, login, ORG, type TestContext } from './app.js';
import { addFirm, TEST_PROV as prov } from './firms.js';

export type Panel = Record<'a' | 'b' | 'c' | 'd' | 'e', { id: string; client: Client }>;

/** A user with the expert role in 盐南, made by sysadmin, and their logged-in client. */
export async function expertUser(t: TestContext, username: string, displayName: string) {
  const sys = await login(t.app, 'sysadmin');
  const u = await sys.post('/api/v1/users', {
    username,
    displayName,
    password: 'expert2026x',
    roles: ['expert'],
    orgId: ORG.yannan,
  });
  expect(u.statusCode).toBe(201);
  return { userId: u.json().id as string, client: await login(t.app, username, 'expert2026x') };
}

export async function evaluationPanel(t: TestContext) {
  const admin = await login(t.app, 'admin');
  const leader = await login(t.app, 'leader');
  const officer = await login(t.app, 'officer');
  const firm = await addFirm(t.database.db, '评估测试氢能科技有限公司');
  const fund = await addFirm(t.database.db, '评估测试创投基金有限公司');
  const [qian] = await t.database.db
    .insert(parties)
    .values({ orgId: ORG.yannan, kind: 'person', name: '钱评审', nameKey: '钱评审', provenance: prov })
    .returning({ id: parties.id });
  const share = (fromType: 'party' | 'enterprise', fromId: string, toId: string, s: number, key: string) => ({
    orgId: ORG.yannan,
    kind: 'shareholding' as const,
    fromType,
    fromId,
    toType: 'enterprise' as const,
    toId,
    share: s,
    dedupeKey: key,
    provenance: prov,
  });
  await t.database.db
    .insert(relations)
    .values([share('party', qian.id, fund, 0.3, 'e1'), share('enterprise', fund, firm, 0.2, 'e2')]);
  const p = await officer.post('/api/v1/projects', {
    name: '氢能电堆项目',
    enterpriseId: firm,
    source: '基金',
    type: '初创',
  });
  const projectId = p.json().id as string;
  const experts = {} as Panel;
  for (const [key, name, extra] of [
    ['a', '孙评审', {}],
    ['b', '周评审', {}],
    ['c', '吴评审', {}],
    ['d', '郑评审', { declaredFirmIds: [firm], declaration: '曾担任该企业顾问' }],
    ['e', '钱评审', { partyId: qian.id }],
  ] as const) {
    const u = await expertUser(t, `expert_${key}`, name);
    const e = await admin.post('/api/v1/experts', {
      name,
      userId: u.userId,
      fields: ['氢能'],
      affiliation: '某大学',
      ...extra,
    });
    expect(e.statusCode).toBe(201);
    experts[key] = { id: e.json().id, client: u.client };
  }
  return { admin, leader, officer, experts, firm, projectId };
}
