/** 目标企业清单 as XLSX: rank, firm, score and each factor's points and reason (formula-safe). */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { FACTOR_NAMES, TARGET_FACTORS } from '../../../domain/chain/targeting.js';
import { safeSpreadsheetText } from '../../../domain/csv.js';
import type { getTargetList } from './targets.js';

export function exportTargetList(list: Awaited<ReturnType<typeof getTargetList>>): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('目标企业');
  ws.columns = [
    { header: '排名', width: 6 },
    { header: '企业名称', width: 36 },
    { header: '统一社会信用代码', width: 22 },
    { header: '总分', width: 8 },
    ...TARGET_FACTORS.flatMap((f) => [
      { header: `${FACTOR_NAMES[f]}（权重 ${list.weights[f]}）得分`, width: 14 },
      { header: `${FACTOR_NAMES[f]}依据`, width: 36 },
    ]),
  ];
  ws.getRow(1).font = { bold: true };
  list.items.forEach((item, i) => {
    const by = new Map(item.factors.map((f) => [f.factor, f]));
    ws.addRow([
      i + 1,
      safeSpreadsheetText(item.name),
      item.uscc,
      item.score,
      ...TARGET_FACTORS.flatMap((f) => [by.get(f)?.points ?? 0, safeSpreadsheetText(by.get(f)?.why ?? '')]),
    ]).commit();
  });
  ws.commit();
  wb.commit().catch((err) => out.destroy(err));
  return out;
}
