/** The rejected rows as an XLSX a user can fix and upload again: the original columns, then the
 *  row number and the reasons. Text cells are defused against formula injection. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { safeSpreadsheetText } from '../domain/csv.js';
import { columnReason, type RowError } from '../domain/enterprise/parse-row.js';
import { REJECTED_EXTRA_HEADERS } from './header-row.js';

export async function writeRejectedXlsx(jsonlFile: string, headers: string[], outFile: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('被拒绝的行');
  ws.addRow([...headers, ...REJECTED_EXTRA_HEADERS]).font = { bold: true };
  for (const line of readFileSync(jsonlFile, 'utf8').split('\n')) {
    if (!line) continue;
    const { row, values, errors } = JSON.parse(line) as {
      row: number;
      values: unknown[];
      errors: RowError[];
    };
    const cells = headers.map((_, i) => {
      const v = values[i];
      return typeof v === 'string' ? safeSpreadsheetText(v) : (v ?? null);
    });
    ws.addRow([...cells, row, errors.map(columnReason).join('；')]);
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await wb.xlsx.writeFile(outFile);
}
