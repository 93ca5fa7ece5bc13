/** Realistic enterprise spreadsheets for import tests: a title row above the headers, Chinese headers
 *  with units, values written the way offices write them, a totals row, and deliberately bad rows. */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { csvLine } from '../../src/domain/csv.js';
import { usccCheckChar } from '../../src/domain/text/uscc.js';

/** A valid USCC for a firm registered in region `region` (6 digits), numbered n. */
export function makeUscc(n: number, region = '320900'): string {
  const body = `91${region}${String(n)
    .padStart(9, '0')
    .replace(/[IOZSV]/g, '0')}`;
  return body + usccCheckChar(body);
}

export const HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '成立日期',
  '注册资本(万元)',
  '所属行业',
  '员工人数',
  '营业收入(万元)',
  '研发费用(万元)',
  '发明专利',
  '简称',
];

export type SampleRow = (string | number | Date | null)[];

export function goodRows(): SampleRow[] {
  return [
    [
      makeUscc(1),
      '中交慧运（盐城）科技有限公司',
      '2019/5/1',
      '1,200.5',
      'I65',
      '120人',
      '1.2亿',
      '300万元',
      12,
      '中交慧运',
    ],
    [
      makeUscc(2, '320600'),
      '南通市通润汽车零部件有限公司',
      '2008年3月18日',
      '5000',
      'C36',
      '860',
      '35,000',
      '1,450',
      31,
      '通润汽车',
    ],
    [makeUscc(3), '江苏盐南储能科技有限公司', 43586, '2000', 'C38', '约50', '—', '-', 3, null],
  ];
}

export function badRows(): SampleRow[] {
  const wrongCheck = makeUscc(4).slice(0, 17) + (makeUscc(4).endsWith('1') ? '2' : '1');
  return [
    [wrongCheck, '盐城校验位错误有限公司', '2020-01-01', '100', 'C39', '10', '100', '5', 0, null],
    [makeUscc(5), '日期错误科技有限公司', '2019-02-30', '100', 'C39', '10', '100', '5', 0, null],
    [makeUscc(6), '', '2019-01-01', '100', 'C39', '10', '很多', '5', 0, null],
  ];
}

function allRows(): SampleRow[] {
  return [...goodRows(), ...badRows(), [null, '合计', null, '8300.5', null, '1040', null, null, 46, null]];
}

const TITLE = ['2025 年度盐南高新区科技企业名单'];

export function writeCsv(file: string, encoding: 'utf8' | 'utf8-bom' | 'gbk', rows = allRows()) {
  const text = [TITLE, HEADERS, ...rows]
    .map((r) =>
      csvLine(r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))).replace(/"'/g, '"'),
    )
    .join('');
  if (encoding === 'gbk') writeFileSync(file, iconv.encode(text, 'gbk'));
  else writeFileSync(file, (encoding === 'utf8-bom' ? '\uFEFF' : '') + text);
}

export async function writeXlsx(file: string, rows = allRows(), sheetName = '企业名单') {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本文件由统计科导出']);
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(TITLE);
  ws.mergeCells('A1:J1');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

const WORDS = [
  '海辰',
  '润阳',
  '芯测',
  '恒瑞',
  '天合',
  '星源',
  '中科',
  '华能',
  '博远',
  '宏图',
  '智联',
  '金石',
  '明德',
  '瑞丰',
  '新港',
  '卓越',
];
const TRADES = ['储能科技', '光伏材料', '半导体', '生物医药', '智能装备', '汽车零部件', '新材料', '信息技术'];

/** A CSV of n distinct, valid firms (one year of figures and a patent count each). */
export function writeManyFirms(file: string, n: number, offset = 100_000) {
  const lines = ['统一社会信用代码,企业名称,所属行业,员工人数,营业收入(万元),研发费用(万元),发明专利'];
  for (let i = 0; i < n; i++) {
    const k = offset + i;
    const name = `盐城${WORDS[k % 16]}${WORDS[(k >> 4) % 16]}${TRADES[k % 8]}${k}有限公司`;
    lines.push(`${makeUscc(k)},${name},C38,${(k % 500) + 10},${(k % 9000) + 100},${(k % 300) + 5},${k % 20}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
