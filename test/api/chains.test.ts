/** 产业链图谱: templates and leading chains, automatic placement with users' decisions kept over re-runs,
 *  node figures and strength, editing with its rules, export, and who may do what. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { addFirm, chainId, place, tree } from '../helpers/chain-firms.js';

let t: TestContext;
let officer: Client;
let admin: Client;

type Node = {
  id: string;
  parentId: string | null;
  name: string;
  depth: number;
  version: number;
  figures: { firms: number; revenue: number; hnte: number; leaders: number };
  strength: string;
  strengthReason: string;
};

const nodeNamed = (nodes: Node[], name: string) => {
  const n = nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name}: ${nodes.map((x) => x.name).join('、')}`);
  return n;
};
/** The node of a 光伏 chain whose words include `term`. */
const nodeWith = (nodes: (Node & { keywords: string[]; products: string[] })[], term: string) => {
  const n = nodes.find((x) => x.depth > 0 && [...x.keywords, ...x.products].some((k) => term.includes(k)));
  if (!n) throw new Error(`no node for ${term}`);
  return n;
};

let inverterFirm: string;
let leaderFirm: string;
let strayFirm: string;
let pv: string;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
  admin = await login(t.app, 'admin');
  inverterFirm = await addFirm(t, '盐南链测逆变科技有限公司', {
    products: '组串式光伏逆变器',
    division: '38',
    hnte: true,
  });
  leaderFirm = await addFirm(t, '盐南链测组件股份有限公司', { products: '异质结光伏组件', revenue: 2e9 });
  strayFirm = await addFirm(t, '盐南链测咨询有限公司', { scope: '企业管理咨询；光伏逆变器销售' });
  pv = await chainId(officer, 'pv');
  await place(t, officer);
});
afterAll(() => t.close());

describe('chains and placement', () => {
  it('shows the eight templates to every org, the org’s leading chains first', async () => {
    const list = (await officer.get('/api/v1/chains')).json();
    expect(list.map((c: { key: string }) => c.key).sort()).toEqual(
      ['biomed', 'equip', 'ic', 'newmat', 'nev', 'pv', 'storage', 'wind'].sort(),
    );
    expect(list.slice(0, 4).map((c: { key: string; leading: number }) => [c.key, c.leading])).toEqual([
      ['pv', 0],
      ['wind', 1],
      ['storage', 2],
      ['ic', 3],
    ]);
    for (const c of list) expect(c.nodes).toBeGreaterThanOrEqual(20);
    expect(list.every((c: { editable: boolean }) => !c.editable)).toBe(true);
  });

  it('places firms by their products with the words that caused it, and counts them up the tree', async () => {
    const { nodes } = await tree(officer, pv);
    const inverter = nodeWith(nodes, '组串式光伏逆变器');
    const firms = (await officer.get(`/api/v1/chain-nodes/${inverter.id}/firms`)).json();
    const item = firms.items.find((f: { enterpriseId: string }) => f.enterpriseId === inverterFirm);
    expect(item).toMatchObject({ status: 'auto', titles: ['hnte'] });
    expect(item.reasons.join()).toMatch(/主要产品：.*逆变器/);
    expect(item.reasons).toContain('行业代码 38');
    expect(inverter.figures).toMatchObject({ firms: 1, hnte: 1 });
    // A parent counts the firms of its subtree.
    let parent = nodes.find((n: Node) => n.id === inverter.parentId);
    while (parent && parent.depth > 0) parent = nodes.find((n: Node) => n.id === parent?.parentId);
    expect(parent.figures.firms).toBeGreaterThanOrEqual(1);
  });

  it('calls a node with a 20 亿元 firm’s revenue a 龙头 and shows strength with its reason', async () => {
    const { nodes } = await tree(officer, pv);
    const module = nodeWith(nodes, '异质结光伏组件');
    expect(module.figures).toMatchObject({ firms: 1, leaders: 1, revenue: 2e9 });
    // One firm, but a 龙头: 一般 by the default thresholds (10 firms and a 龙头 for 优势).
    expect(module.strength).toBe('average');
    expect(module.strengthReason).toContain('龙头');
    const lone = nodeWith(nodes, '组串式光伏逆变器');
    expect(lone.strength).toBe('average'); // a 高企
    // Only this firm has revenue: no node, however many of its children hold the firm, counts it twice.
    for (const n of nodes) expect(n.figures.revenue, n.name).toBeLessThanOrEqual(2e9);
    const missing = nodes.filter((n: Node) => n.depth > 0 && n.figures.firms === 0);
    expect(missing.length).toBeGreaterThan(0);
    for (const n of missing) expect(n.strength).toBe('missing');
  });

  it('keeps a rejected placement rejected and a hand-added one through a re-run', async () => {
    const { nodes } = await tree(officer, pv);
    const inverter = nodeWith(nodes, '光伏逆变器');
    const firms = (await officer.get(`/api/v1/chain-nodes/${inverter.id}/firms`)).json().items;
    const stray = firms.find((f: { enterpriseId: string }) => f.enterpriseId === strayFirm);
    // Business scope alone is weak evidence: the consultancy is not placed at all.
    expect(stray).toBeUndefined();
    const added = await officer.post(`/api/v1/chain-nodes/${inverter.id}/placements`, {
      enterpriseId: strayFirm,
      status: 'added',
    });
    expect(added.json()).toEqual({ status: 'added' });
    const rejected = await officer.post(`/api/v1/chain-nodes/${inverter.id}/placements`, {
      enterpriseId: inverterFirm,
      status: 'rejected',
    });
    expect(rejected.statusCode).toBe(200);
    await place(t, officer);
    const after = (await officer.get(`/api/v1/chain-nodes/${inverter.id}/firms`)).json().items;
    expect(after.map((f: { enterpriseId: string }) => f.enterpriseId)).toEqual([strayFirm]);
    expect(after[0]).toMatchObject({ status: 'added', decidedBy: '张专员' });
    const rejectedList = (
      await officer.get(`/api/v1/chain-nodes/${inverter.id}/firms?status=rejected`)
    ).json().items;
    expect(rejectedList.map((f: { enterpriseId: string }) => f.enterpriseId)).toEqual([inverterFirm]);
  });

  it('follows the org’s own thresholds, with optimistic locking', async () => {
    const th = (await admin.get('/api/v1/chains/thresholds')).json();
    expect(th).toMatchObject({ leaderRevenue: 1e9, strongFirms: 10, averageFirms: 3, version: 0 });
    const saved = await admin.request('PUT', '/api/v1/chains/thresholds', { ...th, strongFirms: 1 });
    expect(saved.json().version).toBe(1);
    expect(nodeWith((await tree(officer, pv)).nodes, '异质结光伏组件').strength).toBe('strong');
    const stale = await admin.request('PUT', '/api/v1/chains/thresholds', { ...th, strongFirms: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    expect(
      (await officer.request('PUT', '/api/v1/chains/thresholds', { ...th, version: 1 })).statusCode,
    ).toBe(403);
  });

  it('exports the node table as XLSX with strengths, formula-safe', async () => {
    const res = await officer.get(`/api/v1/chains/${pv}/nodes.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('产业链节点表'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThanOrEqual(23);
    expect(rows.map((r) => r[9])).toContain('缺失');
    expect(rows[0][1]).toBe('上游');
  });
});

describe('editing chains', () => {
  const own = {
    key: 'yn-digital',
    name: '=数字经济（盐南）',
    segments: [
      { segment: 'upstream', children: [{ name: '算力基础设施', keywords: ['数据中心', '算力'] }] },
      {
        segment: 'midstream',
        children: [
          { name: '软件', keywords: ['工业软件'], children: [{ name: '工业软件', keywords: ['MES'] }] },
        ],
      },
      { segment: 'downstream', children: [{ name: '数字化应用', keywords: ['智慧城市'] }] },
    ],
  };

  it('keeps the platform’s templates read-only for a park’s admin', async () => {
    const { nodes } = await tree(admin, pv);
    const leaf = nodes.find((n: Node) => n.depth === 2) as Node;
    const res = await admin.patch(`/api/v1/chain-nodes/${leaf.id}`, { version: leaf.version, name: '改名' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('上级组织的产业链只能查看');
  });

  it('imports its own chain, edits, moves and deletes nodes, and exports what it imported', async () => {
    const imported = await admin.post('/api/v1/chains/import', own);
    expect(imported.json()).toMatchObject({ nodes: 4, replaced: false });
    const id = imported.json().id;
    let { nodes } = await tree(admin, id);
    const software = nodeNamed(nodes, '软件');
    const mes = nodeNamed(nodes, '工业软件');
    const app = nodeNamed(nodes, '数字化应用');
    // Under itself, or deeper than three levels: refused with the rule in Chinese.
    const loop = await admin.patch(`/api/v1/chain-nodes/${software.id}`, {
      version: software.version,
      parentId: mes.id,
    });
    expect(loop.statusCode).toBe(409);
    expect(loop.json().message).toContain('不能移到自己的下级');
    const moved = await admin.patch(`/api/v1/chain-nodes/${mes.id}`, {
      version: mes.version,
      parentId: app.id,
    });
    expect(moved.statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/chain-nodes/${mes.id}`, {
      version: mes.version,
      name: '旧版本',
    });
    expect(stale.statusCode).toBe(409);
    const added = await admin.post('/api/v1/chain-nodes', {
      parentId: app.id,
      name: '智慧园区',
      keywords: ['智慧园区'],
    });
    expect(added.statusCode).toBe(201);
    ({ nodes } = await tree(admin, id));
    // A move changes the parent only: the node keeps the words it is matched by.
    expect(nodeNamed(nodes, '工业软件')).toMatchObject({ parentId: app.id, depth: 2, keywords: ['MES'] });
    const segment = nodes.find((n: Node) => n.depth === 0) as Node;
    expect(
      (await admin.request('DELETE', `/api/v1/chain-nodes/${segment.id}?version=${segment.version}`))
        .statusCode,
    ).toBe(409);
    const appNow = nodeNamed(nodes, '数字化应用');
    const del = await admin.request('DELETE', `/api/v1/chain-nodes/${appNow.id}?version=${appNow.version}`);
    expect(del.json()).toEqual({ deleted: 3 });
    const exported = (await admin.get(`/api/v1/chains/${id}/export`)).json();
    expect(exported.key).toBe('yn-digital');
    expect(exported.segments.map((s: { children: unknown[] }) => s.children.length)).toEqual([1, 1, 0]);
    // Importing the export again replaces the chain with the same nodes.
    const again = await admin.post('/api/v1/chains/import', exported);
    expect(again.json()).toMatchObject({ id, nodes: 2, replaced: true });
    expect((await admin.get(`/api/v1/chains/${id}/export`)).json()).toEqual(exported);
  });

  it('rejects a malformed chain file with the field named, in Chinese', async () => {
    const res = await admin.post('/api/v1/chains/import', {
      ...own,
      key: 'Bad Key',
      segments: [{ segment: 'upstream', children: [{ name: '节点', industryCodes: ['C38'] }] }],
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/链编码|行业代码/);
  });

  it('lets analysts read but not place, and keeps experts out', async () => {
    const analyst = await login(t.app, 'analyst');
    expect((await analyst.get(`/api/v1/chains/${pv}`)).statusCode).toBe(200);
    expect((await analyst.post('/api/v1/chains/placement', {})).statusCode).toBe(403);
    const expert = await login(t.app, 'expert');
    expect((await expert.get('/api/v1/chains')).statusCode).toBe(403);
    expect((await officer.post('/api/v1/chains/import', own)).statusCode).toBe(403);
  });

  it('shows a 南通 officer the templates with 南通’s own figures only', async () => {
    await addFirm(t, '南通链测逆变器有限公司', { products: '光伏逆变器', org: ORG.ntkfq });
    const nt = await login(t.app, 'nt_officer');
    await place(t, nt);
    const { nodes } = await tree(nt, pv);
    const inverter = nodeWith(nodes, '光伏逆变器');
    expect(inverter.figures.firms).toBe(1);
    const firms = (await nt.get(`/api/v1/chain-nodes/${inverter.id}/firms`)).json();
    expect(firms.items.map((f: { name: string }) => f.name)).toEqual(['南通链测逆变器有限公司']);
    const list = (await nt.get('/api/v1/chains')).json();
    expect(list.map((c: { key: string }) => c.key)).not.toContain('yn-digital');
    // A shared template node, a 盐南 firm: not theirs to place.
    const steal = await nt.post(`/api/v1/chain-nodes/${inverter.id}/placements`, {
      enterpriseId: leaderFirm,
      status: 'added',
    });
    expect(steal.statusCode).toBe(404);
  });
});
