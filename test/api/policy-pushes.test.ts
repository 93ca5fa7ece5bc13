/** 政策找企业's push list: one push per matching firm, assigned inside the org, told once, exported to
 *  XLSX formula-safe; and a 南通 officer sees none of 盐南's policies, matches, pushes or firms. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestContext, USER } from '../helpers/app.js';
import { EVIL, names, RD_POLICY, setUpPolicyWorld, Y } from '../helpers/policy-world.js';

let t: TestContext;
let officer: Client;
let leader: Client;
let ntOfficer: Client;
let firms: Record<string, string>;
let rdPolicy: { id: string; version: number };

beforeAll(async () => {
  ({ t, officer, leader, ntOfficer, firms, rdPolicy } = await setUpPolicyWorld());
});
afterAll(() => t.close());

describe('推送清单', () => {
  let soonPolicy: string;

  it('creates one push per matching firm, once', async () => {
    const first = await officer.post(`/api/v1/policies/${rdPolicy.id}/pushes`, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ matched: 2, created: 2, existing: 0, reassigned: 0 });
    expect((await officer.post(`/api/v1/policies/${rdPolicy.id}/pushes`, {})).json()).toEqual({
      matched: 2,
      created: 0,
      existing: 2,
      reassigned: 0,
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
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('assignee.invalid');
    const res = await leader.post(`/api/v1/policies/${soonPolicy}/pushes`, { ownerId: USER.officer });
    expect(res.json()).toMatchObject({ matched: 4, created: 4 });
    expect((await leader.get('/api/v1/policy-pushes?mine=true')).json().total).toBe(0);
    // The 工作台 counts the firms each still has to tell: the officer's own two and the leader's four.
    const toTell = async (client: Client) =>
      (await client.get('/api/v1/workbench'))
        .json()
        .items.find((i: { key: string }) => i.key === 'pushesToTell').count;
    expect(await toTell(officer)).toBe(6);
    expect(await toTell(leader)).toBe(0);
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
