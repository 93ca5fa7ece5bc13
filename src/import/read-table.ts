/** Reads a spreadsheet as offices send it: CSV in UTF-8 (with or without BOM) or GBK/GB18030, detected
 *  from the bytes, or XLSX (a named sheet, else the first with a header). Rows stream, so a million-row CSV stays small.
 *  The apostrophe our exports put before a leading = + - @ is taken off again, so a downloaded file
 *  (the rejected rows, fixed by hand) imports as it was first written. */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { unguardSpreadsheetText } from '../domain/csv.js';
import { JobInputError } from '../jobs/types.js';

export type TableRow = { row: number; values: unknown[] };
export type Table = { encoding: string; sheet?: string; sheets?: string[]; rows: AsyncIterable<TableRow> };

/** A file that cannot be read as a table; the message says why, in Chinese. */
export class TableError extends JobInputError {}

/** 'utf8' when the sample is valid UTF-8 (or starts with a BOM), else 'gb18030' (a superset of GBK). */
export function detectEncoding(sample: Buffer): 'utf8' | 'gb18030' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  // Cut a possibly split multi-byte character at the end of the sample.
  let end = sample.length;
  while (end > 0 && end > sample.length - 4 && (sample[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && sample[end - 1] >= 0xc0) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

function sampleOf(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(65536, statSync(file).size));
    readSync(fd, buf, 0, buf.length, 0);
    return buf;
  } finally {
    closeSync(fd);
  }
}

async function* csvRows(file: string, encoding: string): AsyncIterable<TableRow> {
  const parser = createReadStream(file)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    // Offices write quotes inside unquoted cells (=HYPERLINK("…"), 5" 屏): take them as text.
    .pipe(
      parse({ relax_column_count: true, relax_quotes: true, bom: true, skip_empty_lines: false, trim: true }),
    );
  let row = 0;
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      row++;
      for (let i = 0; i < values.length; i++) values[i] = unguardSpreadsheetText(values[i]);
      yield { row, values };
    }
  } catch (err) {
    throw new TableError(
      `CSV 文件第 ${row + 1} 行无法解析（${err instanceof Error ? err.message : String(err)}）；已导入的批次不受影响`,
    );
  }
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return unguardSpreadsheetText(v);
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('result' in v) return v.result ?? null;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return v.text;
  return null;
}

/** Says whether a sheet's first rows hold a header the caller can use. */
export type HasHeader = (firstRows: TableRow[]) => boolean;

function rowOf(ws: ExcelJS.Worksheet, r: number): TableRow {
  const values: unknown[] = [];
  const row = ws.getRow(r);
  for (let c = 1; c <= row.cellCount; c++) values.push(cellValue(row.getCell(c).value));
  return { row: r, values };
}

async function xlsxTable(file: string, sheetName?: string, hasHeader?: HasHeader): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw new TableError(`无法读取 Excel 文件：${err instanceof Error ? err.message : String(err)}`);
  }
  // Unnamed: the first sheet with a usable header, since a 说明 or cover sheet often comes first.
  const headed =
    !sheetName && hasHeader
      ? wb.worksheets.find((ws) =>
          hasHeader(Array.from({ length: Math.min(10, ws.rowCount) }, (_, i) => rowOf(ws, i + 1))),
        )
      : undefined;
  const sheet = sheetName ? wb.getWorksheet(sheetName) : (headed ?? wb.worksheets[0]);
  if (!sheet) {
    const names = wb.worksheets.map((s) => s.name).join('、');
    throw new TableError(
      sheetName ? `工作表“${sheetName}”不存在；文件中的工作表：${names}` : 'Excel 文件中没有工作表',
    );
  }
  const ws = sheet;
  async function* rows(): AsyncIterable<TableRow> {
    for (let r = 1; r <= ws.rowCount; r++) yield rowOf(ws, r);
  }
  return { encoding: 'xlsx', sheet: sheet.name, sheets: wb.worksheets.map((s) => s.name), rows: rows() };
}

export async function readTable(
  file: string,
  opts: { sheet?: string; name?: string; hasHeader?: HasHeader } = {},
): Promise<Table> {
  const ext = path.extname(opts.name ?? file).toLowerCase();
  const head = sampleOf(file);
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (ext === '.xlsx' || isZip) {
    if (!isZip) throw new TableError('文件扩展名为 .xlsx，但内容不是 Excel 工作簿');
    return xlsxTable(file, opts.sheet, opts.hasHeader);
  }
  if (ext === '.xls') throw new TableError('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV');
  if (head.includes(0)) throw new TableError('文件不是文本表格（CSV）或 Excel 工作簿');
  const encoding = detectEncoding(head);
  return { encoding, rows: csvRows(file, encoding) };
}
