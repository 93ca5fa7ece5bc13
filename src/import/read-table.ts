/** Reads a spreadsheet as offices send it: CSV or tab-separated text (a .txt, or Excel's "Unicode 文本")
 *  in UTF-8 (with or without BOM), GBK/GB18030 or UTF-16 with a BOM, detected from the bytes, or XLSX
 *  (a named sheet, else the first with a header; see xlsx-table). Rows stream, CSV and XLSX alike, so a
 *  million-row file stays small and a preview reads only the start of it.
 *  The apostrophe our exports put before a leading = + - @ is taken off again, so a downloaded file
 *  (the rejected rows, fixed by hand) imports as it was first written. */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { unguardSpreadsheetText } from '../domain/csv.js';
import { JobInputError } from '../jobs/types.js';
import { XlsxError } from './xlsx-parts.js';
import { xlsxTable } from './xlsx-table.js';

export type TableRow = { row: number; values: unknown[] };
export type Table = { encoding: string; sheet?: string; sheets?: string[]; rows: AsyncIterable<TableRow> };

/** A file that cannot be read as a table; the message says why, in Chinese. */
export class TableError extends JobInputError {}

/** The start of a Compound File: an encrypted XLSX (Excel wraps it so) or an old .xls. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

/** UTF-16 by its BOM (Excel's "Unicode 文本" is UTF-16 LE with one); else 'utf8' when the sample is
 *  valid UTF-8 (or starts with a BOM), else 'gb18030' (a superset of GBK). */
export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
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

/** Tab when the first lines hold more tabs than commas: Excel's text exports and many systems' .txt
 *  are tab-separated. Counted over up to 10 lines, so a title line above the header does not decide. */
export function detectDelimiter(text: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  for (const line of text.split('\n').slice(0, 10)) {
    for (const ch of line) {
      if (ch === '\t') tabs++;
      else if (ch === ',') commas++;
    }
  }
  return tabs > commas ? '\t' : ',';
}

async function* csvRows(file: string, encoding: string, delimiter: string): AsyncIterable<TableRow> {
  const parser = createReadStream(file)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    // Offices write quotes inside unquoted cells (=HYPERLINK("…"), 5" 屏): take them as text.
    .pipe(
      parse({
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        bom: true,
        skip_empty_lines: false,
        trim: true,
      }),
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
      `${delimiter === ',' ? 'CSV ' : '文本'}文件第 ${row + 1} 行无法解析（${err instanceof Error ? err.message : String(err)}）；已导入的批次不受影响`,
    );
  }
}

/** Says whether a sheet's first rows hold a header the caller can use. */
export type HasHeader = (firstRows: TableRow[]) => boolean;

/** Any failure of the workbook, also one met while its rows stream, as a TableError in Chinese. */
function tableError(err: unknown): unknown {
  if (err instanceof TableError) return err;
  if (err instanceof XlsxError) return new TableError(err.message);
  return new TableError(`无法读取 Excel 文件：${err instanceof Error ? err.message : String(err)}`);
}

async function* asTableErrors(rows: AsyncIterable<TableRow>): AsyncIterable<TableRow> {
  try {
    yield* rows;
  } catch (err) {
    throw tableError(err);
  }
}

export async function readTable(
  file: string,
  opts: { sheet?: string; name?: string; hasHeader?: HasHeader } = {},
): Promise<Table> {
  const ext = path.extname(opts.name ?? file).toLowerCase();
  const head = sampleOf(file);
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (ext === '.xlsx' || isZip) {
    if (!isZip && head.subarray(0, 4).equals(OLE))
      throw new TableError(
        '这是设了打开密码的 Excel 文件或旧版 .xls 文件：请在 Excel 中取消密码并另存为 .xlsx 后再导入',
      );
    if (!isZip) throw new TableError('文件扩展名为 .xlsx，但内容不是 Excel 工作簿');
    try {
      const table = await xlsxTable(file, opts.sheet, opts.hasHeader);
      return { ...table, rows: asTableErrors(table.rows) };
    } catch (err) {
      throw tableError(err);
    }
  }
  if (ext === '.xls') throw new TableError('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV');
  const encoding = detectEncoding(head);
  // UTF-16 text is half zero bytes; in any other text a zero byte means a binary file.
  if (!encoding.startsWith('utf16') && head.includes(0))
    throw new TableError('文件不是文本表格（CSV、制表符分隔的文本）或 Excel 工作簿');
  const delimiter = detectDelimiter(iconv.decode(head, encoding));
  return { encoding, rows: csvRows(file, encoding, delimiter) };
}
