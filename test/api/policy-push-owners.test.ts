/** Who a push belongs to and what it says stay true after the fact: an owner must see the firms they
 *  are to tell, a disabled owner's pushes pass to whoever generates the list again, and a policy's
 *  moved deadline or return to draft reaches the push list and the 工作台; one push can be handed to
 *  another owner by itself (转交). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login, ORG, type TestContext, USER } from '../helpers/app.js';
import { RD_POLICY, setUpPolicyWorld, Y } from '../helpers/policy-world.js';

let t: TestContext;
let leader: Client;
let admin: Client;
let sysadmin: Client;

beforeAll(async () => {
  ({ t, leader } = await setUpPolicyWorld());
  admin = await login(t.app, 'admin');
  sysadmin = await login(t.app, 'sysadmin');
});
afterAll(() => t.close());

/** rd_ratio ≥ 1 %: four 盐南 test firms and the 南通 one match. */
const BROAD = {
  ...RD_POLICY,
  regionScope: null,
  applyTo: `${Y + 1}-03-31`,
  conditions: { all: [{ kind: 'rd_ratio', min: 0.01 }] },
};

const pending = async (client: Client, policyId: string) =>
  (
    await client.get(`/api/v1/policy-pushes?mine=true&status=pending&policyId=${policyId}&pageSize=100`)
  ).json();
const toTell = async (client: Client) =>
  (await client.get('/api/v1/workbench')).json().items.find((i: { key: string }) => i.key === 'pushesToTell')
    ?.count ?? 0;

describe('push owners', () => {
  it('refuses an owner who cannot see some of the firms, saying which', async () => {
    const p = await sysadmin.post('/api/v1/policies', {
      ...BROAD,
      title: '全市研发普惠（测试）',
      orgId: ORG.root,
    });
    expect(p.statusCode, p.body).toBe(201);
    const res = await sysadmin.post(`/api/v1/policies/${p.json().id}/pushes`, { ownerId: USER.officer });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('assignee.invalid');
    expect(res.json().message).toContain('看不到其中 1 家企业（属于南通开发区）');
    // Nothing was written: the 盐南 officer has no stranded half of the list.
    expect((await pending(sysadmin, p.json().id)).total).toBe(0);
  });

  it('passes a disabled owner’s pending pushes to whoever generates the list again', async () => {
    const made = await admin.post('/api/v1/users', {
      username: 'push_temp',
      displayName: '临时专员',
      password: 'abc12345',
      roles: ['officer'],
      orgId: ORG.yannan,
    });
    expect(made.statusCode, made.body).toBe(201);
    const p = (
      await leader.post('/api/v1/policies', { ...BROAD, regionScope: '3209', title: '盐南普惠（测试）' })
    ).json();
    const first = await leader.post(`/api/v1/policies/${p.id}/pushes`, { ownerId: made.json().id });
    expect(first.json()).toMatchObject({ created: 4, reassigned: 0 });
    const off = await admin.patch(`/api/v1/users/${made.json().id}`, {
      version: made.json().version,
      disabled: true,
    });
    expect(off.statusCode, off.body).toBe(200);
    const again = await leader.post(`/api/v1/policies/${p.id}/pushes`, {});
    expect(again.json()).toEqual({ matched: 4, created: 0, existing: 4, reassigned: 4 });
    expect((await pending(leader, p.id)).total).toBe(4);
    // A third run changes nothing: the leader can act on them.
    expect((await leader.post(`/api/v1/policies/${p.id}/pushes`, {})).json().reassigned).toBe(0);
  });

  it('a moved deadline reaches the pushes, and a policy back in draft leaves nothing to tell', async () => {
    const p = (
      await leader.post('/api/v1/policies', { ...BROAD, regionScope: '3209', title: '盐南截止变更（测试）' })
    ).json();
    await leader.post(`/api/v1/policies/${p.id}/pushes`, {});
    const before = await toTell(leader);
    const [one] = (await pending(leader, p.id)).items;
    expect(one.dueOn).toBe(`${Y + 1}-03-31`);
    const moved = await leader.patch(`/api/v1/policies/${p.id}`, {
      version: p.version,
      applyTo: `${Y + 1}-01-15`,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const list = await pending(leader, p.id);
    expect(list.total).toBe(4);
    for (const push of list.items) expect(push.dueOn).toBe(`${Y + 1}-01-15`);
    // Told before the withdrawal: kept as the record of what was said.
    await leader.patch(`/api/v1/policy-pushes/${one.id}`, { version: one.version, status: 'told' });
    const draft = await leader.patch(`/api/v1/policies/${p.id}`, {
      version: moved.json().version,
      status: 'draft',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await pending(leader, p.id)).total).toBe(0);
    expect(await toTell(leader)).toBe(before - 4);
    const told = (await leader.get(`/api/v1/policy-pushes?status=told&policyId=${p.id}`)).json();
    expect(told.total).toBe(1);
  });

  it('hands one push to another owner who can see its firm; the rest of the list stays', async () => {
    const p = (
      await sysadmin.post('/api/v1/policies', { ...BROAD, title: '全市转交测试（测试）', orgId: ORG.root })
    ).json();
    const made = (await sysadmin.post(`/api/v1/policies/${p.id}/pushes`, {})).json();
    expect(made.created).toBe(made.matched);
    const items = (await pending(sysadmin, p.id)).items as {
      id: string;
      version: number;
      enterpriseName: string;
    }[];
    const nantong = items.find((i) => i.enterpriseName.includes('南通'));
    const yannan = items.filter((i) => i !== nantong);
    if (!nantong) throw new Error('the 南通 firm should match');
    const handOver = (client: Client, push: { id: string; version: number }, ownerId: string) =>
      client.request('PUT', `/api/v1/policy-pushes/${push.id}/owner`, { version: push.version, ownerId });

    // 盐南's officer cannot see a 南通 firm: refused, saying so; 南通's officer takes it.
    const blind = await handOver(sysadmin, nantong, USER.officer);
    expect(blind.statusCode).toBe(400);
    expect(blind.json().message).toContain('看不到其中 1 家企业（属于南通开发区）');
    const moved = await handOver(sysadmin, nantong, USER.ntOfficer);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ ownerId: USER.ntOfficer, version: nantong.version + 1 });
    const nt = await login(t.app, 'nt_officer');
    expect((await pending(nt, p.id)).items.map((i: { id: string }) => i.id)).toEqual([nantong.id]);
    expect((await pending(sysadmin, p.id)).total).toBe(made.created - 1);
    // The same version again is stale; an analyst may not hand work out.
    expect((await handOver(sysadmin, nantong, USER.sysadmin)).statusCode).toBe(409);
    const analyst = await login(t.app, 'analyst');
    expect((await handOver(analyst, yannan[0], USER.officer)).statusCode).toBe(403);
    // A firm already told is a record, not work to hand on.
    const told = await sysadmin.patch(`/api/v1/policy-pushes/${yannan[0].id}`, {
      version: yannan[0].version,
      status: 'told',
    });
    const refused = await handOver(sysadmin, told.json(), USER.officer);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'push.already_told' });
    // The audit log says who had it and who has it now.
    const audit = (await sysadmin.get(`/api/v1/audit?entity=policy_push&entityId=${nantong.id}`)).json();
    expect(audit.items[0]).toMatchObject({
      before: { owner: '系统管理员' },
      after: { ownerId: USER.ntOfficer },
    });
  });
});
