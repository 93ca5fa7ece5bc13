/** Reads the firms a policy is matched against, with just the facts its clauses read — last year's
 *  figures, IP counts, titles, the latest screening standings — in one query per table for the whole
 *  set (a park's 3,000 firms take five queries, not 15,000). */
import { and, between, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/client.js';
import {
  enterpriseIp,
  enterprises,
  enterpriseYears,
  orgs,
  qualifications,
  screeningFirms,
  screeningRuns,
} from '../../../db/schema/index.js';
import { TIER_KEYS } from '../../../domain/eligibility/index.js';
import {
  lastYearFigures,
  type PolicyFirm,
  type Standing,
  type YearRow,
} from '../../../domain/policy/index.js';

export type Needs = { figures: boolean; ip: boolean; titleTiers: string[]; standingTiers: string[] };
export const ALL_NEEDS = (tiers: readonly string[]): Needs => ({
  figures: true,
  ip: true,
  titleTiers: [...tiers],
  standingTiers: [...tiers],
});

export type LoadedFirm = {
  id: string;
  name: string;
  uscc: string | null;
  orgId: string;
  orgName: string;
  regionCode: string | null;
  facts: PolicyFirm;
};

function groupBy<T extends { enterpriseId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.enterpriseId);
    if (list) list.push(r);
    else out.set(r.enterpriseId, [r]);
  }
  return out;
}

/** The firms under `where` (a condition on `enterprises`), whose orgs lie under `scopePath`. */
export async function loadPolicyFirms(
  db: Tx,
  opts: { scopePath: string; where: SQL | undefined; needs: Needs; date: string },
): Promise<LoadedFirm[]> {
  const { scopePath, needs, date } = opts;
  const where = and(
    sql`${enterprises.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${scopePath}%`})`,
    sql`${enterprises.mergedInto} is null`,
    opts.where,
  );
  const firms = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      uscc: enterprises.uscc,
      orgId: enterprises.orgId,
      orgName: orgs.name,
      regionCode: enterprises.regionCode,
      industrySection: enterprises.industrySection,
      industryDivision: enterprises.industryDivision,
      establishedOn: enterprises.establishedOn,
      universe: enterprises.universe,
    })
    .from(enterprises)
    .innerJoin(orgs, eq(orgs.id, enterprises.orgId))
    .where(where);
  if (firms.length === 0) return [];
  // One array parameter, not a subquery re-scanning the registry per table nor a parameter per firm.
  const idArray = sql`${`{${firms.map((f) => f.id).join(',')}}`}::uuid[]`;
  const ofFirms = (col: PgColumn) => sql`${col} = any(${idArray})`;
  const y = Number(date.slice(0, 4));
  const none = Promise.resolve([]);
  // Independent reads: on a server they run on separate connections at once.
  const [years, ip, titles, standings] = await Promise.all([
    needs.figures
      ? db
          .select({
            enterpriseId: enterpriseYears.enterpriseId,
            year: enterpriseYears.year,
            revenue: enterpriseYears.revenue,
            employees: enterpriseYears.employees,
            rdExpense: enterpriseYears.rdExpense,
          })
          .from(enterpriseYears)
          .where(and(ofFirms(enterpriseYears.enterpriseId), between(enterpriseYears.year, y - 2, y - 1)))
      : none,
    needs.ip
      ? db
          .select({
            enterpriseId: enterpriseIp.enterpriseId,
            kind: enterpriseIp.kind,
            count: enterpriseIp.count,
          })
          .from(enterpriseIp)
          .where(ofFirms(enterpriseIp.enterpriseId))
      : none,
    needs.titleTiers.length
      ? db
          .select({
            enterpriseId: qualifications.enterpriseId,
            tier: qualifications.tier,
            issuedOn: qualifications.issuedOn,
            expiresOn: qualifications.expiresOn,
          })
          .from(qualifications)
          .where(and(ofFirms(qualifications.enterpriseId), inArray(qualifications.tier, needs.titleTiers)))
      : none,
    needs.standingTiers.length
      ? db
          .selectDistinctOn([screeningFirms.enterpriseId], {
            enterpriseId: screeningFirms.enterpriseId,
            standings: screeningFirms.standings,
          })
          .from(screeningFirms)
          .innerJoin(screeningRuns, eq(screeningRuns.id, screeningFirms.runId))
          .where(
            and(
              eq(screeningRuns.status, 'done'),
              // Only runs that can cover these firms: of an org above the scope, or within it.
              sql`${screeningRuns.orgId} in (select ${orgs.id} from ${orgs}
                where ${orgs.path} like ${`${scopePath}%`} or ${scopePath} like ${orgs.path} || '%')`,
              ofFirms(screeningFirms.enterpriseId),
            ),
          )
          // The latest run that screened the firm; its arrays follow TIER_KEYS.
          .orderBy(screeningFirms.enterpriseId, desc(screeningRuns.createdAt))
          .then((rows) =>
            rows.flatMap((r) =>
              needs.standingTiers.map((tier) => ({
                enterpriseId: r.enterpriseId,
                tier,
                status: r.standings[(TIER_KEYS as readonly string[]).indexOf(tier)],
              })),
            ),
          )
      : none,
  ]);
  const yearsOf = groupBy<YearRow & { enterpriseId: string }>(years);
  const ipOf = groupBy<{ enterpriseId: string; kind: string; count: number }>(ip);
  const titlesOf = groupBy<{
    enterpriseId: string;
    tier: string;
    issuedOn: string | null;
    expiresOn: string | null;
  }>(titles);
  const standingsOf = groupBy<{ enterpriseId: string; tier: string; status: Standing }>(standings);
  return firms.map((f) => {
    const ipRows = ipOf.get(f.id);
    return {
      id: f.id,
      name: f.name,
      uscc: f.uscc,
      orgId: f.orgId,
      orgName: f.orgName,
      regionCode: f.regionCode,
      facts: {
        regionCode: f.regionCode,
        industrySection: f.industrySection,
        industryDivision: f.industryDivision,
        establishedOn: f.establishedOn,
        universe: f.universe,
        lastYear: lastYearFigures(yearsOf.get(f.id) ?? [], date),
        ip: ipRows ? Object.fromEntries(ipRows.map((r) => [r.kind, r.count])) : null,
        titles: titlesOf.get(f.id) ?? [],
        standings: Object.fromEntries((standingsOf.get(f.id) ?? []).map((s) => [s.tier, s.status])),
      },
    };
  });
}
