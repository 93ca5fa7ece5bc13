/** Typing a firm's yearly figures, IP counts and 资质 on the profile: the typist becomes the source of
 *  what they changed and only that, bad figures are refused with the fields named in Chinese, a stale
 *  version is refused, every change is audited, and only admins and officers of the firm's org may do it. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../../src/domain/text/china-today.js';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { makeUscc } from '../helpers/enterprise-files.js';

let t: TestContext;
let officer: Client;
let firmId: string;

const NAME = '盐南事实录入科技有限公司';
const CSV = [
  '统一社会信用代码,企业名称,行政区划代码,所属行业,年度,员工人数,科技人员数,营业收入(万元),研发费用(万元),发明专利,软件著作权',
  `${makeUscc(801)},${NAME},320904,C39,2024,120,30,5000,400,6,11`,
].join('\n');

type Detail = {
  id: string;
  version: number;
  years: { year: number; [k: string]: unknown; provenance: Prov }[];
  ip: { kind: string; count: number; provenance: Prov }[];
  qualifications: { id: string; tier: string; certificateNo: string | null; provenance: Prov }[];
  history: { action: string; actorName: string; before: unknown; after: unknown }[];
};
type Prov = { source: Record<string, unknown>; asOf: string; fields?: Record<string, { source: unknown }> };

async function importCsv(client: Client, csv: string) {
  const res = await client.postForm(
    '/api/v1/enterprises/imports',
    {},
    { name: '事实.csv', content: Buffer.from(csv) },
  );
  const id = res.json().id;
  for (let i = 0; i < 300; i++) {
    const job = (await client.get(`/api/v1/jobs/${id}`)).json();
    if (job.status === 'succeeded') return job;
    if (job.status === 'failed') throw new Error(job.error);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import timed out');
}

const detail = async (): Promise<Detail> => (await officer.get(`/api/v1/enterprises/${firmId}`)).json();
const yearOf = (d: Detail, year: number) => d.years.find((y) => y.year === year);
const putYear = (c: Client, year: number | string, body: Record<string, unknown>) =>
  c.request('PUT', `/api/v1/enterprises/${firmId}/years/${year}`, body);
const fieldErrors = (res: { json(): { details: { field: string; message: string }[] } }) =>
  res.json().details;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
  await importCsv(officer, CSV);
  const list = (await officer.get(`/api/v1/enterprises?q=${encodeURIComponent(NAME)}`)).json();
  firmId = list.items[0].id;
});
afterAll(() => t.close());

describe('yearly figures', () => {
  it('marks the user as the source of the changed figures only; the others keep the import', async () => {
    const before = await detail();
    expect(yearOf(before, 2024)?.provenance.source).toMatchObject({ kind: 'import', file: '事实.csv' });
    const res = await putYear(officer, 2024, {
      version: before.version,
      revenue: 52_000_000,
      mainRevenue: 48_000_000.5,
      rdExpense: 4_000_000, // as imported: not a change
    });
    expect(res.statusCode, res.body).toBe(200);
    const after: Detail = res.json();
    expect(after.version).toBe(before.version + 1);
    const y = yearOf(after, 2024);
    expect(y).toMatchObject({
      revenue: 52_000_000,
      mainRevenue: 48_000_000.5,
      rdExpense: 4_000_000,
      employees: 120,
    });
    const fields = y?.provenance.fields ?? {};
    const user = { kind: 'user', userName: '张专员' };
    expect(fields.revenue?.source).toMatchObject(user);
    expect(fields.mainRevenue?.source).toMatchObject(user);
    expect(Object.keys(fields).sort()).toEqual(['mainRevenue', 'revenue']);
    // rdExpense and employees still answer to the import file's row.
    expect(y?.provenance.source).toMatchObject({ kind: 'import', file: '事实.csv', row: 2 });
  });

  it('starts a new year with the user as the source of the whole row', async () => {
    const { version } = await detail();
    const res = await putYear(officer, 2023, {
      version,
      employees: 100,
      revenue: 30_000_000,
      netProfit: -1_200_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const y = yearOf(res.json(), 2023);
    expect(y).toMatchObject({ employees: 100, revenue: 30_000_000, netProfit: -1_200_000, techStaff: null });
    expect(y?.provenance.source).toMatchObject({ kind: 'user', userName: '张专员' });
    expect(y?.provenance.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses figures that do not add up, naming the fields in Chinese, and writes nothing', async () => {
    const before = await detail();
    const res = await putYear(officer, 2024, { version: before.version, techStaff: 150 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('request.invalid');
    expect(fieldErrors(res)).toEqual([
      { field: 'body.techStaff', message: '科技人员数（150 人）不能大于员工人数（120 人）' },
    ]);
    const more = await putYear(officer, 2024, {
      version: before.version,
      rdExpense: 1_000_000,
      rdExpenseDomestic: 2_000_000,
      hightechRevenue: 60_000_000,
    });
    expect(
      fieldErrors(more)
        .map((d) => d.field)
        .sort(),
    ).toEqual(['body.hightechRevenue', 'body.rdExpenseDomestic']);
    expect(fieldErrors(more).find((d) => d.field === 'body.rdExpenseDomestic')?.message).toBe(
      '境内研发费用（200 万元）不能大于研发费用（100 万元）',
    );
    expect(await detail()).toEqual(before);
  });

  it('refuses bad numbers and years with Chinese messages', async () => {
    const { version } = await detail();
    const cases: [number | string, Record<string, unknown>, string, string][] = [
      [2024, { revenue: 1.005 }, 'body.revenue', '营业收入最多保留 2 位小数（单位：元）'],
      [2024, { totalAssets: -5 }, 'body.totalAssets', '资产总额不能为负数'],
      [2024, { employees: 12.5 }, 'body.employees', '员工人数应为整数'],
      [2024, { rdStaff: -1 }, 'body.rdStaff', '研发人员数不能为负数'],
      [1989, { employees: 1 }, 'params.year', '年度不能早于 1990 年'],
      [new Date().getFullYear() + 1, { employees: 1 }, 'params.year', '年度不能晚于今年'],
      ['二〇二四', { employees: 1 }, 'params.year', '年度应为 4 位数字'],
    ];
    for (const [year, body, field, message] of cases) {
      const res = await putYear(officer, encodeURIComponent(String(year)), { version, ...body });
      expect(res.statusCode, `${year} ${JSON.stringify(body)}`).toBe(400);
      expect(fieldErrors(res)).toContainEqual({ field, message });
    }
    const empty = await putYear(officer, 2022, { version });
    expect(fieldErrors(empty)[0].message).toBe('请至少填写 2022 年度的一项数据');
  });

  it('refuses a stale version with 409 and keeps the newer figures', async () => {
    const { version } = await detail();
    const stale = await putYear(officer, 2024, { version: version - 1, revenue: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict.stale', message: '数据已被他人修改，请刷新后重试' });
    expect(yearOf(await detail(), 2024)?.revenue).toBe(52_000_000);
  });

  it('lets only one of two simultaneous edits based on the same version through', async () => {
    const { version } = await detail();
    const results = await Promise.all([
      putYear(officer, 2024, { version, totalCost: 1_000_000 }),
      putYear(officer, 2024, { version, totalCost: 2_000_000 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner: Detail = (results.find((r) => r.statusCode === 200) as (typeof results)[number]).json();
    const now = await detail();
    expect(now.version).toBe(version + 1);
    expect(yearOf(now, 2024)?.totalCost).toBe(yearOf(winner, 2024)?.totalCost);
  });

  it('audits each change with its before and after values in the firm history', async () => {
    const { version } = await detail();
    await putYear(officer, 2024, { version, taxPaid: 1_500_000, revenue: 52_000_000 });
    const d = await detail();
    expect(d.history[0]).toMatchObject({
      action: 'update',
      actorName: '张专员',
      before: { fact: 'year', year: 2024, taxPaid: null },
      after: { fact: 'year', year: 2024, taxPaid: 1_500_000 },
    });
    // An unchanged figure is neither re-sourced nor listed as a change.
    expect(d.history[0].after).not.toHaveProperty('revenue');
  });

  it('deletes a year, version-checked and audited', async () => {
    const { version } = await detail();
    const stale = await officer.del(`/api/v1/enterprises/${firmId}/years/2023?version=${version - 1}`);
    expect(stale.statusCode).toBe(409);
    const res = await officer.del(`/api/v1/enterprises/${firmId}/years/2023?version=${version}`);
    expect(res.statusCode, res.body).toBe(200);
    const d: Detail = res.json();
    expect(d.years.map((y) => y.year)).toEqual([2024]);
    expect(d.version).toBe(version + 1);
    expect(d.history[0]).toMatchObject({
      before: { fact: 'year', year: 2023, revenue: 30_000_000 },
      after: { fact: 'year', year: 2023 },
    });
    const again = await officer.del(`/api/v1/enterprises/${firmId}/years/2023?version=${d.version}`);
    expect(again.json()).toMatchObject({
      code: 'enterprise.year_not_found',
      message: '该年度数据不存在或已被删除',
    });
  });
});

describe('IP counts', () => {
  it('sets counts by class with the user as source; 0 removes a class; others keep the import', async () => {
    const { version } = await detail();
    const res = await officer.request('PUT', `/api/v1/enterprises/${firmId}/ip`, {
      version,
      counts: { invention_patent: 0, utility_model: 4, software_copyright: 11 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const d: Detail = res.json();
    const byKind = Object.fromEntries(d.ip.map((i) => [i.kind, i]));
    expect(Object.keys(byKind).sort()).toEqual(['software_copyright', 'utility_model']);
    expect(byKind.utility_model).toMatchObject({ count: 4, provenance: { source: { kind: 'user' } } });
    expect(byKind.software_copyright.provenance.source).toMatchObject({ kind: 'import' });
    expect(d.history[0]).toMatchObject({
      before: { fact: 'ip', invention_patent: 6, utility_model: 0 },
      after: { fact: 'ip', invention_patent: 0, utility_model: 4 },
    });
    const bad = await officer.request('PUT', `/api/v1/enterprises/${firmId}/ip`, {
      version: d.version,
      counts: { design: -2 },
    });
    expect(fieldErrors(bad)).toContainEqual({ field: 'body.counts.design', message: '数量不能为负数' });
  });
});

describe('qualifications', () => {
  const hnte = {
    tier: 'hnte',
    certificateNo: 'GR202432000123',
    issuedOn: '2024-11-19',
    expiresOn: '2027-11-18',
  };

  it('adds one, refuses the same tier on the same day, removes it', async () => {
    const { version } = await detail();
    const added = await officer.post(`/api/v1/enterprises/${firmId}/qualifications`, { version, ...hnte });
    expect(added.statusCode, added.body).toBe(200);
    const d: Detail = added.json();
    const q = d.qualifications.find((x) => x.certificateNo === hnte.certificateNo);
    expect(q).toMatchObject({ tier: 'hnte', provenance: { source: { kind: 'user', userName: '张专员' } } });
    expect(q?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await detail()).qualifications.map((x) => x.id)).toEqual([q?.id]);

    const dup = await officer.post(`/api/v1/enterprises/${firmId}/qualifications`, {
      version: d.version,
      ...hnte,
      certificateNo: 'GR-OTHER',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('conflict.duplicate');
    expect(dup.json().details[0].message).toBe('该企业已有认定日期为 2024-11-19 的“高新技术企业”资质');

    const backwards = await officer.post(`/api/v1/enterprises/${firmId}/qualifications`, {
      version: d.version,
      tier: 'tech_sme',
      issuedOn: '2025-05-01',
      expiresOn: '2024-05-01',
    });
    expect(fieldErrors(backwards)).toContainEqual({
      field: 'body.expiresOn',
      message: '有效期至不能早于认定日期',
    });
    const early = await officer.post(`/api/v1/enterprises/${firmId}/qualifications`, {
      version: d.version,
      tier: 'tech_sme',
      issuedOn: `${Number(chinaToday().slice(0, 4)) + 1}-01-10`,
    });
    expect(fieldErrors(early)).toContainEqual({ field: 'body.issuedOn', message: '认定日期不能晚于今天' });

    const removed = await officer.del(
      `/api/v1/enterprises/${firmId}/qualifications/${q?.id}?version=${d.version}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    const after: Detail = removed.json();
    expect(after.qualifications).toEqual([]);
    expect(after.history[0]).toMatchObject({
      before: { fact: 'qualification', tier: 'hnte', certificateNo: 'GR202432000123' },
      after: { fact: 'qualification' },
    });
  });
});

describe('who may edit', () => {
  const routes = (version: number): [string, string, unknown][] => [
    ['PUT', `/api/v1/enterprises/${firmId}/years/2024`, { version, revenue: 1 }],
    ['DELETE', `/api/v1/enterprises/${firmId}/years/2024?version=${version}`, undefined],
    ['PUT', `/api/v1/enterprises/${firmId}/ip`, { version, counts: { design: 9 } }],
    [
      'POST',
      `/api/v1/enterprises/${firmId}/qualifications`,
      { version, tier: 'gazelle', issuedOn: '2024-01-02' },
    ],
    [
      'DELETE',
      `/api/v1/enterprises/${firmId}/qualifications/00000000-0000-4000-8000-00000000abcd?version=${version}`,
      undefined,
    ],
  ];

  it('gives experts, leaders and analysts 403, and a 南通开发区 officer 404, changing nothing', async () => {
    const before = await detail();
    for (const role of ['expert', 'leader', 'analyst']) {
      const c = await login(t.app, role);
      for (const [method, url, body] of routes(before.version)) {
        const res = await c.request(method as 'PUT', url, body);
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('auth.forbidden');
      }
    }
    const nt = await login(t.app, 'nt_officer');
    for (const [method, url, body] of routes(before.version)) {
      const res = await nt.request(method as 'PUT', url, body);
      expect(res.statusCode, `nt_officer ${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('enterprise.not_found');
      expect(res.body).not.toContain(NAME);
    }
    expect(await detail()).toEqual(before);
  });

  it('lets an admin of the org edit', async () => {
    const admin = await login(t.app, 'admin');
    const { version } = await detail();
    const res = await admin.request('PUT', `/api/v1/enterprises/${firmId}/years/2024`, {
      version,
      rdStaff: 20,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(yearOf(res.json(), 2024)?.provenance.fields?.rdStaff.source).toMatchObject({ userName: '王管理' });
  });
});
