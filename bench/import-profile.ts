/**
 * The import's pieces timed in this process on the first rows of the bench's CSV: reading, parsing,
 * name normalisation and search terms per row, then applyBatch (new rows and the same rows again), a
 * set-wise bulk-insert prototype and a COPY into the schema as the floor, with statements per batch.
 * bench/import.ts runs it after the CLI import and prints its table.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { and, eq, getTableColumns, getTableName, inArray, isNull, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { bulkInsert } from '../src/db/bulk-insert.js';
import type { Database, Db, Tx } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import * as schema from '../src/db/schema/index.js';
import { DEMO_ORGS } from '../src/db/seed/demo-data.js';
import { seedDemo } from '../src/db/seed/seed.js';
import { type Cell, type EnterpriseRecord, parseRow } from '../src/domain/enterprise/parse-row.js';
import { searchTerms } from '../src/domain/enterprise/search-terms.js';
import { normalizeCompanyName } from '../src/domain/text/company-name.js';
import { applyBatch, type ImportActor, type SourcedRecord } from '../src/import/apply-batch.js';
import { findHeaderRow } from '../src/import/header-row.js';
import { readTable } from '../src/import/read-table.js';
import { ROOT, round } from './lib.js';

/** Reads the first `limit` data rows the way the import does: readTable, findHeaderRow, parseRow. */
async function readAndParse(csv: string, limit: number, parse: boolean) {
  const table = await readTable(csv);
  const first: { row: number; values: unknown[] }[] = [];
  const records: EnterpriseRecord[] = [];
  let header: ReturnType<typeof findHeaderRow> = null;
  let n = 0;
  const start = performance.now();
  for await (const r of table.rows) {
    if (!header) {
      first.push(r);
      header = findHeaderRow(first);
      continue;
    }
    if (n++ >= limit) break;
    if (!parse) continue;
    const cells: Cell[] = header.columns.map((c) => ({
      key: c.key,
      header: c.header,
      unit: c.unit,
      value: r.values[c.index],
    }));
    const p = parseRow(r.row, cells, { year: 2025, universe: 'local' });
    if (p.ok) records.push(p.record);
  }
  return { ms: performance.now() - start, records };
}

type Counter = { statements: number };

/** Counts what a client sends, transactions included (a drizzle logger misses those on PGlite). */
function countCalls(target: { query: unknown; exec?: unknown }, counter: Counter) {
  const t = target as Record<'query' | 'exec', ((...a: unknown[]) => unknown) | undefined>;
  for (const m of ['query', 'exec'] as const) {
    const orig = t[m]?.bind(target);
    if (!orig) continue;
    t[m] = (...a: unknown[]) => {
      counter.statements++;
      return orig(...a);
    };
  }
}

/** A database of the bench's engine (PostgreSQL when `freshPostgres` is given, else PGlite under `work`),
 *  migrated and demo-seeded, counting the statements it runs. */
async function countingDatabase(work: string, freshPostgres: FreshPostgres | undefined) {
  const counter: Counter = { statements: 0 };
  let database: Database;
  let drop = async () => {};
  if (freshPostgres) {
    const f = await freshPostgres();
    drop = f.drop;
    const pool = new pg.Pool({ connectionString: f.url, max: 2 });
    pool.on('connect', (c) => countCalls(c, counter));
    database = {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      engine: 'postgres',
      close: () => pool.end(),
    };
  } else {
    mkdirSync(path.join(work, 'profile-data'));
    const client = await PGlite.create({ dataDir: path.join(work, 'profile-data', 'pgdata') });
    countCalls(client, counter);
    const transaction = client.transaction.bind(client);
    client.transaction = ((fn: (tx: Parameters<Parameters<typeof transaction>[0]>[0]) => Promise<unknown>) =>
      transaction((tx) => {
        countCalls(tx, counter);
        return fn(tx);
      })) as typeof client.transaction;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    database = { db, engine: 'pglite', pglite: client, close: () => client.close() };
  }
  await migrate(database);
  await seedDemo(database.db);
  counter.statements = 0;
  return { database, counter, drop };
}

/** The insert path done set-wise: one lookup, then one INSERT per table for the whole batch. With
 *  `search`, the firm rows carry the same search terms (pinyin, bigrams for the GIN index) as applyBatch's. */
const bulkApply =
  (search: boolean) => async (tx: Tx, orgId: string, batch: SourcedRecord[], asOf: string) => {
    const { enterprises, enterpriseIp, enterpriseYears } = schema;
    const usccs = batch.map((b) => b.record.uscc).filter((u): u is string => !!u);
    const live = and(eq(enterprises.orgId, orgId), isNull(enterprises.mergedInto));
    const existing = await tx
      .select({ uscc: enterprises.uscc })
      .from(enterprises)
      .where(and(live, inArray(enterprises.uscc, usccs)));
    if (existing.length) throw new Error('the bulk prototype covers new rows only');
    const rows = batch.map(({ record: r, source }) => ({
      id: randomUUID(),
      orgId,
      uscc: r.uscc,
      name: r.name,
      nameNormalized: r.nameNormalized,
      nameCore: r.nameCore,
      ...(search ? searchTerms(r.name, r.aliases) : {}),
      aliases: r.aliases,
      ...r.enterprise,
      reviewReason: r.uscc ? null : 'no_uscc',
      provenance: { source, asOf },
    }));
    await bulkInsert(tx, enterprises, rows);
    const prov = (i: number) => ({ source: batch[i].source, asOf });
    await bulkInsert(
      tx,
      enterpriseYears,
      batch.map(({ record: r }, i) => ({
        enterpriseId: rows[i].id,
        year: r.year,
        ...r.figures,
        provenance: prov(i),
      })),
    );
    await bulkInsert(
      tx,
      enterpriseIp,
      batch.flatMap(({ record: r }, i) =>
        Object.entries(r.ip).map(([kind, count]) => ({
          enterpriseId: rows[i].id,
          kind,
          count,
          provenance: prov(i),
        })),
      ),
    );
  };

/** Which apply-batch.ts was measured: its blob hash, and whether it differs from the last commit. */
function applyBatchVersion() {
  const file = 'src/import/apply-batch.ts';
  const run = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return {
    blob: run(['hash-object', file]),
    commit: run(['rev-parse', '--short', 'HEAD']),
    modified: run(['status', '--porcelain', file]) !== '',
  };
}

const BENCH_ACTOR: ImportActor = { id: null, name: 'bench' };

async function timeBatches(
  database: Database,
  orgId: string,
  records: EnterpriseRecord[],
  asOf: string,
  apply: (
    tx: Tx,
    orgId: string,
    batch: SourcedRecord[],
    asOf: string,
    actor: ImportActor,
  ) => Promise<unknown>,
) {
  const sourced = records.map((record, i) => ({
    record,
    source: { kind: 'import' as const, file: 'bench.csv', row: i + 2 },
  }));
  const start = performance.now();
  for (let i = 0; i < sourced.length; i += 500)
    await database.db.transaction((tx) => apply(tx, orgId, sourced.slice(i, i + 500), asOf, BENCH_ACTOR));
  return performance.now() - start;
}

/** A CSV cell for COPY: empty for null, arrays as PostgreSQL array literals, objects as JSON. */
function copyCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
    return quote(`{${v.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  if (typeof v === 'object') return quote(JSON.stringify(v));
  return typeof v === 'string' ? quote(v) : String(v);
}

/** The floor for any importer writing this schema: the same parsed rows (search terms included) COPYed
 *  straight into enterprises, enterprise_years and enterprise_ip with all their indexes. Only the COPY
 *  statements are timed; PGlite reads a Blob, a local PostgreSQL superuser a server-side file. */
async function copyIntoSchema(
  database: Database,
  orgId: string,
  records: EnterpriseRecord[],
  opts: { work: string; asOf: string; log: (msg: string) => void },
) {
  const { enterprises, enterpriseIp, enterpriseYears } = schema;
  const asCsv = (table: PgTable, rows: Record<string, unknown>[]) => {
    const columns = getTableColumns(table);
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const names = keys.map((k) => `"${columns[k].name}"`).join(', ');
    const body = rows.map((r) => keys.map((k) => copyCell(r[k])).join(',')).join('\n');
    return { sql: `copy ${getTableName(table)} (${names}) from`, body };
  };
  const prov = (i: number) => ({
    source: { kind: 'import', file: 'bench.csv', row: i + 2 },
    asOf: opts.asOf,
  });
  const ids = records.map(() => randomUUID());
  const files = [
    asCsv(
      enterprises,
      records.map((r, i) => ({
        id: ids[i],
        orgId,
        uscc: r.uscc,
        name: r.name,
        ...searchTerms(r.name, r.aliases),
        aliases: r.aliases,
        universe: r.newUniverse,
        ...r.enterprise,
        provenance: prov(i),
      })),
    ),
    asCsv(
      enterpriseYears,
      records.map((r, i) => ({ enterpriseId: ids[i], year: r.year, ...r.figures, provenance: prov(i) })),
    ),
    asCsv(
      enterpriseIp,
      records.flatMap((r, i) =>
        Object.entries(r.ip).map(([kind, count]) => ({
          enterpriseId: ids[i],
          kind,
          count,
          provenance: prov(i),
        })),
      ),
    ),
  ];
  const start = performance.now();
  try {
    for (const [n, f] of files.entries()) {
      if (database.pglite) {
        await database.pglite.query(`${f.sql} '/dev/blob' with (format csv)`, [], {
          blob: new Blob([f.body]),
        });
      } else {
        const file = path.join(opts.work, `schema-copy-${n}.csv`);
        writeFileSync(file, f.body);
        await database.db.execute(sql.raw(`${f.sql} '${file}' with (format csv)`));
      }
    }
  } catch (err) {
    opts.log(`COPY into the schema not possible: ${(err as Error).message}`);
    return null;
  }
  return performance.now() - start;
}

/** A fresh PostgreSQL database and how to drop it. */
export type FreshPostgres = () => Promise<{ url: string; drop: () => Promise<void> }>;

/** Times the import's pieces on the first `rows` rows of `csv`: a JSON summary, table rows for
 *  bench/lib's table() and cleanups for the caller. On PostgreSQL (`freshPostgres` given) it works in a
 *  fresh database, else in a PGlite data dir under `work`. */
export async function profileImport(opts: {
  csv: string;
  rows: number;
  work: string;
  asOf: string;
  log: (msg: string) => void;
  freshPostgres?: FreshPostgres;
}) {
  const read = await readAndParse(opts.csv, opts.rows, false);
  const parsed = await readAndParse(opts.csv, opts.rows, true);
  const records = parsed.records;
  let t = performance.now();
  for (const r of records) normalizeCompanyName(r.name);
  const normalizeMs = performance.now() - t;

  t = performance.now();
  for (const r of records) searchTerms(r.name, r.aliases);
  const searchMs = performance.now() - t;

  const { database, counter, drop } = await countingDatabase(opts.work, opts.freshPostgres);
  try {
    const org = (code: string) => DEMO_ORGS.find((o) => o.code === code)?.id as string;
    const measure = async (orgCode: string, apply: Parameters<typeof timeBatches>[4]) => {
      counter.statements = 0;
      const ms = await timeBatches(database, org(orgCode), records, opts.asOf, apply);
      return { ms, statements: counter.statements };
    };
    const fresh = await measure('yannan', applyBatch);
    const again = await measure('yannan', applyBatch);
    const bulk = await measure('ntkfq', bulkApply(true));
    const bulkNoSearch = await measure('haian', bulkApply(false));
    const schemaCopyMs = await copyIntoSchema(database, org('jiangyin'), records, opts);
    const n = records.length;
    const us = (ms: number) => round((ms * 1000) / n, 1);
    const rps = (ms: number) => Math.round(n / (ms / 1000));
    const step = (m: { ms: number; statements: number }) => ({
      usPerRow: us(m.ms),
      rowsPerSecond: rps(m.ms),
      statementsPerBatchOf500: round((m.statements * 500) / n, 1),
    });
    const json = {
      rows: n,
      applyBatchSource: applyBatchVersion(),
      readUsPerRow: us(read.ms),
      parseUsPerRow: us(parsed.ms - read.ms),
      normalizeCompanyNameUsPerRow: us(normalizeMs),
      searchTermsUsPerRow: us(searchMs),
      applyBatch: step(fresh),
      applyBatchReimport: step(again),
      bulkPrototype: step(bulk),
      bulkPrototypeWithoutSearchTerms: step(bulkNoSearch),
      copyIntoSchema:
        schemaCopyMs === null ? null : { usPerRow: us(schemaCopyMs), rowsPerSecond: rps(schemaCopyMs) },
    };
    const line = (label: string, m: { ms: number; statements: number }, note = '') => [
      label,
      us(m.ms),
      rps(m.ms),
      `${round((m.statements * 500) / n, 1)} statements per 500 rows${note}`,
    ];
    const rowsOut: (string | number)[][] = [
      ['read CSV (stream, iconv, csv-parse)', json.readUsPerRow, rps(read.ms), 'readTable only'],
      [
        'parseRow (validation, amounts, dates)',
        json.parseUsPerRow,
        rps(parsed.ms - read.ms),
        'incl. normalizeCompanyName',
      ],
      ['  of which normalizeCompanyName', json.normalizeCompanyNameUsPerRow, rps(normalizeMs), ''],
      [
        'searchTerms (pinyin initials, bigrams)',
        json.searchTermsUsPerRow,
        rps(searchMs),
        'CPU, in applyBatch',
      ],
      line('applyBatch, new rows', fresh),
      line('applyBatch, same rows again (unchanged)', again),
      line('prototype: 1 INSERT per table per batch', bulk, ', same search terms'),
      line('  same without search terms / GIN grams', bulkNoSearch),
      ...(schemaCopyMs === null
        ? []
        : [
            [
              'floor: COPY the parsed rows into the 3 tables',
              us(schemaCopyMs),
              rps(schemaCopyMs),
              'all indexes, no checks',
            ],
          ]),
    ];
    return { json, table: rowsOut, cleanups: [drop] };
  } finally {
    await database.close();
  }
}
