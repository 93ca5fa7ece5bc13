/** Finds the header row (offices put a title or merged cells above it) and maps its columns to fields. */

import {
  FIELD_BY_KEY,
  foldHeader,
  headerUnit,
  mappingTarget,
  matchHeader,
  REJECTED_EXTRA_HEADERS,
} from '../domain/enterprise/fields.js';
import type { MoneyUnit } from '../domain/text/chinese-number.js';

export type ColumnMap = { index: number; header: string; key: string; unit?: MoneyUnit }[];
export type HeaderScan = { headerRow: number; headers: string[]; columns: ColumnMap; unmapped: string[] };

export { REJECTED_EXTRA_HEADERS };

const OURS = new Set<string>(REJECTED_EXTRA_HEADERS);

/** Columns of a header row: the user's saved mapping (header → field key, '' to ignore) wins over recognition. */
export function mapColumns(
  headers: string[],
  mapping: Record<string, string> = {},
): { columns: ColumnMap; unmapped: string[] } {
  const userMap = new Map(Object.entries(mapping).map(([h, k]) => [foldHeader(h), k]));
  const columns: ColumnMap = [];
  const unmapped: string[] = [];
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    if (!header) return;
    const folded = foldHeader(header);
    const chosen = userMap.has(folded) ? mappingTarget(userMap.get(folded) as string) : null;
    const auto = matchHeader(header);
    const key = chosen ? chosen.key : auto?.key;
    if (!key) {
      if (!OURS.has(header.trim())) unmapped.push(header);
      return;
    }
    if (!FIELD_BY_KEY.has(key) || seen.has(key)) return;
    seen.add(key);
    // A unit chosen in the mapping wins over the header's (a bare 注册资本 column the office keeps in 万元).
    columns.push({ index, header, key, unit: chosen?.unit ?? headerUnit(header) });
  });
  return { columns, unmapped };
}

/** For readTable: a sheet is worth importing when its first rows hold a header (see findHeaderRow). */
export const hasHeaderWith =
  (mapping: Record<string, string> = {}) =>
  (firstRows: { row: number; values: unknown[] }[]) =>
    findHeaderRow(firstRows, mapping) !== null;

/** Of the first rows, the one that names the most known fields (at least two, one of them the name). */
export function findHeaderRow(
  firstRows: { row: number; values: unknown[] }[],
  mapping: Record<string, string> = {},
): HeaderScan | null {
  let best: HeaderScan | null = null;
  for (const r of firstRows) {
    const headers = r.values.map((v) => (v === null || v === undefined ? '' : String(v).trim()));
    const { columns, unmapped } = mapColumns(headers, mapping);
    if (columns.length < 2 || !columns.some((c) => c.key === 'name')) continue;
    if (!best || columns.length > best.columns.length)
      best = { headerRow: r.row, headers, columns, unmapped };
  }
  return best;
}
