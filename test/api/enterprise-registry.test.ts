/** Finding, editing, exporting and de-duplicating firms, on firms imported the way a user would. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { makeUscc } from '../helpers/enterprise-files.js';
import { importCsv } from '../helpers/import-job.js';

let t: TestContext;
let officer: Client;

const CSV = [
  '统一社会信用代码,企业名称,简称,曾用名,行政区划代码,所属行业,营业收入(万元),成立日期',
  `${makeUscc(1)},中交慧运（盐城）科技有限公司,中交慧运,,320904,I65,12000,2019-05-01`,
  `${makeUscc(2, '320600')},南通市通润汽车零部件有限公司,通润汽车,南通通润机电有限公司,320612,C36,35000,2008-03-18`,
  `${makeUscc(3)},江苏盐南储能科技有限公司,盐南储能,,320904,C38,150,2020-01-01`,
  `${makeUscc(4)},=HYPERLINK("http://evil")科技有限公司,,,320904,C39,100,2021-01-01`,
  ',中交慧运(盐城)科技有限公司,,,320904,I65,11000,',
].join('\n');

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((e) => e.name);
const find = (q: string, extra = '') => officer.get(`/api/v1/enterprises?q=${encodeURIComponent(q)}${extra}`);

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
  await importCsv(officer, CSV);
});
afterAll(() => t.close());

describe('finding a firm', () => {
  it.each([
    ['中交慧运', '中交慧运（盐城）科技有限公司'],
    ['通润汽车', '南通市通润汽车零部件有限公司'],
    ['通润机电', '南通市通润汽车零部件有限公司'],
    ['中交慧运(盐城)科技有限公司', '中交慧运（盐城）科技有限公司'],
    // The bracketed region typed without its brackets.
    ['中交慧运盐城科技有限公司', '中交慧运（盐城）科技有限公司'],
    ['中交慧运盐城', '中交慧运（盐城）科技有限公司'],
    ['zjhy', '中交慧运（盐城）科技有限公司'],
    ['trqc', '南通市通润汽车零部件有限公司'],
    ['中交惠运', '中交慧运（盐城）科技有限公司'],
    ['盐南储能', '江苏盐南储能科技有限公司'],
  ])('"%s" finds %s first', async (q, expected) => {
    expect(names(await find(q))[0]).toBe(expected);
  });

  it('finds a firm by its uscc, in any case and width', async () => {
    const uscc = makeUscc(2, '320600');
    expect(names(await find(uscc.toLowerCase()))).toEqual(['南通市通润汽车零部件有限公司']);
  });

  it('filters by region, industry, size band and review, and sorts', async () => {
    expect(names(await officer.get('/api/v1/enterprises?region=3206'))).toEqual([
      '南通市通润汽车零部件有限公司',
    ]);
    expect(names(await officer.get('/api/v1/enterprises?industry=C38'))).toEqual([
      '江苏盐南储能科技有限公司',
    ]);
    const micro = names(await officer.get('/api/v1/enterprises?sizeBand=micro'));
    expect(micro.sort()).toEqual(['=HYPERLINK("http://evil")科技有限公司', '江苏盐南储能科技有限公司']);
    expect(names(await officer.get('/api/v1/enterprises?sizeBand=large'))).toEqual([]);
    const review = names(await officer.get('/api/v1/enterprises?review=true'));
    expect(review, JSON.stringify(review)).toEqual(['中交慧运(盐城)科技有限公司']);
    const byRevenue = names(await officer.get('/api/v1/enterprises?sort=revenue&order=desc'));
    expect(byRevenue[0]).toBe('南通市通润汽车零部件有限公司');
    const list = (await officer.get('/api/v1/enterprises?pageSize=2')).json();
    expect(list.total).toBe(5);
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).toHaveProperty('revenue');
  });
});

describe('export', () => {
  it('exports the filtered list as XLSX with formula-like names defused', async () => {
    const res = await officer.get('/api/v1/enterprises/export?region=3209');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('企业名称');
    const cells: string[] = [];
    ws.eachRow((row, n) => n > 1 && cells.push(String(row.getCell(2).value)));
    expect(cells).toContain(`'=HYPERLINK("http://evil")科技有限公司`);
    expect(cells).not.toContain('南通市通润汽车零部件有限公司');
    const revenue = ws.getRow(2).getCell(11).value;
    expect(typeof revenue === 'number' || revenue === null).toBe(true);
  });
});

describe('editing a firm', () => {
  it('validates the uscc with the expected check character, records the editor as source and keeps history', async () => {
    const firm = (await find('盐南储能')).json().items[0];
    const bad = makeUscc(9).slice(0, 17) + (makeUscc(9).endsWith('0') ? '1' : '0');
    const rejected = await officer.patch(`/api/v1/enterprises/${firm.id}`, {
      version: firm.version,
      uscc: bad,
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().details[0].message).toContain(`应为 "${makeUscc(9)[17]}"`);
    const ok = await officer.patch(`/api/v1/enterprises/${firm.id}`, {
      version: firm.version,
      legalRep: '王海辰',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = ok.json();
    expect(detail.legalRep).toBe('王海辰');
    expect(detail.provenance.fields.legalRep.source).toMatchObject({ kind: 'user', userName: '张专员' });
    expect(detail.history[0]).toMatchObject({
      action: 'update',
      before: { legalRep: null },
      after: { legalRep: '王海辰' },
    });
    const stale = await officer.patch(`/api/v1/enterprises/${firm.id}`, {
      version: firm.version,
      legalRep: '旧值',
    });
    expect(stale.json().code).toBe('conflict.stale');
  });

  it('is for admins and officers only', async () => {
    const firm = (await find('盐南储能')).json().items[0];
    const expert = await login(t.app, 'expert');
    expect(
      (await expert.patch(`/api/v1/enterprises/${firm.id}`, { version: firm.version, legalRep: 'x' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('duplicates', () => {
  it('lists the name-only twin, merges it keeping every fact and its source, and records the merge', async () => {
    const pairs = (await officer.get('/api/v1/enterprises/duplicates')).json();
    const pair = pairs.items.find((p: { a: { name: string }; b: { name: string } }) =>
      [p.a.name, p.b.name].includes('中交慧运(盐城)科技有限公司'),
    );
    expect(pair).toMatchObject({ reason: 'similar_name', similarity: 1 });
    const keep = pair.a.uscc ? pair.a : pair.b;
    const gone = pair.a.uscc ? pair.b : pair.a;
    const merged = await officer.post('/api/v1/enterprises/merge', {
      keepId: keep.id,
      mergeId: gone.id,
      keepVersion: keep.version,
      mergeVersion: gone.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const detail = merged.json();
    expect(detail.aliases).toContainEqual({ name: '中交慧运(盐城)科技有限公司', kind: 'former' });
    expect(detail.history.map((h: { entityId: string }) => h.entityId)).toEqual(
      expect.arrayContaining([keep.id, gone.id]),
    );
    expect((await officer.get(`/api/v1/enterprises/${gone.id}`)).statusCode).toBe(200);
    expect(names(await find('中交慧运'))).toEqual(['中交慧运（盐城）科技有限公司']);
    const again = (await officer.get('/api/v1/enterprises/duplicates')).json();
    expect(
      again.items.some((p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].includes(gone.id)),
    ).toBe(false);
  });

  it('remembers "not the same"', async () => {
    await importCsv(officer, `企业名称,行政区划代码\n盐南储能科技（江苏）有限公司,320904\n`);
    const pairs = (await officer.get('/api/v1/enterprises/duplicates')).json();
    const pair = pairs.items.find((p: { a: { name: string }; b: { name: string } }) =>
      [p.a.name, p.b.name].includes('盐南储能科技（江苏）有限公司'),
    );
    expect(pair).toMatchObject({ reason: 'similar_name' });
    expect(
      (await officer.post('/api/v1/enterprises/duplicates/dismiss', { aId: pair.a.id, bId: pair.b.id }))
        .statusCode,
    ).toBe(204);
    const after = (await officer.get('/api/v1/enterprises/duplicates')).json();
    expect(
      after.items.some(
        (p: { a: { id: string }; b: { id: string } }) => p.a.id === pair.a.id && p.b.id === pair.b.id,
      ),
    ).toBe(false);
  });
});

describe('import preview and saved mappings', () => {
  /** The upload page's preview of a file, as the officer, with an optional column mapping. */
  async function preview(file: { name: string; content: Buffer }, mapping?: Record<string, string>) {
    return officer.postForm(
      '/api/v1/enterprises/imports/preview',
      mapping ? { mapping: JSON.stringify(mapping) } : {},
      file,
    );
  }

  it('refuses a mapping to a field the importer does not know, instead of dropping the column', async () => {
    const csv = Buffer.from('企业名称,年营收(万元)\n测试科技有限公司,10\n');
    for (const mapping of ['{not json', JSON.stringify({ '年营收(万元)': 'turnover' })]) {
      const res = await officer.postForm(
        '/api/v1/enterprises/imports/preview',
        { mapping },
        { name: 'p.csv', content: csv },
      );
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details[0].field).toBe('body.mapping');
    }
    const res = await officer.postForm(
      '/api/v1/enterprises/imports/preview',
      { mapping: JSON.stringify({ '年营收(万元)': 'turnover' }) },
      { name: 'p.csv', content: csv },
    );
    expect(res.json().details[0].message).toBe('“年营收(万元)”未知字段：turnover');
    const saved = await officer.post('/api/v1/import-mappings', {
      name: '错方案',
      mapping: { 年营收: 'turnover' },
    });
    expect(saved.statusCode).toBe(400);
    expect(saved.json().message).toContain('未知字段：turnover');
  });

  it('warns of a money column without a unit whose plain numbers would be read as 元', async () => {
    const csv = Buffer.from(
      '企业名称,注册资本,营业收入(万元),员工人数\n测试甲有限公司,"2,000",10,5\n测试乙有限公司,1000万,20,6\n',
    );
    const res = await preview({ name: 'p.csv', content: csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().columns).toEqual([
      { header: '企业名称', key: 'name', unit: null, bareNumbersAsYuan: false },
      { header: '注册资本', key: 'registeredCapital', unit: null, bareNumbersAsYuan: true },
      { header: '营业收入(万元)', key: 'revenue', unit: '万元', bareNumbersAsYuan: false },
      { header: '员工人数', key: 'employees', unit: null, bareNumbersAsYuan: false },
    ]);
    // The user says the column is in 万元: no longer read as 元; a unit on a count is refused.
    const chosen = await preview({ name: 'p.csv', content: csv }, { 注册资本: 'registeredCapital@万元' });
    expect(chosen.json().columns[1]).toEqual({
      header: '注册资本',
      key: 'registeredCapital',
      unit: '万元',
      bareNumbersAsYuan: false,
    });
    const wrong = await preview({ name: 'p.csv', content: csv }, { 员工人数: 'employees@万元' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0].message).toContain('单位写法不对：employees@万元');
  });

  it('shows the recognised columns and lets a user map an unknown one, then saves the mapping', async () => {
    const csv = Buffer.from('企业名称,纳税人识别号,年营收(万元)\n测试科技有限公司,x,10\n');
    const res = await preview({ name: 'p.csv', content: csv }, { '年营收(万元)': 'revenue' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      encoding: 'utf8',
      headerRow: 1,
      columns: [
        { header: '企业名称', key: 'name' },
        { header: '纳税人识别号', key: null },
        { header: '年营收(万元)', key: 'revenue', unit: '万元' },
      ],
      sampleRows: [['测试科技有限公司', 'x', '10']],
    });
    const saved = await officer.post('/api/v1/import-mappings', {
      name: '统计科模板',
      mapping: { '年营收(万元)': 'revenue', 纳税人识别号: '' },
    });
    expect(saved.statusCode).toBe(201);
    expect((await officer.get('/api/v1/import-mappings')).json()).toHaveLength(1);
    const bad = await officer.post('/api/v1/import-mappings', {
      name: '坏模板',
      mapping: { 甲: 'nonsense' },
    });
    expect(bad.json().details[0].message).toContain('未知字段');
  });

  it('previews the sheet that holds the table when a 说明 sheet comes first', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本文件由统计科导出，第二张表为企业名单']);
    const ws = wb.addWorksheet('企业名单');
    ws.addRow(['2025 年重点企业']);
    ws.addRow(['统一社会信用代码', '企业名称', '营业收入(万元)']);
    ws.addRow([makeUscc(88), '预览科技有限公司', 10]);
    const res = await preview({ name: 'two-sheets.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      encoding: 'xlsx',
      sheet: '企业名单',
      sheets: ['说明', '企业名单'],
      headerRow: 2,
      sampleRows: [[makeUscc(88), '预览科技有限公司', 10]],
    });
  });
});
