/** 导出: any filtered list of firms as an XLSX, streamed page by page; every text cell is defused
 *  against formula injection. Numbers stay numbers (万元), so offices can sum them. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../../db/client.js';
import { enterprises } from '../../../db/schema/index.js';
import { safeSpreadsheetText } from '../../../domain/csv.js';
import { TIER_NAMES } from '../../../domain/eligibility/tiers.js';
import { regionName } from '../../../domain/text/region.js';
import type { Actor } from '../../access.js';
import { type Filter, filterWhere, orderBy } from './query.js';
import { latestOf } from './service.js';

export const EXPORT_MAX_ROWS = 200_000;
const PAGE = 1000;

const text = (v: string | null | undefined) => (v ? safeSpreadsheetText(v) : null);
const wan = (v: number | null) => (v === null ? null : Math.round(v / 100) / 100);

export function exportEnterprises(db: Db, actor: Actor, filter: Filter): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('企业名单');
  ws.columns = [
    { header: '统一社会信用代码', width: 22 },
    { header: '企业名称', width: 36 },
    { header: '简称', width: 14 },
    { header: '成立日期', width: 12 },
    { header: '注册资本(万元)', width: 14 },
    { header: '行政区划代码', width: 12 },
    { header: '所在地区', width: 22 },
    { header: '所属行业', width: 10 },
    { header: '企业类别', width: 10 },
    { header: '年度', width: 8 },
    { header: '营业收入(万元)', width: 14 },
    { header: '员工人数', width: 10 },
    { header: '资质', width: 30 },
    { header: '待核', width: 8 },
  ];
  ws.getRow(1).font = { bold: true };
  const where = filterWhere(actor, filter);
  const order = orderBy({
    ...filter,
    sort: filter.q ? 'relevance' : 'name',
    order: 'asc',
    page: 1,
    pageSize: PAGE,
  });
  (async () => {
    for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += PAGE) {
      const rows = await db
        .select()
        .from(enterprises)
        .where(where)
        .orderBy(...order)
        .limit(PAGE)
        .offset(offset);
      const latest = await latestOf(
        db,
        rows.map((r) => r.id),
      );
      for (const r of rows) {
        const l = latest.get(r.id);
        ws.addRow([
          r.uscc,
          text(r.name),
          text(
            r.aliases
              .filter((a) => a.kind === 'short')
              .map((a) => a.name)
              .join('、'),
          ),
          r.establishedOn,
          wan(r.registeredCapital),
          r.regionCode,
          r.regionCode ? regionName(r.regionCode) : null,
          r.industrySection ? `${r.industrySection}${r.industryDivision ?? ''}` : null,
          r.universe === 'target' ? '外地' : '本地',
          l?.latestYear ?? null,
          wan(l?.revenue ?? null),
          l?.employees ?? null,
          (l?.tiers ?? []).map((t) => (TIER_NAMES as Record<string, string>)[t] ?? t).join('、'),
          r.reviewReason ? '是' : '',
        ]).commit();
      }
      if (rows.length < PAGE) break;
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err));
  return out;
}
