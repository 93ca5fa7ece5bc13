import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { daysFromToday, today } from '../helpers/dates.js';
import { addFirm } from '../helpers/firms.js';

let t: TestContext;
let officer: Client;
let leader: Client;

async function newProject(client: Client, name: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/projects', {
    name,
    enterpriseId: await addFirm(t.database.db, `${name}科技有限公司`),
    source: '路演',
    type: '初创',
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number; name: string };
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
  leader = await login(t.app, 'leader');
});
afterAll(() => t.close());

describe('editing a project', () => {
  it('saves the fields given and refuses a stale version with the other officer’s change', async () => {
    const p = await newProject(officer, '氢能装备基地');
    const first = await officer.patch(`/api/v1/projects/${p.id}`, {
      version: p.version,
      plannedInvestment: 3e8,
      arrivedInvestment: 1e8,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      plannedInvestment: 3e8,
      arrivedInvestment: 1e8,
      version: p.version + 1,
      name: '氢能装备基地',
    });
    // The second officer still holds the old version.
    const second = await leader.patch(`/api/v1/projects/${p.id}`, {
      version: p.version,
      plannedInvestment: 9e8,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('数据已被他人修改');
    expect(second.json().details.current).toMatchObject({ plannedInvestment: 3e8, version: p.version + 1 });
    const audit = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit?entity=project&entityId=${p.id}`,
        headers: { cookie: (await login(t.app, 'admin')).cookie },
      })
    ).json();
    expect(JSON.stringify(audit)).toContain('300000000');
  });

  it('refuses an owner from another city', async () => {
    const p = await newProject(officer, '风电叶片项目');
    const res = await officer.patch(`/api/v1/projects/${p.id}`, {
      version: p.version,
      ownerId: '00000000-0000-4000-8000-000000000106',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('负责人须为本组织');
  });
});

describe('board, funnel and list', () => {
  it('gives every column with its total in one request, and the funnel counts what reached a stage', async () => {
    const a = await newProject(officer, '看板测试甲');
    await newProject(officer, '看板测试乙');
    const moved = await officer.post(`/api/v1/projects/${a.id}/move`, {
      version: a.version,
      to: 'contact',
      contactPerson: '王总',
    });
    expect(moved.statusCode).toBe(200);
    const board = (await officer.get('/api/v1/projects/board?q=看板测试&limit=1')).json();
    expect(board.columns.map((c: { stage: string }) => c.stage)).toEqual([
      'lead',
      'contact',
      'visit',
      'evaluation',
      'signing',
      'landing',
      'production',
      'paused',
      'terminated',
    ]);
    const lead = board.columns[0];
    expect(lead).toMatchObject({ stageName: '线索', total: 1 });
    expect(board.columns[1].items.map((p: { name: string }) => p.name)).toEqual(['看板测试甲']);
    // A third project reaches 接洽 and is then ended: it counts as having reached 接洽, so the funnel
    // shows where it was lost (left out, 接洽 had looked like a 100 % step).
    const c = await newProject(officer, '看板测试丙');
    const met = await officer.post(`/api/v1/projects/${c.id}/move`, {
      version: c.version,
      to: 'contact',
      contactPerson: '赵总',
    });
    const ended = await officer.post(`/api/v1/projects/${c.id}/move`, {
      version: met.json().version,
      to: 'terminated',
      reason: '企业另选他址',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const funnel = (await officer.get('/api/v1/projects/funnel?q=看板测试')).json();
    expect(funnel.stages.slice(0, 3)).toEqual([
      { stage: 'lead', stageName: '线索', count: 1, reached: 3 },
      { stage: 'contact', stageName: '接洽', count: 1, reached: 2 },
      { stage: 'visit', stageName: '考察', count: 0, reached: 0 },
    ]);
    expect(funnel.stages.at(-1)).toMatchObject({ stage: 'terminated', count: 1, reached: 1 });
  });

  it('filters by source, type and staleness, sorts, and exports a formula-safe XLSX', async () => {
    const old = await newProject(officer, '=HYPERLINK("x") 停滞项目', { source: '基金', type: '科学家团队' });
    await officer.post(`/api/v1/projects/${old.id}/follow-ups`, {
      kind: 'call',
      date: daysFromToday(-40),
      content: '电话沟通',
    });
    const stale = (await officer.get('/api/v1/projects?stale=true&source=基金')).json();
    expect(stale.items.map((p: { name: string }) => p.name)).toEqual(['=HYPERLINK("x") 停滞项目']);
    // "false" means no filter, not "only stale" (it was read as true); nor does mine=false mean mine.
    const all = (await officer.get('/api/v1/projects?source=基金')).json().total;
    expect((await officer.get('/api/v1/projects?stale=false&source=基金')).json().total).toBe(all);
    expect((await leader.get('/api/v1/projects?mine=false&source=基金')).json().total).toBe(all);
    expect((await officer.get('/api/v1/projects?type=科学家团队&source=路演')).json().total).toBe(0);
    // The org's rule decides: at 60 days it is no longer stale.
    const rules = (await leader.get('/api/v1/pipeline-settings')).json();
    expect(rules).toMatchObject({ staleDays: 30, version: 1 });
    expect(
      (await leader.request('PUT', '/api/v1/pipeline-settings', { version: 1, staleDays: 60 })).statusCode,
    ).toBe(200);
    expect((await officer.get('/api/v1/projects?stale=true&source=基金')).json().total).toBe(0);
    const again = await leader.request('PUT', '/api/v1/pipeline-settings', { version: 1, staleDays: 10 });
    expect(again.statusCode).toBe(409);
    expect(
      (await leader.request('PUT', '/api/v1/pipeline-settings', { version: 2, staleDays: 30 })).statusCode,
    ).toBe(200);
    expect(
      (await officer.request('PUT', '/api/v1/pipeline-settings', { version: 3, staleDays: 5 })).statusCode,
    ).toBe(403);

    const sorted = (await officer.get('/api/v1/projects?q=看板测试&sort=name&order=asc')).json();
    expect(sorted.items.map((p: { name: string }) => p.name)).toEqual(
      ['看板测试丙', '看板测试乙', '看板测试甲'].sort(),
    );
    const file = await officer.get('/api/v1/projects/export.xlsx?source=基金');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('招商项目'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toContain('项目名称');
    expect(ws.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("x") 停滞项目`);
  });
});

describe('my work', () => {
  it('lists my projects whose next follow-up is due and those gone stale', async () => {
    const due = await newProject(officer, '到期跟进项目');
    await officer.post(`/api/v1/projects/${due.id}/follow-ups`, {
      kind: 'visit',
      date: daysFromToday(-3),
      content: '上门拜访',
      nextDate: daysFromToday(2),
    });
    const idle = await newProject(officer, '久未跟进项目');
    await officer.post(`/api/v1/projects/${idle.id}/follow-ups`, {
      kind: 'call',
      date: daysFromToday(-45),
      content: '电话',
    });
    const work = (await officer.get('/api/v1/projects/my-work')).json();
    expect(work).toMatchObject({ staleDays: 30, today });
    expect(work.due.find((p: { name: string }) => p.name === '到期跟进项目')).toMatchObject({
      nextFollowUpDate: daysFromToday(2),
      idleDays: 3,
    });
    expect(work.stale.find((p: { name: string }) => p.name === '久未跟进项目')).toMatchObject({
      idleDays: 45,
    });
    expect(work.stale.some((p: { name: string }) => p.name === '到期跟进项目')).toBe(false);
    // The leader owns none of them.
    expect((await leader.get('/api/v1/projects/my-work')).json().due).toEqual([]);
  });
});

describe('project sources', () => {
  it('follows the org’s own list of sources, edited by a leader', async () => {
    const rules = (await leader.get('/api/v1/pipeline-settings')).json();
    expect(rules.sources).toContain('路演');
    const firm = await addFirm(t.database.db, '来源测试科技有限公司');
    const body = { name: '来源测试项目', enterpriseId: firm, source: '校友会', type: '初创' };
    const refused = await officer.post('/api/v1/projects', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('项目来源应为：路演、创新创业大赛');
    const saved = await leader.request('PUT', '/api/v1/pipeline-settings', {
      version: rules.version,
      sources: [...rules.sources, '校友会'],
    });
    expect(saved.json().sources).toContain('校友会');
    expect((await officer.post('/api/v1/projects', body)).statusCode).toBe(201);
    expect((await officer.get('/api/v1/projects?source=校友会')).json().total).toBe(1);
    const dup = await leader.request('PUT', '/api/v1/pipeline-settings', {
      version: saved.json().version,
      sources: ['路演', '路演'],
    });
    expect(dup.statusCode).toBe(400);
    // Back to the built-in list for the other tests.
    await leader.request('PUT', '/api/v1/pipeline-settings', {
      version: saved.json().version,
      sources: rules.defaultSources,
    });
  });
});

describe('saved views', () => {
  it('saves named filters per user, refuses a taken name, and deletes', async () => {
    const v = await officer.post('/api/v1/saved-views', {
      page: 'projects',
      name: '我的基金项目',
      query: { source: '基金', stale: true },
    });
    expect(v.statusCode).toBe(201);
    expect(
      (await officer.post('/api/v1/saved-views', { page: 'projects', name: '我的基金项目', query: {} }))
        .statusCode,
    ).toBe(409);
    expect((await officer.get('/api/v1/saved-views?page=projects')).json().items).toMatchObject([
      { name: '我的基金项目', query: { source: '基金', stale: true } },
    ]);
    expect((await leader.get('/api/v1/saved-views?page=projects')).json().items).toEqual([]);
    expect((await leader.del(`/api/v1/saved-views/${v.json().id}`)).statusCode).toBe(404);
    expect((await officer.del(`/api/v1/saved-views/${v.json().id}`)).statusCode).toBe(204);
    // A view the list could not open is refused, saying which condition.
    const bad = await officer.post('/api/v1/saved-views', {
      page: 'projects',
      name: '坏视图',
      query: { stage: 'nonsense', sort: 'DROP' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('视图中的“阶段”条件无效');
  });
});

describe('overlaps', () => {
  it('shows a leader two teams on one firm and ends the other when one keeps it', async () => {
    const firm = await addFirm(t.database.db, '重叠测试新材料有限公司', { uscc: '91320900MA1OVLP001' });
    const body = { enterpriseId: firm, source: '中介', type: '其他', acknowledgeDuplicates: true };
    const a = (await officer.post('/api/v1/projects', { ...body, name: '新材料项目（张）' })).json();
    const b = (await leader.post('/api/v1/projects', { ...body, name: '新材料项目（李）' })).json();
    expect((await officer.get('/api/v1/projects/overlaps')).statusCode).toBe(403);
    const groups = (await leader.get('/api/v1/projects/overlaps')).json().groups;
    const g = groups.find((x: { enterpriseName: string }) => x.enterpriseName === '重叠测试新材料有限公司');
    expect(g.projects.map((p: { name: string }) => p.name).sort()).toEqual(
      ['新材料项目（张）', '新材料项目（李）'].sort(),
    );
    // Keeping a project against itself settles nothing: refused, and the kept project is untouched.
    const alone = await leader.post('/api/v1/projects/overlaps/resolve', {
      keepProjectId: a.id,
      otherProjectIds: [a.id],
      action: 'terminate',
    });
    expect(alone.statusCode).toBe(400);
    expect(alone.json()).toMatchObject({ code: 'overlap.not_overlapping' });
    expect((await leader.get(`/api/v1/projects/${a.id}`)).json().events).toHaveLength(1);
    const done = await leader.post('/api/v1/projects/overlaps/resolve', {
      keepProjectId: a.id,
      otherProjectIds: [b.id],
      action: 'terminate',
      note: '由张专员牵头',
    });
    expect(done.json()).toEqual({ resolved: 2 });
    const ended = (await leader.get(`/api/v1/projects/${b.id}`)).json();
    expect(ended).toMatchObject({ stage: 'terminated' });
    expect(ended.reason).toContain('与“新材料项目（张）”（盐南高新区，张专员）重复');
    expect(ended.reason).toContain('由张专员牵头');
    const after = (await leader.get('/api/v1/projects/overlaps')).json().groups;
    expect(after.some((x: { enterpriseName: string }) => x.enterpriseName === '重叠测试新材料有限公司')).toBe(
      false,
    );
    const stray = await leader.post('/api/v1/projects/overlaps/resolve', {
      keepProjectId: a.id,
      otherProjectIds: [b.id],
      action: 'coordinate',
    });
    expect(stray.statusCode).toBe(400);
  });
});
