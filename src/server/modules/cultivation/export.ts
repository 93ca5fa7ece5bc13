/** 筛查结果导出: one tier's firms of a run as an XLSX — standing, score, what fails and what it would
 *  take — for the officers who go and see them. Text cells are defused against formula injection. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { safeSpreadsheetText } from '../../../domain/csv.js';
import { TIER_NAMES, type TierKey } from '../../../domain/eligibility/index.js';
import type { ResultQuery } from '../../../shared/cultivation-api.js';
import type { Actor } from '../../access.js';
import { screeningResultsPage } from './screenings.js';

export const STANDING_ZH: Record<string, string> = {
  holding: '已认定',
  eligible: '可申报',
  close: '接近',
  far: '差距较大',
  unknown: '待补资料',
};
const PAGE = 200;
const text = (v: string | null | undefined) => (v ? safeSpreadsheetText(v) : null);
/** A firm that is far from a tier keeps only its criteria's names (no values): no empty "：（要求 ）". */
const unmetLine = (u: { criterion: string; actual: string; required: string }) =>
  u.actual || u.required ? `${u.criterion}：${u.actual}（要求 ${u.required}）` : u.criterion;

export function exportScreeningResults(
  db: Db,
  actor: Actor,
  runId: string,
  query: Omit<z.infer<typeof ResultQuery>, 'page' | 'pageSize'>,
): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(TIER_NAMES[query.tier as TierKey].replace(/[“”"]/g, ''));
  ws.columns = [
    { header: '企业名称', width: 36 },
    { header: '统一社会信用代码', width: 22 },
    { header: '结论', width: 10 },
    { header: '上次结论', width: 10 },
    { header: '资质有效期至', width: 12 },
    { header: '得分', width: 8 },
    { header: '未满足的条件', width: 50 },
    { header: '还差什么', width: 50 },
    { header: '缺少的数据', width: 40 },
    { header: '认定办法', width: 24 },
    // Last, so the columns before keep their places for those who read the sheet by position.
    { header: '直通条件', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  (async () => {
    for (let page = 1; ; page++) {
      const { items } = await screeningResultsPage(db, actor, runId, { ...query, page, pageSize: PAGE });
      for (const r of items) {
        ws.addRow([
          text(r.name),
          r.uscc,
          STANDING_ZH[r.status],
          r.previousStatus ? STANDING_ZH[r.previousStatus] : null,
          r.heldUntil,
          r.score ?? (r.scoreMin !== null ? `${r.scoreMin}–${r.scoreMax}` : null),
          text(r.unmet.map(unmetLine).join('\n')),
          text(r.gap.join('\n')),
          text(r.missing.join('、')),
          r.ruleset,
          text(r.directPath),
        ]).commit();
      }
      if (items.length < PAGE) break;
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}
