/** 政策找企业: a policy finds the firms that match it now or are close, a firm sees what it can claim,
 *  and officers work through a push list, exported to XLSX — all inside the org tree. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enterpriseIp,
  enterprises,
  enterpriseYears,
  qualifications,
  screeningFirms,
  screeningRuns,
} from '../../src/db/schema/index.js';
import { seedDemoPolicies } from '../../src/db/seed/policies.js';
import { TIER_KEYS } from '../../src/domain/eligibility/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { type Client, createTestApp, login, ORG, type TestContext, USER } from '../helpers/app.js';

let t: TestContext;
let officer: Client;
let leader: Client;
let ntOfficer: Client;
const prov = { source: { kind: 'api' as const, client: 'test' }, asOf: '2026-01-01' };
const Y = new Date().getUTCFullYear();
const LAST = Y - 1;

type FirmOpts = {
  org?: string;
  regionCode?: string;
  rd?: number | null;
  inventions?: number;
  hnte?: { issuedOn: string; expiresOn: string };
};

/** A local firm with last year's figures: 1 亿元 revenue and `rd` 元 of R&D (3,000,000 = exactly 3 %). */
async function addFirm(name: string, o: FirmOpts = {}) {
  const { db } = t.database;
  const [row] = await db
    .insert(enterprises)
    .values({
      orgId: o.org ?? ORG.yannan,
      name,
      ...searchTerms(name),
      establishedOn: '2018-03-01',
      regionCode: o.regionCode ?? '320902',
      universe: 'local',
      provenance: prov,
    })
    .returning({ id: enterprises.id });
  if (o.rd !== null)
    await db.insert(enterpriseYears).values({
      enterpriseId: row.id,
      year: LAST,
      employees: 100,
      revenue: 100_000_000,
      rdExpense: o.rd ?? 3_000_000,
      provenance: prov,
    });
  if (o.inventions)
    await db
      .insert(enterpriseIp)
      .values({ enterpriseId: row.id, kind: 'invention_patent', count: o.inventions, provenance: prov });
  if (o.hnte)
    await db
      .insert(qualifications)
      .values({ enterpriseId: row.id, tier: 'hnte', ...o.hnte, provenance: prov });
  return row.id;
}

const EVIL = '=HYPERLINK("http://evil")';
const firms: Record<string, string> = {};
let rdPolicy: { id: string; version: number };

const RD_POLICY = {
  title: '盐南研发投入奖励（测试）',
  issuer: '盐城市盐南高新技术产业开发区管理委员会',
  documentNo: `盐南管发〔${Y}〕99号`,
  regionScope: '3209',
  applyFrom: `${Y}-01-01`,
  applyTo: `${Y + 1}-06-30`,
  benefits: [{ kind: 'subsidy', amount: 100_000, text: '研发投入达标企业奖励 10 万元' }],
  conditions: { all: [{ kind: 'universe_local' }, { kind: 'age', min: 1 }, { kind: 'rd_ratio', min: 0.03 }] },
  status: 'published',
};

beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
  leader = await login(t.app, 'leader');
  ntOfficer = await login(t.app, 'nt_officer');
  firms.at = await addFirm('盐南政策甲科技有限公司'); // exactly 3 %
  firms.below = await addFirm('盐南政策乙科技有限公司', { rd: 2_900_000 }); // 2.9 %: within 20 %
  firms.far = await addFirm('盐南政策丙科技有限公司', { rd: 1_000_000 });
  firms.noFigures = await addFirm('盐南政策丁科技有限公司', { rd: null });
  firms.elsewhere = await addFirm('盐南政策戊科技有限公司', { regionCode: '320612' });
  firms.evil = await addFirm(EVIL, { rd: 5_000_000 });
  firms.nantong = await addFirm('南通政策甲科技有限公司', {
    org: ORG.ntkfq,
    regionCode: '320671',
    rd: 5_000_000,
    inventions: 1,
  });
  const res = await officer.post('/api/v1/policies', RD_POLICY);
  expect(res.statusCode, res.body).toBe(201);
  rdPolicy = res.json();
});
afterAll(() => t.close());

type Item = { name: string; enterpriseId: string; unmet: { clause: string; actual: string; text: string }[] };
const names = (items: Item[]) => items.map((i) => i.name).sort();

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

describe('推送清单', () => {
  let soonPolicy: string;

  it('creates one push per matching firm, once', async () => {
    const first = await officer.post(`/api/v1/policies/${rdPolicy.id}/pushes`, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ matched: 2, created: 2, existing: 0 });
    expect((await officer.post(`/api/v1/policies/${rdPolicy.id}/pushes`, {})).json()).toEqual({
      matched: 2,
      created: 0,
      existing: 2,
    });
  });

  it('assigns pushes to another officer of the org, not to one outside it', async () => {
    const soon = await leader.post('/api/v1/policies', {
      ...RD_POLICY,
      title: '研发投入普惠奖励（测试）',
      applyTo: `${Y + 1}-03-31`,
      conditions: { all: [{ kind: 'rd_ratio', min: 0.01 }] },
    });
    soonPolicy = soon.json().id;
    const outside = await leader.post(`/api/v1/policies/${soonPolicy}/pushes`, { ownerId: USER.ntOfficer });
    expect(outside.statusCode).toBe(404);
    const res = await leader.post(`/api/v1/policies/${soonPolicy}/pushes`, { ownerId: USER.officer });
    expect(res.json()).toMatchObject({ matched: 4, created: 4 });
    expect((await leader.get('/api/v1/policy-pushes?mine=true')).json().total).toBe(0);
  });

  it('refuses drafts and policies whose window has closed', async () => {
    const draft = (
      await officer.post('/api/v1/policies', { ...RD_POLICY, title: '草稿政策', status: 'draft' })
    ).json();
    const d = await officer.post(`/api/v1/policies/${draft.id}/pushes`, {});
    expect(d.statusCode).toBe(409);
    expect(d.json().code).toBe('policy.not_published');
    const closed = (
      await officer.post('/api/v1/policies', {
        ...RD_POLICY,
        title: '已截止政策',
        applyFrom: null,
        applyTo: `${Y - 1}-12-31`,
      })
    ).json();
    const c = await officer.post(`/api/v1/policies/${closed.id}/pushes`, {});
    expect(c.statusCode).toBe(409);
    expect(c.json().message).toContain(`申报截止日期为 ${Y - 1}-12-31`);
  });

  it('lists my pending pushes soonest deadline first', async () => {
    const list = (await officer.get('/api/v1/policy-pushes?mine=true&status=pending&pageSize=100')).json();
    expect(list.total).toBe(6);
    const due = list.items.map((p: { dueOn: string }) => p.dueOn);
    expect(due).toEqual([...Array(4).fill(`${Y + 1}-03-31`), `${Y + 1}-06-30`, `${Y + 1}-06-30`]);
    expect(list.items[0]).toMatchObject({
      ownerName: '张专员',
      status: 'pending',
      policyTitle: '研发投入普惠奖励（测试）',
    });
  });

  it('marks a push told with a note, once per version, and can delete no policy that has pushes', async () => {
    const [first, second] = (await officer.get('/api/v1/policy-pushes?mine=true&status=pending')).json()
      .items;
    const told = await officer.patch(`/api/v1/policy-pushes/${first.id}`, {
      version: first.version,
      status: 'told',
      note: '已电话告知财务负责人',
    });
    expect(told.statusCode, told.body).toBe(200);
    expect(told.json()).toMatchObject({
      status: 'told',
      toldByName: '张专员',
      note: '已电话告知财务负责人',
      version: 2,
    });
    expect(told.json().toldAt).toBeTruthy();
    const stale = await officer.patch(`/api/v1/policy-pushes/${first.id}`, {
      version: first.version,
      status: 'told',
    });
    expect(stale.statusCode).toBe(409);
    await officer.patch(`/api/v1/policy-pushes/${second.id}`, {
      version: second.version,
      status: 'told',
      note: '=cmd|calc',
    });
    expect((await officer.get('/api/v1/policy-pushes?mine=true&status=pending')).json().total).toBe(4);
    expect((await officer.get('/api/v1/policy-pushes?status=told')).json().total).toBe(2);
    const p = (await leader.get(`/api/v1/policies/${soonPolicy}`)).json();
    const del = await leader.del(`/api/v1/policies/${soonPolicy}?version=${p.version}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('policy.has_pushes');
  });

  it('shows the push on the match list', async () => {
    const m = (await officer.get(`/api/v1/policies/${rdPolicy.id}/matches`)).json();
    for (const i of m.items) expect(i.push).toMatchObject({ status: expect.stringMatching(/pending|told/) });
  });

  it('exports the push list to XLSX, formula-safe', async () => {
    const res = await officer.get('/api/v1/policy-pushes/export?mine=true');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('政策推送清单'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toContain('截止日期');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(6);
    const cells = rows.flat().map(String);
    expect(cells).toContain(`'${EVIL}`);
    expect(cells).not.toContain(EVIL);
    expect(cells).toContain(`'=cmd|calc`);
    expect(cells).toContain('已告知');
  });
});

describe('org isolation', () => {
  it('a 南通 officer neither reads nor changes 盐南 policies, their matches, pushes or firms', async () => {
    const list = (await ntOfficer.get('/api/v1/policies?pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const p of list.items) expect(p.orgName).toBe('南通开发区');
    expect((await ntOfficer.get(`/api/v1/policies/${rdPolicy.id}`)).statusCode).toBe(404);
    expect((await ntOfficer.get(`/api/v1/policies/${rdPolicy.id}/matches`)).statusCode).toBe(404);
    expect(
      (await ntOfficer.patch(`/api/v1/policies/${rdPolicy.id}`, { version: 1, title: '越权' })).statusCode,
    ).toBe(404);
    expect((await ntOfficer.post(`/api/v1/policies/${rdPolicy.id}/pushes`, {})).statusCode).toBe(404);
    expect((await ntOfficer.get(`/api/v1/enterprises/${firms.at}/policies`)).statusCode).toBe(404);
    expect((await ntOfficer.get('/api/v1/policy-pushes?pageSize=200')).json().total).toBe(0);
    const push = (await officer.get('/api/v1/policy-pushes')).json().items[0];
    const res = await ntOfficer.patch(`/api/v1/policy-pushes/${push.id}`, {
      version: push.version,
      status: 'told',
    });
    expect(res.statusCode).toBe(404);
    const xlsx = await ntOfficer.get('/api/v1/policy-pushes/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(1);
  });

  it('their own policy finds their firms, never 盐南’s', async () => {
    const own = (await ntOfficer.get('/api/v1/policies')).json().items[0];
    expect(own.title).toBe('南通开发区高新技术企业培育奖励');
    const m = (await ntOfficer.get(`/api/v1/policies/${own.id}/matches?pageSize=200`)).json();
    expect(names(m.items)).toEqual(['南通政策甲科技有限公司']);
    expect(m.counts.match + m.counts.close + m.counts.unknown + m.counts.far).toBe(1);
    expect((await officer.get(`/api/v1/policies/${own.id}`)).statusCode).toBe(404);
  });
});
