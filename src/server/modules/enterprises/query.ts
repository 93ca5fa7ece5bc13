/** The registry's filters and search as SQL, shared by the list, the search and the XLSX export.
 *  Search ranks by how many of the query's bigrams a firm's names share (GIN-indexed overlap), with a
 *  bonus for the folded query standing whole in the name; a uscc-shaped query is an exact lookup. */

import { and, asc, desc, eq, isNull, like, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { containsPattern, likeEscape } from '../../../db/like.js';
import { enterprises, enterpriseYears, orgs, qualifications } from '../../../db/schema/index.js';
import { EXPIRY_NOTICE_DAYS } from '../../../domain/eligibility/tiers.js';
import { foldQuery, queryGrams, typoGramSets } from '../../../domain/enterprise/search-terms.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type { EnterpriseFilter, EnterpriseQuery } from '../../../shared/enterprise-api.js';
import type { Actor } from '../../access.js';
import { withinScope } from '../../scope.js';

export type Filter = z.infer<typeof EnterpriseFilter>;

/** Revenue bands in 元 (国统字〔2017〕213号, industrial firms): micro < 300万, small < 2000万, medium < 4亿. */
const BANDS: Record<string, [number, number]> = {
  micro: [0, 3_000_000],
  small: [3_000_000, 20_000_000],
  medium: [20_000_000, 400_000_000],
  large: [400_000_000, Number.MAX_SAFE_INTEGER],
};

const arr = (items: string[]) =>
  sql`ARRAY[${sql.join(
    items.map((g) => sql`${g}`),
    sql`, `,
  )}]::text[]`;

export const latestYear = sql`(select max(${enterpriseYears.year}) from ${enterpriseYears} where ${enterpriseYears.enterpriseId} = ${enterprises.id})`;
const latestRevenue = sql`(select ${enterpriseYears.revenue} from ${enterpriseYears} where ${enterpriseYears.enterpriseId} = ${enterprises.id} order by ${enterpriseYears.year} desc limit 1)`;

/** 'all': every specific bigram of the query (fast and exact, one GIN containment); 'typo': every
 *  bigram but those around one character, for each character in turn (a few selective containments
 *  OR-ed), used when 'all' finds nothing. */
export type SearchMode = 'all' | 'typo';

export function searchParts(q: string | undefined, mode: SearchMode = 'all'): { where?: SQL; score: SQL } {
  if (!q) return { score: sql`0` };
  const folded = foldQuery(q);
  const upper = folded.toUpperCase();
  if (/^[0-9A-Z]{18}$/.test(upper)) return { where: eq(enterprises.uscc, upper), score: sql`3` };
  const grams = queryGrams(q);
  const contains = sql`(${enterprises.nameNormalized} like ${containsPattern(folded)} or ${enterprises.aliases}::text like ${containsPattern(folded)})`;
  if (grams.length === 0) return { where: contains, score: sql`1` };
  const hits = sql`(select count(*) from unnest(${enterprises.searchGrams}) g where g = any(${arr(grams)}))`;
  const typoSets = mode === 'typo' ? typoGramSets(q) : [];
  const where =
    mode === 'all'
      ? sql`${enterprises.searchGrams} @> ${arr(grams)}`
      : typoSets.length
        ? sql`(${sql.join(
            typoSets.map((set) => sql`${enterprises.searchGrams} @> ${arr(set)}`),
            sql` or `,
          )})`
        : sql`false`;
  // Initials scattered over a firm's names match too; those that spell its name from the start rank first.
  const initials = /^[a-z]+$/i.test(folded) ? folded.toLowerCase() : null;
  const bonus = initials
    ? sql`case when ${enterprises.namePinyin} = ${initials} then 2 when ${enterprises.namePinyin} like ${`${likeEscape(initials)}%`} then 1 else 0 end`
    : sql`case when ${enterprises.nameNormalized} = ${folded} then 2 when ${contains} then 1 else 0 end`;
  const score = sql`(${hits}::float / ${grams.length} + ${bonus})`;
  return { where, score };
}

/** SQL: the firm holds a 资质 (of `tier`, when given) that expires within the notice days and has not been
 *  renewed — no certificate of the same tier runs longer — so the list is the firms that must act. */
export function expiringWhere(tier?: string): SQL {
  const q = qualifications;
  return sql`exists (select 1 from ${q} where ${q.enterpriseId} = ${enterprises.id}
    ${tier ? sql`and ${q.tier} = ${tier}` : sql``}
    and ${q.expiresOn} between ${chinaToday()}::date and ${chinaToday()}::date + ${EXPIRY_NOTICE_DAYS}::int
    and not exists (select 1 from ${q} r where r.enterprise_id = ${q.enterpriseId} and r.tier = ${q.tier}
      and (r.expires_on is null or r.expires_on > ${q.expiresOn})))`;
}

export function filterWhere(actor: Actor, f: Filter, mode: SearchMode = 'all'): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    sql`${enterprises.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`,
    isNull(enterprises.mergedInto),
    searchParts(f.q, mode).where,
  ];
  if (f.region) conds.push(like(enterprises.regionCode, `${f.region}%`));
  if (f.industry) {
    conds.push(eq(enterprises.industrySection, f.industry[0]));
    if (f.industry.length > 1) conds.push(eq(enterprises.industryDivision, f.industry.slice(1)));
  }
  if (f.universe) conds.push(eq(enterprises.universe, f.universe));
  if (f.review) conds.push(sql`${enterprises.reviewReason} is not null`);
  if (f.expiring) conds.push(expiringWhere(f.tier));
  else if (f.tier) {
    conds.push(
      sql`exists (select 1 from ${qualifications} where ${qualifications.enterpriseId} = ${enterprises.id} and ${qualifications.tier} = ${f.tier} and (${qualifications.expiresOn} is null or ${qualifications.expiresOn} >= ${chinaToday()}::date))`,
    );
  }
  if (f.sizeBand) {
    const [lo, hi] = BANDS[f.sizeBand];
    conds.push(sql`${latestRevenue} >= ${lo} and ${latestRevenue} < ${hi}`);
  }
  return and(...conds);
}

export function orderBy(query: z.infer<typeof EnterpriseQuery>): SQL[] {
  const dir = query.order === 'asc' ? asc : desc;
  switch (query.sort) {
    case 'name':
      return [dir(enterprises.nameNormalized)];
    case 'establishedOn':
      return [sql`${enterprises.establishedOn} ${query.order === 'asc' ? sql`asc` : sql`desc`} nulls last`];
    case 'registeredCapital':
      return [
        sql`${enterprises.registeredCapital} ${query.order === 'asc' ? sql`asc` : sql`desc`} nulls last`,
      ];
    case 'revenue':
      return [sql`${latestRevenue} ${query.order === 'asc' ? sql`asc` : sql`desc`} nulls last`];
    default:
      return query.q
        ? [sql`${searchParts(query.q).score} desc`, asc(enterprises.nameNormalized)]
        : [asc(enterprises.nameNormalized)];
  }
}
