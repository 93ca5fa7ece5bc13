/** 推送清单导出: the push list as an XLSX for the officers who make the calls. Text cells are defused
 *  against formula injection (a firm name or a note may start with "="). */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { safeSpreadsheetText } from '../../../domain/csv.js';
import type { PushQuery } from '../../../shared/policy-api.js';
import type { Actor } from '../../access.js';
import { listPushes } from './pushes.js';

const STATUS_ZH = { pending: '待告知', told: '已告知' } as const;
const PAGE = 200;
const text = (v: string | null | undefined) => (v ? safeSpreadsheetText(v) : null);

export function exportPushes(
  db: Db,
  actor: Actor,
  query: Omit<z.infer<typeof PushQuery>, 'page' | 'pageSize'>,
): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('政策推送清单');
  ws.columns = [
    { header: '截止日期', width: 12 },
    { header: '剩余天数', width: 10 },
    { header: '企业名称', width: 36 },
    { header: '统一社会信用代码', width: 22 },
    { header: '政策', width: 40 },
    { header: '文号', width: 24 },
    { header: '负责人', width: 12 },
    { header: '状态', width: 10 },
    { header: '告知时间', width: 18 },
    { header: '告知人', width: 12 },
    { header: '备注', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  (async () => {
    for (let page = 1; ; page++) {
      const { items } = await listPushes(db, actor, { ...query, page, pageSize: PAGE });
      for (const r of items) {
        ws.addRow([
          r.dueOn,
          r.daysLeft,
          text(r.enterpriseName),
          r.uscc,
          text(r.policyTitle),
          text(r.documentNo),
          text(r.ownerName),
          STATUS_ZH[r.status],
          r.toldAt ? r.toldAt.slice(0, 16).replace('T', ' ') : null,
          text(r.toldByName),
          text(r.note),
        ]).commit();
      }
      if (items.length < PAGE) break;
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}
