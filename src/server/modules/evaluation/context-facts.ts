/** Facts the plan may be silent about, from the registry (the linked firm's latest figures, IP, titles,
 *  funding) and from the chain map (the node the project serves and its strength), each with its source
 *  so the profile can show where a number came from. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { rowsOf } from '../../../db/rows.js';
import { pct, wan } from '../../../domain/eligibility/format.js';
import { TIER_KEYS, TIER_NAMES, type TierKey } from '../../../domain/eligibility/tiers.js';
import type { ProfileFact } from '../../../domain/profile/score.js';
import { chinaToday } from '../../../domain/text/china-today.js';

const money = (v: unknown) => (v === null || v === undefined ? '' : wan(Number(v)));

const registry = (key: ProfileFact['key'], value: unknown, quote: string): ProfileFact[] =>
  value === null || value === undefined || !Number.isFinite(Number(value))
    ? []
    : [{ key, value: Number(value), qualifier: 'exact', source: 'registry', evidence: { quote } }];

export async function registryFacts(db: Tx, enterpriseId: string): Promise<ProfileFact[]> {
  const [y] = await rowsOf<Record<string, string | number | null>>(
    db,
    sql`select year, employees, rd_staff, revenue, rd_expense, net_profit from enterprise_years
         where enterprise_id = ${enterpriseId} order by year desc limit 1`,
  );
  const [prev] = await rowsOf<{ revenue: string | null }>(
    db,
    sql`select revenue from enterprise_years where enterprise_id = ${enterpriseId} and revenue is not null
         order by year desc offset 1 limit 1`,
  );
  const ip = await rowsOf<{ kind: string; count: number }>(
    db,
    sql`select kind, count from enterprise_ip where enterprise_id = ${enterpriseId}`,
  );
  const tiers = await rowsOf<{ tier: string }>(
    db,
    sql`select tier from qualifications where enterprise_id = ${enterpriseId} and (expires_on is null or expires_on >= ${chinaToday()}::date)`,
  );
  const [funding] = await rowsOf<{ total: string | null; valuation: string | null }>(
    db,
    sql`select sum(amount) filter (where currency = 'CNY') as total,
               (array_agg(post_money_valuation order by date desc nulls last) filter (where currency = 'CNY'))[1] as valuation
          from funding_rounds where enterprise_id = ${enterpriseId}`,
  );
  const out: ProfileFact[] = [];
  if (y) {
    const year = `企业库 ${y.year} 年度数据`;
    out.push(
      ...registry('employees', y.employees, `${year}：员工人数 ${y.employees} 人`),
      ...registry('rd_staff', y.rd_staff, `${year}：研发人员 ${y.rd_staff} 人`),
      ...registry('revenue', y.revenue, `${year}：营业收入 ${money(y.revenue)}`),
      ...registry('rd_expense', y.rd_expense, `${year}：研发费用 ${money(y.rd_expense)}`),
      ...registry('net_profit', y.net_profit, `${year}：净利润 ${money(y.net_profit)}`),
    );
    if (prev?.revenue && Number(prev.revenue) > 0 && y.revenue !== null) {
      const growth = Number(y.revenue) / Number(prev.revenue) - 1;
      const change = `${growth < 0 ? '下降' : '增长'} ${pct(Math.abs(growth))}`;
      out.push(
        ...registry(
          'revenue_growth',
          growth,
          `${year}：营业收入 ${wan(Number(y.revenue))}，较上年 ${wan(Number(prev.revenue))}${change}`,
        ),
      );
    }
  }
  const count = (kind: string) => ip.find((i) => i.kind === kind)?.count;
  out.push(...registry('patents.invention', count('invention_patent'), '企业库知识产权：发明专利'));
  const patents = ['invention_patent', 'utility_model', 'design'].reduce((s, k) => s + (count(k) ?? 0), 0);
  if (ip.length) out.push(...registry('patents.total', patents, '企业库知识产权：专利合计'));
  const rank = Math.max(0, ...tiers.map((t) => TIER_KEYS.indexOf(t.tier as (typeof TIER_KEYS)[number]) + 1));
  if (rank)
    out.push(
      ...registry(
        'qualifications.rank',
        rank,
        `企业库资质：${tiers.map((t) => TIER_NAMES[t.tier as TierKey] ?? t.tier).join('、')}`,
      ),
    );
  out.push(...registry('funding.total', funding?.total, '企业库融资记录：累计融资（人民币）'));
  out.push(...registry('valuation', funding?.valuation, '企业库融资记录：最近一轮投后估值'));
  return out;
}

/** The chain nodes the firm sits on in the 产业链图谱 (matched or confirmed, not rejected): what a
 *  project entered by hand serves, when it was not created from a 靶向招商 list that names its node. */
export async function placedNodeIds(db: Tx, enterpriseId: string): Promise<string[]> {
  const rows = await rowsOf<{ node_id: string }>(
    db,
    sql`select node_id from chain_placements where enterprise_id = ${enterpriseId} and status <> 'rejected'`,
  );
  return rows.map((r) => r.node_id);
}

const FIT: Record<string, number> = { missing: 4, weak: 3, average: 2, strong: 1 };
const STRENGTH_WORDS: Record<string, string> = {
  missing: '缺失',
  weak: '薄弱',
  average: '一般',
  strong: '优势',
};

/** The chain view: the best fit among the nodes the project serves (filling a missing link scores
 *  highest), and whether that node's chain is one of the org's leading chains. */
export async function chainFacts(
  db: Tx,
  orgId: string,
  nodeIds: string[],
  strengthOf: (nodeId: string) => Promise<string | null>,
  /** Where the nodes came from, said in the evidence: the project's own or the firm's placement. */
  via: 'project' | 'placement' = 'project',
) {
  if (!nodeIds.length) return [];
  let best: { nodeId: string; strength: string; fit: number } | null = null;
  for (const id of nodeIds) {
    const s = await strengthOf(id);
    if (s && (!best || FIT[s] > best.fit)) best = { nodeId: id, strength: s, fit: FIT[s] };
  }
  if (!best) return [];
  const [node] = await rowsOf<{ name: string; chain: string; leading: boolean }>(
    db,
    sql`select n.name, c.name as chain,
               exists (select 1 from org_chains oc where oc.chain_id = n.chain_id and oc.org_id = ${orgId}) as leading
          from chain_nodes n join chains c on c.id = n.chain_id where n.id = ${best.nodeId}`,
  );
  const where = via === 'placement' ? '产业链图谱（企业所在节点）' : '产业链图谱';
  const quote = `${where}：${node.chain} · ${node.name}（本地${STRENGTH_WORDS[best.strength]}）`;
  return [
    { key: 'chain.node_fit', value: best.fit, qualifier: 'exact', source: 'chain', evidence: { quote } },
    {
      key: 'chain.leading',
      value: node.leading ? 1 : 0,
      qualifier: 'exact',
      source: 'chain',
      evidence: { quote: `${node.chain}${node.leading ? '是' : '不是'}本组织的主导产业链` },
    },
  ] satisfies ProfileFact[];
}
