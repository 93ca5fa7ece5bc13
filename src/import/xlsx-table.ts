/** XLSX through ExcelJS's streaming reader, so rows come one at a time: a preview stops after the rows
 *  it shows and an import of a million rows holds one row, plus the shared-string table, which ExcelJS
 *  caches whole (sharedStrings: 'cache'; capped in xlsx-parts). Sheet names and order come from
 *  workbook.xml, read here, so the reader is handed only the sheets it must read. */
import ExcelJS from 'exceljs';
import { unguardSpreadsheetText } from '../domain/csv.js';
import type { HasHeader, Table, TableRow } from './read-table.js';
import {
  META_MAX_BYTES,
  partText,
  resolveTarget,
  SHARED_STRINGS_MAX_BYTES,
  SHEET_MAX_BYTES,
  type StoredEntry,
  storedZip,
  XlsxError,
  type ZipPart,
  zipParts,
} from './xlsx-parts.js';

type Sheet = { name: string; part: ZipPart };
type Book = { file: string; sheets: Sheet[]; date1904: boolean; meta: StoredEntry[] };

/** Excel's own limits; a cell beyond them is a crafted file that would have us fill a huge array. */
const MAX_COLUMNS = 16_384;
const MAX_ROW = 10_000_000; // above Excel's 1,048,576, for tools that write longer sheets
const WORKBOOK = 'xl/workbook.xml';
const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          Number.parseInt(
            e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1),
            e[1] === 'x' || e[1] === 'X' ? 16 : 10,
          ),
        )
      : (ENTITIES[e] ?? m),
  );

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1], decodeXml(m[2] ?? m[3]));
  return out;
}

async function openBook(file: string): Promise<Book> {
  const parts = zipParts(file);
  const workbookPart = parts.get(WORKBOOK);
  const relsPart = parts.get('xl/_rels/workbook.xml.rels');
  if (!workbookPart || !relsPart)
    throw new XlsxError('文件是 ZIP 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）');
  const workbook = await partText(file, workbookPart);
  const rels = await partText(file, relsPart);
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target) targets.set(id, { type: a.get('Type') ?? '', target: resolveTarget(WORKBOOK, target) });
  }
  const ofType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
  const sheets: Sheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    const id = [...a].find(([k]) => k.endsWith(':id'))?.[1];
    const rel = id ? targets.get(id) : undefined;
    // Chart sheets hold no cells; the full reader listed worksheets only, too.
    if (!rel?.type.endsWith('/worksheet')) continue;
    const part = parts.get(rel.target);
    if (part) sheets.push({ name: a.get('name') ?? `Sheet${sheets.length + 1}`, part });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbook);
  const styles = parts.get(ofType('/styles') ?? 'xl/styles.xml');
  const shared = parts.get(ofType('/sharedStrings') ?? 'xl/sharedstrings.xml');
  const meta: StoredEntry[] = [
    { as: WORKBOOK, bytes: Buffer.from(workbook), maxBytes: META_MAX_BYTES },
    { as: 'xl/_rels/workbook.xml.rels', bytes: Buffer.from(rels), maxBytes: META_MAX_BYTES },
    ...(styles ? [{ as: 'xl/styles.xml', part: styles, maxBytes: META_MAX_BYTES }] : []),
    // Without a string table ExcelJS would park every sheet in a temp file, waiting for one.
    shared
      ? { as: 'xl/sharedStrings.xml', part: shared, maxBytes: SHARED_STRINGS_MAX_BYTES }
      : { as: 'xl/sharedStrings.xml', bytes: Buffer.from(EMPTY_SST), maxBytes: META_MAX_BYTES },
  ];
  return { file, sheets, date1904, meta };
}

/** A reader of one sheet, after the parts it needs. The sheet goes in as sheet1.xml, since ExcelJS's
 *  streaming reader takes only sheetN.xml for sheets; its name is known from workbook.xml already. */
function openReader(book: Book, sheet: Sheet) {
  const zip = storedZip(book.file, [
    ...book.meta,
    { as: 'xl/worksheets/sheet1.xml', part: sheet.part, maxBytes: SHEET_MAX_BYTES },
  ]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(zip.stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Dates are numbers with a date format: the styles say which. Hyperlinks keep their shown text.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const worksheets = reader[Symbol.asyncIterator]();
  return {
    zip,
    next: () => zip.read(worksheets.next()),
    close: () => zip.stream.destroy(),
  };
}
type Reader = ReturnType<typeof openReader>;

/** The sheet's rows, numbered as in Excel; rows missing from the XML come as empty ones, as before. */
async function* rowsOf(
  ws: ExcelJS.stream.xlsx.WorksheetReader,
  reader: Reader,
  date1904: boolean,
): AsyncGenerator<TableRow> {
  const rows = ws[Symbol.asyncIterator]();
  let next = 1;
  for (;;) {
    const r = await reader.zip.read(rows.next());
    if (r.done) break;
    const row = r.value;
    if (row.number > MAX_ROW) throw new XlsxError(`Excel 文件的行号 ${row.number} 超过上限 ${MAX_ROW}`);
    for (; next < row.number; next++) yield { row: next, values: [] };
    if (row.cellCount > MAX_COLUMNS)
      throw new XlsxError(`Excel 文件第 ${row.number} 行有 ${row.cellCount} 列，超过上限 ${MAX_COLUMNS}`);
    const values: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(cellValue(row.getCell(c), date1904));
    yield { row: row.number, values };
    next = Math.max(next, row.number + 1);
  }
  const error = reader.zip.error();
  if (error) throw error;
}

/** The sheet's rows from a reader of its own. With `hasHeader`, null when its first 10 rows hold no
 *  header: that reader is dropped, and the next sheet gets another, which parses the string table again.
 *  One reader for all sheets would have to stream the rest of a dropped sheet through ExcelJS, whose
 *  abandoned row iterator keeps buffering it. */
async function sheetRows(book: Book, sheet: Sheet, hasHeader?: HasHeader) {
  const reader = openReader(book, sheet);
  try {
    const ws = await reader.next();
    const rows = ws.done ? null : rowsOf(ws.value, reader, book.date1904);
    const first: TableRow[] = [];
    while (rows && first.length < 10) {
      const r = await rows.next();
      if (r.done) break;
      first.push(r.value);
    }
    if (hasHeader && !hasHeader(first)) {
      reader.close();
      return null;
    }
    return rest(first, rows, reader);
  } catch (err) {
    reader.close();
    throw err;
  }
}

async function* rest(
  first: TableRow[],
  rows: AsyncGenerator<TableRow> | null,
  reader: Reader,
): AsyncGenerator<TableRow> {
  try {
    yield* first;
    if (rows) yield* rows;
  } finally {
    reader.close();
  }
}

/** A named sheet, else the first with a header (a 说明 or cover sheet often comes first), else the first. */
export async function xlsxTable(file: string, sheetName?: string, hasHeader?: HasHeader): Promise<Table> {
  const book = await openBook(file);
  const names = book.sheets.map((s) => s.name);
  const table = (name: string, rows: AsyncIterable<TableRow>): Table => ({
    encoding: 'xlsx',
    sheet: name,
    sheets: names,
    rows,
  });
  if (sheetName) {
    const sheet = book.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new XlsxError(`工作表“${sheetName}”不存在；文件中的工作表：${names.join('、')}`);
    return table(
      sheet.name,
      lazy(() => sheetRows(book, sheet)),
    );
  }
  if (!book.sheets.length) throw new XlsxError('Excel 文件中没有工作表');
  if (hasHeader && book.sheets.length > 1) {
    for (const sheet of book.sheets) {
      const rows = await sheetRows(book, sheet, hasHeader);
      if (rows) return table(sheet.name, rows);
    }
  }
  return table(
    book.sheets[0].name,
    lazy(() => sheetRows(book, book.sheets[0])),
  );
}

/** Opens the sheet on the first read, so a table nobody reads holds no file open. */
async function* lazy(open: () => Promise<AsyncGenerator<TableRow> | null>): AsyncGenerator<TableRow> {
  const rows = await open();
  if (rows) yield* rows;
}

function cellValue(cell: ExcelJS.Cell, date1904: boolean): unknown {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return unguardSpreadsheetText(v);
  if (typeof v === 'number' && isPercentFormat(cell.numFmt)) return percentText(v);
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('result' in v) return formulaResult(v.result, cell.numFmt, date1904);
  if ('richText' in v) return v.richText.map((t) => t.text ?? '').join('');
  if ('text' in v) return v.text;
  return null;
}

/** The streaming reader leaves a formula's cached result as it is stored: a number even under a date
 *  format (the full reader made it a Date), NaN for an error such as #N/A. */
function formulaResult(result: unknown, numFmt: string | undefined, date1904: boolean): unknown {
  if (typeof result === 'number') {
    if (Number.isNaN(result)) return null;
    if (isPercentFormat(numFmt)) return percentText(result);
    return isDateFormat(numFmt) ? excelDate(result, date1904) : result;
  }
  if (result && typeof result === 'object' && 'error' in result) return null;
  return result ?? null;
}

/** A number shown as a percentage ("100%" is stored as 1): read as the text the office sees, as a CSV
 *  of the same sheet has it. As a bare 1 it was 1 % to a reader of 持股比例, where "1" means 1 %. */
function isPercentFormat(fmt: string | undefined): boolean {
  return Boolean(fmt) && /%/.test((fmt as string).replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function percentText(n: number): string {
  return `${Number((n * 100).toPrecision(12))}%`;
}

/** As ExcelJS decides it (utils.isDateFmt, not exported): date letters outside quotes and [brackets]. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
