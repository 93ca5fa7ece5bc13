/** Reading the enterprise registry within the actor's org subtree. */
import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import {
  enterpriseIp,
  enterprises,
  enterpriseYears,
  orgs,
  qualifications,
} from '../../../db/schema/index.js';
import type { EnterpriseQuery } from '../../../shared/enterprise-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { withinScope } from '../../scope.js';

type Row = typeof enterprises.$inferSelect;

export function presentSummary(r: Row) {
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
    version: r.version,
  };
}

const scoped = (actor: Actor) =>
  sql`${enterprises.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`;
const esc = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listEnterprises(db: Db, actor: Actor, query: z.infer<typeof EnterpriseQuery>) {
  const conds: (SQL | undefined)[] = [scoped(actor), isNull(enterprises.mergedInto)];
  if (query.q) {
    const q = query.q.normalize('NFKC').replace(/\s+/g, '');
    conds.push(
      or(
        ilike(enterprises.name, esc(q)),
        ilike(enterprises.nameNormalized, esc(q)),
        eq(enterprises.uscc, q.toUpperCase()),
      ),
    );
  }
  if (query.universe) conds.push(eq(enterprises.universe, query.universe));
  if (query.review) conds.push(sql`${enterprises.reviewReason} is not null`);
  const where = and(...conds);
  const rows = await db
    .select()
    .from(enterprises)
    .where(where)
    .orderBy(asc(enterprises.nameNormalized))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(enterprises).where(where);
  return { items: rows.map(presentSummary), total: n };
}

export async function getEnterprise(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), scoped(actor)));
  if (!row) throw new AppError('enterprise.not_found');
  const ids = [row.id];
  const [years, ip, quals] = await Promise.all([
    db
      .select()
      .from(enterpriseYears)
      .where(inArray(enterpriseYears.enterpriseId, ids))
      .orderBy(asc(enterpriseYears.year)),
    db.select().from(enterpriseIp).where(inArray(enterpriseIp.enterpriseId, ids)),
    db.select().from(qualifications).where(inArray(qualifications.enterpriseId, ids)),
  ]);
  return {
    ...presentSummary(row),
    legalRep: row.legalRep,
    address: row.address,
    businessScope: row.businessScope,
    mainProducts: row.mainProducts,
    listed: row.listed,
    provenance: row.provenance,
    years: years.map(({ enterpriseId: _e, ...y }) => y),
    ip: ip.map(({ kind, count: c, provenance }) => ({ kind, count: c, provenance })),
    qualifications: quals.map(({ tier, certificateNo, issuedOn, expiresOn, provenance }) => ({
      tier,
      certificateNo,
      issuedOn,
      expiresOn,
      provenance,
    })),
  };
}
