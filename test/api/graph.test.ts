/** 企业图谱: relations imported from the files offices keep (GBK CSV with a title row, XLSX), with row
 *  errors and idempotent re-runs; neighbours, ultimate controller, group, shortest path; org isolation. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWithinHops } from '../../src/server/modules/graph/graph.js';
import { type Client, createTestApp, login, ORG, type TestContext } from '../helpers/app.js';
import { addFirm } from '../helpers/firms.js';

let t: TestContext;
let officer: Client;
const ids: Record<string, string> = {};

async function upload(client: Client, name: string, content: Buffer) {
  return client.postForm('/api/v1/relations/import', {}, { name, content });
}

// What a 招商 office keeps: a title row, Chinese headers, percentages and amounts as people write them.
const CSV = [
  '盐南高新区企业关系表（2026年）,,,,,,',
  '关系类型,主体,主体类型,客体,持股比例,金额(万元),日期',
  '持股,王建国,自然人,盐南图谱控股集团有限公司,60%,,2025年6月30日',
  '持股,赵晓梅,自然人,盐南图谱控股集团有限公司,40%,,2025-06-30',
  '持股,盐南图谱控股集团有限公司,,盐南图谱新能源科技有限公司,70,,2025/6/30',
  '持股,盐南图谱新能源科技有限公司,,盐南图谱储能有限公司,0.8,,',
  '投资,盐南科创天使基金,机构,盐南图谱储能有限公司,,"1,200",2024-03-01',
  '供应,盐南图谱储能有限公司,,深圳图谱整车有限公司,,,',
  '产学研,深圳图谱整车有限公司,,东南大学,,,',
  '合伙,王建国,,盐南图谱储能有限公司,,,',
  '持股,王建国,,不存在的科技（盐城）有限公司,10%,,',
  '持股,李四,,盐南图谱储能有限公司,150%,,',
].join('\r\n');

let first: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  officer = await login(t.app, 'officer');
  for (const name of [
    '盐南图谱控股集团有限公司',
    '盐南图谱新能源科技有限公司',
    '盐南图谱储能有限公司',
    '深圳图谱整车有限公司',
  ])
    ids[name] = await addFirm(t.database.db, name);
  ids.南通图谱科技有限公司 = await addFirm(t.database.db, '南通图谱科技有限公司', { org: ORG.ntkfq });
  const res = await upload(officer, '企业关系.csv', iconv.encode(CSV, 'gb18030'));
  expect(res.statusCode).toBe(200);
  first = res.json();
});
afterAll(() => t.close());

const entityId = async (client: Client, center: string, name: string) => {
  const n = (await client.get(`/api/v1/graph/neighbours?id=${center}&hops=4`)).json();
  return n.nodes.find((x: { name: string }) => x.name === name)?.id as string;
};

describe('relation import', () => {
  it('takes the good rows of a GBK CSV under a title row and explains each bad one', () => {
    expect(first).toMatchObject({ inserted: 7, updated: 0, unchanged: 0, rejected: 3, warnings: [] });
    const errors = first.errors as { row: number; column: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 10,
          column: '关系类型',
          message: expect.stringContaining('不认识的关系类型“合伙”'),
        }),
        expect.objectContaining({
          row: 11,
          column: '客体',
          // As typed, full-width brackets and all (it showed the folded 不存在的科技(盐城)有限公司).
          message: '企业“不存在的科技（盐城）有限公司”不在本组织的企业库中，请先导入该企业',
        }),
        expect.objectContaining({ row: 12, column: '持股比例', message: expect.stringContaining('150%') }),
      ]),
    );
  });

  it('changes nothing when the same file comes again, and updates a changed share', async () => {
    const again = (await upload(officer, '企业关系.csv', iconv.encode(CSV, 'gb18030'))).json();
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 7, rejected: 3 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('关系');
    ws.addRow(['关系类型', '主体', '客体', '持股比例']);
    ws.addRow(['持股', '盐南图谱新能源科技有限公司', '盐南图谱储能有限公司', '85%']);
    const xlsx = (await upload(officer, '变更.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).json();
    expect(xlsx).toMatchObject({ inserted: 0, updated: 1, rejected: 0 });
  });

  it('refuses a file without the needed columns, in Chinese, and keeps analysts from importing', async () => {
    const res = await upload(officer, 'x.csv', Buffer.from('企业名称,地址\n某公司,盐城\n'));
    expect(res.statusCode).toBe(400);
    // The message itself says why: the upload dialog shows only the message.
    expect(res.json().message).toMatch(/^无法读取该文件：.*关系类型/);
    // Once: the reason follows the code's message, not the code's message again.
    expect(res.json().message).not.toMatch(/无法读取该文件.*无法读取该文件/);
    const analyst = await login(t.app, 'analyst');
    expect((await upload(analyst, '企业关系.csv', Buffer.from(CSV))).statusCode).toBe(403);
  });
});

describe('graph queries', () => {
  it('finds the ultimate controller with the path and the product of shares', async () => {
    const c = (await officer.get(`/api/v1/enterprises/${ids.盐南图谱储能有限公司}/controller`)).json();
    expect(c.controller).toMatchObject({ name: '王建国', type: 'person' });
    expect(c.path.map((p: { entity: { name: string } }) => p.entity.name)).toEqual([
      '王建国',
      '盐南图谱控股集团有限公司',
      '盐南图谱新能源科技有限公司',
      '盐南图谱储能有限公司',
    ]);
    expect(c.path.map((p: { share: number | null }) => p.share)).toEqual([0.6, 0.7, 0.85, null]);
    expect(c.product).toBeCloseTo(0.6 * 0.7 * 0.85, 5);
  });

  it('lists the group: what the controller controls through holdings above half', async () => {
    const g = (await officer.get(`/api/v1/enterprises/${ids.盐南图谱新能源科技有限公司}/group`)).json();
    expect(g.controller.name).toBe('王建国');
    // 60 % of 控股集团, which holds 70 % of 新能源, which holds 85 % of 储能: each a majority, so all
    // three are 王建国's, although 0.6 × 0.7 is only 42 %.
    expect(g.members.map((m: { entity: { name: string } }) => m.entity.name)).toEqual([
      '盐南图谱控股集团有限公司',
      '盐南图谱新能源科技有限公司',
      '盐南图谱储能有限公司',
    ]);
    expect(g.members[1].share).toBeCloseTo(0.42, 6);
    const held = (await officer.get(`/api/v1/enterprises/${ids.盐南图谱控股集团有限公司}/group`)).json();
    expect(held.members.length).toBe(3);
  });

  it('gives neighbours by hops and relation kind, each relation with its source', async () => {
    const center = ids.盐南图谱储能有限公司;
    const one = (await officer.get(`/api/v1/graph/neighbours?id=${center}&hops=1`)).json();
    expect(one.nodes.map((n: { name: string }) => n.name).sort()).toEqual(
      [
        '盐南图谱储能有限公司',
        '盐南图谱新能源科技有限公司',
        '盐南科创天使基金',
        '深圳图谱整车有限公司',
      ].sort(),
    );
    const invest = one.edges.find((e: { kind: string }) => e.kind === 'investment');
    expect(invest).toMatchObject({ kindName: '投资', amount: 12_000_000, asOf: '2024-03-01' });
    expect(invest.source).toContain('企业关系.csv 第 7 行');
    const supplyOnly = (
      await officer.get(`/api/v1/graph/neighbours?id=${center}&hops=2&kinds=supply,cooperation`)
    ).json();
    expect(supplyOnly.nodes.map((n: { name: string }) => n.name)).toContain('东南大学');
    expect(supplyOnly.nodes.map((n: { name: string }) => n.name)).not.toContain('盐南科创天使基金');
    const bad = await officer.get(`/api/v1/graph/neighbours?id=${center}&kinds=friendship`);
    expect(bad.statusCode).toBe(400);
  });

  it('finds a shortest path between a person and a university', async () => {
    const center = ids.盐南图谱储能有限公司;
    const person = await entityId(officer, center, '王建国');
    const uni = await entityId(officer, center, '东南大学');
    const p = (await officer.get(`/api/v1/graph/path?from=${person}&to=${uni}`)).json();
    expect(p.found).toBe(true);
    expect(p.nodes.map((n: { name: string }) => n.name)).toEqual([
      '王建国',
      '盐南图谱控股集团有限公司',
      '盐南图谱新能源科技有限公司',
      '盐南图谱储能有限公司',
      '深圳图谱整车有限公司',
      '东南大学',
    ]);
    const short = (await officer.get(`/api/v1/graph/path?from=${person}&to=${uni}&maxHops=4`)).json();
    expect(short).toEqual({ found: false, nodes: [], edges: [] });
  });

  it('answers the conflict-of-interest check with the path', async () => {
    const center = ids.盐南图谱储能有限公司;
    const person = await entityId(officer, center, '赵晓梅');
    const actor = {
      orgPath: `/00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000010/${ORG.yannan}/`,
    };
    const near = await isWithinHops(t.database.db, actor as never, person, center, 3);
    expect(near).toMatchObject({ within: true, hops: 3 });
    expect((near as { names: string[] }).names).toEqual([
      '盐南图谱储能有限公司',
      '盐南图谱新能源科技有限公司',
      '盐南图谱控股集团有限公司',
      '赵晓梅',
    ]);
    expect((await isWithinHops(t.database.db, actor as never, person, center, 2)).within).toBe(false);
  });

  it('shows a 南通 officer none of 盐南’s firms, people or relations', async () => {
    const nt = await login(t.app, 'nt_officer');
    const center = ids.盐南图谱储能有限公司;
    for (const url of [
      `/api/v1/graph/neighbours?id=${center}`,
      `/api/v1/enterprises/${center}/controller`,
      `/api/v1/enterprises/${center}/group`,
    ]) {
      const res = await nt.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('王建国');
    }
    const own = (await nt.get(`/api/v1/graph/neighbours?id=${ids.南通图谱科技有限公司}`)).json();
    expect(own.nodes.length).toBe(1);
    expect(own.edges).toEqual([]);
  });
});

describe('shareholdings that add up to more than the whole firm', () => {
  it('imports a new shareholder but warns that the recorded shares now exceed 100 %', async () => {
    const csv = [
      '关系类型,主体,主体类型,客体,持股比例',
      '持股,钱多多,自然人,盐南图谱控股集团有限公司,30%',
    ].join('\n');
    const res = (await upload(officer, '新增股东.csv', Buffer.from(csv))).json();
    expect(res).toMatchObject({ inserted: 1, rejected: 0 });
    expect(res.warnings).toEqual([
      {
        code: 'relation.shares_over_100',
        message:
          '盐南图谱控股集团有限公司：已登记的 3 个股东持股合计 130%，超过 100%，请核对是否有已退出的股东',
      },
    ]);
    // A file that touches no over-held firm says nothing.
    const other = ['关系类型,主体,客体', '供应,盐南图谱新能源科技有限公司,深圳图谱整车有限公司'].join('\n');
    expect((await upload(officer, '供应.csv', Buffer.from(other))).json().warnings).toEqual([]);
  });
});

describe('relation values as offices write them', () => {
  it('reads a bare "1" as 1 %, not the whole firm, and refuses a date in the future', async () => {
    const csv = [
      '关系类型,主体,主体类型,客体,持股比例,日期',
      '持股,孙小股东,自然人,盐南图谱新能源科技有限公司,1,2025-01-01',
      '投资,盐南未来基金,机构,盐南图谱储能有限公司,,2099-01-01',
    ].join('\n');
    const res = (await upload(officer, '小股东.csv', Buffer.from(csv))).json();
    expect(res).toMatchObject({ inserted: 1, rejected: 1 });
    expect(res.errors).toEqual([
      expect.objectContaining({ row: 3, column: '日期', message: '日期“2099-01-01”晚于今天' }),
    ]);
    const center = ids.盐南图谱新能源科技有限公司;
    const graph = (await officer.get(`/api/v1/graph/neighbours?id=${center}&hops=1`)).json();
    const shares = graph.edges.map((e: { share: number | null }) => e.share);
    expect(shares).toContain(0.01);
    expect(shares).not.toContain(1);
  });

  it('reads a share typed as "100%" in Excel (stored as 1) as the whole firm, not 1 %', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('股东');
    ws.addRow(['关系类型', '主体', '主体类型', '客体', '持股比例']);
    for (const [holder, share] of [
      ['全资股东', 1],
      ['六成股东', 0.6],
    ] as const)
      ws.addRow(['持股', holder, '自然人', '盐南图谱控股集团有限公司', share]).getCell(5).numFmt = '0%';
    // A formula's result under a percentage format too.
    ws
      .addRow(['持股', '公式股东', '自然人', '盐南图谱储能有限公司', { formula: '1/2', result: 0.5 }])
      .getCell(5).numFmt = '0.0%';
    const res = (await upload(officer, '百分比.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).json();
    expect(res).toMatchObject({ inserted: 3, rejected: 0 });
    const shares = async (center: string) =>
      Object.fromEntries(
        (await officer.get(`/api/v1/graph/neighbours?id=${center}&hops=1&kinds=shareholding`))
          .json()
          .edges.map((e: { share: number; source: string }) => [e.source, e.share]),
      );
    expect(await shares(ids.盐南图谱控股集团有限公司)).toMatchObject({
      '导入文件 百分比.xlsx 第 2 行': 1,
      '导入文件 百分比.xlsx 第 3 行': 0.6,
    });
    expect(await shares(ids.盐南图谱储能有限公司)).toMatchObject({ '导入文件 百分比.xlsx 第 4 行': 0.5 });
  });

  it('refuses a negative amount and an amount in a foreign currency instead of storing it as 元', async () => {
    const csv = [
      '关系类型,主体,主体类型,客体,金额(万元),轮次',
      '投资,盐南负数基金,机构,盐南图谱新能源科技有限公司,-500,A轮',
      '投资,盐南美元基金,机构,盐南图谱新能源科技有限公司,100万美元,B轮',
      '投资,盐南美元基金,机构,盐南图谱储能有限公司,USD 300,C轮',
      '投资,盐南人民币基金,机构,盐南图谱新能源科技有限公司,300,D轮',
    ].join('\n');
    const res = (await upload(officer, '金额.csv', Buffer.from(csv))).json();
    expect(res).toMatchObject({ inserted: 1, rejected: 3 });
    expect(res.errors).toEqual([
      expect.objectContaining({ row: 2, column: '金额(万元)', message: '金额“-500”不能为负数' }),
      expect.objectContaining({ row: 3, message: '金额“100万美元”不是人民币，请换算为人民币后填写' }),
      expect.objectContaining({ row: 4, message: '金额“USD 300”不是人民币，请换算为人民币后填写' }),
    ]);
    const center = ids.盐南图谱新能源科技有限公司;
    const graph = (await officer.get(`/api/v1/graph/neighbours?id=${center}&hops=1&kinds=investment`)).json();
    expect(graph.edges.map((e: { amount: number | null }) => e.amount)).toEqual([3e6]);
  });
});
