/** The plan's extracted facts as the profile reads them: numbers kept with their evidence, customers
 *  counted, the affiliation ranked (大院大所 / 央企国企 / 龙头 2, 高校 1), areas in 亩. */
import { type Fact, FACT_KEYS as PLAN_FACT_KEYS } from '../evaluation/index.js';
import type { FactKey } from './model.js';
import type { ProfileFact } from './score.js';

const SQM_PER_MU = 10_000 / 15;
/** The plan's keys that carry numbers; customers and affiliation are text, land is converted below. */
const NUMERIC: ReadonlySet<string> = new Set(
  PLAN_FACT_KEYS.filter(
    (k) => !['customers.key', 'affiliation', 'land.area', 'software_copyrights'].includes(k),
  ),
);
const AFFILIATION_RANK: Record<string, number> = { 大院大所: 2, 央企国企: 2, 龙头: 2, 高校: 1 };

export function profileFactsFromPlan(facts: Fact[]): ProfileFact[] {
  const out: ProfileFact[] = [];
  const evidence = (f: Fact) => ({ page: f.evidence.page, quote: f.evidence.quote });
  for (const f of facts) {
    if (NUMERIC.has(f.key) && typeof f.value === 'number')
      out.push({
        key: f.key as FactKey,
        value: f.value,
        qualifier: f.qualifier,
        source: 'document',
        evidence: evidence(f),
        period: f.period,
      });
    if (f.key === 'land.area' && typeof f.value === 'number')
      out.push({
        key: 'land.area',
        value: f.unit === 'area_m2' ? f.value / SQM_PER_MU : f.value,
        qualifier: f.qualifier,
        source: 'document',
        evidence: evidence(f),
      });
  }
  const customers = facts.filter((f) => f.key === 'customers.key');
  if (customers.length)
    out.push({
      key: 'customers.key_count',
      value: new Set(customers.map((c) => String(c.value))).size,
      qualifier: 'exact',
      source: 'document',
      evidence: { page: customers[0].evidence.page, quote: customers.map((c) => c.value).join('、') },
    });
  const affiliations = facts.filter((f) => f.key === 'affiliation');
  const best = affiliations.sort(
    (a, b) => (AFFILIATION_RANK[String(b.value)] ?? 0) - (AFFILIATION_RANK[String(a.value)] ?? 0),
  )[0];
  if (best && AFFILIATION_RANK[String(best.value)])
    out.push({
      key: 'affiliation.rank',
      value: AFFILIATION_RANK[String(best.value)],
      qualifier: 'exact',
      source: 'document',
      evidence: evidence(best),
    });
  // Several figures for one key (two years of revenue): the latest period first, an actual before a forecast.
  return out.sort(
    (a, b) =>
      (b.period ?? '').localeCompare(a.period ?? '') ||
      Number(a.qualifier === 'forecast') - Number(b.qualifier === 'forecast'),
  );
}
