/** 企业关系导入: a CSV (UTF-8 or GBK) or XLSX of relations into `relations`, with the enterprise import's
 *  rules — the header row is found below titles, each bad row is rejected with its row number, column
 *  and a Chinese reason while the good rows go in, and importing the same file again changes nothing.
 *  Firms are matched in the org's registry by 统一社会信用代码 or name; persons and institutions are
 *  created once per org. */
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../db/array-literal.js';
import type { Tx } from '../db/client.js';
import type { FactSource } from '../db/schema/index.js';
import {
  mapRelationHeaders,
  parseRelationRow,
  type RelationColumn,
  type RelationEnd,
  type RelationRow,
  type RowError,
} from '../domain/graph/relation-row.js';
import { chinaToday } from '../domain/text/china-today.js';
import { normalizeCompanyName } from '../domain/text/company-name.js';
import { readTable, TableError } from './read-table.js';

export type RelationImportResult = {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: (RowError & { row: number })[];
  /** Imported, but worth a look: a firm whose recorded shareholders now hold over 100 % of it. */
  warnings: { code: string; message: string }[];
};

const BATCH = 500;
const MAX_ERRORS = 1000;
const partyKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

type Parsed = { row: number; rel: RelationRow };

export async function importRelations(opts: {
  db: Tx;
  file: string;
  name?: string;
  orgId: string;
  orgPath: string;
  source: Omit<Extract<FactSource, { kind: 'import' }>, 'row'>;
  maxRows?: number;
  onProgress?: (rows: number) => void;
}): Promise<RelationImportResult> {
  const result: RelationImportResult = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    warnings: [],
  };
  const heldFirms = new Set<string>();
  const reject = (row: number, errors: RowError[]) => {
    result.rejected++;
    for (const e of errors) if (result.errors.length < MAX_ERRORS) result.errors.push({ row, ...e });
  };
  const table = await readTable(opts.file, { name: opts.name });
  let columns: ReturnType<typeof mapRelationHeaders> = null;
  const early: { row: number; values: unknown[] }[] = [];
  let batch: Parsed[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length) await applyRelations(opts, batch, result, reject, heldFirms);
    batch = [];
    opts.onProgress?.(rows);
  };
  for await (const r of table.rows) {
    if (!columns) {
      early.push(r);
      columns = mapRelationHeaders(r.values.map((v) => (v === null || v === undefined ? '' : String(v))));
      if (!columns && early.length >= 10)
        throw new TableError('前 10 行中找不到表头：至少需要“关系类型”“主体”“客体”三列');
      continue;
    }
    if (r.values.every((v) => v === null || v === undefined || String(v).trim() === '')) continue;
    rows++;
    if (opts.maxRows && rows > opts.maxRows)
      throw new TableError(`文件超过 ${opts.maxRows} 行，请分批上传或使用命令行 kezhao import relations`);
    const cells: Partial<Record<RelationColumn, unknown>> = {};
    const headers: Parameters<typeof parseRelationRow>[1] = {};
    for (const c of columns) {
      cells[c.key] = r.values[c.index];
      headers[c.key] = c;
    }
    const parsed = parseRelationRow(cells, headers);
    if (!parsed.ok) reject(r.row, parsed.errors);
    else batch.push({ row: r.row, rel: parsed.row });
    if (batch.length >= BATCH) await flush();
  }
  if (!columns) throw new TableError('找不到表头：至少需要“关系类型”“主体”“客体”三列');
  await flush();
  // Rows refused when read and rows refused when their firms were looked up, in file order.
  result.errors.sort((a, b) => a.row - b.row);
  result.warnings = await overHeld(opts.db, opts.orgId, heldFirms);
  return result;
}

async function applyRelations(
  opts: Parameters<typeof importRelations>[0],
  batch: Parsed[],
  result: RelationImportResult,
  reject: (row: number, errors: RowError[]) => void,
  heldFirms: Set<string>,
) {
  const { db, orgId, orgPath } = opts;
  // Firms of the org's subtree, by 统一社会信用代码 or folded name.
  const ends = batch.flatMap((b) => [b.rel.from, b.rel.to]).filter((e) => e.type === 'enterprise');
  const usccs = [...new Set(ends.map((e) => e.uscc).filter((u): u is string => Boolean(u)))];
  const names = [...new Set(ends.map((e) => normalizeCompanyName(e.name).normalized))];
  const firms = (
    (await db.execute(sql`
      select e.id, e.uscc, e.name_normalized from enterprises e join orgs o on o.id = e.org_id
       where o.path like ${`${orgPath}%`} and e.merged_into is null
         and (e.uscc = any(${arrayLiteral(usccs)}::text[]) or e.name_normalized = any(${arrayLiteral(names)}::text[]))`)) as unknown as {
      rows: { id: string; uscc: string | null; name_normalized: string }[];
    }
  ).rows;
  const byUscc = new Map(firms.filter((f) => f.uscc).map((f) => [f.uscc as string, f.id]));
  const byName = new Map(firms.map((f) => [f.name_normalized, f.id]));
  // Persons and institutions: created once per org.
  const partyEnds = batch.flatMap((b) => [b.rel.from, b.rel.to]).filter((e) => e.type !== 'enterprise');
  const wanted = [...new Map(partyEnds.map((e) => [`${e.type}|${partyKey(e.name)}`, e])).values()];
  const partyIds = new Map<string, string>();
  if (wanted.length) {
    const provenance = { source: { ...opts.source, row: batch[0].row }, asOf: today() };
    await db.execute(sql`
      insert into parties (org_id, kind, name, name_key, provenance)
      select ${orgId}, x.kind, x.name, x.key, ${JSON.stringify(provenance)}::jsonb
        from json_to_recordset(${JSON.stringify(wanted.map((e) => ({ kind: e.type, name: e.name, key: partyKey(e.name) })))}::json)
             as x(kind text, name text, key text)
      on conflict (org_id, kind, name_key) do nothing`);
    const got = (
      (await db.execute(sql`
        select id, kind, name_key from parties
         where org_id = ${orgId} and name_key = any(${arrayLiteral(wanted.map((e) => partyKey(e.name)))}::text[])`)) as unknown as {
        rows: { id: string; kind: string; name_key: string }[];
      }
    ).rows;
    for (const p of got) partyIds.set(`${p.kind}|${p.name_key}`, p.id);
  }
  const resolve = (e: RelationEnd): { type: 'enterprise' | 'party'; id: string } | null => {
    if (e.type !== 'enterprise') {
      const id = partyIds.get(`${e.type}|${partyKey(e.name)}`);
      return id ? { type: 'party', id } : null;
    }
    const id = (e.uscc && byUscc.get(e.uscc)) || byName.get(normalizeCompanyName(e.name).normalized);
    return id ? { type: 'enterprise', id } : null;
  };
  const rows = new Map<string, Record<string, unknown>>();
  let accepted = 0;
  for (const b of batch) {
    const from = resolve(b.rel.from);
    const to = resolve(b.rel.to);
    const missing: RowError[] = [];
    for (const [end, got, column] of [
      [b.rel.from, from, '主体'],
      [b.rel.to, to, '客体'],
    ] as const)
      if (!got)
        missing.push({
          column,
          code: 'relation.firm_unknown',
          message: `企业“${end.typed || end.uscc}”不在本组织的企业库中，请先导入该企业`,
        });
    if (missing.length || !from || !to) {
      reject(b.row, missing);
      continue;
    }
    accepted++;
    if (b.rel.kind === 'shareholding' && to.type === 'enterprise') heldFirms.add(to.id);
    const key = `${b.rel.kind}|${from.id}|${to.id}|${b.rel.round ?? ''}`;
    // The same relation twice in one file: the later row wins, as a re-import would.
    rows.set(key, {
      org_id: orgId,
      kind: b.rel.kind,
      from_type: from.type,
      from_id: from.id,
      to_type: to.type,
      to_id: to.id,
      share: b.rel.share,
      round: b.rel.round,
      amount: b.rel.amount,
      as_of: b.rel.asOf,
      dedupe_key: key,
      provenance: { source: { ...opts.source, row: b.row }, asOf: b.rel.asOf ?? today() },
    });
  }
  if (!rows.size) return;
  const res = (await db.execute(sql`
    insert into relations (org_id, kind, from_type, from_id, to_type, to_id, share, round, amount, as_of, dedupe_key, provenance)
    select org_id, kind, from_type, from_id, to_type, to_id, share, round, amount, as_of, dedupe_key, provenance
      from json_populate_recordset(null::relations, ${JSON.stringify([...rows.values()])}::json)
    on conflict (org_id, dedupe_key) do update
       set share = excluded.share, amount = excluded.amount, as_of = excluded.as_of,
           provenance = excluded.provenance, updated_at = now()
     where (relations.share, relations.amount, relations.as_of)
           is distinct from (excluded.share, excluded.amount, excluded.as_of)
    returning (xmax = 0) as inserted`)) as unknown as { rows: { inserted: boolean }[] };
  const inserted = res.rows.filter((r) => r.inserted).length;
  result.inserted += inserted;
  result.updated += res.rows.length - inserted;
  // Unchanged: relations already stored as they are, and rows repeated later in the same batch.
  result.unchanged += rows.size - res.rows.length + (accepted - rows.size);
}

const today = chinaToday;

/** Firms of this import whose recorded shareholders together hold over 100 %. Each row was valid on its
 *  own and is kept (an old shareholder may simply not have been removed yet); the warning says which
 *  firm to check and what the shares add up to. */
async function overHeld(db: Tx, orgId: string, firms: Set<string>) {
  if (!firms.size) return [];
  const res = (await db.execute(sql`
    select e.name, sum(r.share)::float as total, count(*)::int as holders
      from relations r join enterprises e on e.id = r.to_id
     where r.org_id = ${orgId} and r.kind = 'shareholding' and r.to_type = 'enterprise'
       and r.to_id = any(${arrayLiteral([...firms])}::uuid[])
     group by e.id, e.name
    having sum(r.share) > 1.0001
     order by e.name
     limit ${MAX_ERRORS}`)) as unknown as { rows: { name: string; total: number; holders: number }[] };
  return res.rows.map((r) => ({
    code: 'relation.shares_over_100',
    message: `${r.name}：已登记的 ${r.holders} 个股东持股合计 ${(r.total * 100).toFixed(1).replace(/\.0$/, '')}%，超过 100%，请核对是否有已退出的股东`,
  }));
}
