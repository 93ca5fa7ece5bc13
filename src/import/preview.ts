/** What the import page shows before importing: encoding, sheet, header row, each column's field. */
import { FIELD_BY_KEY, headerUnit } from '../domain/enterprise/fields.js';
import { findHeaderRow, hasHeaderWith, mapColumns } from './header-row.js';
import { readTable, type TableRow } from './read-table.js';

/** A number with no unit of its own: "2,000", "1200.5", "-300". */
const BARE_NUMBER = /^-?[\d,，]+(\.\d+)?$/;

export async function previewTable(
  file: string,
  opts: { name: string; sheet?: string; mapping?: Record<string, string> },
) {
  const table = await readTable(file, {
    name: opts.name,
    sheet: opts.sheet,
    hasHeader: hasHeaderWith(opts.mapping),
  });
  const rows: TableRow[] = [];
  // Leaving the loop closes the file: a preview of a million-row file reads its first rows only
  // (for an XLSX, the string table and the start of the sheet).
  for await (const r of table.rows) {
    rows.push(r);
    if (rows.length >= 16) break;
  }
  const header = findHeaderRow(rows.slice(0, 10), opts.mapping);
  const headerRow =
    header?.headerRow ??
    rows.find((r) => r.values.some((v) => v !== null && String(v).trim() !== ''))?.row ??
    null;
  const headers =
    header?.headers ??
    rows.find((r) => r.row === headerRow)?.values.map((v) => (v === null ? '' : String(v).trim())) ??
    [];
  const { columns } = mapColumns(headers, opts.mapping);
  const keyOf = new Map(columns.map((c) => [c.index, c]));
  const samples = rows
    .filter((r) => headerRow !== null && r.row > headerRow)
    .slice(0, 5)
    .map((r) => r.values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
  const bareNumbers = (i: number) => samples.some((r) => BARE_NUMBER.test(String(r[i] ?? '').trim()));
  return {
    encoding: table.encoding,
    sheet: table.sheet ?? null,
    sheets: table.sheets ?? [],
    headerRow,
    columns: headers.map((h, i) => ({
      header: h,
      key: keyOf.get(i)?.key ?? null,
      // The unit the mapping or the header declares, shown also before the user maps the column by hand.
      unit: keyOf.get(i)?.unit ?? headerUnit(h) ?? null,
      bareNumbersAsYuan:
        FIELD_BY_KEY.get(keyOf.get(i)?.key ?? '')?.type === 'money' && !keyOf.get(i)?.unit && bareNumbers(i),
    })),
    sampleRows: samples,
  };
}
