/** Writes demo firms into the registry fast: ~500 firms per multi-row INSERT, their years, IP, titles,
 *  institutions, rounds and awards in the same transaction, every row with provenance `demo-seed`.
 *  Idempotent per org and universe: an org that already holds demo-seed firms of a universe is skipped. */
import { and, inArray, sql } from 'drizzle-orm';
import { searchTerms } from '../../../domain/enterprise/search-terms.js';
import { writeAudit } from '../../../server/audit.js';
import { bulkInsert } from '../../bulk-insert.js';
import type { Db, Tx } from '../../client.js';
import {
  awards,
  enterpriseIp,
  enterprises,
  enterpriseYears,
  fundingRounds,
  orgs,
  type Provenance,
  qualifications,
  rdInstitutions,
} from '../../schema/index.js';
import { DEMO_ORGS } from '../demo-data.js';
import { DEFAULT_TARGET_ORG, type DemoFirm, generateEnterprises, today, type Universe } from './generate.js';
import { LOCAL_AREAS } from './regions.js';
import { showcaseFirms } from './showcase.js';

export const SEED_CLIENT = 'demo-seed';

export type SeedEnterprisesOptions = {
  /** Local firms over the demo park / district / county orgs. */
  count: number;
  /** Target-universe firms, owned by `targetOrg`. Default 0. */
  targetCount?: number;
  seed?: number;
  asOf?: string;
  targetOrg?: string;
  /** Firms per INSERT statement. */
  batchSize?: number;
  /** Also the firms the README's search examples name (showcase.ts). */
  showcase?: boolean;
  /** Called after each committed batch. */
  onProgress?: (p: { done: number; total: number; inserted: number }) => void;
};

export type SeedEnterprisesResult = {
  inserted: number;
  /** Firms not written because their org already had demo-seed firms of that universe (or a clash). */
  skipped: number;
  /** "orgCode:universe" groups skipped as already seeded. */
  skippedGroups: string[];
  byOrg: Record<string, number>;
};

export const DEFAULT_SEED = 20261121;

const key = (orgId: string, universe: string) => `${orgId}:${universe}`;

async function seededGroups(db: Db, orgIds: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ orgId: enterprises.orgId, universe: enterprises.universe })
    .from(enterprises)
    .where(
      and(
        inArray(enterprises.orgId, orgIds),
        sql`${enterprises.provenance}->'source'->>'client' = ${SEED_CLIENT}`,
      ),
    )
    .groupBy(enterprises.orgId, enterprises.universe);
  return new Set(rows.map((r) => key(r.orgId, r.universe)));
}

async function insertBatch(tx: Tx, firms: DemoFirm[], prov: Provenance): Promise<DemoFirm[]> {
  const rows = firms.map((f) => ({
    id: f.id,
    orgId: f.orgId,
    uscc: f.uscc,
    name: f.name,
    // nameNormalized, nameCore, namePinyin, searchGrams: what search and duplicate matching read.
    ...searchTerms(f.name, f.aliases),
    aliases: f.aliases,
    legalRep: f.legalRep,
    establishedOn: f.establishedOn,
    registeredCapital: f.registeredCapital,
    regionCode: f.regionCode,
    address: f.address,
    industrySection: f.industrySection,
    industryDivision: f.industryDivision,
    businessScope: f.businessScope,
    mainProducts: f.mainProducts,
    listed: f.listed,
    universe: f.universe,
    provenance: prov,
  }));
  // A clash (same uscc already imported into the org) keeps the existing firm and skips the demo one.
  const ids = await bulkInsert(tx, enterprises, rows, 'skip');
  const kept = firms.filter((f) => ids.has(f.id));
  const child = <T extends object>(pick: (f: DemoFirm) => T[]) =>
    kept.flatMap((f) => pick(f).map((x) => ({ enterpriseId: f.id, ...x, provenance: prov })));
  await bulkInsert(
    tx,
    enterpriseYears,
    child((f) => f.years),
  );
  await bulkInsert(
    tx,
    enterpriseIp,
    child((f) => Object.entries(f.ip).map(([kind, count]) => ({ kind, count }))),
  );
  await bulkInsert(
    tx,
    qualifications,
    child((f) => f.qualifications),
  );
  await bulkInsert(
    tx,
    rdInstitutions,
    child((f) => f.rdInstitutions),
  );
  await bulkInsert(
    tx,
    fundingRounds,
    child((f) => f.fundingRounds),
  );
  await bulkInsert(
    tx,
    awards,
    child((f) => f.awards),
  );
  return kept;
}

/** Seeds demo firms; the demo orgs (seedDemo) must exist. */
export async function seedEnterprises(db: Db, opts: SeedEnterprisesOptions): Promise<SeedEnterprisesResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const asOf = opts.asOf ?? today();
  const targetCount = opts.targetCount ?? 0;
  const targetOrg = opts.targetOrg ?? DEFAULT_TARGET_ORG;
  const batchSize = opts.batchSize ?? 500;
  const orgIds = DEMO_ORGS.map((o) => o.id);
  const present = await db.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, orgIds));
  if (present.length < orgIds.length)
    throw new Error('演示组织不存在：请先运行 seedDemo（kezhao seed --demo）');

  const seeded = await seededGroups(db, orgIds);
  const codeOf = new Map(DEMO_ORGS.map((o) => [o.id, o.code]));
  const idOf = new Map(DEMO_ORGS.map((o) => [o.code, o.id]));
  const skippedGroups = [...seeded].map((g) => {
    const [id, u] = g.split(':');
    return `${codeOf.get(id)}:${u}`;
  });
  const result: SeedEnterprisesResult = { inserted: 0, skipped: 0, skippedGroups, byOrg: {} };
  const localOpen =
    opts.count > 0 && LOCAL_AREAS.some((a) => !seeded.has(key(idOf.get(a.key) ?? '', 'local')));
  const targetOpen = targetCount > 0 && !seeded.has(key(idOf.get(targetOrg) ?? '', 'target'));
  const total = opts.count + targetCount;
  if (!localOpen && !targetOpen) {
    result.skipped = total;
    return result;
  }

  const prov: Provenance = { source: { kind: 'api', client: SEED_CLIENT }, asOf };
  const seen = new Map<string, number>();
  let batch: DemoFirm[] = [];
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    const firms = batch;
    batch = [];
    const kept = await db.transaction((tx) => insertBatch(tx, firms, prov));
    for (const f of kept) {
      result.byOrg[f.orgCode] = (result.byOrg[f.orgCode] ?? 0) + 1;
      seen.set(key(f.orgId, f.universe), (seen.get(key(f.orgId, f.universe)) ?? 0) + 1);
    }
    result.inserted += kept.length;
    result.skipped += firms.length - kept.length;
    opts.onProgress?.({ done, total, inserted: result.inserted });
  };
  // The showcase firms stand in for the last generated ones, so a seed of N firms is still N firms.
  const showcase = localOpen && opts.showcase ? showcaseFirms({ seed, asOf }) : [];
  const shown = opts.count >= showcase.length ? showcase : [];
  const gen = generateEnterprises({
    seed,
    count: localOpen ? opts.count - shown.length : 0,
    targetCount: targetOpen ? targetCount : 0,
    asOf,
    targetOrg,
  });
  if (!localOpen) result.skipped += opts.count;
  if (!targetOpen) result.skipped += targetCount;
  for (const firm of gen) {
    done++;
    if (seeded.has(key(firm.orgId, firm.universe))) {
      result.skipped++;
      continue;
    }
    batch.push(firm);
    if (batch.length >= batchSize) await flush();
  }
  for (const firm of shown) {
    done++;
    if (seeded.has(key(firm.orgId, firm.universe))) result.skipped++;
    else batch.push(firm);
  }
  await flush();

  // One audit row per org and universe written, not one per firm.
  for (const [group, n] of seen) {
    const [orgId, universe] = group.split(':') as [string, Universe];
    await writeAudit(db, null, {
      action: 'create',
      entity: 'enterprise_seed',
      entityId: orgId,
      orgId,
      after: { client: SEED_CLIENT, universe, count: n, seed, asOf },
    });
  }
  return result;
}
