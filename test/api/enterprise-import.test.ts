import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { makeUscc, writeCsv, writeManyFirms, writeXlsx } from '../helpers/enterprise-files.js';
import { multipart } from '../helpers/multipart.js';

let t: TestContext;
let officer: Client;
const dir = mkdtempSync(path.join(os.tmpdir(), 'kz-import-'));

beforeAll(async () => {
  t = await createTestApp({ jobs: true, config: { importMaxBytes: 1024 * 1024 } });
  officer = await login(t.app, 'officer');
});
afterAll(() => t.close());

type ImportResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; column: string; code: string; message: string }[];
  encoding: string;
  file?: string;
};

async function upload(client: Client, name: string, content: Buffer, fields: Record<string, string> = {}) {
  return client.postForm('/api/v1/enterprises/imports', fields, { name, content });
}

async function finished(id: string) {
  for (let i = 0; i < 300; i++) {
    const job = (await officer.get(`/api/v1/jobs/${id}`)).json();
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

async function importFile(name: string, content: Buffer, fields: Record<string, string> = {}) {
  const res = await upload(officer, name, content, fields);
  expect(res.statusCode, res.body).toBe(202);
  return finished(res.json().id);
}

describe('enterprise import', () => {
  it('imports a GBK CSV with a title row, keeps good rows and explains each bad one', async () => {
    const file = path.join(dir, 'firms-gbk.csv');
    writeCsv(file, 'gbk');
    const job = await importFile('2025年企业名单.csv', readFileSync(file));
    expect(job.status, job.error).toBe('succeeded');
    const r = job.result as ImportResult;
    expect(r).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: 3, encoding: 'gb18030' });
    // Six data rows: not the title, the header nor the 合计 row below them.
    expect(job.message).toMatch(/^已处理 6 行：/);
    const bad = makeUscc(4);
    expect(r.errors).toContainEqual({
      row: 6,
      column: '统一社会信用代码',
      code: 'uscc.check',
      message: expect.stringContaining(`应为 "${bad[17]}"`),
    });
    expect(r.errors).toContainEqual(
      expect.objectContaining({ row: 7, column: '成立日期', code: 'date.impossible' }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ row: 8, column: '企业名称', code: 'name.required' }),
    );
    expect(r.errors).toContainEqual(expect.objectContaining({ row: 8, column: '营业收入(万元)' }));
  });

  it('reads values as offices write them, in 元, with the file and row as their source', async () => {
    const list = (await officer.get(`/api/v1/enterprises?q=${encodeURIComponent('中交慧运')}`)).json();
    expect(list.total).toBe(1);
    const firm = (await officer.get(`/api/v1/enterprises/${list.items[0].id}`)).json();
    expect(firm).toMatchObject({
      uscc: makeUscc(1),
      name: '中交慧运（盐城）科技有限公司',
      establishedOn: '2019-05-01',
      registeredCapital: 12_005_000,
      industrySection: 'I',
      industryDivision: '65',
      aliases: [{ name: '中交慧运', kind: 'short' }],
    });
    expect(firm.years[0]).toMatchObject({ employees: 120, revenue: 120_000_000, rdExpense: 3_000_000 });
    expect(firm.provenance.source).toMatchObject({ kind: 'import', file: '2025年企业名单.csv', row: 3 });
    // The region comes from the uscc when the file has no region column; the import is in the history.
    expect(firm.regionCode).toBe('320900');
    expect(firm.history[0]).toMatchObject({
      action: 'create',
      actorName: '张专员',
      after: { name: '中交慧运（盐城）科技有限公司' },
    });
    expect(firm.ip).toContainEqual(expect.objectContaining({ kind: 'invention_patent', count: 12 }));
    const serial = (await officer.get(`/api/v1/enterprises?q=${encodeURIComponent('盐南储能')}`)).json()
      .items[0];
    expect(serial.establishedOn).toBe('2019-05-01');
  });

  it('offers the rejected rows as an XLSX with a reason column, to fix and upload again', async () => {
    const jobs = (await officer.get('/api/v1/jobs?kind=enterprise.import')).json();
    const res = await officer.get(`/api/v1/jobs/${jobs.items[0].id}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(12).value).toBe('错误原因');
    expect(ws.rowCount).toBe(4);
    expect(String(ws.getRow(2).getCell(12).value)).toContain('校验位错误');
    // The reason names its column once, not "统一社会信用代码：统一社会信用代码校验位错误".
    expect(String(ws.getRow(2).getCell(12).value)).toMatch(/^统一社会信用代码校验位错误/);
  });

  it('writes a rejected row’s dates back as dates, and names the column of a reason once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业名单');
    ws.addRow(['企业名称', '统一社会信用代码', '成立日期']);
    const future = `${new Date().getFullYear() + 2}-01-01`;
    ws.addRow(['盐城未来日期科技有限公司', makeUscc(4713), new Date(`${future}T00:00:00Z`)]);
    ws.addRow(['', makeUscc(4714), new Date('2018-03-03T00:00:00Z')]);
    const job = await importFile('日期.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job.result).toMatchObject({ inserted: 0, rejected: 2 });
    const download = await officer.get(`/api/v1/jobs/${job.id}/download`);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const rows = back.worksheets[0];
    // A date cell, not the text "2018-03-03T00:00:00.000Z" a JSON round trip would leave.
    const typed = rows.getRow(3).getCell(3);
    expect(typed.value).toBeInstanceOf(Date);
    expect((typed.value as Date).toISOString().slice(0, 10)).toBe('2018-03-03');
    expect(typed.numFmt).toBe('yyyy-mm-dd');
    expect(rows.getRow(2).getCell(5).value).toBe(`“成立日期”${future} 晚于今天`);
  });

  it('takes the rejected rows back once fixed: a loss of "-300" and its own added columns are read as meant', async () => {
    const uscc = makeUscc(4711);
    const csv = `统一社会信用代码,企业名称,成立日期,所属行业,年度,净利润(万元),备注\n${uscc},盐城回传亏损科技有限公司,2021-02-30,I65,2025,-300,=1+1\n`;
    const first = await importFile('亏损企业.csv', Buffer.from(csv));
    expect(first.result).toMatchObject({ inserted: 0, rejected: 1 });
    const download = await officer.get(`/api/v1/jobs/${first.id}/download`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // The download defuses a leading "=" for Excel; a loss is a number cell, which runs nothing and
    // reads -300 to the user fixing the row (not the escaped text '-300) …
    expect(ws.getRow(2).getCell(6).value).toBe(-300);
    expect(ws.getRow(2).getCell(7).value).toBe("'=1+1");
    // … the user fixes the date and uploads the same file again.
    ws.getRow(2).getCell(3).value = '2021-02-28';
    const fixed = await importFile('亏损企业-已修改.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(fixed.status, fixed.error).toBe('succeeded');
    const r = fixed.result as ImportResult & { unmappedHeaders: string[] };
    expect(r).toMatchObject({ inserted: 1, rejected: 0 });
    // 备注 is the file's own unknown column; 原行号 and 错误原因 are the download's, not reported.
    expect(r.unmappedHeaders).toEqual(['备注']);
    const list = (await officer.get(`/api/v1/enterprises?q=${uscc}`)).json();
    const firm = (await officer.get(`/api/v1/enterprises/${list.items[0].id}`)).json();
    expect(firm.years[0]).toMatchObject({ year: 2025, netProfit: -3_000_000 });
  });

  it('changes nothing when the same file comes again, in UTF-8 with a BOM this time', async () => {
    const file = path.join(dir, 'firms-bom.csv');
    writeCsv(file, 'utf8-bom');
    const job = await importFile('firms.csv', readFileSync(file));
    expect(job.result).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
      rejected: 3,
      encoding: 'utf8',
    });
  });

  it('finds the sheet with the table when a 说明 sheet comes first; a named sheet without one is refused', async () => {
    const file = path.join(dir, 'firms.xlsx');
    await writeXlsx(file);
    const found = await importFile('firms.xlsx', readFileSync(file));
    expect(found.status, found.error).toBe('succeeded');
    expect(found.result).toMatchObject({ unchanged: 3, rejected: 3, encoding: 'xlsx' });
    const wrong = await importFile('firms.xlsx', readFileSync(file), { sheet: '说明' });
    expect(wrong.status).toBe('failed');
    expect(wrong.error).toContain('找不到表头');
    expect(wrong.error).toContain('文件中的工作表：说明、企业名单');
    expect(wrong.error).toContain('--sheet');
    // The same file would fail the same way: no second attempt.
    expect(wrong.attempts).toBe(1);
    expect(wrong.message).toBe('执行失败：输入有误，重试无益');
    const right = await importFile('firms.xlsx', readFileSync(file), { sheet: '企业名单' });
    expect(right.status, right.error).toBe('succeeded');
    expect(right.result).toMatchObject({ unchanged: 3, rejected: 3, encoding: 'xlsx' });
  });

  it('validates without writing on a dry run', async () => {
    const csv = Buffer.from(
      `企业名称,统一社会信用代码,营业收入(万元)\n试运行科技有限公司,${makeUscc(77)},10\n`,
    );
    const job = await importFile('dry.csv', csv, { dryRun: 'true' });
    expect(job.result).toMatchObject({ inserted: 1, dryRun: true });
    expect((await officer.get(`/api/v1/enterprises?q=${encodeURIComponent('试运行')}`)).json().total).toBe(0);
  });

  it('matches a row without uscc by its normalised name and flags it for review', async () => {
    const first = await importFile(
      'a.csv',
      Buffer.from('企业名称,营业收入(万元)\n盐城无码科技有限公司,100\n'),
    );
    expect(first.result).toMatchObject({ inserted: 1 });
    const again = await importFile(
      'b.csv',
      Buffer.from('企业名称,营业收入(万元)\n盐城无码科技有限公司,120\n'),
    );
    expect(again.result).toMatchObject({ inserted: 0, updated: 1 });
    const flagged = (await officer.get('/api/v1/enterprises?review=true')).json();
    expect(flagged.items.map((e: { name: string }) => e.name)).toContain('盐城无码科技有限公司');
  });

  it('skips a 合计 row whose label sits in the first column, not rejecting it as a bad credit code', async () => {
    const csv = Buffer.from(
      '统一社会信用代码,企业名称,营业收入(万元)\n,盐城合计测试科技有限公司,100\n合计,,100\n',
    );
    const job = await importFile('合计.csv', csv);
    expect(job.result).toMatchObject({ inserted: 1, rejected: 0 });
  });

  it('skips a 合计 row under a 序号 first column, not rejecting it for a missing name', async () => {
    const csv = Buffer.from(
      '序号,企业名称,统一社会信用代码,营业收入(万元)\n1,盐城序号合计科技有限公司,,100\n合计,,,100\n小计,（共 1 家）,,100\n',
    );
    const job = await importFile('序号合计.csv', csv);
    expect(job.result).toMatchObject({ inserted: 1, rejected: 0 });
    expect(job.message).toMatch(/^已处理 1 行：/);
  });

  it('reads a bare 注册资本 column in the unit the user chose for it', async () => {
    const csv = Buffer.from('企业名称,注册资本\n盐城单位选择科技有限公司,"2,000"\n');
    const job = await importFile('单位.csv', csv, {
      mapping: JSON.stringify({ 注册资本: 'registeredCapital@万元' }),
    });
    expect(job.result).toMatchObject({ inserted: 1, rejected: 0 });
    const firm = (
      await officer.get(`/api/v1/enterprises?q=${encodeURIComponent('盐城单位选择科技')}`)
    ).json();
    const detail = (await officer.get(`/api/v1/enterprises/${firm.items[0].id}`)).json();
    expect(detail.registeredCapital).toBe(20_000_000);
  });

  it('a firm listed twice in one file: an identical repeat is 未变, a changed one is 更新 and its figure cites that row', async () => {
    const uscc = makeUscc(4712);
    const row = (revenue: number) => `${uscc},盐城重复行科技有限公司,2020-01-01,2025,${revenue}`;
    const csv = `统一社会信用代码,企业名称,成立日期,年度,营业收入(万元)\n${row(500)}\n${row(500)}\n${row(650)}\n`;
    const job = await importFile('重复行.csv', Buffer.from(csv));
    expect(job.result).toMatchObject({ inserted: 1, unchanged: 1, updated: 1, rejected: 0 });
    const list = (await officer.get(`/api/v1/enterprises?q=${uscc}`)).json();
    const firm = (await officer.get(`/api/v1/enterprises/${list.items[0].id}`)).json();
    expect(firm.years[0].revenue).toBe(6_500_000);
    expect(firm.years[0].provenance.fields.revenue.source).toMatchObject({ file: '重复行.csv', row: 4 });
  });

  it('bounds uploads: size, type and a missing file get clear 4xx answers, and nothing is queued', async () => {
    const before = (await officer.get('/api/v1/jobs')).json().total;
    const big = await upload(officer, 'big.csv', Buffer.alloc(1100 * 1024, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'upload.too_large' });
    const exe = await upload(officer, 'virus.exe', Buffer.from('MZ'));
    expect(exe.json()).toMatchObject({
      code: 'upload.bad_type',
      message: '只支持 CSV（UTF-8 或 GBK）和 XLSX 文件',
    });
    const none = multipart({ dryRun: 'true' });
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises/imports',
      payload: none.payload,
      headers: { ...none.headers, cookie: officer.cookie, 'x-csrf-token': officer.csrf },
    });
    expect(missing.json().code).toBe('upload.missing_file');
    const cut = multipart({}, { name: 'cut.csv', content: Buffer.from('企业名称\n盐城断线科技有限公司\n') });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises/imports',
      payload: cut.payload.subarray(0, cut.payload.length - 20),
      headers: { ...cut.headers, cookie: officer.cookie, 'x-csrf-token': officer.csrf },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('upload.malformed');
    // Two files in one upload: refused in Chinese (multipart said "reach files limit").
    const one = multipart({}, { name: 'a.csv', content: Buffer.from('企业名称\n盐城甲科技有限公司\n') });
    const boundary = one.headers['content-type'].split('boundary=')[1];
    const file = (name: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n企业名称\n盐城乙科技有限公司\r\n`;
    const two = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises/imports',
      payload: Buffer.from(`${file('a.csv')}${file('b.csv')}--${boundary}--\r\n`),
      headers: { ...one.headers, cookie: officer.cookie, 'x-csrf-token': officer.csrf },
    });
    expect(two.statusCode).toBe(400);
    expect(two.json()).toMatchObject({
      code: 'upload.too_many_parts',
      message: expect.stringContaining('一次只能上传一个文件'),
    });
    expect((await officer.get('/api/v1/jobs')).json().total).toBe(before);
  });

  it('cancels between batches: the firms written so far are whole, the rest are not written', async () => {
    const file = path.join(dir, 'many.csv');
    writeManyFirms(file, 6000);
    const res = await upload(officer, 'many.csv', readFileSync(file));
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    for (let i = 0; i < 600; i++) {
      const job = (await officer.get(`/api/v1/jobs/${id}`)).json();
      if (job.status === 'running' && job.progress > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await officer.post(`/api/v1/jobs/${id}/cancel`)).statusCode).toBe(200);
    const job = await finished(id);
    expect(job.status).toBe('cancelled');
    const rows = await t.database.db.execute(
      "select count(*)::int as firms, count(y.enterprise_id)::int as with_year from enterprises e left join enterprise_years y on y.enterprise_id = e.id where e.name like '盐城%有限公司' and e.name ~ '[0-9]'",
    );
    const { firms, with_year } = (rows as unknown as { rows: { firms: number; with_year: number }[] })
      .rows[0];
    expect(firms).toBeGreaterThan(0);
    expect(firms).toBeLessThan(6000);
    expect(firms % 500).toBe(0);
    expect(with_year).toBe(firms);
    // The job says how far it got, and that count is what was written.
    expect(job.message).toMatch(new RegExp(`^已取消。取消前：已处理 \\d+ 行：新增 ${firms}，`));
  });

  it('stops at a line it cannot read, keeping the batches written before it whole', async () => {
    const file = path.join(dir, 'broken.csv');
    writeManyFirms(file, 1200, 300_000);
    // An opening quote that never closes: csv-parse reads to the end of the file, then gives up.
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}"未闭合的引号,C38\n${makeUscc(399_999)},盐城后续有限公司,C38\n`,
    );
    const job = await importFile('broken.csv', readFileSync(file));
    expect(job.status).toBe('failed');
    expect(job.error).toContain('CSV 文件第 1202 行无法解析');
    expect(job.error).toContain('已导入的批次不受影响');
    const rows = await t.database.db.execute(
      "select count(*)::int as firms, count(y.enterprise_id)::int as with_year from enterprises e left join enterprise_years y on y.enterprise_id = e.id where e.provenance->'source'->>'file' = 'broken.csv'",
    );
    // Two batches of 500 were committed; the 200 rows after them were parsed but never written.
    expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({ firms: 1000, with_year: 1000 });
  });

  it('keeps the firms inside the org and the upload to the roles that may import', async () => {
    const nt = await login(t.app, 'nt_officer');
    expect((await nt.get('/api/v1/enterprises')).json().total).toBe(0);
    const analyst = await login(t.app, 'analyst');
    expect((await upload(analyst, 'x.csv', Buffer.from('企业名称\n某公司\n'))).statusCode).toBe(403);
  });
});
