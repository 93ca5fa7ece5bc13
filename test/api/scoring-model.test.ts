/** The 创新力画像's scoring model through the API: every saved version is kept, a stale save is refused,
 *  an indicator on a forbidden input (性别 and the like) is refused, and only an admin may change it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';

let t: TestContext;
let admin: Client;
let leader: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  leader = await login(t.app, 'leader');
});
afterAll(() => t.close());

describe('评分模型', () => {
  it('keeps every version of the scoring model and refuses a forbidden input', async () => {
    const h = (await admin.get('/api/v1/scoring-model')).json();
    expect(h.current.version).toBe(1);
    const model = structuredClone(h.current);
    model.dimensions[0].weight = 0.25;
    model.dimensions[4].weight = 0.2;
    const saved = await admin.request('PUT', '/api/v1/scoring-model', {
      basedOn: 1,
      note: '加大落地效益权重',
      model,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    expect((await admin.request('PUT', '/api/v1/scoring-model', { basedOn: 1, model })).statusCode).toBe(409);
    const bad = structuredClone(model);
    bad.dimensions[2].indicators.push({
      key: 'gender',
      name: '性别',
      fact: 'gender',
      bands: [{ min: 0, points: 1 }],
      max: 1,
    });
    const refused = await admin.request('PUT', '/api/v1/scoring-model', { basedOn: 2, model: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('禁止的输入');
    const versions = (await admin.get('/api/v1/scoring-model'))
      .json()
      .versions.map((v: { version: number }) => v.version);
    expect(versions).toEqual([2, 1]);
    expect((await leader.request('PUT', '/api/v1/scoring-model', { basedOn: 2, model })).statusCode).toBe(
      403,
    );
  });
});
