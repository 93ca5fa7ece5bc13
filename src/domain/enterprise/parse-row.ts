/** One import row → a validated enterprise record, or every reason it was rejected (row, column, code,
 *  Chinese message). Pure: no database, so the CLI, the server and the benchmarks share it. */

import { chinaToday } from '../text/china-today.js';
import { type MoneyUnit, parseAmount, parseCount } from '../text/chinese-number.js';
import { normalizeCompanyName } from '../text/company-name.js';
import { parseDate } from '../text/dates.js';
import { isValidRegionCode } from '../text/region.js';
import { regionOfUscc, validateUscc } from '../text/uscc.js';
import { FIELD_BY_KEY, type FieldDef, SIGNED_MONEY } from './fields.js';
import { parseIndustry } from './industry.js';

export type RowError = { row: number; column: string; code: string; message: string };

/** "列：原因" for a list of reasons, without saying the column twice when the reason already names it
 *  ("统一社会信用代码校验位错误…" under 统一社会信用代码, or "“成立日期”2030-01-01 晚于今天" under 成立日期). */
export function columnReason(e: Pick<RowError, 'column' | 'message'>): string {
  const named = e.message.startsWith(e.column) || e.message.startsWith(`“${e.column}”`);
  return named ? e.message : `${e.column}：${e.message}`;
}

export type EnterpriseRecord = {
  uscc: string | null;
  name: string;
  nameNormalized: string;
  nameCore: string;
  aliases: { name: string; kind: 'short' | 'former' }[];
  /** Enterprise columns present in the row (absent ones are left as they are on update). */
  enterprise: Record<string, string | number | boolean | null>;
  /** The universe a firm gets if this row creates it: the import's option. Kept out of `enterprise`
   *  so re-importing a target list with the default option does not turn its firms local; only a
   *  企业类别 column (then in `enterprise.universe`) changes an existing firm's universe. */
  newUniverse: 'local' | 'target';
  year: number;
  figures: Record<string, number | null>;
  ip: Record<string, number>;
};

/** A cell with its column's field and the header text it came from (for messages). */
export type Cell = { key: string; header: string; unit?: MoneyUnit; value: unknown };

const TRUE = /^(是|有|y|yes|true|1|已上市|上市)$/i;
const FALSE = /^(否|无|n|no|false|0|未上市|非上市)$/i;
const LOCAL = /^(本地|本地企业|local|否)$/i;
const TARGET = /^(外地|外地目标企业|目标|目标企业|target|是)$/i;

function isBlank(v: unknown) {
  return v === null || v === undefined || (typeof v === 'string' && /^\s*(|-+|—+|无|\/)\s*$/.test(v));
}

export function parseRow(
  rowNumber: number,
  cells: Cell[],
  defaults: { year: number; universe: 'local' | 'target' },
): { ok: true; record: EnterpriseRecord } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (cell: Cell, code: string, message: string) =>
    errors.push({ row: rowNumber, column: cell.header, code, message });
  const rec: EnterpriseRecord = {
    uscc: null,
    name: '',
    nameNormalized: '',
    nameCore: '',
    aliases: [],
    enterprise: {},
    newUniverse: defaults.universe,
    year: defaults.year,
    figures: {},
    ip: {},
  };

  for (const cell of cells) {
    const def = FIELD_BY_KEY.get(cell.key) as FieldDef;
    if (isBlank(cell.value)) continue;
    const text = cell.value instanceof Date ? '' : String(cell.value).trim();
    switch (def.type) {
      case 'uscc': {
        const r = validateUscc(text);
        if (r.ok) rec.uscc = r.value;
        else fail(cell, r.code, r.message);
        break;
      }
      case 'text':
        if (cell.key === 'name') rec.name = text;
        else rec.enterprise[def.column] = text;
        break;
      case 'aliases':
        for (const name of text
          .split(/[;；,，、\n]/)
          .map((s) => s.trim())
          .filter(Boolean)) {
          rec.aliases.push({ name, kind: cell.key === 'shortNames' ? 'short' : 'former' });
        }
        break;
      case 'money': {
        const r = parseAmount(cell.value, { unit: cell.unit ?? def.defaultUnit });
        if (!r.ok) fail(cell, `value.${r.code}`, r.message);
        else if (r.value !== null && r.value < 0 && !SIGNED_MONEY.has(cell.key))
          fail(cell, 'value.negative', `“${cell.header}”不能为负数`);
        else if (def.target === 'year') rec.figures[def.column] = r.value;
        else rec.enterprise[def.column] = r.value;
        break;
      }
      case 'count': {
        const r = parseCount(cell.value);
        if (!r.ok) fail(cell, `value.${r.code}`, r.message);
        else if (r.value !== null && r.value < 0) fail(cell, 'value.negative', `“${cell.header}”不能为负数`);
        else if (def.target === 'ip') {
          if (r.value !== null) rec.ip[def.column] = r.value;
        } else rec.figures[def.column] = r.value;
        break;
      }
      case 'date': {
        const r = parseDate(cell.value);
        if (!r.ok) fail(cell, r.code, r.message);
        // A firm is founded in the past; a future date is a typo (2030 for 2020) or a column mix-up.
        else if (r.value && r.value > chinaToday())
          fail(cell, 'date.future', `“${cell.header}”${r.value} 晚于今天`);
        else rec.enterprise[def.column] = r.value;
        break;
      }
      case 'year': {
        const y = Number(text.replace(/年(度)?$/, ''));
        if (!Number.isInteger(y) || y < 1950 || y > 2100)
          fail(cell, 'year.invalid', `年度“${text}”无效，应为四位年份，如 2025`);
        else rec.year = y;
        break;
      }
      case 'bool':
        if (TRUE.test(text)) rec.enterprise[def.column] = true;
        else if (FALSE.test(text)) rec.enterprise[def.column] = false;
        else fail(cell, 'bool.invalid', `“${cell.header}”应填“是”或“否”，实际为“${text}”`);
        break;
      case 'universe':
        if (LOCAL.test(text)) rec.enterprise.universe = 'local';
        else if (TARGET.test(text)) rec.enterprise.universe = 'target';
        else fail(cell, 'universe.invalid', `“${cell.header}”应填“本地”或“外地”，实际为“${text}”`);
        break;
      case 'region': {
        const code = text.replace(/\.0+$/, '');
        if (isValidRegionCode(code)) rec.enterprise.regionCode = code;
        else fail(cell, 'region.invalid', `行政区划代码“${text}”不存在（应为 GB/T 2260 六位代码）`);
        break;
      }
      case 'industry': {
        const r = parseIndustry(text);
        if (r.ok) {
          rec.enterprise.industrySection = r.section;
          rec.enterprise.industryDivision = r.division;
        } else fail(cell, 'industry.invalid', r.message);
        break;
      }
    }
  }

  // Characters 3–8 of a uscc are the registering authority's region: a fair default when the row has none.
  const fromUscc = rec.uscc ? regionOfUscc(rec.uscc) : null;
  if (!rec.enterprise.regionCode && fromUscc && isValidRegionCode(fromUscc))
    rec.enterprise.regionCode = fromUscc;

  if (!rec.name) {
    errors.push({ row: rowNumber, column: '企业名称', code: 'name.required', message: '缺少企业名称' });
  } else {
    const n = normalizeCompanyName(rec.name);
    rec.nameNormalized = n.normalized;
    rec.nameCore = n.core;
  }
  return errors.length ? { ok: false, errors } : { ok: true, record: rec };
}
