import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { hasHeaderWith } from './header-row.js';
import { previewTable } from './preview.js';
import { readTable, type TableRow } from './read-table.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kz-read-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function allRows(rows: AsyncIterable<TableRow>): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

/** A workbook written by ExcelJS's (non-streaming) writer, the way offices' files come. */
async function workbook(name: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** An XLSX put together by hand, for what Excel never writes: odd part names, bombs, no string table. */
async function handmade(name: string, sheetXml: string, extra: Record<string, string> = {}) {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据 &amp; 备注" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
  );
  zip.file('xl/worksheets/data.xml', sheetXml);
  for (const [part, text] of Object.entries(extra)) zip.file(part, text);
  const file = path.join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

const sheetXml = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe('readTable: XLSX, streamed', () => {
  it('converts cells as before: dates, formula results, rich text, hyperlinks, guarded text', async () => {
    const file = await workbook('cells.xlsx', (wb) => {
      const ws = wb.addWorksheet('企业');
      ws.addRow(['企业名称', '成立日期', '营业收入', '网址', '备注']);
      ws.addRow([
        { richText: [{ text: '盐城' }, { text: '科技', font: { bold: true } }] },
        new Date(Date.UTC(2019, 4, 1)),
        { formula: '1+1', result: 2 },
        { text: '官网', hyperlink: 'https://example.com' },
        "'=SUM(A1)",
      ]);
      ws.addRow([
        { formula: 'A1&"公司"', result: '盐城科技公司' },
        { formula: 'DATE(2020,1,2)', result: new Date(Date.UTC(2020, 0, 2)) },
        { formula: 'NA()', result: { error: '#N/A' } },
        true,
        null,
        '尾列',
      ]);
      ws.getCell('B3').numFmt = 'yyyy-mm-dd';
    });
    const table = await readTable(file);
    expect(table).toMatchObject({ encoding: 'xlsx', sheet: '企业', sheets: ['企业'] });
    const rows = await allRows(table.rows);
    expect(rows).toEqual([
      { row: 1, values: ['企业名称', '成立日期', '营业收入', '网址', '备注'] },
      { row: 2, values: ['盐城科技', new Date(Date.UTC(2019, 4, 1)), 2, '官网', '=SUM(A1)'] },
      { row: 3, values: ['盐城科技公司', new Date(Date.UTC(2020, 0, 2)), null, true, null, '尾列'] },
    ]);
  });

  it('picks a named sheet, else the first with a header, and numbers rows as Excel does', async () => {
    const file = await workbook('sheets.xlsx', (wb) => {
      wb.addWorksheet('说明').addRow(['本表为 2024 年企业名单，请勿修改表头']);
      const ws = wb.addWorksheet('企业名单');
      ws.getCell('A3').value = '企业名称';
      ws.getCell('B3').value = '统一社会信用代码';
      ws.getCell('A4').value = '盐城科技有限公司';
      wb.addWorksheet('空表');
    });
    const headed = await readTable(file, { hasHeader: hasHeaderWith() });
    expect(headed).toMatchObject({ sheet: '企业名单', sheets: ['说明', '企业名单', '空表'] });
    // Rows missing from the sheet come as empty rows, so "the first 10 rows" mean rows 1–10.
    expect(await allRows(headed.rows)).toEqual([
      { row: 1, values: [] },
      { row: 2, values: [] },
      { row: 3, values: ['企业名称', '统一社会信用代码'] },
      { row: 4, values: ['盐城科技有限公司'] },
    ]);

    const named = await readTable(file, { sheet: '说明', hasHeader: hasHeaderWith() });
    expect(named.sheet).toBe('说明');
    expect((await allRows(named.rows))[0].values).toEqual(['本表为 2024 年企业名单，请勿修改表头']);

    // No sheet with a header, or no test for one: the first sheet.
    expect((await readTable(file)).sheet).toBe('说明');
    const none = await readTable(file, { hasHeader: () => false });
    expect(none.sheet).toBe('说明');
    expect(await allRows(none.rows)).toHaveLength(1);

    const missing = await failure(readTable(file, { sheet: '附表' }));
    expect(missing.constructor.name).toBe('TableError');
    expect(missing.message).toBe('工作表“附表”不存在；文件中的工作表：说明、企业名单、空表');
  });

  it('reads a sheet under any part name, without a shared-string table, with entities in its name', async () => {
    const file = await handmade(
      'handmade.xlsx',
      sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1" t="inlineStr"><is><t>员工人数</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>盐城科技</t></is></c><c r="C2"><v>120</v></c></row>',
      ),
    );
    const table = await readTable(file);
    expect(table).toMatchObject({ sheet: '数据 & 备注', sheets: ['数据 & 备注'] });
    expect(await allRows(table.rows)).toEqual([
      { row: 1, values: ['企业名称', '员工人数'] },
      { row: 2, values: ['盐城科技', null, 120] },
    ]);
  });

  it('refuses a ZIP bomb by its size, and stops one whose directory lies at that size', {
    timeout: 60_000,
  }, async () => {
    // 30 MB that deflate about 1000:1 (blank runs under the 4 MB text cap); the cap is 200× the
    // compressed size.
    const file = await handmade('bomb.xlsx', sheetXml(`<row r="1"/>${' '.repeat(1_000_000)}`.repeat(30)));
    const err = await failure(readTable(file).then((t) => allRows(t.rows)));
    expect(err.constructor.name).toBe('TableError');
    expect(err.message).toMatch(
      /“xl\/worksheets\/data.xml”解压后有 \d+ MB（压缩时 \d+ KB），超过上限 \d+ MB，可能是压缩炸弹/,
    );

    // The same bomb claiming 1000 bytes in the central directory: inflating stops just past them.
    const bytes = readFileSync(file);
    const name = bytes.lastIndexOf('xl/worksheets/data.xml');
    bytes.writeUInt32LE(1000, name - 46 + 24);
    writeFileSync(file, bytes);
    const lie = await failure(readTable(file).then((t) => allRows(t.rows)));
    expect(lie.message).toContain('“xl/worksheets/data.xml”解压后比目录所记的 1000 字节多');
  });

  it('refuses a text run longer than any cell, before the parser gathers it', {
    timeout: 60_000,
  }, async () => {
    // Varied characters, so it is the run that is refused, not the compression ratio.
    let text = '';
    for (let i = 0; i < 2_000_000; i++) text += String.fromCharCode(0x4e00 + ((i * 7919) % 20_000));
    const file = await handmade(
      'long-text.xlsx',
      sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`),
    );
    const err = await failure(readTable(file).then((t) => allRows(t.rows)));
    expect(err.message).toContain('超过 4 MB 的单个文本或标签');
  });

  it('names what is wrong with files that are not workbooks', async () => {
    const notZip = path.join(dir, 'not.xlsx');
    writeFileSync(notZip, '企业名称,统一社会信用代码\n');
    expect((await failure(readTable(notZip))).message).toBe('文件扩展名为 .xlsx，但内容不是 Excel 工作簿');

    const encrypted = path.join(dir, 'encrypted.xlsx');
    writeFileSync(
      encrypted,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    expect((await failure(readTable(encrypted))).message).toContain('设了打开密码');

    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const docx = path.join(dir, 'doc.xlsx');
    writeFileSync(docx, await zip.generateAsync({ type: 'nodebuffer' }));
    const err = await failure(readTable(docx));
    expect(err.constructor.name).toBe('TableError');
    expect(err.message).toContain('不是 Excel 工作簿');

    const truncated = path.join(dir, 'truncated.xlsx');
    writeFileSync(truncated, (await zip.generateAsync({ type: 'nodebuffer' })).subarray(0, 40));
    expect((await failure(readTable(truncated))).message).toContain('Excel 文件已损坏');
  });
});

describe('readTable: text files', () => {
  const rows = [
    ['统一社会信用代码', '企业名称', '营业收入(万元)'],
    ['91320900MA1XXXXX0X', '盐城科技有限公司', '1,200.5'],
    ['91320900MA1YYYYY0Y', '南通"通润"汽车零部件有限公司', ''],
  ];
  const tsv = `${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`;

  it('reads a tab-separated .txt as columns, not one column', async () => {
    const file = path.join(dir, 'firms.txt');
    writeFileSync(file, tsv);
    const table = await readTable(file);
    expect(table.encoding).toBe('utf8');
    expect((await allRows(table.rows)).map((r) => r.values)).toEqual(rows);
  });

  it('reads Excel\'s "Unicode 文本": UTF-16 LE with a BOM, tab-separated; and UTF-16 BE', async () => {
    const le = path.join(dir, 'unicode-le.txt');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, 'utf16le')]));
    const table = await readTable(le);
    expect(table.encoding).toBe('utf16le');
    expect((await allRows(table.rows)).map((r) => r.values)).toEqual(rows);

    const be = path.join(dir, 'unicode-be.txt');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(tsv, 'utf16be')]));
    const tableBe = await readTable(be);
    expect(tableBe.encoding).toBe('utf16be');
    expect((await allRows(tableBe.rows)).map((r) => r.values)).toEqual(rows);

    const preview = await previewTable(le, { name: 'unicode-le.txt' });
    expect(preview).toMatchObject({ encoding: 'utf16le', headerRow: 1 });
    expect(preview.columns.map((c) => c.key)).toEqual(['uscc', 'name', 'revenue']);
  });

  it('keeps commas for a CSV, tabs inside its cells or a title line with a comma notwithstanding', async () => {
    const csv = path.join(dir, 'firms.csv');
    writeFileSync(csv, '企业名称,简称,备注\n盐城科技,盐科,"a\tb"\n');
    expect((await allRows((await readTable(csv)).rows)).map((r) => r.values)).toEqual([
      ['企业名称', '简称', '备注'],
      ['盐城科技', '盐科', 'a\tb'],
    ]);
    const titled = path.join(dir, 'titled.txt');
    writeFileSync(titled, `盐城市企业名单, 2024 年\n${tsv}`);
    expect((await allRows((await readTable(titled)).rows))[1].values).toEqual(rows[0]);
  });

  it('still refuses a binary file', async () => {
    const file = path.join(dir, 'binary.txt');
    writeFileSync(file, Buffer.from([0x41, 0x00, 0x42, 0x00, 0x01]));
    expect((await failure(readTable(file))).message).toContain('文件不是文本表格');
  });
});
