/** 产业链图谱: templates and leading chains, automatic placement with users' decisions kept over re-runs,
 *  node figures and strength, editing with its rules, export, and who may do what. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetName } from '../../src/server/modules/chains/export.js';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { addFirm, type ChainNode, chainId, nodeNamed, place, tree } from '../helpers/chain-firms.js';

let t: TestContext;
let officer: Client;
let admin: Client;

type Node = ChainNode;

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
    // Confirming a firm that is not on the node says so (it had said the node did not exist).
    const notThere = await officer.post(`/api/v1/chain-nodes/${inverter.id}/placements`, {
      enterpriseId: strayFirm,
      status: 'confirmed',
    });
    expect(notThere.statusCode).toBe(404);
    expect(notThere.json()).toMatchObject({
      code: 'chain.placement_not_found',
      message: '该企业不在此节点上，不能确认或否决；可用“添加到本节点”放上',
    });
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
    // A 龙头 bar above the 20 亿元 firm: the node keeps one firm without a title, 薄弱.
    const saved = await admin.request('PUT', '/api/v1/chains/thresholds', { ...th, leaderRevenue: 3e9 });
    expect(saved.json().version).toBe(1);
    expect(nodeWith((await tree(officer, pv)).nodes, '异质结光伏组件').strength).toBe('weak');
    const stale = await admin.request('PUT', '/api/v1/chains/thresholds', { ...th, strongFirms: 12 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');
    expect(
      (await officer.request('PUT', '/api/v1/chains/thresholds', { ...th, version: 1 })).statusCode,
    ).toBe(403);
    await admin.request('PUT', '/api/v1/chains/thresholds', { ...th, version: 1 });
  });

  it('refuses thresholds that make no sense, saying why in Chinese', async () => {
    const th = (await admin.get('/api/v1/chains/thresholds')).json();
    const refused = async (change: object, field: string, words: RegExp) => {
      const res = await admin.request('PUT', '/api/v1/chains/thresholds', { ...th, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      const detail = res.json().details.find((d: { field: string }) => d.field === `body.${field}`);
      expect(detail?.message, JSON.stringify(res.json())).toMatch(words);
    };
    // Every firm would be a 龙头 (a firm without revenue counts 0 元).
    await refused({ leaderRevenue: 0 }, 'leaderRevenue', /龙头.*大于 0/);
    // 优势 at one firm and 一般 only from fifty: a lone firm with a 龙头 优势, forty firms 薄弱.
    await refused({ averageFirms: 50, strongFirms: 1 }, 'strongFirms', /优势.*多于.*一般/);
    await refused({ strongFirms: 3, averageFirms: 3 }, 'strongFirms', /优势.*多于.*一般/);
    await refused({ strongRevenue: 0 }, 'strongRevenue', /大于 0/);
    await refused({ strongRevenue: 5e8 }, 'strongRevenue', /不应低于龙头/);
    expect((await admin.get('/api/v1/chains/thresholds')).json()).toEqual(th);
  });

  it('locks thresholds and target weights apart: saving one leaves the other’s version', async () => {
    const th = (await admin.get('/api/v1/chains/thresholds')).json();
    const w = (await admin.get('/api/v1/chains/target-weights')).json();
    const savedTh = await admin.request('PUT', '/api/v1/chains/thresholds', { ...th, strongFirms: 11 });
    expect(savedTh.statusCode).toBe(200);
    // The weights read before it still save (it answered 409 when both shared one version).
    const savedW = await admin.request('PUT', '/api/v1/chains/target-weights', { ...w, growth: 20 });
    expect(savedW.statusCode, savedW.body).toBe(200);
    expect(savedW.json().version).toBe(w.version + 1);
    expect((await admin.get('/api/v1/chains/thresholds')).json()).toMatchObject({
      strongFirms: 11,
      version: th.version + 1,
    });
    // Each still refuses its own stale version.
    const staleW = await admin.request('PUT', '/api/v1/chains/target-weights', { ...w, growth: 25 });
    expect(staleW.statusCode).toBe(409);
    await admin.request('PUT', '/api/v1/chains/target-weights', { ...w, version: w.version + 1 });
    await admin.request('PUT', '/api/v1/chains/thresholds', { ...th, version: th.version + 1 });
  });

  it('exports the node table as XLSX with strengths, formula-safe, each word list in its column', async () => {
    const res = await officer.get(`/api/v1/chains/${pv}/nodes.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('产业链节点表'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0].getSheetValues() as unknown[][];
    const header = sheet[1];
    const rows = sheet.slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(23);
    expect(rows.map((r) => r[9])).toContain('缺失');
    expect(rows[0][1]).toBe('上游');
    // 光伏逆变器 is both a keyword and a product of 逆变器: once in each column, not twice in one.
    const col = (name: string) => header.indexOf(name);
    expect([col('关键词'), col('产品'), col('技术'), col('行业代码')].every((i) => i > 0)).toBe(true);
    const inverter = rows.find((r) => r[2] === '逆变器') as unknown[];
    expect(String(inverter[col('关键词')]).split('、')).toContain('光伏逆变器');
    expect(String(inverter[col('产品')]).split('、')).toContain('光伏逆变器');
    for (const r of rows) {
      const words = String(r[col('关键词')] ?? '').split('、');
      expect(new Set(words).size, String(r[2])).toBe(words.length);
    }
  });

  it('names the sheet of a chain whose name has a slash in a way Excel accepts', async () => {
    // "新型储能/锂电" as a sheet name made Excel call the file damaged (ExcelJS refused to read it).
    const storage = await chainId(officer, 'storage');
    const res = await officer.get(`/api/v1/chains/${storage}/nodes.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('新型储能／锂电');
    expect(sheetName("=a:b'")).toBe('=a：b');
    expect(sheetName(`'${'链'.repeat(40)}`)).toBe('链'.repeat(30));
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
    expect(imported.json()).toMatchObject({ nodes: 4, replaced: false, added: 4, removed: 0 });
    const id = imported.json().id;
    let { nodes, placedAt, unplacedNodes } = await tree(admin, id);
    // The org's firms were placed before this chain existed: none is on it yet, so no 匹配于 <time>.
    expect({ placedAt, unplacedNodes }).toEqual({ placedAt: null, unplacedNodes: 4 });
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
    // Importing the export again keeps the chain's nodes as they are.
    const again = await admin.post('/api/v1/chains/import', exported);
    expect(again.json()).toMatchObject({ id, nodes: 2, replaced: true, kept: 2, added: 0, removed: 0 });
    expect((await admin.get(`/api/v1/chains/${id}/export`)).json()).toEqual(exported);
  });

  it('refuses a duplicate name among siblings, a fourth level and a segment move, each saying so', async () => {
    const twin = await admin.post('/api/v1/chains/import', {
      ...own,
      key: 'yn-twins',
      segments: [{ segment: 'upstream', children: [{ name: '同名' }, { name: '同名' }] }],
    });
    expect(twin.statusCode).toBe(400);
    expect(twin.json().details).toEqual([
      { field: 'body.segments.0.children.1.name', message: expect.stringContaining('“同名”') },
    ]);
    const id = (await admin.post('/api/v1/chains/import', { ...own, key: 'yn-rules' })).json().id;
    const { nodes } = await tree(admin, id);
    const software = nodeNamed(nodes, '软件');
    const mes = nodeNamed(nodes, '工业软件');
    const app = nodeNamed(nodes, '数字化应用');
    // Adding, renaming or moving into a parent that already has the name.
    const add = await admin.post('/api/v1/chain-nodes', { parentId: software.id, name: '工业软件' });
    expect(add.statusCode).toBe(409);
    expect(add.json().message).toBe('同一上级下的节点不能重名：已有名为“工业软件”的节点');
    const extra = (
      await admin.post('/api/v1/chain-nodes', { parentId: software.id, name: '嵌入式软件' })
    ).json();
    const rename = await admin.patch(`/api/v1/chain-nodes/${extra.id}`, {
      version: extra.version,
      name: '工业软件',
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().message).toContain('“工业软件”');
    const other = (await admin.post('/api/v1/chain-nodes', { parentId: app.id, name: '工业软件' })).json();
    const move = await admin.patch(`/api/v1/chain-nodes/${other.id}`, {
      version: other.version,
      parentId: software.id,
    });
    expect(move.statusCode).toBe(409);
    expect(move.json().message).toContain('不能重名');
    // Renaming a node to its own name, or any other change of it, is not a clash with itself.
    const same = await admin.patch(`/api/v1/chain-nodes/${mes.id}`, {
      version: mes.version,
      name: '工业软件',
    });
    expect(same.statusCode).toBe(200);
    // A fourth level is a depth rule, not a move.
    const l3 = (await admin.post('/api/v1/chain-nodes', { parentId: mes.id, name: 'MES' })).json();
    const deep = await admin.post('/api/v1/chain-nodes', { parentId: l3.id, name: '第四级' });
    expect(deep.statusCode).toBe(409);
    expect(deep.json().message).toContain('最多 3 级');
    expect(deep.json().message).not.toContain('移动');
    // A segment does not move, and says so.
    const segment = nodes.find((n: Node) => n.depth === 0 && n.name === '中游') as Node;
    const segMove = await admin.patch(`/api/v1/chain-nodes/${segment.id}`, {
      version: segment.version,
      parentId: app.id,
    });
    expect(segMove.statusCode).toBe(409);
    expect(segMove.json().message).toContain('不能移动');
    // Nor is it put after 下游 by its position (the map and the export then began with 中游).
    const segReorder = await admin.patch(`/api/v1/chain-nodes/${segment.id}`, {
      version: segment.version,
      position: 5,
    });
    expect(segReorder.statusCode).toBe(409);
    const after = (await tree(admin, id)).nodes.find((n: Node) => n.id === segment.id);
    expect(after.position).toBe(1);
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
