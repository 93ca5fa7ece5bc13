/** The demo firms as an office would export them: a CSV with the Chinese headers the importer recognises,
 *  money in 万元, one row per firm (its latest year) or per firm and year, UTF-8 or GBK. Streams to disk,
 *  so a million rows never sit in memory. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { DemoYear } from './figures.js';
import { type DemoFirm, type GenerateOptions, generateEnterprises } from './generate.js';

export type CsvColumns = 'standard' | 'full';

type Column = { header: string; value: (f: DemoFirm, y: DemoYear | undefined) => string | number | null };

/** 元 → 万元 with two decimals, from integers so 12345.67 is written as exactly that. */
export function wan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '';
  const cents = Math.round(yuan / 100);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const money = (header: string, key: keyof DemoYear): Column => ({
  header: `${header}(万元)`,
  value: (_, y) => (y ? wan(y[key]) : ''),
});
const count = (header: string, key: keyof DemoYear): Column => ({
  header,
  value: (_, y) => (y ? y[key] : ''),
});
const ip = (header: string, kind: keyof DemoFirm['ip']): Column => ({
  header,
  value: (f) => f.ip[kind] ?? 0,
});

// What a 统计 export typically holds: identity, region, industry and the key yearly figures.
const STANDARD: Column[] = [
  { header: '统一社会信用代码', value: (f) => f.uscc },
  { header: '企业名称', value: (f) => f.name },
  { header: '简称', value: (f) => f.shortName },
  { header: '曾用名', value: (f) => f.formerNames.join('；') },
  { header: '成立日期', value: (f) => f.establishedOn },
  { header: '注册资本(万元)', value: (f) => wan(f.registeredCapital) },
  { header: '行政区划代码', value: (f) => f.regionCode },
  { header: '所属行业', value: (f) => `${f.industrySection}${f.industryDivision}` },
  { header: '是否上市', value: (f) => (f.listed ? '是' : '否') },
  { header: '企业类别', value: (f) => (f.universe === 'target' ? '外地' : '本地') },
  { header: '年度', value: (_, y) => y?.year ?? '' },
  count('员工人数', 'employees'),
  count('科技人员数', 'techStaff'),
  count('研发人员数', 'rdStaff'),
  money('营业收入', 'revenue'),
  money('研发费用', 'rdExpense'),
  money('净利润', 'netProfit'),
  money('资产总额', 'totalAssets'),
  money('纳税总额', 'taxPaid'),
  ip('发明专利', 'invention_patent'),
  ip('实用新型专利', 'utility_model'),
  ip('软件著作权', 'software_copyright'),
];

// Everything the importer reads, as a full registry export would have it.
const FULL: Column[] = [
  ...STANDARD.slice(0, 4),
  { header: '法定代表人', value: (f) => f.legalRep },
  ...STANDARD.slice(4, 7),
  { header: '注册地址', value: (f) => f.address },
  STANDARD[7],
  { header: '经营范围', value: (f) => f.businessScope },
  { header: '主要产品', value: (f) => f.mainProducts },
  ...STANDARD.slice(8, 15),
  money('主营业务收入', 'mainRevenue'),
  money('高新技术产品收入', 'hightechRevenue'),
  STANDARD[15],
  money('境内研发费用', 'rdExpenseDomestic'),
  money('成本费用总额', 'totalCost'),
  ...STANDARD.slice(16, 18),
  money('负债总额', 'totalLiabilities'),
  ...STANDARD.slice(18),
  ip('外观设计专利', 'design'),
  ip('PCT专利', 'pct'),
  ip('集成电路布图设计', 'ic_layout'),
  ip('主导或参与制定标准', 'standard'),
];

const COLUMNS: Record<CsvColumns, Column[]> = { standard: STANDARD, full: FULL };

export function csvHeaders(columns: CsvColumns = 'standard'): string[] {
  return COLUMNS[columns].map((c) => c.header);
}

/** The cells of one firm for one year (undefined: a firm too young to have a year yet). */
export function firmCsvCells(
  firm: DemoFirm,
  year: DemoYear | undefined,
  columns: CsvColumns = 'standard',
): string[] {
  return COLUMNS[columns].map((c) => {
    const v = c.value(firm, year);
    return v === null || v === undefined ? '' : String(v);
  });
}

/** RFC 4180 quoting, only where needed: these are data for an import, not cells for Excel to open. */
export function csvRecord(cells: string[]): string {
  return `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;
}

export type CsvOptions = GenerateOptions & {
  encoding?: 'utf8' | 'utf8-bom' | 'gbk';
  columns?: CsvColumns;
  /** 'latest': one row per firm (its latest year); 'all': one row per firm and year. */
  years?: 'latest' | 'all';
  /** A title line above the headers, as offices put one ("2025 年度企业名单"). */
  title?: string;
};

/** Lines of the CSV (headers first), as strings. */
export function* enterpriseCsvLines(opts: CsvOptions): Generator<string> {
  const columns = opts.columns ?? 'standard';
  if (opts.title) yield csvRecord([opts.title]);
  yield csvRecord(csvHeaders(columns));
  for (const firm of generateEnterprises(opts)) {
    const years = opts.years === 'all' ? firm.years : firm.years.slice(-1);
    for (const y of years.length ? years : [undefined]) yield csvRecord(firmCsvCells(firm, y, columns));
  }
}

/** Writes the CSV to `file`, waiting on the disk when it falls behind. Returns rows (without headers) and bytes. */
export async function writeEnterpriseCsv(
  file: string,
  opts: CsvOptions,
): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(file);
  const encode = (s: string) => (opts.encoding === 'gbk' ? iconv.encode(s, 'gbk') : Buffer.from(s, 'utf8'));
  let bytes = 0;
  let rows = -1 - (opts.title ? 1 : 0);
  let chunk: string[] = [];
  const flush = async () => {
    const buf = encode(chunk.join(''));
    chunk = [];
    bytes += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };
  if (opts.encoding === 'utf8-bom') chunk.push('\uFEFF');
  for (const line of enterpriseCsvLines(opts)) {
    chunk.push(line);
    rows++;
    if (chunk.length >= 2000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { rows, bytes };
}
