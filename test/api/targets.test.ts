/** 靶向招商: the ranking of the target universe for a missing link, factor by factor, the org's weights,
 *  saved lists, and the two-pass ranking over cached factor values giving exactly the ranking that
 *  scoring every candidate would, however stale or cold the cache. */
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows.js';
import { enterprises, enterpriseYears, fundingRounds, relations } from '../../src/db/schema/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { addFirm, chainId, place, prov, tree } from '../helpers/chain-firms.js';

let t: TestContext;
let officer: Client;
let admin: Client;
let leaderFirm: string;
let pv: string;

type Node = { id: string; name: string; depth: number; keywords: string[]; products: string[] };
type Ranked = {
  enterpriseId: string;
  name: string;
  score: number;
  factors: { factor: string; why: string }[];
};

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
  admin = await login(t.app, 'admin');
  leaderFirm = await addFirm(t, '盐南链测组件股份有限公司', { products: '异质结光伏组件', revenue: 2e9 });
  pv = await chainId(officer, 'pv');
});
afterAll(() => t.close());

describe('靶向招商', () => {
  let node: Node & { keywords: string[]; products: string[] };
  let supplier: string;
  let big: string;
  let twin: string;
  beforeAll(async () => {
    // A missing link of 光伏 for 盐南: 钙钛矿 (no local firm makes it).
    const { nodes } = await tree(officer, pv);
    node = nodes.find((n: { name: string }) => n.name.includes('钙钛矿'));
    const term = node.keywords[0] ?? node.products[0];
    big = await addFirm(t, '上海靶向钙钛矿光电股份有限公司', {
      products: `${term}组件`,
      revenue: 3e9,
      target: true,
    });
    await t.database.db
      .insert(enterpriseYears)
      .values({ enterpriseId: big, year: 2023, revenue: 1e9, provenance: prov });
    supplier = await addFirm(t, '苏州靶向钙钛矿材料有限公司', {
      products: `${term}材料`,
      revenue: 2e8,
      target: true,
    });
    // It supplies 盐南's 龙头 (20 亿元 revenue): 以商引商.
    await t.database.db.insert(relations).values({
      orgId: ORG.yannan,
      kind: 'supply',
      fromType: 'enterprise',
      fromId: supplier,
      toType: 'enterprise',
      toId: leaderFirm,
      dedupeKey: `supply|${supplier}|${leaderFirm}|`,
      provenance: prov,
    });
    // The same firm as a local one (listed again in the target universe): not a target.
    await addFirm(t, '盐南链测钙钛矿科技有限公司', { products: `${term}电池` });
    twin = await addFirm(t, '盐南链测钙钛矿科技有限公司', { products: `${term}电池`, target: true });
    await place(t, officer);
  });

  it('ranks the target universe for a missing link, factor by factor, without firms already here', async () => {
    const r = (await officer.get(`/api/v1/chain-nodes/${node.id}/targets`)).json();
    expect(r.node.path).toContain('钙钛矿');
    const names = r.items.map((i: { name: string }) => i.name);
    expect(names).toContain('上海靶向钙钛矿光电股份有限公司');
    expect(r.items.map((i: { enterpriseId: string }) => i.enterpriseId)).not.toContain(twin);
    const bigItem = r.items.find((i: { enterpriseId: string }) => i.enterpriseId === big);
    const factors = Object.fromEntries(bigItem.factors.map((f: { factor: string }) => [f.factor, f]));
    expect(factors.scale.why).toBe('2025 年营收 30 亿元');
    expect(factors.growth.why).toBe('近两年营收年均增长 73.2%');
    expect(factors.proximity.points).toBe(0);
    const sup = r.items.find((i: { enterpriseId: string }) => i.enterpriseId === supplier);
    const prox = sup.factors.find((f: { factor: string }) => f.factor === 'proximity');
    expect(prox).toMatchObject({ weight: 15, points: 15 });
    expect(prox.why).toContain('盐南链测组件股份有限公司');
    for (const item of r.items)
      expect(item.score).toBeCloseTo(
        item.factors.reduce((s: number, f: { points: number }) => s + f.points, 0),
        0,
      );
  });

  it('follows the org’s weights: with only 以商引商, the supplier of the 龙头 ranks first', async () => {
    const w = (await admin.get('/api/v1/chains/target-weights')).json();
    const only = {
      fit: 0,
      scale: 0,
      innovation: 0,
      growth: 0,
      funding: 0,
      proximity: 100,
      version: w.version,
    };
    expect((await admin.request('PUT', '/api/v1/chains/target-weights', only)).statusCode).toBe(200);
    const r = (await officer.get(`/api/v1/chain-nodes/${node.id}/targets`)).json();
    expect(r.items[0]).toMatchObject({ enterpriseId: supplier, score: 100 });
    const zero = { ...only, proximity: 0, version: w.version + 1 };
    expect((await admin.request('PUT', '/api/v1/chains/target-weights', zero)).statusCode).toBe(400);
  });

  it('refuses to save an empty list for a node nobody can fill', async () => {
    const { nodes } = await tree(officer, pv);
    let empty: string | undefined;
    for (const n of nodes as { id: string; name: string }[]) {
      if (n.name.includes('钙钛矿')) continue;
      if ((await officer.get(`/api/v1/chain-nodes/${n.id}/targets`)).json().total === 0) {
        empty = n.id;
        break;
      }
    }
    expect(empty, 'a 光伏 node with no target firm in this test world').toBeDefined();
    const res = await officer.post('/api/v1/target-lists', { nodeId: empty, name: '空清单' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'target_list.empty' });
    expect(res.json().message).toContain('不能保存空清单');
    expect((await officer.get('/api/v1/target-lists')).json()).toEqual([]);
  });

  it('saves the ranking as a list and exports it, formula-safe', async () => {
    const saved = await officer.post('/api/v1/target-lists', { nodeId: node.id, name: '=钙钛矿补链目标' });
    expect(saved.statusCode).toBe(201);
    const list = saved.json();
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect((await officer.get('/api/v1/target-lists')).json()[0]).toMatchObject({
      id: list.id,
      firms: list.items.length,
    });
    const res = await officer.get(`/api/v1/target-lists/${list.id}/export`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues() as unknown[][];
    expect(String(rows[1][5])).toContain('权重');
    expect(rows[2][2]).toBe(list.items[0].name);
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get(`/api/v1/target-lists/${list.id}`)).statusCode).toBe(404);
    // One click makes the target a 线索 of the pipeline, keeping why it was suggested.
    const lead = await officer.post(`/api/v1/target-lists/${list.id}/leads`, { enterpriseId: supplier });
    expect(lead.statusCode).toBe(201);
    expect(lead.json()).toMatchObject({ stage: 'lead', source: '靶向推荐', chainNodeIds: [node.id] });
    expect(lead.json().origin).toMatchObject({ kind: 'target', node: expect.stringContaining('钙钛矿') });
    expect(lead.json().origin.factors.length).toBe(6);
    // Now in the pipeline, it is no longer offered as a target.
    const again = (await officer.get(`/api/v1/chain-nodes/${node.id}/targets`)).json();
    expect(again.items.map((i: { enterpriseId: string }) => i.enterpriseId)).not.toContain(supplier);
    expect(again.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toContain(big);
  });
});

describe('the two-pass ranking', () => {
  let node: Node;
  let firms: string[];
  const rank = async (limit: number) => {
    const res = await officer.get(`/api/v1/chain-nodes/${node.id}/targets?limit=${limit}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; items: Ranked[] };
  };
  const ids = (items: Ranked[]) => items.map((i) => `${i.enterpriseId}:${i.score}`);
  /** Placements of 盐南's firms whose 靶向招商 cache is empty. */
  const uncached = async () =>
    (
      await rowsOf<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from chain_placements p join enterprises e on e.id = p.enterprise_id
             where e.org_id = ${ORG.yannan} and p.target_eligible is null`,
      )
    )[0].n;

  beforeAll(async () => {
    // The default weights again (the test above left 以商引商 alone).
    const w = (await admin.get('/api/v1/chains/target-weights')).json();
    const defaults = { fit: 25, scale: 15, innovation: 20, growth: 15, funding: 10, proximity: 15 };
    await admin.request('PUT', '/api/v1/chains/target-weights', { ...defaults, version: w.version });
    const { nodes } = await tree(officer, pv);
    node = nodes.find((n: Node) => n.name.includes('硅片'));
    const term = node.keywords[0] ?? node.products[0];
    // 160 firms of the target universe on one node, in three sizes: many equal scores, ordered by name.
    const rows = await t.database.db
      .insert(enterprises)
      .values(
        Array.from({ length: 160 }, (_, i) => {
          const name = `深圳排名测试${String(i).padStart(3, '0')}${term}有限公司`;
          return {
            orgId: ORG.yannan,
            name,
            ...searchTerms(name),
            mainProducts: `${term}`,
            universe: 'target',
            provenance: prov,
          };
        }),
      )
      .returning({ id: enterprises.id });
    firms = rows.map((r) => r.id);
    await t.database.db.insert(enterpriseYears).values(
      firms.map((id, i) => ({
        enterpriseId: id,
        year: 2025,
        revenue: [5e7, 3e8, 2e9][i % 3],
        provenance: prov,
      })),
    );
    await place(t, officer);
  });

  it('caches every placed firm’s factor values when placing', async () => {
    expect(await uncached()).toBe(0);
  });

  it('gives any limit the head of the whole ranking, equal scores by name', async () => {
    const whole = await rank(500);
    expect(whole.total).toBeGreaterThanOrEqual(160);
    expect(whole.items.length).toBe(whole.total);
    for (let i = 1; i < whole.items.length; i++) {
      const [a, b] = [whole.items[i - 1], whole.items[i]];
      expect(a.score > b.score || (a.score === b.score && a.name.localeCompare(b.name, 'zh') <= 0)).toBe(
        true,
      );
    }
    for (const limit of [1, 2, 5, 13, 50])
      expect(ids((await rank(limit)).items)).toEqual(ids(whole.items.slice(0, limit)));
    // A cache that overstates every firm (as one computed before titles expired would) ranks the same.
    await t.database.db.execute(sql`update chain_placements set target_scale = 1, target_growth = 1`);
    expect(ids((await rank(5)).items)).toEqual(ids(whole.items.slice(0, 5)));
    // So does an empty one: the firms are computed again first.
    await t.database.db.execute(sql`update chain_placements set target_eligible = null`);
    expect(ids((await rank(5)).items)).toEqual(ids(whole.items.slice(0, 5)));
  });

  it('follows a figure changed in the registry at once, and a firm leaving the target universe', async () => {
    const whole = await rank(500);
    const last = whole.items[whole.items.length - 1];
    const round = await t.database.db
      .insert(fundingRounds)
      .values({
        enterpriseId: last.enterpriseId,
        date: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
        round: 'C轮',
        amount: 1e9,
        provenance: prov,
      })
      .returning({ id: fundingRounds.id });
    const moved = (await rank(500)).items;
    const at = moved.findIndex((i) => i.enterpriseId === last.enterpriseId);
    expect(at).toBeLessThan(5);
    // Ranking only the first five reads the cache first: the round must have reached it.
    expect(ids((await rank(5)).items)).toEqual(ids(moved.slice(0, 5)));
    expect(moved[at].factors.find((f) => f.factor === 'funding')?.why).toBe(
      '近三年融资 10 亿元（最近一轮 C轮）',
    );
    expect(moved[at].score).toBeGreaterThan(last.score);
    await t.database.db.delete(fundingRounds).where(eq(fundingRounds.id, round[0].id));
    expect(ids((await rank(5)).items)).toEqual(ids(whole.items.slice(0, 5)));
    // Taken in as a local firm: no longer a target.
    const first = whole.items[0].enterpriseId;
    await t.database.db.update(enterprises).set({ universe: 'local' }).where(eq(enterprises.id, first));
    const after = await rank(5);
    expect(after.total).toBe(whole.total - 1);
    expect(ids(after.items)).toEqual(ids(whole.items.slice(1, 6)));
  });
  it('has the cache of a firm an import updated filled when the import ends', async () => {
    const name = `深圳排名测试007${node.keywords[0] ?? node.products[0]}有限公司`;
    const csv = `企业名称,年度,营业收入(万元)\n${name},2025,600000\n`;
    const res = await officer.postForm(
      '/api/v1/enterprises/imports',
      { universe: 'target' },
      { name: '年报.csv', content: Buffer.from(csv) },
    );
    expect(res.statusCode).toBe(202);
    t.runner?.wake();
    let job = { status: 'queued', result: { updated: 0 } };
    for (let i = 0; i < 300 && !['succeeded', 'failed'].includes(job.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await officer.get(`/api/v1/jobs/${res.json().id}`)).json();
    }
    expect(job).toMatchObject({ status: 'succeeded', result: { updated: 1 } });
    // Filled by the import itself, before any ranking asked for it.
    expect(await uncached()).toBe(0);
    const first = (await rank(1)).items[0];
    expect(first.name).toBe(name);
    expect(first.factors.find((f) => f.factor === 'scale')?.why).toBe('2025 年营收 60 亿元');
  });
});
