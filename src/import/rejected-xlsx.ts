/** The rejected rows as an XLSX a user can fix and upload again: the original columns, then the
 *  row number and the reasons. Text cells are defused against formula injection. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { safeSpreadsheetText } from '../domain/csv.js';
import { columnReason, type RowError } from '../domain/enterprise/parse-row.js';
import { REJECTED_EXTRA_HEADERS } from './header-row.js';

export type RejectedRow = { row: number; values: unknown[]; errors: RowError[] };

/** A date survives the JSON log as `{ $date: iso }`: plain JSON would make it the text
 *  "2018-03-03T00:00:00.000Z", which the download would show instead of the date the user typed. */
const DATE_TAG = '$date';

/** One line of rejected.jsonl. */
export function rejectedLine(p: RejectedRow): string {
  // `this[key]` is the value before Date#toJSON turned it into text.
  const tagDates = function (this: Record<string, unknown>, key: string, v: unknown) {
    return this[key] instanceof Date && v !== null ? { [DATE_TAG]: v } : v;
  };
  return `${JSON.stringify(p, tagDates)}\n`;
}

function readLine(line: string): RejectedRow {
  return JSON.parse(line, (_, v) =>
    v && typeof v === 'object' && typeof v[DATE_TAG] === 'string' ? new Date(v[DATE_TAG]) : v,
  );
}

const MIDNIGHT = /T00:00:00(\.000)?Z$/;
/** A signed plain number ("-5", "+1.5"): written as a number cell, which no spreadsheet runs as a
 *  formula, so the user fixing the row does not find it as the escaped text '-5. */
const SIGNED_NUMBER = /^[+-](0|[1-9]\d*)(\.\d+)?$/;

function cellOf(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  return SIGNED_NUMBER.test(v) ? Number(v) : safeSpreadsheetText(v);
}

export async function writeRejectedXlsx(jsonlFile: string, headers: string[], outFile: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('被拒绝的行');
  ws.addRow([...headers, ...REJECTED_EXTRA_HEADERS]).font = { bold: true };
  for (const line of readFileSync(jsonlFile, 'utf8').split('\n')) {
    if (!line) continue;
    const { row, values, errors } = readLine(line);
    const cells = headers.map((_, i) => cellOf(values[i]));
    const added = ws.addRow([...cells, row, errors.map(columnReason).join('；')]);
    // Shown as the user's sheet showed it: a date, with the time only when it had one.
    cells.forEach((v, i) => {
      if (v instanceof Date)
        added.getCell(i + 1).numFmt = MIDNIGHT.test(v.toISOString()) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await wb.xlsx.writeFile(outFile);
}
