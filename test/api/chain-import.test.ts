/** 产业链图谱 imports: a chain is at most 500 nodes, and re-importing it keeps what users decided — nodes
 *  found again by their path keep their placements, confirm / reject / add decisions and target lists;
 *  only what the file drops goes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { addFirm, type ChainNode, chainId, nodeNamed, place, tree } from '../helpers/chain-firms.js';

let t: TestContext;
let officer: Client;
let admin: Client;

type Node = ChainNode;

let leaderFirm: string;
let strayFirm: string;
let pv: string;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
  admin = await login(t.app, 'admin');
  await addFirm(t, '盐南链测逆变科技有限公司', { products: '组串式光伏逆变器', division: '38', hnte: true });
  leaderFirm = await addFirm(t, '盐南链测组件股份有限公司', { products: '异质结光伏组件', revenue: 2e9 });
  strayFirm = await addFirm(t, '盐南链测咨询有限公司', { scope: '企业管理咨询；光伏逆变器销售' });
  pv = await chainId(officer, 'pv');
  await place(t, officer);
});
afterAll(() => t.close());

describe('importing a large chain', () => {
  it('caps a chain at 500 nodes, on import and when adding', async () => {
    // 50 nodes with 9 children each: 500.
    const file = (n: number) => ({
      key: 'yn-big',
      name: '大链',
      segments: [
        {
          segment: 'upstream',
          children: Array.from({ length: 50 }, (_, i) => ({
            name: `节点${i}`,
            keywords: [`词${i}`],
            children: Array.from({ length: n }, (_, j) => ({
              name: `子${i}-${j}`,
              keywords: [`词${i}-${j}`],
            })),
          })),
        },
      ],
    });
    const tooMany = await admin.post('/api/v1/chains/import', file(10));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('一条产业链最多 500 个节点，此文件有 550 个');
    const ok = await admin.post('/api/v1/chains/import', file(9));
    expect(ok.json()).toMatchObject({ nodes: 500, added: 500 });
    const { nodes } = await tree(admin, ok.json().id);
    expect(nodes.filter((n: Node) => n.depth === 2)).toHaveLength(450);
    // Children hang from their own parents (inserted in one statement with ids made up front).
    const n7 = nodeNamed(nodes, '节点7');
    expect(nodeNamed(nodes, '子7-3')).toMatchObject({ parentId: n7.id, depth: 2 });
    const more = await admin.post('/api/v1/chain-nodes', { parentId: n7.id, name: '第 501 个' });
    expect(more.statusCode).toBe(409);
    expect(more.json().message).toContain('最多 500 个节点');
  });
});

describe('re-importing a chain', () => {
  const firmsOn = async (nodeId: string) =>
    (await officer.get(`/api/v1/chain-nodes/${nodeId}/firms`)).json().items as {
      enterpriseId: string;
      status: string;
    }[];
  type FileNode = { name: string; keywords: string[]; children: FileNode[] };
  const find = (nodes: FileNode[], name: string): FileNode | undefined => {
    for (const n of nodes) {
      if (n.name === name) return n;
      const below = find(n.children, name);
      if (below) return below;
    }
  };

  it('keeps nodes, placements, users’ decisions and target lists; removes only what the file drops', async () => {
    const file = (await admin.get(`/api/v1/chains/${pv}/export`)).json();
    const copy = await admin.post('/api/v1/chains/import', {
      ...file,
      key: 'pv-yannan',
      name: '光伏（本组织）',
    });
    const id = copy.json().id;
    expect((await tree(admin, id)).placedAt).toBeNull();
    await addFirm(t, '苏州链测钙钛矿有限公司', { products: '钙钛矿组件', target: true });
    await place(t, officer);
    let { nodes, placedAt, unplacedNodes } = await tree(officer, id);
    expect(placedAt).not.toBeNull();
    expect(unplacedNodes).toBe(0);
    const module = nodeNamed(nodes, '组件');
    const micro = nodeNamed(nodes, '微型逆变器');
    const perovskite = nodeNamed(nodes, '钙钛矿电池');
    // Decisions: one confirmed, one added by hand; and a saved target list.
    await officer.post(`/api/v1/chain-nodes/${module.id}/placements`, {
      enterpriseId: leaderFirm,
      status: 'confirmed',
    });
    await officer.post(`/api/v1/chain-nodes/${micro.id}/placements`, {
      enterpriseId: strayFirm,
      status: 'added',
    });
    const list = await officer.post('/api/v1/target-lists', { nodeId: perovskite.id });
    expect(list.statusCode, list.body).toBe(201);
    const moduleFirms = await firmsOn(module.id);
    const before = await tree(officer, id);
    expect(moduleFirms).toContainEqual(
      expect.objectContaining({ enterpriseId: leaderFirm, status: 'confirmed' }),
    );

    // Its own export straight back: nothing changes.
    const exported = (await admin.get(`/api/v1/chains/${id}/export`)).json();
    const back = await admin.post('/api/v1/chains/import', exported);
    expect(back.json()).toMatchObject({ id, replaced: true, nodes: 39, kept: 39, added: 0, removed: 0 });
    const after = await tree(officer, id);
    expect(after.nodes.map((n: Node) => [n.id, n.version])).toEqual(
      nodes.map((n: Node) => [n.id, n.version]),
    );
    expect(after.nodes.map((n: Node) => n.figures)).toEqual(before.nodes.map((n: Node) => n.figures));
    expect(await firmsOn(module.id)).toEqual(moduleFirms);
    expect(await firmsOn(micro.id)).toContainEqual(
      expect.objectContaining({ enterpriseId: strayFirm, status: 'added' }),
    );
    expect(after.placedAt).toBe(placedAt);

    // Edited: 微型逆变器 dropped, 构网型逆变器 new, 组件 with one more keyword.
    const mid = exported.segments.find((x: { segment: string }) => x.segment === 'midstream').children;
    const inverter = find(mid, '逆变器') as FileNode;
    inverter.children = inverter.children.filter((n) => n.name !== '微型逆变器');
    inverter.children.push({ name: '构网型逆变器', keywords: ['构网型逆变器'], children: [] });
    (find(mid, '组件') as FileNode).keywords.push('叠瓦组件');
    // A dry run says what would happen and changes nothing.
    const preview = await admin.post('/api/v1/chains/import?dryRun=true', exported);
    expect(preview.json()).toEqual({
      id,
      dryRun: true,
      replaced: true,
      previousName: '光伏（本组织）',
      nodes: 39,
      kept: 38,
      added: 1,
      removed: 1,
      removedDecisions: 1,
    });
    expect((await tree(officer, id)).nodes.map((n: Node) => n.id)).toEqual(nodes.map((n: Node) => n.id));
    const edited = await admin.post('/api/v1/chains/import', exported);
    expect(edited.json()).toMatchObject({
      dryRun: false,
      kept: 38,
      added: 1,
      removed: 1,
      removedDecisions: 1,
    });
    ({ nodes, placedAt, unplacedNodes } = await tree(officer, id));
    expect(nodes.find((n: Node) => n.name === '微型逆变器')).toBeUndefined();
    expect(nodeNamed(nodes, '构网型逆变器').parentId).toBe(nodeNamed(nodes, '逆变器').id);
    expect(nodeNamed(nodes, '组件')).toMatchObject({
      id: module.id,
      keywords: expect.arrayContaining(['叠瓦组件']),
    });
    expect(await firmsOn(module.id)).toContainEqual(
      expect.objectContaining({ enterpriseId: leaderFirm, status: 'confirmed' }),
    );
    // The new node has no firms until the next 重新匹配, and the header says so.
    expect(placedAt).not.toBeNull();
    expect(unplacedNodes).toBe(1);
    // The saved list still points at its node.
    expect((await officer.get(`/api/v1/target-lists/${list.json().id}`)).json().nodeId).toBe(perovskite.id);
    // A 404 for the removed node: its placements went with it.
    expect((await officer.get(`/api/v1/chain-nodes/${micro.id}/firms`)).statusCode).toBe(404);
  });

  it('asks nothing of a dry run for a new key, and creates nothing', async () => {
    const res = await admin.post('/api/v1/chains/import?dryRun=true', {
      key: 'yn-preview',
      name: '预览',
      segments: [{ segment: 'upstream', children: [{ name: '甲' }] }],
    });
    expect(res.json()).toMatchObject({ id: null, dryRun: true, replaced: false, added: 1, removed: 0 });
    const list = (await admin.get('/api/v1/chains')).json();
    expect(list.map((c: { key: string }) => c.key)).not.toContain('yn-preview');
  });
});
