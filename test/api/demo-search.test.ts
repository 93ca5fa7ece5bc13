/** The demo data a newcomer gets from `npm start` carries what the README walks through: the first
 *  searches ("中交慧运" and "zjhy" in 盐南, "通润汽车" in 南通开发区) and a committee to assign. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEnterprises } from '../../src/db/seed/seed.js';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';

let t: TestContext;
let officer: Client;
let ntOfficer: Client;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEnterprises(t.database.db, 300, 0);
  officer = await login(t.app, 'officer');
  ntOfficer = await login(t.app, 'nt_officer');
}, 120_000);
afterAll(() => t.close());

const first = async (client: Client, q: string) =>
  (await client.get(`/api/v1/enterprises?q=${encodeURIComponent(q)}`)).json().items[0]?.name;

describe('the README’s examples on the demo data', () => {
  it('finds the firms it names, by short name and by pinyin initials', async () => {
    expect(await first(officer, '中交慧运')).toBe('中交慧运（盐城）科技有限公司');
    expect(await first(officer, 'zjhy')).toBe('中交慧运（盐城）科技有限公司');
    expect(await first(ntOfficer, '通润汽车')).toBe('南通市通润汽车零部件有限公司');
    // Each park sees its own: 盐南's officer does not find 南通's firm.
    expect(await first(officer, '南通市通润汽车零部件有限公司')).not.toBe('南通市通润汽车零部件有限公司');
  });

  it('gives them figures like any demo firm, and seeds them once', async () => {
    const id = (await officer.get(`/api/v1/enterprises?q=${encodeURIComponent('中交慧运')}`)).json().items[0]
      .id;
    const firm = (await officer.get(`/api/v1/enterprises/${id}`)).json();
    expect(firm.years.length).toBeGreaterThan(0);
    expect(firm.uscc).toMatch(/^91320902/);
    const again = await seedDemoEnterprises(t.database.db, 300, 0);
    expect(again.inserted).toBe(0);
    const all = (await officer.get(`/api/v1/enterprises?q=${encodeURIComponent('中交慧运')}`)).json().items;
    expect(all.filter((e: { name: string }) => e.name === '中交慧运（盐城）科技有限公司')).toHaveLength(1);
  });

  it('has a committee of four in 盐南, each with a demo login, so a demo can reach an approval', async () => {
    const admin = await login(t.app, 'admin');
    const list = (await admin.get('/api/v1/experts')).json().items as {
      name: string;
      userId: string | null;
    }[];
    expect(list.map((e) => e.name).sort()).toEqual(['刘研究员', '孙教授', '王高工', '陈教授'].sort());
    expect(list.every((e) => e.userId)).toBe(true);
    // The three others sign in as expert2–expert4 and find their reviews like 陈教授.
    expect((await (await login(t.app, 'expert3')).get('/api/v1/my-reviews')).statusCode).toBe(200);
    await seedDemoEnterprises(t.database.db, 300, 0);
    expect((await admin.get('/api/v1/experts')).json().items).toHaveLength(4);
  });
});
