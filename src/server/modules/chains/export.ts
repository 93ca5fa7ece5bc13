/** 链节点表: a chain's nodes with the org's figures and strength, as an XLSX for the 招商白皮书. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { SEGMENT_NAMES, type Segment } from '../../../domain/chain/chain-schema.js';
import { STRENGTH_NAMES } from '../../../domain/chain/strength.js';
import { safeSpreadsheetText } from '../../../domain/csv.js';
import type { ChainTree } from '../../../shared/chain-api.js';

/** A chain's name as a worksheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], and
 *  no apostrophe at either end (Excel reports a file breaking these rules as damaged). A sheet name is
 *  never evaluated, so no formula guard: the guard's apostrophe was itself what Excel refuses. */
export function sheetName(name: string): string {
  const wide: Record<string, string> = {
    ':': '：',
    '\\': '＼',
    '/': '／',
    '?': '？',
    '*': '＊',
    '[': '【',
    ']': '】',
  };
  const s = name
    .replace(/[:\\/?*[\]]/g, (c) => wide[c])
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
  return s || '产业链';
}

/** A node's list as one cell, each word once. */
const words = (list: readonly string[]) => safeSpreadsheetText([...new Set(list)].join('、'));

export function exportNodeTable(tree: z.infer<typeof ChainTree>): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(sheetName(tree.chain.name));
  ws.columns = [
    { header: '环节', width: 8 },
    { header: '节点', width: 40 },
    { header: '层级', width: 6 },
    { header: '本地企业数', width: 12 },
    { header: '营业收入合计（万元）', width: 20 },
    { header: '高企', width: 8 },
    { header: '专精特新', width: 10 },
    { header: '龙头', width: 8 },
    { header: '强弱', width: 8 },
    { header: '依据', width: 40 },
    // Each list in its own column (keywords and products were run together, words repeated).
    { header: '关键词', width: 30 },
    { header: '产品', width: 30 },
    { header: '技术', width: 30 },
    { header: '行业代码', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const pathOf = (id: string): string[] => {
    const n = byId.get(id);
    if (!n || n.depth === 0) return [];
    return [...(n.parentId ? pathOf(n.parentId) : []), n.name];
  };
  const ordered: typeof tree.nodes = [];
  const walk = (parentId: string | null) => {
    for (const n of tree.nodes
      .filter((x) => x.parentId === parentId)
      .sort((a, b) => a.position - b.position)) {
      ordered.push(n);
      walk(n.id);
    }
  };
  walk(null);
  for (const n of ordered) {
    ws.addRow([
      SEGMENT_NAMES[n.segment as Segment],
      safeSpreadsheetText(n.depth === 0 ? n.name : pathOf(n.id).join(' › ')),
      n.depth,
      n.figures.firms,
      Math.round(n.figures.revenue / 1e4),
      n.figures.hnte,
      n.figures.specialized,
      n.figures.leaders,
      STRENGTH_NAMES[n.strength],
      safeSpreadsheetText(n.strengthReason),
      words(n.keywords),
      words(n.products),
      words(n.technologies),
      words(n.industryCodes),
    ]).commit();
  }
  ws.commit();
  wb.commit().catch((err) => out.destroy(err));
  return out;
}
