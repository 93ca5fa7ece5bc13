/** 专家库 records: what an edit keeps. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { addFirm } from '../helpers/firms.js';

let t: TestContext;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(() => t.close());

describe('专家库', () => {
  it('retiring an expert keeps their research fields and declared interests', async () => {
    const created = await admin.post('/api/v1/experts', {
      name: '赵研究员',
      fields: ['光伏', '储能'],
      declaration: '曾任某储能企业顾问',
    });
    expect(created.statusCode).toBe(201);
    const retired = await admin.patch(`/api/v1/experts/${created.json().id}`, { active: false });
    expect(retired.statusCode).toBe(200);
    const listed = (await admin.get('/api/v1/experts'))
      .json()
      .items.find((e: { id: string }) => e.id === created.json().id);
    expect(listed).toMatchObject({
      active: false,
      fields: ['光伏', '储能'],
      declaration: '曾任某储能企业顾问',
    });
  });

  it('an edit replaces the declared firms and sets or clears the employer; userId cannot change', async () => {
    const a = await addFirm(t.database.db, '专家测试甲科技有限公司');
    const b = await addFirm(t.database.db, '专家测试乙科技有限公司');
    const created = await admin.post('/api/v1/experts', {
      name: '孙教授',
      affiliation: '某大学',
      declaredFirmIds: [a],
      declaration: '持有少量股份',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const edited = await admin.patch(`/api/v1/experts/${id}`, { declaredFirmIds: [b], employerId: a });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ declaredFirmIds: [b], employerId: a, affiliation: '某大学' });
    const cleared = await admin.patch(`/api/v1/experts/${id}`, {
      declaredFirmIds: [],
      employerId: null,
      affiliation: null,
      declaration: null,
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({
      name: '孙教授',
      declaredFirmIds: [],
      employerId: null,
      affiliation: null,
      declaration: null,
      active: true,
    });
    const moved = await admin.patch(`/api/v1/experts/${id}`, { userId: id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().userId).toBeNull();
  });
});
