/** 政策找企业: the policy library, the firms a policy finds now or nearly, and what a firm can claim
 *  (pushes and their export are in policy-pushes.test.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screeningFirms, screeningRuns } from '../../src/db/schema/index.js';
import { seedDemoPolicies } from '../../src/db/seed/policies.js';
import { TIER_KEYS } from '../../src/domain/eligibility/index.js';
import { type Client, login, ORG, type TestContext } from '../helpers/app.js';
import {
  addPolicyFirm,
  EVIL,
  type FirmOpts,
  type Item,
  LAST,
  names,
  RD_POLICY,
  setUpPolicyWorld,
  Y,
} from '../helpers/policy-world.js';

let t: TestContext;
let officer: Client;
let leader: Client;
let firms: Record<string, string>;
let rdPolicy: { id: string; version: number };

beforeAll(async () => {
  ({ t, officer, leader, firms, rdPolicy } = await setUpPolicyWorld());
});
afterAll(() => t.close());
const addFirm = (name: string, o?: FirmOpts) => addPolicyFirm(t, name, o);

describe('政策库', () => {
  it('creates a policy with its conditions shown as sentences, audited', async () => {
    const p = (await officer.get(`/api/v1/policies/${rdPolicy.id}`)).json();
    expect(p).toMatchObject({
      orgName: '盐南高新区',
      regionScopeName: '盐城市',
      status: 'published',
      editable: true,
    });
    expect(p.clauses.all).toEqual([
      '为本地在册企业（不含外地目标企业）',
      '成立满 1 年',
      '上年度研发费用占营业收入比例 ≥ 3%',
    ]);
    const audit = (await leader.get(`/api/v1/audit?entity=policy&entityId=${rdPolicy.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['create']);
  });

  it('refuses bad input with Chinese messages naming the field', async () => {
    const ratio = await officer.post('/api/v1/policies', {
      ...RD_POLICY,
      conditions: { all: [{ kind: 'rd_ratio', min: 3 }] },
    });
    expect(ratio.statusCode).toBe(400);
    expect(ratio.json().details).toContainEqual({
      field: 'body.conditions.all.0.min',
      message: '研发费用占比应为 0–1 之间的小数（如 0.03 表示 3%）',
    });
    const dates = await officer.post('/api/v1/policies', {
      ...RD_POLICY,
      validFrom: `${Y}-06-01`,
      validTo: `${Y}-01-01`,
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().details).toContainEqual({
      field: 'body.validTo',
      message: '有效期止不能早于有效期起',
    });
    const region = await officer.post('/api/v1/policies', { ...RD_POLICY, regionScope: '3299' });
    expect(region.json().details[0].message).toBe('行政区划代码前缀“3299”不存在');
    const noTitle = await officer.post('/api/v1/policies', { ...RD_POLICY, title: '' });
    expect(noTitle.json().details[0]).toMatchObject({ field: 'body.title', message: '政策名称至少 2 个字' });
  });

  it('edits with the version read, refuses a stale one, and audits the change', async () => {
    const draft = (
      await officer.post('/api/v1/policies', { ...RD_POLICY, title: '待修改的政策', status: 'draft' })
    ).json();
    const ok = await officer.patch(`/api/v1/policies/${draft.id}`, { version: 1, summary: '补充说明' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, summary: '补充说明' });
    const stale = await leader.patch(`/api/v1/policies/${draft.id}`, { version: 1, title: '晚到的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict.stale');
    const audit = (await leader.get(`/api/v1/audit?entity=policy&entityId=${draft.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'update', after: { summary: '补充说明' } });
    // A draft without pushes can be deleted; then it is gone.
    expect((await leader.del(`/api/v1/policies/${draft.id}?version=2`)).statusCode).toBe(204);
    expect((await officer.get(`/api/v1/policies/${draft.id}`)).statusCode).toBe(404);
  });

  it('lets everyone but experts read, and only admins, leaders and officers write', async () => {
    const expert = await login(t.app, 'expert');
    expect((await expert.get('/api/v1/policies')).statusCode).toBe(403);
    expect((await expert.get(`/api/v1/policies/${rdPolicy.id}/matches`)).statusCode).toBe(403);
    const analyst = await login(t.app, 'analyst');
    const list = await analyst.get('/api/v1/policies?pageSize=100');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.find((p: { id: string }) => p.id === rdPolicy.id).editable).toBe(false);
    expect((await analyst.post('/api/v1/policies', RD_POLICY)).statusCode).toBe(403);
    expect((await analyst.post(`/api/v1/policies/${rdPolicy.id}/pushes`, {})).statusCode).toBe(403);
    expect((await analyst.get('/api/v1/policy-pushes')).statusCode).toBe(200);
  });

  it('seeds the demo policies once: a second seed adds none', async () => {
    expect(await seedDemoPolicies(t.database.db)).toBe(0);
    const titles = (await officer.get('/api/v1/policies?pageSize=100'))
      .json()
      .items.map((p: { title: string }) => p.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        '盐南高新区高新技术企业认定奖励',
        '企业研发费用税前加计扣除',
        '盐城市科技创新券',
        '盐南高新区首次入库科技型中小企业奖励',
        '盐南高新区专精特新中小企业奖励',
      ]),
    );
  });

  it('shows the city’s policies to its park, read-only', async () => {
    const list = (await officer.get(`/api/v1/policies?q=${encodeURIComponent('加计扣除')}`)).json();
    const city = list.items[0];
    expect(city).toMatchObject({ orgName: '盐城市', issuer: '财政部 税务总局', editable: false });
    const res = await officer.patch(`/api/v1/policies/${city.id}`, { version: city.version, title: '改名' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('policy.read_only');
  });
});

describe('政策找企业: the firms a policy finds', () => {
  const matches = async (status: string, client = officer) => {
    const res = await client.get(`/api/v1/policies/${rdPolicy.id}/matches?status=${status}&pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('matches a firm exactly at the R&D threshold, not one just below, and says why', async () => {
    const m = await matches('match');
    expect(names(m.items)).toEqual([EVIL, '盐南政策甲科技有限公司'].sort());
    const at = m.items.find((i: Item) => i.enterpriseId === firms.at);
    expect(at.met.map((c: { text: string }) => c.text)).toContain(
      '上年度研发费用占营业收入比例 ≥ 3%（实际 3%）',
    );
    expect(at.met.map((c: { clause: string }) => c.clause)).toContain('注册地在盐城市（3209）');
    expect(m.counts).toEqual({ match: 2, close: 1, unknown: 1, far: 1 });
  });

  it('lists the firm just below as close, with the unmet clause in Chinese', async () => {
    const m = await matches('close');
    expect(names(m.items)).toEqual(['盐南政策乙科技有限公司']);
    expect(m.items[0].unmet).toEqual([
      expect.objectContaining({
        clause: '上年度研发费用占营业收入比例 ≥ 3%',
        required: '≥ 3%',
        actual: '2.9%',
        text: '上年度研发费用占营业收入比例 ≥ 3%（实际 2.9%）',
      }),
    ]);
  });

  it('a tighter closeness tolerance leaves it out', async () => {
    const res = await officer.get(`/api/v1/policies/${rdPolicy.id}/matches?status=close&tolerance=0.02`);
    expect(res.json().total).toBe(0);
  });

  it('names the missing data of a firm without figures, and leaves out firms registered elsewhere', async () => {
    const m = await matches('unknown');
    expect(names(m.items)).toEqual(['盐南政策丁科技有限公司']);
    expect(m.items[0].missing).toEqual([
      { clause: '上年度研发费用占营业收入比例 ≥ 3%', data: `${LAST} 年度研发费用` },
    ]);
    const all = [...(await matches('match')).items, ...m.items, ...(await matches('close')).items];
    expect(all.find((i: Item) => i.enterpriseId === firms.elsewhere)).toBeUndefined();
  });

  it('finds new and would-be 高企 through titles and the latest screening', async () => {
    // Registered outside 3209, so the R&D policies above never see these firms.
    const fresh = await addFirm('盐南新认定高企有限公司', {
      regionCode: '320612',
      hnte: { issuedOn: `${Y}-03-01`, expiresOn: `${Y + 3}-02-28` },
    });
    const old = await addFirm('盐南老高企有限公司', {
      regionCode: '320612',
      hnte: { issuedOn: `${Y - 2}-03-01`, expiresOn: `${Y + 1}-02-28` },
    });
    const candidate = await addFirm('盐南高企后备有限公司', { regionCode: '320612' });
    const { db } = t.database;
    const [run] = await db
      .insert(screeningRuns)
      .values({
        orgId: ORG.yannan,
        assessedOn: `${Y}-06-01`,
        closeRule: { maxUnmet: 2, scoreMargin: 10 },
        status: 'done',
      })
      .returning({ id: screeningRuns.id });
    // Standings are stored per firm in TIER_KEYS order; 高企 (hnte) is the third.
    const hnte = TIER_KEYS.indexOf('hnte');
    await db.insert(screeningFirms).values(
      [
        [candidate, 'eligible'],
        [old, 'holding'],
      ].map(([enterpriseId, status]) => ({
        runId: run.id,
        enterpriseId,
        standings: TIER_KEYS.map((_t, i) => (i === hnte ? (status as 'eligible' | 'holding') : 'far')),
        unmetCounts: TIER_KEYS.map(() => 0),
        scores: TIER_KEYS.map(() => null),
        details: {},
      })),
    );
    const award = (
      await officer.post('/api/v1/policies', {
        title: '高企首次认定奖励（测试）',
        issuer: '盐南高新区管委会',
        status: 'published',
        conditions: {
          all: [{ kind: 'universe_local' }],
          anyOf: [
            { kind: 'tier_held', tier: 'hnte', issuedFrom: `${Y}-01-01`, firstTime: true },
            { kind: 'tier_eligible', tier: 'hnte', includeHolding: false },
          ],
        },
      })
    ).json();
    const m = (await officer.get(`/api/v1/policies/${award.id}/matches?date=${Y}-06-30&pageSize=200`)).json();
    const ids = m.items.map((i: Item) => i.enterpriseId);
    expect(ids).toContain(fresh);
    expect(ids).toContain(candidate);
    expect(ids).not.toContain(old);
    const card = (await officer.get(`/api/v1/enterprises/${old}/policies?date=${Y}-06-30`)).json();
    expect(card.claimable.find((i: { policy: { id: string } }) => i.policy.id === award.id)).toBeUndefined();
  });
});

describe('企业可享政策', () => {
  type Entry = {
    policy: { id: string; title: string };
    deadline: string;
    daysLeft: number;
    unmet: Item['unmet'];
  };
  const card = async (id: string, client = officer) => {
    const res = await client.get(`/api/v1/enterprises/${id}/policies`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('lists what a firm can claim now with the deadline, including its city’s policies', async () => {
    const c = await card(firms.at);
    const mine = c.claimable.find((i: Entry) => i.policy.id === rdPolicy.id);
    expect(mine).toMatchObject({ deadline: `${Y + 1}-06-30` });
    expect(mine.daysLeft).toBeGreaterThan(0);
    expect(c.claimable.map((i: Entry) => i.policy.title)).toContain('企业研发费用税前加计扣除');
    const deadlines = c.claimable.map((i: Entry) => i.deadline ?? '9999');
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('lists close policies with what is missing, and undecided ones with the data to collect', async () => {
    const close = (await card(firms.below)).close.find((i: Entry) => i.policy.id === rdPolicy.id);
    expect(close.unmet[0].text).toBe('上年度研发费用占营业收入比例 ≥ 3%（实际 2.9%）');
    const undecided = (await card(firms.noFigures)).incomplete.find(
      (i: Entry) => i.policy.id === rdPolicy.id,
    );
    expect(undecided.missing[0].data).toBe(`${LAST} 年度研发费用`);
  });
});
