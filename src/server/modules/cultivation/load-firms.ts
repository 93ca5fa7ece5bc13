/** Reads a batch of firms with everything the eligibility engines look at, in one query per table. */
import { asc, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import {
  awards,
  enterpriseIp,
  enterprises,
  enterpriseYears,
  fundingRounds,
  qualifications,
  rdInstitutions,
} from '../../../db/schema/index.js';
import type { RegistryFirm } from './registry-facts.js';

type FirmRow = RegistryFirm['firm'] & { id: string };

function groupBy<T extends { enterpriseId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.enterpriseId);
    if (list) list.push(r);
    else out.set(r.enterpriseId, [r]);
  }
  return out;
}

export async function loadRegistryFirms(db: Tx, firms: FirmRow[]): Promise<Map<string, RegistryFirm>> {
  const ids = firms.map((f) => f.id);
  const out = new Map<string, RegistryFirm>();
  if (ids.length === 0) return out;
  const years = groupBy(
    await db
      .select()
      .from(enterpriseYears)
      .where(inArray(enterpriseYears.enterpriseId, ids))
      .orderBy(asc(enterpriseYears.year)),
  );
  const ip = groupBy(
    await db
      .select({ enterpriseId: enterpriseIp.enterpriseId, kind: enterpriseIp.kind, count: enterpriseIp.count })
      .from(enterpriseIp)
      .where(inArray(enterpriseIp.enterpriseId, ids)),
  );
  const quals = groupBy(
    await db
      .select({
        enterpriseId: qualifications.enterpriseId,
        tier: qualifications.tier,
        issuedOn: qualifications.issuedOn,
        expiresOn: qualifications.expiresOn,
        certificateNo: qualifications.certificateNo,
      })
      .from(qualifications)
      .where(inArray(qualifications.enterpriseId, ids)),
  );
  const insts = groupBy(
    await db
      .select({
        enterpriseId: rdInstitutions.enterpriseId,
        name: rdInstitutions.name,
        level: rdInstitutions.level,
        recognizedOn: rdInstitutions.recognizedOn,
      })
      .from(rdInstitutions)
      .where(inArray(rdInstitutions.enterpriseId, ids)),
  );
  const rounds = groupBy(
    await db
      .select({
        enterpriseId: fundingRounds.enterpriseId,
        date: fundingRounds.date,
        round: fundingRounds.round,
        amount: fundingRounds.amount,
        currency: fundingRounds.currency,
        postMoneyValuation: fundingRounds.postMoneyValuation,
      })
      .from(fundingRounds)
      .where(inArray(fundingRounds.enterpriseId, ids)),
  );
  const prizes = groupBy(
    await db
      .select({
        enterpriseId: awards.enterpriseId,
        name: awards.name,
        level: awards.level,
        year: awards.year,
      })
      .from(awards)
      .where(inArray(awards.enterpriseId, ids)),
  );
  for (const f of firms) {
    out.set(f.id, {
      firm: f,
      years: years.get(f.id) ?? [],
      ip: ip.get(f.id) ?? [],
      qualifications: quals.get(f.id) ?? [],
      institutions: insts.get(f.id) ?? [],
      rounds: rounds.get(f.id) ?? [],
      awards: prizes.get(f.id) ?? [],
    });
  }
  return out;
}

/** The columns of `enterprises` a batch needs. */
export const FIRM_COLUMNS = {
  id: enterprises.id,
  name: enterprises.name,
  uscc: enterprises.uscc,
  establishedOn: enterprises.establishedOn,
  listed: enterprises.listed,
};
