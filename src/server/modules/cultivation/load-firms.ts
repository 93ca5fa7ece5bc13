/** Reads firms with everything the eligibility engines look at, in ONE statement per batch: the batch's
 *  firms, then each child table's rows for exactly those firms (`= any(array(…))`, an index lookup
 *  each), every part folded by PostgreSQL into one JSON array of positional arrays. A screening reads
 *  100,000 firms; on PGlite a correlated subquery per firm and table building keyed objects cost
 *  about four times as much, and rows decoded one by one by the client cost more than the engines. */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { enterprises } from '../../../db/schema/index.js';
import type { RegistryFirm } from './registry-facts.js';

export type LoadedFirm = RegistryFirm & { id: string };

/** A child table's rows of the batch's firms as `[[enterprise_id, …fields], …]`. */
const rowsOf = (table: string, fields: string, order = 'c.enterprise_id') =>
  sql.raw(`(select coalesce(json_agg(json_build_array(c.enterprise_id, ${fields}) order by ${order}), '[]'::json)
      from ${table} c where c.enterprise_id = any(array(select id from b)))`);

type Cell = string | number | boolean | null;
type Raw = { firms: Cell[][] | string; [part: string]: Cell[][] | string };

/** Firms matching `where`, in id order, at most `limit`. */
export async function loadRegistryFirms(db: Tx, where: SQL, limit: number): Promise<LoadedFirm[]> {
  const e = enterprises;
  const res = (await db.execute(sql`
    with b as materialized (
      select ${e.id} as id, ${e.name} as name, ${e.uscc} as uscc, ${e.establishedOn} as established_on,
             ${e.listed} as listed
        from ${e} where ${where} order by ${e.id} limit ${limit})
    select (select coalesce(json_agg(json_build_array(id, name, uscc, established_on, listed) order by id), '[]'::json)
              from b) as firms,
           ${rowsOf(
             'enterprise_years',
             `c.year, c.employees, c.tech_staff, c.rd_staff, c.revenue, c.main_revenue, c.hightech_revenue,
              c.rd_expense, c.rd_expense_domestic, c.total_cost, c.net_profit, c.total_assets, c.total_liabilities`,
             'c.enterprise_id, c.year',
           )} as years,
           ${rowsOf('enterprise_ip', 'c.kind, c.count')} as ip,
           ${rowsOf('qualifications', 'c.tier, c.issued_on, c.expires_on, c.certificate_no')} as quals,
           ${rowsOf('rd_institutions', 'c.name, c.level, c.recognized_on')} as insts,
           ${rowsOf('funding_rounds', 'c.date, c.round, c.amount, c.currency, c.post_money_valuation')} as rounds,
           ${rowsOf('awards', 'c.name, c.level, c.year')} as prizes`)) as unknown as { rows: Raw[] };
  const raw = res.rows[0];
  const part = (name: string): Cell[][] => {
    const v = raw[name];
    return typeof v === 'string' ? (JSON.parse(v) as Cell[][]) : v;
  };
  const byId = new Map<string, LoadedFirm>();
  const out = part('firms').map(([id, name, uscc, establishedOn, listed]) => {
    const f: LoadedFirm = {
      id: id as string,
      firm: {
        name: name as string,
        uscc: uscc as string | null,
        establishedOn: establishedOn as string | null,
        listed: listed as boolean,
      },
      years: [],
      ip: [],
      qualifications: [],
      institutions: [],
      rounds: [],
      awards: [],
    };
    byId.set(f.id, f);
    return f;
  });
  const each = (name: string, add: (f: LoadedFirm, r: Cell[]) => void) => {
    for (const r of part(name)) {
      const f = byId.get(r[0] as string);
      if (f) add(f, r);
    }
  };
  const n = (v: Cell) => v as number | null;
  const s = (v: Cell) => v as string | null;
  each('years', (f, r) =>
    f.years.push({
      year: r[1] as number,
      employees: n(r[2]),
      techStaff: n(r[3]),
      rdStaff: n(r[4]),
      revenue: n(r[5]),
      mainRevenue: n(r[6]),
      hightechRevenue: n(r[7]),
      rdExpense: n(r[8]),
      rdExpenseDomestic: n(r[9]),
      totalCost: n(r[10]),
      netProfit: n(r[11]),
      totalAssets: n(r[12]),
      totalLiabilities: n(r[13]),
    }),
  );
  each('ip', (f, r) => f.ip.push({ kind: r[1] as string, count: r[2] as number }));
  each('quals', (f, r) =>
    f.qualifications.push({
      tier: r[1] as string,
      issuedOn: s(r[2]),
      expiresOn: s(r[3]),
      certificateNo: s(r[4]),
    }),
  );
  each('insts', (f, r) =>
    f.institutions.push({ name: r[1] as string, level: r[2] as string, recognizedOn: s(r[3]) }),
  );
  each('rounds', (f, r) =>
    f.rounds.push({
      date: s(r[1]),
      round: r[2] as string,
      amount: n(r[3]),
      currency: r[4] as string,
      postMoneyValuation: n(r[5]),
    }),
  );
  each('prizes', (f, r) => f.awards.push({ name: r[1] as string, level: s(r[2]), year: n(r[3]) }));
  return out;
}
