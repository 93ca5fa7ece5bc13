/**
 * Import throughput: a generated CSV of N firms imported by the real CLI
 * (`kezhao import enterprises <file> --org yannan --json`, a child process on a fresh data dir), side by
 * side in the same run with a raw COPY of the same file into a bare table of the same columns on the
 * same engine. Reports rows/s of both, their ratio and the CLI's peak RSS, then profiles where the
 * import's time goes (reading, parsing, name normalisation, database writes and statements per row).
 *
 *   npm run bench:import                         (1,000,000 rows, PGlite)
 *   BENCH_IMPORT_ROWS=100000 npm run bench:import
 *   DATABASE_URL=postgres://… npm run bench:import
 *
 * Settings (env): BENCH_IMPORT_ROWS (1,000,000), BENCH_IMPORT_COLUMNS ('standard' | 'full'),
 * BENCH_IMPORT_PROFILE_ROWS (20,000: rows of the in-process profile), BENCH_KEEP=1 keeps the temp dir.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  type CsvColumns,
  csvHeaders,
  csvRecord,
  writeEnterpriseCsv,
} from '../src/db/seed/enterprises/index.js';
import { FIELD_BY_KEY, matchHeader } from '../src/domain/enterprise/fields.js';
import { profileImport } from './import-profile.js';
import { envInt, machine, ROOT, round, table, writeResult } from './lib.js';

const ROWS = envInt('BENCH_IMPORT_ROWS', 1_000_000);
const PROFILE_ROWS = Math.min(ROWS, envInt('BENCH_IMPORT_PROFILE_ROWS', 20_000));
const COLUMNS = (process.env.BENCH_IMPORT_COLUMNS ?? 'standard') as CsvColumns;
const DATABASE_URL = process.env.DATABASE_URL;
const ENGINE = DATABASE_URL ? 'postgres' : 'pglite';
// Not the demo seed (DEFAULT_SEED): `seed --demo` has already put those firms in yannan, and the bench
// measures inserting new firms.
const SEED = 7_000_003;
const AS_OF = '2026-11-21';
const GOAL_RATIO = 0.5;
const GOAL_RSS_MB = 500;

const log = (msg: string) => process.stderr.write(`[bench:import] ${msg}\n`);
const seconds = (ms: number) => round(ms / 1000, 2);

type CliRun = {
  code: number | null;
  wallMs: number;
  stdout: string;
  peakRssMb: number | null;
  rssSource: string;
};

/** Runs the kezhao CLI in a child; peak RSS from `/usr/bin/time -v`, else by polling /proc VmHWM. */
async function runCli(args: string[], env: NodeJS.ProcessEnv, work: string): Promise<CliRun> {
  const timeFile = path.join(work, `time-${randomBytes(3).toString('hex')}.txt`);
  const useTime = existsSync('/usr/bin/time');
  // The command a user runs (bin/kezhao.js, the bundled CLI), built before the first timing.
  const node = [process.execPath, 'bin/kezhao.js', ...args];
  const [cmd, ...argv] = useTime ? ['/usr/bin/time', '-v', '-o', timeFile, ...node] : node;
  const start = performance.now();
  const child: ChildProcess = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let polledKb = 0;
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  // The CLI prints a progress line per 10 % on a pipe: pass it through so a long run shows life.
  child.stderr?.on('data', (d) => process.stderr.write(`  ${String(d).trimEnd().replace(/\n/g, '\n  ')}\n`));
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) polledKb = Math.max(polledKb, Number(m[1]));
    } catch {}
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(poll);
  const wallMs = performance.now() - start;
  if (useTime && existsSync(timeFile)) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
    if (m)
      return {
        code,
        wallMs,
        stdout,
        peakRssMb: round(Number(m[1]) / 1024, 1),
        rssSource: '/usr/bin/time -v',
      };
  }
  return {
    code,
    wallMs,
    stdout,
    peakRssMb: polledKb ? round(polledKb / 1024, 1) : null,
    rssSource: '/proc VmHWM',
  };
}

/** Column types of a bare table holding the CSV as it is: numbers as numeric / integer, dates as date. */
function bareColumns(columns: CsvColumns): string {
  return csvHeaders(columns)
    .map((h, i) => {
      const type = FIELD_BY_KEY.get(matchHeader(h)?.key ?? '')?.type;
      const sqlType =
        type === 'money'
          ? 'numeric(20,2)'
          : type === 'count' || type === 'year'
            ? 'integer'
            : type === 'date'
              ? 'date'
              : 'text';
      return `c${i} ${sqlType}`;
    })
    .join(', ');
}

/** The file in pieces of about `size` bytes, each ending at a line end, so a COPY never holds it whole. */
async function* lineChunks(file: string, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const buf of createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    pending.push(buf);
    pendingBytes += buf.length;
    if (pendingBytes < size) continue;
    const all = Buffer.concat(pending);
    const cut = all.lastIndexOf(10) + 1;
    yield all.subarray(0, cut);
    pending = [all.subarray(cut)];
    pendingBytes = all.length - cut;
  }
  if (pendingBytes) yield Buffer.concat(pending);
}

type Baseline = { kind: string; ms: number; rows: number };

async function baselinePglite(csv: string, work: string): Promise<Baseline> {
  mkdirSync(path.join(work, 'copy-data'));
  const db = await PGlite.create({ dataDir: path.join(work, 'copy-data', 'pgdata') });
  await db.exec(`create table bench_raw (${bareColumns(COLUMNS)})`);
  const start = performance.now();
  let first = true;
  for await (const chunk of lineChunks(csv, 32 << 20)) {
    // PGlite reads COPY … FROM '/dev/blob' from the Blob passed with the query.
    await db.query(`copy bench_raw from '/dev/blob' with (format csv${first ? ', header true' : ''})`, [], {
      blob: new Blob([new Uint8Array(chunk)]),
    });
    first = false;
  }
  const ms = performance.now() - start;
  const res = await db.query<{ n: number }>('select count(*)::int as n from bench_raw');
  await db.close();
  return { kind: "COPY … FROM '/dev/blob' (PGlite)", ms, rows: res.rows[0].n };
}

/** PostgreSQL: a server-side COPY of the file when this role may read server files (a local superuser),
 *  else multi-row INSERTs of 1,000 rows (pg-copy-streams, for COPY FROM STDIN, is not installed). */
async function baselinePostgres(csv: string, url: string): Promise<Baseline> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table bench_raw (${bareColumns(COLUMNS)})`);
    const count = async () =>
      (await client.query('select count(*)::int as n from bench_raw')).rows[0].n as number;
    try {
      const start = performance.now();
      await client.query(`copy bench_raw from '${csv.replace(/'/g, "''")}' with (format csv, header true)`);
      return {
        kind: "COPY … FROM '<file>' (server-side)",
        ms: performance.now() - start,
        rows: await count(),
      };
    } catch (err) {
      log(`server-side COPY not possible (${(err as Error).message}); falling back to multi-row INSERT`);
      await client.query('truncate bench_raw');
    }
    const { parse } = await import('csv-parse');
    const start = performance.now();
    const width = csvHeaders(COLUMNS).length;
    let batch: string[][] = [];
    const flush = async () => {
      if (!batch.length) return;
      const values = batch.map(
        (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(',')})`,
      );
      await client.query(
        `insert into bench_raw values ${values.join(',')}`,
        batch.flat().map((v) => (v === '' ? null : v)),
      );
      batch = [];
    };
    const parser = createReadStream(csv).pipe(parse({ from_line: 2 }));
    for await (const rec of parser as AsyncIterable<string[]>) {
      batch.push(rec);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    return {
      kind: 'multi-row INSERT ×1000 (no COPY available: not a COPY baseline)',
      ms: performance.now() - start,
      rows: await count(),
    };
  } finally {
    await client.end();
  }
}

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kz_bench_import_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'kz-bench-import-'));
  chmodSync(work, 0o755); // a local PostgreSQL server reads the CSV for its COPY
  const csv = path.join(work, `enterprises-${ROWS}.csv`);
  const cleanups: (() => Promise<void>)[] = [];
  try {
    log(`writing ${ROWS.toLocaleString()} rows (${COLUMNS} columns) to ${csv}`);
    const t = performance.now();
    const written = await writeEnterpriseCsv(csv, {
      seed: SEED,
      count: ROWS,
      asOf: AS_OF,
      encoding: 'utf8',
      columns: COLUMNS,
    });
    const csvMs = performance.now() - t;
    log(`CSV: ${(written.bytes / 2 ** 20).toFixed(0)} MB in ${seconds(csvMs)} s`);

    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    if (DATABASE_URL) {
      const fresh = await freshPostgres(DATABASE_URL);
      cleanups.push(fresh.drop);
      env.DATABASE_URL = fresh.url;
    }
    const seed = await runCli(['seed', '--demo'], env, work);
    if (seed.code !== 0) throw new Error(`seed --demo failed (${seed.code})`);

    // The fixed cost of one CLI import (Node + tsx start, database open, migration check, job row).
    const empty = path.join(work, 'empty.csv');
    writeFileSync(empty, csvRecord(csvHeaders(COLUMNS)));
    const startup = await runCli(['import', 'enterprises', empty, '--org', 'yannan', '--json'], env, work);
    if (startup.code !== 0) throw new Error('empty import failed');

    log('importing with the CLI …');
    const run = await runCli(['import', 'enterprises', csv, '--org', 'yannan', '--json'], env, work);
    if (run.code !== 0) throw new Error(`import failed (${run.code}): ${run.stdout}`);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    if (result.inserted + result.updated + result.unchanged !== ROWS || result.rejected !== 0)
      throw new Error(
        `import did not take every row: ${JSON.stringify({ ...result, errors: result.errors?.slice(0, 3) })}`,
      );
    log(`import: ${seconds(run.wallMs)} s, peak RSS ${run.peakRssMb} MB`);

    log('baseline …');
    let baseline: Baseline;
    if (DATABASE_URL) {
      const fresh = await freshPostgres(DATABASE_URL);
      cleanups.push(fresh.drop);
      baseline = await baselinePostgres(csv, fresh.url);
    } else baseline = await baselinePglite(csv, work);
    if (baseline.rows !== ROWS) throw new Error(`baseline loaded ${baseline.rows} rows, expected ${ROWS}`);
    log(`baseline: ${seconds(baseline.ms)} s`);

    log(`profiling ${PROFILE_ROWS.toLocaleString()} rows in process …`);
    const profile = await profileImport({
      csv,
      rows: PROFILE_ROWS,
      work,
      asOf: AS_OF,
      log,
      freshPostgres: DATABASE_URL ? () => freshPostgres(DATABASE_URL) : undefined,
    });
    for (const c of profile.cleanups) cleanups.push(c);

    const importRps = ROWS / (run.wallMs / 1000);
    const importNetRps = ROWS / ((run.wallMs - startup.wallMs) / 1000);
    const baseRps = ROWS / (baseline.ms / 1000);
    const ratio = importRps / baseRps;
    const goals = {
      ratio: {
        goal: `≥ ${GOAL_RATIO * 100} % of the baseline`,
        value: round(ratio, 4),
        pass: ratio >= GOAL_RATIO,
      },
      peakRss: {
        goal: `< ${GOAL_RSS_MB} MB`,
        value: run.peakRssMb,
        pass: run.peakRssMb !== null && run.peakRssMb < GOAL_RSS_MB,
      },
    };

    console.log(
      `\nImport of ${ROWS.toLocaleString()} rows on ${ENGINE} (${COLUMNS} columns, ${(written.bytes / 2 ** 20).toFixed(0)} MB CSV)\n`,
    );
    console.log(
      table(
        ['what', 'seconds', 'rows/s', '× baseline', 'peak RSS MB', 'goal'],
        [
          [
            'kezhao import (CLI, wall clock)',
            seconds(run.wallMs),
            Math.round(importRps),
            `${(ratio * 100).toFixed(1)} %`,
            run.peakRssMb ?? '-',
            `≥ 50 % ${goals.ratio.pass ? 'PASS' : 'FAIL'}, RSS < 500 MB ${goals.peakRss.pass ? 'PASS' : 'FAIL'}`,
          ],
          [
            '  without the fixed start-up',
            seconds(run.wallMs - startup.wallMs),
            Math.round(importNetRps),
            `${((importNetRps / baseRps) * 100).toFixed(1)} %`,
            '',
            '',
          ],
          ['  fixed start-up (empty file)', seconds(startup.wallMs), '', '', startup.peakRssMb ?? '-', ''],
          [`baseline: ${baseline.kind}`, seconds(baseline.ms), Math.round(baseRps), '100 %', '', ''],
        ],
      ),
    );
    console.log(
      `\nWhere the import's time goes (${PROFILE_ROWS.toLocaleString()} rows in process, µs per row)\n`,
    );
    console.log(table(['step', 'µs/row', 'rows/s', 'note'], profile.table));

    const file = writeResult(`import-${ENGINE}.json`, {
      benchmark: 'import',
      ...machine(),
      engine: ENGINE,
      settings: { rows: ROWS, columns: COLUMNS, seed: SEED, asOf: AS_OF, profileRows: PROFILE_ROWS },
      csv: { bytes: written.bytes, writeSeconds: seconds(csvMs) },
      import: {
        wallSeconds: seconds(run.wallMs),
        startupSeconds: seconds(startup.wallMs),
        startupPeakRssMb: startup.peakRssMb,
        rowsPerSecond: Math.round(importRps),
        rowsPerSecondWithoutStartup: Math.round(importNetRps),
        peakRssMb: run.peakRssMb,
        rssSource: run.rssSource,
        result: {
          inserted: result.inserted,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected,
        },
      },
      baseline: { kind: baseline.kind, seconds: seconds(baseline.ms), rowsPerSecond: Math.round(baseRps) },
      ratio: round(ratio, 4),
      ratioWithoutStartup: round(importNetRps / baseRps, 4),
      goals,
      profile: profile.json,
    });
    console.log(`\nresult: ${file}`);
  } finally {
    for (const c of cleanups) await c().catch(() => {});
    if (process.env.BENCH_KEEP === '1') log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
