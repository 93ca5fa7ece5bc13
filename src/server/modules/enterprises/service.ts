/** Reading the enterprise registry within the actor's org subtree. */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client.js';
import {
  auditLog,
  awards,
  enterpriseIp,
  enterprises,
  enterpriseYears,
  fundingRounds,
  orgs,
  qualifications,
  rdInstitutions,
} from '../../../db/schema/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type { EnterpriseQuery } from '../../../shared/enterprise-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { withinScope } from '../../scope.js';
import { presentAudit } from '../audit/service.js';
import { filterWhere, orderBy, type SearchMode } from './query.js';

type Row = typeof enterprises.$inferSelect;
type Latest = {
  latestYear: number | null;
  revenue: number | null;
  employees: number | null;
  tiers: string[];
};

export function presentSummary(r: Row, latest: Latest) {
  return {
    id: r.id,
    orgId: r.orgId,
    uscc: r.uscc,
    name: r.name,
    aliases: r.aliases,
    regionCode: r.regionCode,
    industrySection: r.industrySection,
    industryDivision: r.industryDivision,
    establishedOn: r.establishedOn,
    registeredCapital: r.registeredCapital,
    universe: r.universe as 'local' | 'target',
    reviewReason: r.reviewReason,
    ...latest,
    version: r.version,
  };
}

/** Latest year's figures and valid titles of the given firms, in two queries. */
export async function latestOf(db: Tx, ids: string[]): Promise<Map<string, Latest>> {
  const out = new Map<string, Latest>(
    ids.map((id) => [id, { latestYear: null, revenue: null, employees: null, tiers: [] }]),
  );
  if (ids.length === 0) return out;
  const years = await db
    .selectDistinctOn([enterpriseYears.enterpriseId], {
      id: enterpriseYears.enterpriseId,
      year: enterpriseYears.year,
      revenue: enterpriseYears.revenue,
      employees: enterpriseYears.employees,
    })
    .from(enterpriseYears)
    .where(inArray(enterpriseYears.enterpriseId, ids))
    .orderBy(enterpriseYears.enterpriseId, desc(enterpriseYears.year));
  for (const y of years)
    Object.assign(out.get(y.id) as Latest, {
      latestYear: y.year,
      revenue: y.revenue,
      employees: y.employees,
    });
  const quals = await db
    .select({ id: qualifications.enterpriseId, tier: qualifications.tier })
    .from(qualifications)
    .where(
      and(
        inArray(qualifications.enterpriseId, ids),
        sql`(${qualifications.expiresOn} is null or ${qualifications.expiresOn} >= ${chinaToday()}::date)`,
      ),
    );
  for (const q of quals) {
    const l = out.get(q.id) as Latest;
    if (!l.tiers.includes(q.tier)) l.tiers.push(q.tier);
  }
  return out;
}

const SEARCH_COUNT_CAP = 1000;

export async function listEnterprises(db: Db, actor: Actor, query: z.infer<typeof EnterpriseQuery>) {
  const page = async (mode: SearchMode) => {
    const where = filterWhere(actor, query, mode);
    // Rows and total at once: on a server they run on two pooled connections (PGlite queues them).
    const [rows, counted] = await Promise.all([
      db
        .select()
        .from(enterprises)
        .where(where)
        .orderBy(...orderBy(query))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      // A search counts up to a cap: "1000+" is all a user needs, and counting every weak match is slow.
      query.q
        ? db
            .select({ n: count() })
            .from(
              db.select({ one: sql`1` }).from(enterprises).where(where).limit(SEARCH_COUNT_CAP).as('hits'),
            )
        : db.select({ n: count() }).from(enterprises).where(where),
    ]);
    return { rows, total: counted[0].n };
  };
  let found = await page('all');
  // No firm holds every bigram of the query: the query may hold a typo.
  if (query.q && query.page === 1 && found.rows.length === 0) found = await page('typo');
  const latest = await latestOf(
    db,
    found.rows.map((r) => r.id),
  );
  return { items: found.rows.map((r) => presentSummary(r, latest.get(r.id) as Latest)), total: found.total };
}

export const scopedEnterprise = (actor: Actor) =>
  sql`${enterprises.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;

export async function enterpriseRow(db: Tx, actor: Actor, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), scopedEnterprise(actor)));
  if (!row) throw new AppError('enterprise.not_found');
  return row;
}

/** A firm merged into another keeps its URL (history and old links point at it) but takes no edits:
 *  they would go into a record nobody sees. The message names where its facts went. */
export async function refuseMerged(db: Tx, row: Pick<Row, 'mergedInto'>): Promise<void> {
  if (!row.mergedInto) return;
  const [into] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, row.mergedInto));
  throw new AppError('enterprise.merged', {
    message: `该企业已并入“${into?.name ?? '另一家企业'}”，请在其档案中查看和修改`,
    messageEn: `This firm was merged into "${into?.name ?? 'another firm'}"; view and edit it there`,
    mergedInto: into?.id ?? row.mergedInto,
  });
}

/** The firm a merged one went into, for the notice on its old profile. */
async function mergedIntoOf(db: Tx, row: Row) {
  if (!row.mergedInto) return null;
  const [into] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, row.mergedInto));
  return into ?? null;
}

export async function getEnterprise(db: Tx, actor: Actor, id: string) {
  const row = await enterpriseRow(db, actor, id);
  const ids = [row.id];
  // A merged firm's history belongs to the firm it was merged into.
  const merged = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.mergedInto, row.id));
  const historyIds = [row.id, ...merged.map((m) => m.id)];
  // One query after another: a transaction holds one connection, which cannot run two at once.
  const years = await db
    .select()
    .from(enterpriseYears)
    .where(inArray(enterpriseYears.enterpriseId, ids))
    .orderBy(asc(enterpriseYears.year));
  const ip = await db.select().from(enterpriseIp).where(inArray(enterpriseIp.enterpriseId, ids));
  const quals = await db
    .select()
    .from(qualifications)
    .where(inArray(qualifications.enterpriseId, ids))
    .orderBy(asc(qualifications.issuedOn), asc(qualifications.id));
  const insts = await db.select().from(rdInstitutions).where(inArray(rdInstitutions.enterpriseId, ids));
  const rounds = await db
    .select()
    .from(fundingRounds)
    .where(inArray(fundingRounds.enterpriseId, ids))
    .orderBy(asc(fundingRounds.date));
  const prizes = await db.select().from(awards).where(inArray(awards.enterpriseId, ids));
  const history = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'enterprise'), inArray(auditLog.entityId, historyIds)))
    .orderBy(desc(auditLog.id))
    .limit(50);
  const latest = await latestOf(db, ids);
  return {
    ...presentSummary(row, latest.get(row.id) as Latest),
    legalRep: row.legalRep,
    address: row.address,
    businessScope: row.businessScope,
    mainProducts: row.mainProducts,
    listed: row.listed,
    mergedInto: await mergedIntoOf(db, row),
    provenance: row.provenance,
    years: years.map(({ enterpriseId: _e, ...y }) => y),
    ip: ip.map(({ kind, count: c, provenance }) => ({ kind, count: c, provenance })),
    qualifications: quals.map(({ id: qid, tier, certificateNo, issuedOn, expiresOn, provenance }) => ({
      id: qid,
      tier,
      certificateNo,
      issuedOn,
      expiresOn,
      provenance,
    })),
    institutions: insts.map(({ name, level, recognizedOn }) => ({ name, level, recognizedOn })),
    fundingRounds: rounds.map(({ date, round, amount, currency, postMoneyValuation, investors }) => ({
      date,
      round,
      amount,
      currency,
      postMoneyValuation,
      investors,
    })),
    awards: prizes.map(({ name, level, year }) => ({ name, level, year })),
    history: history.map(presentAudit),
  };
}
