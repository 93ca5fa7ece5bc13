/** The import field catalogue: each field's key, its Chinese label, the headers offices use for it,
 *  how its cells are read, and where it is stored. Headers are matched after folding width and
 *  dropping a unit in brackets, which is applied: "营业收入(万元)" → revenue, unit 万元. */
import type { MoneyUnit } from '../text/chinese-number.js';

export type FieldType =
  | 'text'
  | 'uscc'
  | 'money'
  | 'count'
  | 'date'
  | 'year'
  | 'bool'
  | 'region'
  | 'industry'
  | 'universe'
  | 'aliases';
export type FieldTarget = 'enterprise' | 'year' | 'ip';

export type FieldDef = {
  key: string;
  label: string;
  type: FieldType;
  target: FieldTarget;
  /** Column of enterprises / enterprise_years, or the IP kind. */
  column: string;
  headers: string[];
  defaultUnit?: MoneyUnit;
};

const f = (
  key: string,
  label: string,
  type: FieldType,
  target: FieldTarget,
  headers: string[],
  column = key,
): FieldDef => ({
  key,
  label,
  type,
  target,
  column,
  headers: [label, ...headers],
});

/** Columns the rejected-rows download adds after the file's own (see rejected-xlsx.ts): a fixed file
 *  comes back with them, and they are ours, not unknown columns to report. */
export const REJECTED_EXTRA_HEADERS = ['原行号', '错误原因'] as const;

/** The one money figure that may be below zero: a loss. 注册资本, 营业收入, 研发费用, assets, tax … cannot. */
export const SIGNED_MONEY: ReadonlySet<string> = new Set(['netProfit']);

export const FIELDS: FieldDef[] = [
  f('uscc', '统一社会信用代码', 'uscc', 'enterprise', ['信用代码', '社会信用代码', '统一代码', 'USCC']),
  f('name', '企业名称', 'text', 'enterprise', ['名称', '公司名称', '单位名称', '企业全称']),
  f('shortNames', '简称', 'aliases', 'enterprise', ['企业简称', '公司简称']),
  f('formerNames', '曾用名', 'aliases', 'enterprise', ['原名称', '曾用名称']),
  f('legalRep', '法定代表人', 'text', 'enterprise', ['法人代表', '法人', '负责人']),
  f('establishedOn', '成立日期', 'date', 'enterprise', ['成立时间', '注册日期', '成立年月']),
  f('registeredCapital', '注册资本', 'money', 'enterprise', ['注册资金']),
  f('regionCode', '行政区划代码', 'region', 'enterprise', ['所属地区代码', '区划代码', '地区代码']),
  f('address', '注册地址', 'text', 'enterprise', ['地址', '企业地址', '住所', '通讯地址']),
  f(
    'industry',
    '所属行业',
    'industry',
    'enterprise',
    ['行业', '行业代码', '国民经济行业', '行业分类'],
    'industryDivision',
  ),
  f('businessScope', '经营范围', 'text', 'enterprise', []),
  f('mainProducts', '主要产品', 'text', 'enterprise', ['主营产品', '主导产品']),
  f('listed', '是否上市', 'bool', 'enterprise', ['上市', '上市企业']),
  f('universe', '企业类别', 'universe', 'enterprise', ['本地/外地', '是否本地企业', '目标企业']),
  f('year', '年度', 'year', 'year', ['年份', '统计年度', '会计年度', '数据年度']),
  f('employees', '员工人数', 'count', 'year', ['职工人数', '从业人员', '从业人数', '职工总数', '员工总数']),
  f('techStaff', '科技人员数', 'count', 'year', ['科技人员', '科技人员人数']),
  f('rdStaff', '研发人员数', 'count', 'year', ['研发人员', '研发人员人数']),
  f('revenue', '营业收入', 'money', 'year', ['销售收入', '营收', '年营业收入']),
  f('mainRevenue', '主营业务收入', 'money', 'year', ['主营收入']),
  f('hightechRevenue', '高新技术产品收入', 'money', 'year', ['高新技术产品（服务）收入', '高品收入']),
  f('rdExpense', '研发费用', 'money', 'year', ['研发投入', '研究开发费用', 'R&D经费']),
  f('rdExpenseDomestic', '境内研发费用', 'money', 'year', ['境内研究开发费用']),
  f('totalCost', '成本费用总额', 'money', 'year', ['总成本', '成本费用']),
  f('netProfit', '净利润', 'money', 'year', ['利润', '利润总额']),
  f('totalAssets', '资产总额', 'money', 'year', ['总资产']),
  f('totalLiabilities', '负债总额', 'money', 'year', ['总负债']),
  f('taxPaid', '纳税总额', 'money', 'year', ['上缴税金', '纳税额', '实缴税金']),
  f('ip.invention_patent', '发明专利', 'count', 'ip', ['发明专利数', '授权发明专利'], 'invention_patent'),
  f('ip.utility_model', '实用新型专利', 'count', 'ip', ['实用新型', '实用新型数'], 'utility_model'),
  f('ip.design', '外观设计专利', 'count', 'ip', ['外观设计', '外观专利'], 'design'),
  f('ip.software_copyright', '软件著作权', 'count', 'ip', ['软著', '软件著作权数'], 'software_copyright'),
  f('ip.pct', 'PCT专利', 'count', 'ip', ['PCT', '国际专利', '海外专利'], 'pct'),
  f('ip.ic_layout', '集成电路布图设计', 'count', 'ip', ['布图设计'], 'ic_layout'),
  f('ip.plant_variety', '植物新品种', 'count', 'ip', [], 'plant_variety'),
  f('ip.standard', '主导或参与制定标准', 'count', 'ip', ['标准', '参与制定标准'], 'standard'),
];

export const FIELD_BY_KEY = new Map(FIELDS.map((d) => [d.key, d]));

/** Folds full-width characters and spaces so headers compare as an office would read them. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')')
    .toLowerCase();
}

const UNIT_IN_HEADER = /\((元|千元|万元|亿元|人|个|件|项|%)\)$/;

const HEADER_INDEX = new Map<string, string>();
for (const def of FIELDS) for (const h of def.headers) HEADER_INDEX.set(foldHeader(h), def.key);

/** The money unit a header declares in its brackets ("本年科研投入(万元)" → 万元), whatever field it
 *  names: a column the user maps by hand keeps the unit its header states. */
export function headerUnit(header: string): MoneyUnit | undefined {
  const unit = foldHeader(header).match(UNIT_IN_HEADER)?.[1];
  return unit === '元' || unit === '千元' || unit === '万元' || unit === '亿元' ? unit : undefined;
}

const MONEY_UNITS: readonly MoneyUnit[] = ['元', '千元', '万元', '亿元'];

/** A column mapping's value: a field key, '' to ignore, or for a money field "key@unit"
 *  ("registeredCapital@万元") when the header states no unit and the numbers are not in 元. */
export function mappingTarget(value: string): { key: string; unit?: MoneyUnit } | null {
  const [key, unit, ...rest] = value.split('@');
  if (rest.length || (key !== '' && !FIELD_BY_KEY.has(key))) return null;
  if (unit === undefined) return { key };
  if (FIELD_BY_KEY.get(key)?.type !== 'money' || !MONEY_UNITS.includes(unit as MoneyUnit)) return null;
  return { key, unit: unit as MoneyUnit };
}

/** Why a mapping value is refused, in the words the import page shows. */
export function mappingProblem(value: string): string {
  const key = value.split('@')[0];
  if (key !== '' && !FIELD_BY_KEY.has(key)) return `未知字段：${key}`;
  return `单位写法不对：${value}（只有金额字段可指定单位：元、千元、万元、亿元，如 registeredCapital@万元）`;
}

/** The field a header names, and the unit in its brackets if any; null if unknown. */
export function matchHeader(header: string): { key: string; unit?: MoneyUnit } | null {
  const folded = foldHeader(header);
  const unitMatch = folded.match(UNIT_IN_HEADER);
  const base = unitMatch ? folded.slice(0, unitMatch.index) : folded;
  const key = HEADER_INDEX.get(base) ?? HEADER_INDEX.get(folded);
  if (!key) return null;
  const unit = headerUnit(header);
  return unit ? { key, unit } : { key };
}
