/** A profile fact's value as the committee reads it: money in 万元, ratios in per cent, counts with their
 *  measure word, and the coded facts (依托单位, 资质, 产业链契合) by name rather than as their rank number. */
import { pct, wan } from '../eligibility/format.js';
import { TIER_KEYS, TIER_NAMES } from '../eligibility/tiers.js';

/** Facts in 元 (the LLM reading's checks read the same list). */
export const MONEY_FACTS = [
  'revenue',
  'net_profit',
  'rd_expense',
  'funding.total',
  'funding.last_round',
  'valuation',
  'investment.planned',
  'output.expected',
] as const;
const MONEY: ReadonlySet<string> = new Set(MONEY_FACTS);
const FRACTION = new Set(['revenue_growth', 'rd_ratio', 'rd_staff_ratio']);
const PEOPLE = new Set([
  'employees',
  'rd_staff',
  'team.phd',
  'team.academicians',
  'team.national_talents',
  'talents.planned',
]);
const ITEMS = new Set([
  'patents.total',
  'patents.invention',
  'patents.utility',
  'patents.design',
  'software_copyrights',
]);
/** The ranks context-facts.ts and from-plan.ts give; keep in step with them. */
const AFFILIATION: Record<number, string> = { 2: '大院大所、央企国企或行业龙头', 1: '高校' };
const NODE_FIT: Record<number, string> = {
  4: '补本地缺失环节',
  3: '补本地薄弱环节',
  2: '本地一般环节',
  1: '本地优势环节',
};

const num = (v: number) => String(Math.round(v * 100) / 100);

export function displayFact(key: string, value: number): string {
  if (MONEY.has(key)) return wan(value);
  if (FRACTION.has(key)) return pct(value);
  if (PEOPLE.has(key)) return `${num(value)} 人`;
  if (ITEMS.has(key)) return `${num(value)} 件`;
  switch (key) {
    case 'customers.key_count':
      return `${num(value)} 家`;
    case 'land.area':
      return `${num(value)} 亩`;
    case 'output.per_mu':
      return `${wan(value)}/亩`;
    case 'trl':
      return `TRL ${num(value)} 级`;
    case 'affiliation.rank':
      return AFFILIATION[value] ?? num(value);
    case 'qualifications.rank': {
      const tier = TIER_KEYS[value - 1];
      return tier ? `最高：${TIER_NAMES[tier]}` : num(value);
    }
    case 'chain.node_fit':
      return NODE_FIT[value] ?? num(value);
    case 'chain.leading':
      return value ? '属本组织主导产业链' : '不属本组织主导产业链';
    default:
      return num(value);
  }
}
