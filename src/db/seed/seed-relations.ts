/** 演示企业关系, writing: writes the generated relations of the demo firms (relations.ts draws them), one
 * transaction per block of one org. Idempotent per org: an org that already holds demo-seed relations is
 * skipped. A generated party whose name the org already has (imported, or written by an earlier block)
 * keeps the existing party's id.
 */
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../server/audit.js';
import { bulkInsert } from '../bulk-insert.js';
import type { Db, Tx } from '../client.js';
import { type Provenance, parties as partiesTable, relations as relationsTable } from '../schema/index.js';
import { DEMO_ORGS } from './demo-data.js';
import { DEFAULT_TARGET_ORG, generateFirm, today } from './enterprises/generate.js';
import { LOCAL_AREAS } from './enterprises/regions.js';
import { DEFAULT_SEED, SEED_CLIENT } from './enterprises/seed-enterprises.js';
import { type GeneratedRelations, generateBlock, RELATION_BLOCK, type RelationFirm } from './relations.js';

export type SeedRelationsOptions = {
  /** The firms seedEnterprises was given: local count, target count, seed, target org. */
  count: number;
  targetCount?: number;
  seed?: number;
  /** Default: the as-of date of the demo firms already stored, else today. */
  asOf?: string;
  targetOrg?: string;
  /** Draw relations only for generated firms present in `enterprises` (default true); the graph benchmark
   *  turns it off to store relations without the firms' rows. */
  onlyExisting?: boolean;
  /** Called after each block written. */
  onProgress?: (p: { done: number; total: number; relations: number }) => void;
};

export type SeedRelationsResult = {
  relations: number;
  parties: number;
  /** Codes of orgs skipped because they already hold demo-seed relations. */
  skippedOrgs: string[];
  ms: number;
};

/** Local and target firms interleaved in proportion, so an org's blocks mix both universes. */
function* interleaved(
  count: number,
  targetCount: number,
  o: { seed: number; asOf: string; targetOrg: string },
) {
  let l = 0;
  let t = 0;
  while (l < count || t < targetCount) {
    const local = t >= targetCount || (l < count && (l + 1) * targetCount <= (t + 1) * count);
    yield local ? generateFirm('local', l++, o) : generateFirm('target', t++, o);
  }
}

const partyKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');
const ROWS_PER_STATEMENT = 5000;

async function writeBlock(tx: Tx, got: GeneratedRelations, prov: Provenance) {
  const ids = await bulkInsert(
    tx,
    partiesTable,
    got.parties.map((p) => ({ ...p, nameKey: partyKey(p.name), provenance: prov })),
    'skip',
  );
  // A party of that name the org already had (imported, or written by an earlier block) keeps its id.
  const clashed = got.parties.filter((p) => !ids.has(p.id));
  const remap = new Map<string, string>();
  if (clashed.length) {
    const res = (await tx.execute(sql`
      select p.id, x.id as wanted from parties p
        join json_to_recordset(${JSON.stringify(clashed.map((c) => ({ id: c.id, org: c.orgId, kind: c.kind, key: partyKey(c.name) })))}::json)
             as x(id uuid, org uuid, kind text, key text)
          on p.org_id = x.org and p.kind = x.kind and p.name_key = x.key
       where p.id <> x.id`)) as unknown as { rows: { id: string; wanted: string }[] };
    for (const r of res.rows) remap.set(r.wanted, r.id);
  }
  const rows = got.relations.map((r) => {
    const fromId = remap.get(r.fromId) ?? r.fromId;
    const toId = remap.get(r.toId) ?? r.toId;
    return {
      ...r,
      fromId,
      toId,
      dedupeKey: `${r.kind}|${fromId}|${toId}|${r.round ?? ''}`,
      provenance: prov,
    };
  });
  let written = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
    written += (await bulkInsert(tx, relationsTable, rows.slice(i, i + ROWS_PER_STATEMENT), 'skip')).size;
  return { relations: written, parties: ids.size };
}

/** Writes the relations of the demo firms (the same count, target count and seed as seedEnterprises), one
 *  transaction per block of one org. Idempotent per org: an org that already holds demo-seed relations is
 *  skipped. */
export async function seedRelations(db: Db, opts: SeedRelationsOptions): Promise<SeedRelationsResult> {
  const t0 = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const targetCount = opts.targetCount ?? 0;
  const targetOrg = opts.targetOrg ?? DEFAULT_TARGET_ORG;
  const onlyExisting = opts.onlyExisting ?? true;
  const result: SeedRelationsResult = { relations: 0, parties: 0, skippedOrgs: [], ms: 0 };
  const seeded = new Set<string>();
  for (const o of DEMO_ORGS) {
    const res = (await db.execute(sql`
      select exists (select 1 from relations where org_id = ${o.id}
                        and provenance->'source'->>'client' = ${SEED_CLIENT}) as seeded`)) as unknown as {
      rows: { seeded: boolean }[];
    };
    if (res.rows[0]?.seeded) {
      seeded.add(o.id);
      result.skippedOrgs.push(o.code);
    }
  }
  // Nothing to do (and no million firms to regenerate) when every org that gets firms is seeded.
  const idOf = new Map(DEMO_ORGS.map((o) => [o.code, o.id]));
  const receiving = [
    ...(opts.count > 0 ? LOCAL_AREAS.map((a) => idOf.get(a.key)) : []),
    ...(targetCount > 0 ? [idOf.get(targetOrg)] : []),
  ];
  if (receiving.every((id) => id && seeded.has(id))) {
    result.ms = Math.round(performance.now() - t0);
    return result;
  }
  let asOf = opts.asOf;
  if (!asOf) {
    const res = (await db.execute(sql`
      select provenance->>'asOf' as as_of from enterprises
       where org_id = any(${`{${DEMO_ORGS.map((o) => o.id).join(',')}}`}::uuid[])
         and provenance->'source'->>'client' = ${SEED_CLIENT} limit 1`)) as unknown as {
      rows: { as_of: string | null }[];
    };
    asOf = res.rows[0]?.as_of ?? today();
  }
  const prov: Provenance = { source: { kind: 'api', client: SEED_CLIENT }, asOf };
  const total = opts.count + targetCount;
  const buffers = new Map<string, RelationFirm[]>();
  const blocks = new Map<string, number>();
  const written = new Map<string, number>();
  let done = 0;
  const flush = async (orgId: string) => {
    let firms = buffers.get(orgId) ?? [];
    buffers.set(orgId, []);
    const block = blocks.get(orgId) ?? 0;
    blocks.set(orgId, block + 1);
    if (onlyExisting && firms.length) {
      const res = (await db.execute(sql`
        select id from enterprises where id = any(${`{${firms.map((f) => f.id).join(',')}}`}::uuid[])`)) as unknown as {
        rows: { id: string }[];
      };
      const present = new Set(res.rows.map((r) => r.id));
      firms = firms.filter((f) => present.has(f.id));
    }
    if (!firms.length) return;
    const got = generateBlock(firms, block, { seed, asOf });
    const w = await db.transaction((tx) => writeBlock(tx, got, prov));
    result.relations += w.relations;
    result.parties += w.parties;
    written.set(orgId, (written.get(orgId) ?? 0) + w.relations);
    opts.onProgress?.({ done, total, relations: result.relations });
  };
  for (const f of interleaved(opts.count, targetCount, { seed, asOf, targetOrg })) {
    done++;
    if (seeded.has(f.orgId)) continue;
    const buf = buffers.get(f.orgId) ?? [];
    buffers.set(f.orgId, buf);
    buf.push({
      id: f.id,
      orgId: f.orgId,
      universe: f.universe,
      index: f.index,
      industry: f.industry,
      name: f.name,
      fundingRounds: f.fundingRounds,
    });
    if (buf.length >= RELATION_BLOCK) await flush(f.orgId);
  }
  for (const orgId of [...buffers.keys()]) await flush(orgId);
  if (result.relations > 0) {
    await db.execute(sql`analyze relations`);
    await db.execute(sql`analyze parties`);
  }
  for (const [orgId, n] of written)
    await writeAudit(db, null, {
      action: 'create',
      entity: 'relation_seed',
      entityId: orgId,
      orgId,
      after: { client: SEED_CLIENT, count: n, seed, asOf },
    });
  result.ms = Math.round(performance.now() - t0);
  return result;
}
