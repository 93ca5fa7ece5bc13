/** 工作台: each role sees the counts of what waits for them — the same rules as 我的工作, 我的评审, the 待核
 *  firms and the 资质即将到期 filter of 企业查询 — and only inside its own org. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifications } from '../../src/db/schema/index.js';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { daysFromToday } from '../helpers/dates.js';
import { addFirm, TEST_PROV } from '../helpers/firms.js';

let t: TestContext;
let officer: Client;

async function counts(client: Client) {
  const res = await client.get('/api/v1/workbench');
  expect(res.statusCode).toBe(200);
  return Object.fromEntries(
    (res.json().items as { key: string; count: number }[]).map((i) => [i.key, i.count]),
  );
}

async function certificate(enterpriseId: string, tier: string, issuedOn: string, expiresOn: string | null) {
  await t.database.db
    .insert(qualifications)
    .values({ enterpriseId, tier, issuedOn, expiresOn, provenance: TEST_PROV });
}

async function projectWithFollowUp(name: string, date: string, nextDate?: string) {
  const p = await officer.post('/api/v1/projects', {
    name,
    enterpriseId: await addFirm(t.database.db, `${name}科技有限公司`),
    source: '路演',
    type: '初创',
  });
  expect(p.statusCode).toBe(201);
  const f = await officer.post(`/api/v1/projects/${p.json().id}/follow-ups`, {
    kind: 'visit',
    date,
    content: '上门拜访',
    ...(nextDate ? { nextDate } : {}),
  });
  expect(f.statusCode).toBe(200);
  return p.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
});
afterAll(() => t.close());

describe('工作台', () => {
  it('counts an officer’s due and stale projects', async () => {
    expect(await counts(officer)).toEqual({
      followUpsDue: 0,
      staleProjects: 0,
      pushesToTell: 0,
      firmsToReview: 0,
      expiringQualifications: 0,
    });
    await projectWithFollowUp('到期跟进项目', daysFromToday(-3), daysFromToday(2));
    await projectWithFollowUp('久未跟进项目', daysFromToday(-45));
    await projectWithFollowUp('下月跟进项目', daysFromToday(-1), daysFromToday(30));
    expect(await counts(officer)).toMatchObject({ followUpsDue: 1, staleProjects: 1 });
    // The leader owns none of them and has no 待核 list to work through.
    expect(await counts(await login(t.app, 'leader'))).toEqual({
      followUpsDue: 0,
      staleProjects: 0,
      pushesToTell: 0,
      expiringQualifications: 0,
    });
    // An analyst owns no project: no project counts, only what an analyst can act on.
    expect(await counts(await login(t.app, 'analyst'))).toEqual({
      pushesToTell: 0,
      expiringQualifications: 0,
    });
  });

  it('counts the firms whose 资质 expires within 90 days and is not renewed, and lists them in 企业查询', async () => {
    const db = t.database.db;
    const soon = await addFirm(db, '将到期高企科技有限公司');
    await certificate(soon, 'hnte', daysFromToday(-1065), daysFromToday(30));
    const renewed = await addFirm(db, '已续期高企科技有限公司');
    await certificate(renewed, 'hnte', daysFromToday(-1065), daysFromToday(30));
    await certificate(renewed, 'hnte', daysFromToday(-5), daysFromToday(1090));
    const later = await addFirm(db, '明年到期高企科技有限公司');
    await certificate(later, 'hnte', daysFromToday(-800), daysFromToday(200));
    const lapsed = await addFirm(db, '已过期专精特新科技有限公司');
    await certificate(lapsed, 'specialized_sme', daysFromToday(-1100), daysFromToday(-10));
    const smeSoon = await addFirm(db, '将到期科小科技有限公司');
    await certificate(smeSoon, 'tech_sme', daysFromToday(-300), daysFromToday(60));
    const courted = await addFirm(db, '上海将到期目标科技有限公司', { fields: { universe: 'target' } });
    await certificate(courted, 'hnte', daysFromToday(-1000), daysFromToday(20));
    const elsewhere = await addFirm(db, '南通将到期科技有限公司', { org: ORG.ntkfq });
    await certificate(elsewhere, 'hnte', daysFromToday(-1000), daysFromToday(10));

    expect((await counts(officer)).expiringQualifications).toBe(2);
    const names = async (query: string) =>
      ((await officer.get(`/api/v1/enterprises?${query}`)).json().items as { name: string }[])
        .map((f) => f.name)
        .sort();
    // The count is of local firms, as the linked list (universe=local) shows them.
    expect(await names('expiring=true&universe=local')).toEqual([
      '将到期科小科技有限公司',
      '将到期高企科技有限公司',
    ]);
    expect(await names('expiring=true')).toContain('上海将到期目标科技有限公司');
    expect(await names('expiring=true&tier=hnte&universe=local')).toEqual(['将到期高企科技有限公司']);
    // The other district sees its own firm only.
    const nt = await login(t.app, 'nt_officer');
    expect((await counts(nt)).expiringQualifications).toBe(1);
  });

  it('counts the firms matched by name only that wait for a reviewer', async () => {
    await addFirm(t.database.db, '仅名称匹配科技有限公司', {
      fields: { reviewReason: '按名称匹配，缺少统一社会信用代码' },
    });
    expect((await counts(officer)).firmsToReview).toBe(1);
    expect((await officer.get('/api/v1/enterprises?review=true')).json().total).toBe(1);
  });

  it('gives an expert the reviews still to score, and nothing of the registry or the projects', async () => {
    const expert = await login(t.app, 'expert');
    expect(await counts(expert)).toEqual({ reviewsToDo: 0 });
    const admin = await login(t.app, 'admin');
    const e = await admin.post('/api/v1/experts', {
      name: '陈教授',
      userId: '00000000-0000-4000-8000-000000000104',
      fields: ['新能源'],
      affiliation: '某大学',
    });
    expect(e.statusCode).toBe(201);
    const projectId = await projectWithFollowUp('待评审项目', daysFromToday(-1));
    const ev = await officer.post(`/api/v1/projects/${projectId}/evaluation`);
    const panel = await admin.post(`/api/v1/evaluations/${ev.json().id}/experts`, {
      expertIds: [e.json().id],
    });
    expect(panel.statusCode).toBe(200);
    expect(await counts(expert)).toEqual({ reviewsToDo: 1 });
  });
});
