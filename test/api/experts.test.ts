/** 专家库 records: what an edit keeps. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';

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
});
