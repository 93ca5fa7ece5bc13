/** One row of a relation file (CSV/XLSX) as offices write it: 关系类型, 主体, 客体, 持股比例 “60%”,
 *  金额(万元) “1.2亿”, 日期 “2024年5月1日” … into a relation with typed ends, or the reasons it is not. */
import { foldHeader } from '../enterprise/fields.js';
import { chinaToday } from '../text/china-today.js';
import { type MoneyUnit, parseAmount, parseRatio } from '../text/chinese-number.js';
import { parseDate } from '../text/dates.js';
import type { RelationKind } from './algorithms.js';

export type EndType = 'enterprise' | 'person' | 'institution';
/** `name` is folded (NFKC, no spaces) for matching; `typed` is the cell as written, for messages. */
export type RelationEnd = { name: string; typed: string; uscc: string | null; type: EndType };
export type RelationRow = {
  kind: RelationKind;
  from: RelationEnd;
  to: RelationEnd;
  share: number | null;
  round: string | null;
  amount: number | null;
  asOf: string | null;
};
export type RowError = { column: string; code: string; message: string };

export const RELATION_COLUMNS = {
  kind: ['关系类型', '关系', '类型'],
  fromName: ['主体', '主体名称', '股东', '股东名称', '投资方', '供应商', '发起方'],
  fromUscc: ['主体统一社会信用代码', '主体信用代码', '股东统一社会信用代码'],
  fromType: ['主体类型', '股东类型'],
  toName: ['客体', '客体名称', '被投资企业', '投资标的', '客户', '合作单位', '企业名称'],
  toUscc: ['客体统一社会信用代码', '客体信用代码', '统一社会信用代码'],
  toType: ['客体类型'],
  share: ['持股比例', '持股比例(%)', '持股比例（%）', '股权比例'],
  round: ['轮次', '融资轮次'],
  amount: ['金额', '金额(元)', '金额(万元)', '金额(亿元)', '投资金额', '投资金额(万元)', '认缴出资额(万元)'],
  asOf: ['截至日期', '日期', '时间', '投资日期', '发生日期'],
} as const;
export type RelationColumn = keyof typeof RELATION_COLUMNS;

const ALIASES = new Map<string, RelationColumn>(
  (Object.entries(RELATION_COLUMNS) as [RelationColumn, readonly string[]][]).flatMap(([key, names]) =>
    names.map((n) => [foldHeader(n), key] as [string, RelationColumn]),
  ),
);

/** The relation fields a header row names, by column index (unit from "(万元)" or "(%)"). */
export function mapRelationHeaders(headers: string[]) {
  const columns: {
    index: number;
    header: string;
    key: RelationColumn;
    unit?: MoneyUnit;
    percent?: boolean;
  }[] = [];
  const seen = new Set<RelationColumn>();
  headers.forEach((header, index) => {
    const folded = foldHeader(header ?? '');
    const key = ALIASES.get(folded);
    if (!key || seen.has(key)) return;
    seen.add(key);
    const unit = (['万元', '亿元', '元'] as const).find((u) => folded.includes(`(${u})`));
    columns.push({ index, header, key, unit, percent: folded.includes('(%)') });
  });
  const ok = seen.has('kind') && seen.has('fromName') && seen.has('toName');
  return ok ? columns : null;
}

const KIND_WORDS: [RegExp, RelationKind][] = [
  [/^(持股|股东|参股|控股|shareholding)$/i, 'shareholding'],
  [/^(投资|融资|股权投资|investment)$/i, 'investment'],
  [/^(供应|供货|采购|供应商|客户|supply)$/i, 'supply'],
  [/^(产学研|产学研合作|合作|校企合作|cooperation)$/i, 'cooperation'],
  [/^(同一实际控制人|同一控制|同一实控人|same_controller)$/i, 'same_controller'],
];
const TYPE_WORDS: [RegExp, EndType][] = [
  [/^(企业|公司|enterprise)$/i, 'enterprise'],
  [/^(自然人|个人|person)$/i, 'person'],
  [/^(机构|高校|院所|大学|科研院所|基金|institution)$/i, 'institution'],
];
const INSTITUTION = /(大学|学院|研究院|研究所|研究中心|实验室|科学院|基金)$/;
const COMPANY = /(公司|企业|集团|合伙\)?|厂|中心\(有限合伙\))$/;

function endType(name: string, uscc: string | null, said: string): EndType | null {
  if (said) return TYPE_WORDS.find(([re]) => re.test(said))?.[1] ?? null;
  if (uscc || COMPANY.test(name.normalize('NFKC'))) return 'enterprise';
  if (INSTITUTION.test(name)) return 'institution';
  return 'person';
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const blank = (v: unknown) => text(v) === '' || /^[-—–/]+$/.test(text(v));

/** `cells`: the row's values by field; `headers`: each field's header, for the messages. */
export function parseRelationRow(
  cells: Partial<Record<RelationColumn, unknown>>,
  headers: Partial<Record<RelationColumn, { header: string; unit?: MoneyUnit; percent?: boolean }>>,
): { ok: true; row: RelationRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const col = (k: RelationColumn) => headers[k]?.header ?? RELATION_COLUMNS[k][0];
  const kindText = text(cells.kind);
  const kind = KIND_WORDS.find(([re]) => re.test(kindText))?.[1];
  if (!kind)
    errors.push({
      column: col('kind'),
      code: 'relation.kind',
      message: kindText
        ? `不认识的关系类型“${kindText}”，应为 持股、投资、供应、产学研 或 同一实际控制人`
        : '缺少关系类型',
    });
  const end = (side: 'from' | 'to'): RelationEnd | null => {
    const nameKey = side === 'from' ? 'fromName' : 'toName';
    const typed = text(cells[nameKey]);
    const name = typed.normalize('NFKC').replace(/\s+/g, '');
    const uscc = text(cells[side === 'from' ? 'fromUscc' : 'toUscc']).toUpperCase() || null;
    const said = text(cells[side === 'from' ? 'fromType' : 'toType']);
    if (!name && !uscc) {
      errors.push({
        column: col(nameKey),
        code: 'relation.end_missing',
        message: side === 'from' ? '缺少主体' : '缺少客体',
      });
      return null;
    }
    const type = endType(name, uscc, said);
    if (!type) {
      errors.push({
        column: col(side === 'from' ? 'fromType' : 'toType'),
        code: 'relation.end_type',
        message: `不认识的类型“${said}”，应为 企业、自然人 或 机构`,
      });
      return null;
    }
    return { name, typed, uscc, type };
  };
  const from = end('from');
  const to = end('to');
  let share: number | null = null;
  if (!blank(cells.share)) {
    const raw = text(cells.share);
    // A bare number from 1 up is a percentage as offices write it ("60", and "1" is 1 %, not the whole
    // firm); below 1 it is a fraction ("0.8").
    const percent = headers.share?.percent || /%$/.test(raw) || (Number(raw) >= 1 && Number(raw) <= 100);
    const r = parseRatio(cells.share, { unit: percent ? 'percent' : 'fraction' });
    if (!r.ok || r.value === null || r.value <= 0 || r.value > 1)
      errors.push({
        column: col('share'),
        code: 'relation.share',
        message: `持股比例“${raw}”应在 0 到 100% 之间`,
      });
    else share = r.value;
  }
  if (kind === 'shareholding' && share === null && !errors.some((e) => e.code === 'relation.share'))
    errors.push({ column: col('share'), code: 'relation.share_missing', message: '持股关系须填写持股比例' });
  let amount: number | null = null;
  if (!blank(cells.amount)) {
    const r = parseAmount(cells.amount, { unit: headers.amount?.unit });
    if (!r.ok) errors.push({ column: col('amount'), code: 'relation.amount', message: r.message });
    // Amounts are kept in 元 with no currency: "100万美元" read as 100 万元 would be wrong by a factor of
    // seven, and an investment or a purchase of a negative amount is a typing slip.
    else if (r.currency !== 'CNY')
      errors.push({
        column: col('amount'),
        code: 'relation.amount_currency',
        message: `金额“${text(cells.amount)}”不是人民币，请换算为人民币后填写`,
      });
    else if (r.value !== null && r.value < 0)
      errors.push({
        column: col('amount'),
        code: 'relation.amount_negative',
        message: `金额“${text(cells.amount)}”不能为负数`,
      });
    else amount = r.value;
  }
  let asOf: string | null = null;
  if (!blank(cells.asOf)) {
    const r = parseDate(cells.asOf);
    if (!r.ok) errors.push({ column: col('asOf'), code: 'relation.date', message: r.message });
    else if (r.value && r.value > chinaToday())
      errors.push({ column: col('asOf'), code: 'relation.future', message: `日期“${r.value}”晚于今天` });
    else asOf = r.value;
  }
  if (from && to && from.name === to.name && from.uscc === to.uscc)
    errors.push({ column: col('toName'), code: 'relation.self', message: '主体与客体是同一方' });
  if (errors.length || !kind || !from || !to) return { ok: false, errors };
  return { ok: true, row: { kind, from, to, share, round: text(cells.round) || null, amount, asOf } };
}
