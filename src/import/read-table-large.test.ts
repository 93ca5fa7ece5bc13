/** A 200,000-row XLSX: a preview reads its start only, a full read yields every row. Laziness is shown by
 *  the bytes read from the file, not by time, so a busy machine cannot fail it. */
import type { ReadStream } from 'node:fs';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HEADERS } from '../../test/helpers/enterprise-files.js';
import { previewTable } from './preview.js';
import { readTable } from './read-table.js';

// Every read stream our code opens, to sum what it read.
const opened = vi.hoisted(() => [] as ReadStream[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const createReadStream = ((...args: Parameters<typeof fs.createReadStream>) => {
    const stream = fs.createReadStream(...args);
    opened.push(stream);
    return stream;
  }) as typeof fs.createReadStream;
  return { ...fs, createReadStream };
});
const bytesRead = () => opened.splice(0).reduce((sum, s) => sum + s.bytesRead, 0);

const ROWS = 200_000;
const rowOf = (i: number) => [
  `91320900${String(i).padStart(9, '0')}X`,
  `盐城测试科技有限公司${i}`,
  new Date(Date.UTC(2000 + (i % 20), i % 12, 1 + (i % 28))),
  (i % 5000) + 0.5,
  `C${i % 40}`,
  i % 900,
  i * 3,
  i % 700,
  i % 31,
  `简称${i}`,
];

const dir = mkdtempSync(path.join(os.tmpdir(), 'kz-large-xlsx-'));
const file = path.join(dir, 'large.xlsx');

beforeAll(async () => {
  // The streaming writer, as a system export would: shared strings, a date format, the string table
  // stored after the sheet (which is what made file-order streaming read everything first).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('企业名单');
  ws.addRow(HEADERS).commit();
  for (let i = 1; i <= ROWS; i++) {
    const row = ws.addRow(rowOf(i));
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  opened.length = 0;
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a large XLSX', () => {
  it('previews from the start of the file: 16 rows read, most of the sheet never inflated', async () => {
    const size = statSync(file).size;
    const preview = await previewTable(file, { name: 'large.xlsx' });
    expect(preview).toMatchObject({ encoding: 'xlsx', sheet: '企业名单', headerRow: 1 });
    expect(preview.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(preview.sampleRows).toEqual(
      [1, 2, 3, 4, 5].map((i) => rowOf(i).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))),
    );
    // The string table (~12 % of this file) and the sheet's first chunks; the file is ~15 MB.
    expect(bytesRead()).toBeLessThan(size / 4);

    const table = await readTable(file, { name: 'large.xlsx' });
    const iterator = table.rows[Symbol.asyncIterator]();
    for (let i = 0; i < 3; i++) await iterator.next();
    await iterator.return?.();
    expect(bytesRead()).toBeLessThan(size / 4);
  }, 120_000);

  it('yields every row with its values on a full read', async () => {
    const table = await readTable(file, { name: 'large.xlsx' });
    let count = 0;
    let firstWrong: unknown = null;
    for await (const r of table.rows) {
      count++;
      const expected = r.row === 1 ? HEADERS : rowOf(r.row - 1);
      const same =
        r.row === count &&
        r.values.length === expected.length &&
        r.values.every((v, i) => {
          const e = expected[i];
          return e instanceof Date ? v instanceof Date && v.getTime() === e.getTime() : v === e;
        });
      if (!same && !firstWrong) firstWrong = { got: r, expected };
    }
    expect(firstWrong).toBeNull();
    expect(count).toBe(ROWS + 1);
    // Here it did read the sheet: all but the parts it skips (theme, docProps) and the ZIP directory.
    expect(bytesRead()).toBeGreaterThan(statSync(file).size * 0.9);
  }, 300_000);
});
