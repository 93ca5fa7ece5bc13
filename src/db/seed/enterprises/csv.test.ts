import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Cell, parseRow } from '../../../domain/enterprise/parse-row.js';
import { findHeaderRow } from '../../../import/header-row.js';
import { readTable, type TableRow } from '../../../import/read-table.js';
import { type CsvOptions, csvHeaders, csvRecord, wan, writeEnterpriseCsv } from './csv.js';
import { generateEnterprises } from './generate.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kz-demo-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AS_OF = '2026-11-21';

/** Reads a written CSV back the way the importer does: encoding detection, header search, parseRow. */
async function importRows(file: string) {
  const table = await readTable(file);
  const rows: TableRow[] = [];
  for await (const r of table.rows) rows.push(r);
  const header = findHeaderRow(rows.slice(0, 10));
  if (!header) throw new Error('no header row');
  const parsed = rows
    .filter((r) => r.row > header.headerRow)
    .map((r) => {
      const cells: Cell[] = header.columns.map((c) => ({
        key: c.key,
        header: c.header,
        unit: c.unit,
        value: r.values[c.index],
      }));
      return parseRow(r.row, cells, { year: 2000, universe: 'local' });
    });
  return { encoding: table.encoding, header, parsed };
}

describe('writeEnterpriseCsv', () => {
  const cases: [string, CsvOptions][] = [
    ['utf8', { seed: 5, count: 300, targetCount: 60, asOf: AS_OF, encoding: 'utf8', columns: 'full' }],
    [
      'gbk',
      {
        seed: 5,
        count: 300,
        targetCount: 60,
        asOf: AS_OF,
        encoding: 'gbk',
        columns: 'full',
        title: '2025 年度企业名单',
      },
    ],
    ['utf8-bom, standard columns', { seed: 5, count: 300, asOf: AS_OF, encoding: 'utf8-bom' }],
  ];

  it.each(cases)(
    'round-trips through the importer (%s) with no rejected row and the same values',
    async (label, opts) => {
      const file = path.join(dir, `${label.replace(/\W+/g, '-')}.csv`);
      const written = await writeEnterpriseCsv(file, opts);
      const firms = [...generateEnterprises(opts)];
      expect(written.rows).toBe(firms.length);
      const { encoding, header, parsed } = await importRows(file);
      expect(encoding).toBe(opts.encoding === 'gbk' ? 'gb18030' : 'utf8');
      expect(header.unmapped).toEqual([]);
      expect(header.columns.length).toBe(csvHeaders(opts.columns).length);
      const rejected = parsed.flatMap((p) => (p.ok ? [] : p.errors));
      expect(rejected).toEqual([]);
      const full = opts.columns === 'full';
      parsed.forEach((p, i) => {
        if (!p.ok) return;
        const f = firms[i];
        const y = f.years.at(-1);
        const r = p.record;
        expect(r.uscc).toBe(f.uscc);
        expect(r.name).toBe(f.name);
        expect(r.aliases).toEqual(f.aliases);
        expect(r.year).toBe(y?.year);
        expect(r.enterprise).toMatchObject({
          establishedOn: f.establishedOn,
          registeredCapital: f.registeredCapital,
          regionCode: f.regionCode,
          industrySection: f.industrySection,
          industryDivision: f.industryDivision,
          listed: f.listed,
          universe: f.universe,
          ...(full ? { legalRep: f.legalRep, address: f.address, businessScope: f.businessScope } : {}),
        });
        expect(r.figures).toMatchObject({
          employees: y?.employees,
          rdStaff: y?.rdStaff,
          revenue: y?.revenue,
          rdExpense: y?.rdExpense,
          netProfit: y?.netProfit,
          ...(full ? { totalLiabilities: y?.totalLiabilities, hightechRevenue: y?.hightechRevenue } : {}),
        });
        expect(r.ip.invention_patent).toBe(f.ip.invention_patent ?? 0);
      });
    },
  );

  it('writes one row per firm and year when asked', async () => {
    const file = path.join(dir, 'all-years.csv');
    const opts: CsvOptions = { seed: 6, count: 50, asOf: AS_OF, years: 'all' };
    const written = await writeEnterpriseCsv(file, opts);
    const expected = [...generateEnterprises(opts)].reduce((n, f) => n + f.years.length, 0);
    expect(written.rows).toBe(expected);
    expect(readFileSync(file, 'utf8').trimEnd().split('\r\n')).toHaveLength(expected + 1);
  });
});

describe('wan / csvRecord', () => {
  it('writes 元 as 万元 with exactly two decimals, negatives included', () => {
    expect(wan(123_456_700)).toBe('12345.67');
    expect(wan(-4_390_000)).toBe('-439.00');
    expect(wan(100)).toBe('0.01');
    expect(wan(null)).toBe('');
  });

  it('quotes only the cells that need it', () => {
    expect(csvRecord(['a', 'b,c', 'say "hi"', ''])).toBe('a,"b,c","say ""hi""",\r\n');
  });
});
