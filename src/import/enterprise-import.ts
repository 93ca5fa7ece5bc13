/** 企业导入: reads the file, validates each row, writes good rows in batches, and keeps the bad ones
 *  with their reasons. A checkpoint is saved in the batch's own transaction, so a restart resumes
 *  exactly after the last committed batch and re-importing the same file changes nothing. */
import { appendFileSync, createReadStream, existsSync, mkdirSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { afterBulkWrite } from '../db/maintenance.js';
import { jobs, users } from '../db/schema/index.js';
import { type Cell, parseRow, type RowError } from '../domain/enterprise/parse-row.js';
import { chinaToday } from '../domain/text/china-today.js';
import { jobDir, jobFile } from '../jobs/files.js';
import { fillTargetCacheOfOrgs } from '../server/modules/chains/target-cache.js';
import { applyBatch, type SourcedRecord } from './apply-batch.js';
import { findHeaderRow, hasHeaderWith } from './header-row.js';
import { readTable, TableError, type TableRow } from './read-table.js';
import { rejectedLine, writeRejectedXlsx } from './rejected-xlsx.js';

export type ImportParams = {
  file: string;
  originalName: string;
  orgId: string;
  sheet?: string;
  mapping?: Record<string, string>;
  year?: number;
  universe?: 'local' | 'target';
  dryRun?: boolean;
};

export type ImportState = {
  doneRow: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  rejectedBytes: number;
};

export type ImportResult = Omit<ImportState, 'doneRow' | 'rejectedBytes'> & {
  encoding: string;
  headerRow: number;
  unmappedHeaders: string[];
  rejectedFile: string | null;
  dryRun: boolean;
};

const BATCH = 500;
const MAX_ERRORS_KEPT = 1000;
const TOTAL_ROW = /^(合计|总计|小计|共计)/;

class DryRunRollback extends Error {}

const isBlankCell = (v: unknown) => v === null || v === undefined || String(v).trim() === '';

/** Lines in a CSV, for the progress bar; read in chunks so a large file never sits in memory whole. */
async function countRows(params: ImportParams): Promise<number> {
  if (/\.xlsx$/i.test(params.originalName)) return 0;
  let n = 0;
  for await (const chunk of createReadStream(params.file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  }
  return n + 1;
}

export async function runEnterpriseImport(opts: {
  db: Db;
  dataDir: string;
  jobId: string;
  params: ImportParams;
  state: ImportState | null;
  progress: (pct: number, message: string, state: ImportState) => Promise<void>;
}): Promise<ImportResult> {
  const { db, params } = opts;
  const table = await readTable(params.file, {
    sheet: params.sheet,
    name: params.originalName,
    hasHeader: hasHeaderWith(params.mapping),
  }).catch((err) => {
    throw err instanceof TableError ? err : new TableError(String(err));
  });
  const totalRows = await countRows(params);
  const dir = jobDir(opts.dataDir, opts.jobId);
  mkdirSync(dir, { recursive: true });
  const rejectedLog = path.join(dir, 'rejected.jsonl');
  const state: ImportState = opts.state ?? {
    doneRow: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    rejectedBytes: 0,
  };
  // Drop rejected rows a killed attempt logged after its last checkpoint.
  if (existsSync(rejectedLog) && statSync(rejectedLog).size > state.rejectedBytes)
    truncateSync(rejectedLog, state.rejectedBytes);

  const asOf = chinaToday();
  const [job] = await db.select({ createdBy: jobs.createdBy }).from(jobs).where(eq(jobs.id, opts.jobId));
  const [user] = job?.createdBy
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, job.createdBy))
    : [];
  const actor = { id: job?.createdBy ?? null, name: user?.name ?? '命令行导入' };
  const defaults = {
    year: params.year ?? new Date().getFullYear() - 1,
    universe: params.universe ?? 'local',
  };
  const firstRows: TableRow[] = [];
  const iterator = table.rows[Symbol.asyncIterator]();
  for (let i = 0; i < 10; i++) {
    const next = await iterator.next();
    if (next.done) break;
    firstRows.push(next.value);
  }
  const header = findHeaderRow(firstRows, params.mapping);
  if (!header) {
    const where = table.sheets
      ? `（读取的工作表：“${table.sheet}”；文件中的工作表：${table.sheets.join('、')}，可在导入页面选择工作表，或在命令行用 --sheet 指定）`
      : '';
    throw new TableError(
      `找不到表头：前 10 行中没有一行能识别出“企业名称”等至少两个列名${where}；请检查文件或在导入页面映射列`,
    );
  }

  let batch: (SourcedRecord & { row: number })[] = [];
  let pending: { row: number; values: unknown[]; errors: RowError[] }[] = [];
  let lastRow = state.doneRow;

  const flush = async () => {
    if (batch.length || pending.length) await commitBatch();
    batch = [];
    pending = [];
    const pct = totalRows ? Math.min(99, (lastRow / totalRows) * 100) : 50;
    // Data rows, not the physical row number: the title and header rows are not the user's rows.
    // Summed from the checkpointed counts, so it survives a resume.
    const rows = state.inserted + state.updated + state.unchanged + state.rejected;
    await opts.progress(
      pct,
      `已处理 ${rows} 行：新增 ${state.inserted}，更新 ${state.updated}，未变 ${state.unchanged}，拒绝 ${state.rejected}`,
      state,
    );
  };

  const commitBatch = async () => {
    // Rejected rows go to the log before the checkpoint that counts them; a resume truncates the log
    // back to the last checkpoint, so a row is never logged twice nor lost.
    const lines = pending.map(rejectedLine).join('');
    if (lines) appendFileSync(rejectedLog, lines);
    const next: ImportState = {
      ...state,
      errors: [...state.errors],
      doneRow: lastRow,
      rejectedBytes: state.rejectedBytes + Buffer.byteLength(lines),
    };
    for (const p of pending) {
      next.rejected++;
      if (next.errors.length < MAX_ERRORS_KEPT)
        next.errors.push(...p.errors.slice(0, MAX_ERRORS_KEPT - next.errors.length));
    }
    try {
      await db.transaction(async (tx) => {
        for (const o of await applyBatch(tx, params.orgId, batch, asOf, actor)) next[o]++;
        // The checkpoint commits with the rows, so a restart neither repeats nor skips a batch.
        await tx.update(jobs).set({ state: next }).where(eq(jobs.id, opts.jobId));
        if (params.dryRun) throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    Object.assign(state, next);
  };

  const handle = async (r: TableRow) => {
    if (r.row <= header.headerRow || r.row <= state.doneRow) return;
    lastRow = r.row;
    if (r.values.every(isBlankCell)) return;
    const cells: Cell[] = header.columns.map((c) => ({
      key: c.key,
      header: c.header,
      unit: c.unit,
      value: r.values[c.index],
    }));
    // A 合计 row closes many office sheets, its label under 企业名称 or in the first column (统一社会信用代码
    // or, as often, 序号, which is not imported): skipped, not rejected for a missing name.
    const label = (key: string) => String(cells.find((c) => c.key === key)?.value ?? '').trim();
    const first = String(r.values.find((v) => !isBlankCell(v)) ?? '').trim();
    const uscc = label('uscc');
    if (
      TOTAL_ROW.test(label('name')) ||
      (TOTAL_ROW.test(uscc) && !label('name')) ||
      (TOTAL_ROW.test(first) && (!uscc || uscc === first))
    )
      return;
    const parsed = parseRow(r.row, cells, defaults);
    if (parsed.ok)
      batch.push({
        record: parsed.record,
        source: { kind: 'import', file: params.originalName, row: r.row, jobId: opts.jobId },
        row: r.row,
      });
    else pending.push({ row: r.row, values: r.values, errors: parsed.errors });
    if (batch.length + pending.length >= BATCH) await flush();
  };

  for (const r of firstRows) await handle(r);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) await handle(next.value);
  await flush();
  if (!params.dryRun && state.inserted + state.updated > 0) await afterBulkWrite(db);
  // Updated firms already on chain nodes had their 靶向招商 cache emptied: fill it now, not at a ranking.
  if (!params.dryRun && state.updated > 0)
    await fillTargetCacheOfOrgs(db, [params.orgId], (n) =>
      opts.progress(99, `导入完成，正在更新 ${n} 家企业的靶向评分因子`, state),
    );

  let rejectedFile: string | null = null;
  if (state.rejected > 0 && existsSync(rejectedLog)) {
    rejectedFile = jobFile(opts.dataDir, opts.jobId, 'rejected.xlsx');
    await writeRejectedXlsx(rejectedLog, header.headers, rejectedFile);
  }
  const { doneRow: _d, rejectedBytes: _b, ...counts } = state;
  return {
    ...counts,
    encoding: table.encoding,
    headerRow: header.headerRow,
    unmappedHeaders: header.unmapped,
    rejectedFile: rejectedFile ? path.basename(rejectedFile) : null,
    dryRun: !!params.dryRun,
  };
}
