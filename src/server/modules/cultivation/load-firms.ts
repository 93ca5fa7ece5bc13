/** Reads firms with everything the eligibility engines look at in ONE query: each child table comes
 *  back as a JSON array per firm through an indexed correlated subquery. A screening reads 100,000
 *  firms, and on PGlite the per-table `IN (…1000 ids)` reads it replaced cost more than the engines. */
import { type SQL, sql } from 'drizzle-orm';
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

export type LoadedFirm = RegistryFirm & { id: string };

const e = enterprises;
const list = (table: SQL, fields: SQL, order: SQL = sql``) =>
  sql`(select coalesce(json_agg(json_build_object(${fields}) ${order}), '[]'::json) from ${table} c where c.enterprise_id = ${e.id})`;

const years = list(
  sql`${enterpriseYears}`,
  sql`'year', c.year, 'employees', c.employees, 'techStaff', c.tech_staff, 'rdStaff', c.rd_staff,
      'revenue', c.revenue, 'mainRevenue', c.main_revenue, 'hightechRevenue', c.hightech_revenue,
      'rdExpense', c.rd_expense, 'rdExpenseDomestic', c.rd_expense_domestic, 'totalCost', c.total_cost,
      'netProfit', c.net_profit, 'totalAssets', c.total_assets, 'totalLiabilities', c.total_liabilities`,
  sql`order by c.year`,
);
const ip = list(sql`${enterpriseIp}`, sql`'kind', c.kind, 'count', c.count`);
const quals = list(
  sql`${qualifications}`,
  sql`'tier', c.tier, 'issuedOn', c.issued_on, 'expiresOn', c.expires_on, 'certificateNo', c.certificate_no`,
);
const insts = list(
  sql`${rdInstitutions}`,
  sql`'name', c.name, 'level', c.level, 'recognizedOn', c.recognized_on`,
);
const rounds = list(
  sql`${fundingRounds}`,
  sql`'date', c.date, 'round', c.round, 'amount', c.amount, 'currency', c.currency,
      'postMoneyValuation', c.post_money_valuation`,
);
const prizes = list(sql`${awards}`, sql`'name', c.name, 'level', c.level, 'year', c.year`);

type Raw = {
  id: string;
  name: string;
  uscc: string | null;
  established_on: string | null;
  listed: boolean;
  years: RegistryFirm['years'];
  ip: RegistryFirm['ip'];
  quals: RegistryFirm['qualifications'];
  insts: RegistryFirm['institutions'];
  rounds: RegistryFirm['rounds'];
  prizes: RegistryFirm['awards'];
};

/** Firms matching `where`, in id order, at most `limit`. */
export async function loadRegistryFirms(db: Tx, where: SQL, limit: number): Promise<LoadedFirm[]> {
  const res = (await db.execute(sql`
    select ${e.id} as id, ${e.name} as name, ${e.uscc} as uscc, ${e.establishedOn}::text as established_on,
           ${e.listed} as listed, ${years} as years, ${ip} as ip, ${quals} as quals, ${insts} as insts,
           ${rounds} as rounds, ${prizes} as prizes
      from ${e} where ${where} order by ${e.id} limit ${limit}`)) as unknown as { rows: Raw[] };
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return res.rows.map((r) => ({
    id: r.id,
    firm: { name: r.name, uscc: r.uscc, establishedOn: r.established_on, listed: r.listed },
    years: parse(r.years),
    ip: parse(r.ip),
    qualifications: parse(r.quals),
    institutions: parse(r.insts),
    rounds: parse(r.rounds),
    awards: parse(r.prizes),
  }));
}
