/** 招商项目: leads, the duplicate warning across a city, the stage machine through the API, follow-ups. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { addFirm } from '../helpers/firms.js';

let t: TestContext;
let officer: Client;

let target: string;
let local: string;
let project: { id: string; version: number };

beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
  target = await addFirm(t.database.db, '苏州项目测试储能科技有限公司', {
    org: ORG.yannan,
    uscc: '91320500MA1PROJ0X1',
  });
  local = await addFirm(t.database.db, '盐城项目测试储能科技有限公司', { org: ORG.yannan });
  const res = await officer.post('/api/v1/projects', {
    name: '储能电池 PACK 基地',
    enterpriseId: target,
    source: '以商引商',
    type: '行业龙头',
    plannedInvestment: 5e8,
    talents: 12,
  });
  expect(res.statusCode).toBe(201);
  project = res.json();
});
afterAll(() => t.close());

describe('projects', () => {
  it('starts as a 线索 owned by its creator, with the first event recorded', async () => {
    const p = (await officer.get(`/api/v1/projects/${project.id}`)).json();
    expect(p).toMatchObject({
      stage: 'lead',
      stageName: '线索',
      ownerName: '张专员',
      plannedInvestment: 5e8,
    });
    expect(p.events).toMatchObject([{ fromStage: null, toStage: 'lead', byName: '张专员' }]);
  });

  it('warns a team elsewhere in the city that the firm is already being chased, then lets it go on knowingly', async () => {
    const sys = await login(t.app, 'sysadmin');
    const park = await sys.post('/api/v1/orgs', {
      code: 'ycjkq',
      name: '盐城经开区',
      kind: 'park',
      parentId: ORG.yancheng,
    });
    expect(park.statusCode).toBe(201);
    await sys.post('/api/v1/users', {
      username: 'yc_officer',
      displayName: '经开区专员',
      password: 'ycofficer2026',
      roles: ['officer'],
      orgId: park.json().id,
    });
    const same = await addFirm(t.database.db, '苏州项目测试储能科技有限公司', {
      org: park.json().id,
      uscc: '91320500MA1PROJ0X1',
    });
    const other = await login(t.app, 'yc_officer', 'ycofficer2026');
    const body = { name: '储能项目', enterpriseId: same, source: '中介', type: '其他' };
    const warned = await other.post('/api/v1/projects', body);
    expect(warned.statusCode).toBe(409);
    expect(warned.json().message).toContain('该企业已有本市在谈的项目');
    expect(warned.json().details.duplicates).toEqual([
      expect.objectContaining({
        name: '储能电池 PACK 基地',
        org: '盐南高新区',
        owner: '张专员',
        stage: '线索',
      }),
    ]);
    const knowingly = await other.post('/api/v1/projects', { ...body, acknowledgeDuplicates: true });
    expect(knowingly.statusCode).toBe(201);
    expect(knowingly.json().duplicates).toHaveLength(1);
    // Another city is not warned.
    const nt = await login(t.app, 'nt_officer');
    const ntFirm = await addFirm(t.database.db, '苏州项目测试储能科技有限公司', {
      org: ORG.ntkfq,
      uscc: '91320500MA1PROJ0X1',
    });
    expect((await nt.post('/api/v1/projects', { ...body, enterpriseId: ntFirm })).statusCode).toBe(201);
  });

  it('moves stage by stage, naming what a stage lacks, refusing skips and stale versions', async () => {
    const move = (body: Record<string, unknown>) => officer.post(`/api/v1/projects/${project.id}/move`, body);
    const skip = await move({
      version: project.version,
      to: 'signing',
      contractDate: '2026-11-30',
      contractAmount: 5e8,
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().message).toContain('请先推进到“接洽”');
    const lacking = await move({ version: project.version, to: 'contact' });
    expect(lacking.statusCode).toBe(409);
    expect(lacking.json().message).toContain('进入“接洽”阶段还需填写：对接人');
    // An English client is told the same thing in English, not just "cannot move there".
    const lackingEn = await officer.request(
      'POST',
      `/api/v1/projects/${project.id}/move`,
      { version: project.version, to: 'contact' },
      { 'accept-language': 'en' },
    );
    expect(lackingEn.json().message).toContain('To enter Contact, still needed: contact person');
    let p = (await move({ version: project.version, to: 'contact', contactPerson: '李总' })).json();
    expect(p).toMatchObject({ stage: 'contact', contactPerson: '李总' });
    expect((await move({ version: project.version, to: 'visit', visitDate: '2026-11-20' })).statusCode).toBe(
      409,
    );
    p = (await move({ version: p.version, to: 'visit', visitDate: '2026-11-20' })).json();
    p = (await move({ version: p.version, to: 'evaluation' })).json();
    const noAmount = await move({ version: p.version, to: 'signing', contractDate: '2026-11-30' });
    expect(noAmount.json().message).toContain('签约金额');
    p = (
      await move({ version: p.version, to: 'signing', contractDate: '2026-11-30', contractAmount: 5e8 })
    ).json();
    const landing = await move({ version: p.version, to: 'landing', landingDate: '2026-12-01' });
    expect(landing.json().message).toContain('落地注册企业');
    // A 外地目标 firm (the investor courted) is not the firm registered here.
    const elsewhere = await addFirm(t.database.db, '上海项目测试外地科技有限公司', {
      fields: { universe: 'target' },
    });
    const outside = await move({
      version: p.version,
      to: 'landing',
      landingDate: '2026-12-01',
      localEnterpriseId: elsewhere,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'project.landing_not_local' });
    expect(outside.json().message).toContain('须为本地在册企业');
    expect(outside.json().message).toContain('上海项目测试外地科技有限公司');
    // Dates are of things done, in their order: no future visit, no landing before the signing.
    const future = await move({
      version: p.version,
      to: 'landing',
      landingDate: '2999-01-01',
      localEnterpriseId: local,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0].message).toBe('落地日期不能晚于今天');
    const early = await move({
      version: p.version,
      to: 'landing',
      landingDate: '2020-01-01',
      localEnterpriseId: local,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('落地日期（2020-01-01）不能早于签约日期（2026-11-30）');
    p = (
      await move({ version: p.version, to: 'landing', landingDate: '2026-12-01', localEnterpriseId: local })
    ).json();
    expect(p).toMatchObject({ stage: 'landing', localEnterpriseId: local, contractAmount: 5e8 });
    expect(p.events.map((e: { toStage: string }) => e.toStage)).toEqual([
      'lead',
      'contact',
      'visit',
      'evaluation',
      'signing',
      'landing',
    ]);
    project = p;
  });

  it('pauses with a reason, resumes where it was, and terminates', async () => {
    const move = (body: Record<string, unknown>) => officer.post(`/api/v1/projects/${project.id}/move`, body);
    let p = (await move({ version: project.version, to: 'paused', reason: '等待土地指标' })).json();
    expect(p).toMatchObject({ stage: 'paused', pausedFrom: 'landing', reason: '等待土地指标' });
    expect(
      (await move({ version: p.version, to: 'production', productionDate: '2026-12-05' })).statusCode,
    ).toBe(409);
    p = (await move({ version: p.version, to: 'landing' })).json();
    expect(p.stage).toBe('landing');
    project = p;
  });

  it('keeps follow-ups with the next step, and shows them on the project and in the list', async () => {
    const res = await officer.post(`/api/v1/projects/${project.id}/follow-ups`, {
      kind: 'visit',
      date: '2026-11-25',
      participants: '张专员、李总',
      content: '实地查看厂房，企业关注电价与人才公寓',
      nextStep: '对接供电公司',
      nextDate: '2026-12-10',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().followUps[0]).toMatchObject({
      kind: 'visit',
      nextDate: '2026-12-10',
      createdByName: '张专员',
    });
    const list = (await officer.get('/api/v1/projects?q=PACK')).json();
    expect(list.items[0]).toMatchObject({ id: project.id, lastFollowUp: '2026-11-25', stageName: '落地' });
    // Staleness counts from the last follow-up, or from the lead's creation (not from the last move).
    expect(Date.parse(list.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(list.items[0].updatedAt));
    const bad = await officer.post(`/api/v1/projects/${project.id}/follow-ups`, {
      kind: 'visit',
      date: '2026-13-01',
      content: 'x',
    });
    expect(bad.statusCode).toBe(400);
    // A follow-up dated ahead would stand as the last one until that day, hiding the project from 停滞.
    const ahead = await officer.post(`/api/v1/projects/${project.id}/follow-ups`, {
      kind: 'call',
      date: '2999-06-01',
      content: '预约回访',
    });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().details).toMatchObject([{ field: 'body.date', message: '跟进日期不能晚于今天' }]);
    const backwards = await officer.post(`/api/v1/projects/${project.id}/follow-ups`, {
      kind: 'call',
      date: '2026-11-26',
      content: '电话沟通',
      nextDate: '2026-01-05',
    });
    expect(backwards.json().details).toMatchObject([
      { field: 'body.nextDate', message: '下次跟进日期不能早于本次跟进日期' },
    ]);
    expect((await officer.get(`/api/v1/projects/${project.id}`)).json().followUps).toHaveLength(1);
  });

  it('keeps other orgs out and lets analysts read only', async () => {
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get(`/api/v1/projects/${project.id}`)).statusCode).toBe(404);
    expect(
      (
        await nt.post(`/api/v1/projects/${project.id}/move`, {
          version: project.version,
          to: 'production',
          productionDate: '2026-12-05',
        })
      ).statusCode,
    ).toBe(404);
    const analyst = await login(t.app, 'analyst');
    expect((await analyst.get(`/api/v1/projects/${project.id}`)).statusCode).toBe(200);
    expect(
      (
        await analyst.post(`/api/v1/projects/${project.id}/follow-ups`, {
          kind: 'call',
          date: '2026-11-26',
          content: '电话',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a stage date before 2000, as it does for follow-ups', async () => {
    const firm = await addFirm(t.database.db, '南京项目测试日期科技有限公司', { org: ORG.yannan });
    let p = (
      await officer.post('/api/v1/projects', {
        name: '日期校验项目',
        enterpriseId: firm,
        source: '基金',
        type: '初创',
      })
    ).json();
    p = (
      await officer.post(`/api/v1/projects/${p.id}/move`, {
        version: p.version,
        to: 'contact',
        contactPerson: '周总',
      })
    ).json();
    const ancient = await officer.post(`/api/v1/projects/${p.id}/move`, {
      version: p.version,
      to: 'visit',
      visitDate: '1900-01-01',
    });
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json().details).toMatchObject([
      { field: 'body.visitDate', message: '考察日期不能早于 2000 年' },
    ]);
    expect((await officer.get(`/api/v1/projects/${p.id}`)).json()).toMatchObject({
      stage: 'contact',
      visitDate: null,
    });
  });
});
