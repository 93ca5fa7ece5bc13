/** Demo policies for 盐南高新区, 盐城市 and 南通开发区, modelled on the support policies the reports name
 *  (高企认定奖励, 研发费用加计扣除, 科技创新券, 科小入库奖励, 专精特新奖励). Windows follow the current
 *  year, so the demo always has open policies. Idempotent per org: an org that already has demo
 *  policies is skipped. Amounts and document numbers of local policies are illustrative. */
import { and, eq, inArray } from 'drizzle-orm';
import type { PolicyConditions } from '../../domain/policy/conditions.js';
import { chinaToday } from '../../domain/text/china-today.js';
import { writeAudit } from '../../server/audit.js';
import type { Tx } from '../client.js';
import { type PolicyBenefit, policies } from '../schema/index.js';
import { DEMO_ORGS } from './demo-data.js';

type DemoPolicy = {
  org: string;
  title: string;
  issuer: string;
  documentNo: string;
  summary: string;
  regionScope: string;
  validFrom: string;
  validTo: string;
  applyFrom: string;
  applyTo: string;
  benefits: PolicyBenefit[];
  conditions: PolicyConditions;
};

/** The demo policies for the year of `on` (YYYY-MM-DD). */
export function demoPolicies(on: string): DemoPolicy[] {
  const y = Number(on.slice(0, 4));
  const thisYear = { validFrom: `${y}-01-01`, validTo: `${y + 1}-12-31` };
  return [
    {
      org: 'yannan',
      title: '盐南高新区高新技术企业认定奖励',
      issuer: '盐城市盐南高新技术产业开发区管理委员会',
      documentNo: `盐南管发〔${y}〕12号`,
      summary:
        '对本年度首次通过高新技术企业认定的区内企业给予一次性奖励；对符合条件、尚未认定的企业提前辅导申报。',
      regionScope: '3209',
      ...thisYear,
      applyFrom: `${y}-01-01`,
      applyTo: `${y}-12-31`,
      benefits: [{ kind: 'subsidy', amount: 200_000, text: '首次认定的高新技术企业一次性奖励 20 万元' }],
      conditions: {
        all: [{ kind: 'universe_local' }, { kind: 'age', min: 1 }],
        anyOf: [
          { kind: 'tier_held', tier: 'hnte', issuedFrom: `${y}-01-01`, firstTime: true },
          { kind: 'tier_eligible', tier: 'hnte', includeHolding: false },
        ],
      },
    },
    {
      org: 'yancheng',
      title: '企业研发费用税前加计扣除',
      issuer: '财政部 税务总局',
      documentNo: '财政部 税务总局公告2023年第7号',
      summary:
        '企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在按规定据实扣除的基础上，再按照实际发生额的 100% 在税前加计扣除；形成无形资产的，按照无形资产成本的 200% 在税前摊销。',
      regionScope: '3209',
      ...thisYear,
      applyFrom: `${y}-01-01`,
      applyTo: `${y + 1}-05-31`,
      benefits: [{ kind: 'tax', amount: null, text: '研发费用按实际发生额的 100% 在企业所得税税前加计扣除' }],
      conditions: { all: [{ kind: 'universe_local' }, { kind: 'rd_expense' }] },
    },
    {
      org: 'yancheng',
      title: '盐城市科技创新券',
      issuer: '盐城市科学技术局',
      documentNo: `盐科发〔${y}〕23号`,
      summary:
        '支持科技型中小企业购买检验检测、研发设计、技术转移等科技服务，按服务费用的 50% 以创新券兑付。',
      regionScope: '3209',
      ...thisYear,
      applyFrom: `${y}-03-01`,
      applyTo: `${y}-12-31`,
      benefits: [{ kind: 'voucher', amount: 300_000, text: '每家企业每年最高 30 万元科技创新券' }],
      conditions: {
        all: [{ kind: 'universe_local' }, { kind: 'age', min: 1 }],
        anyOf: [
          { kind: 'tier_held', tier: 'tech_sme' },
          { kind: 'tier_eligible', tier: 'tech_sme' },
        ],
      },
    },
    {
      org: 'yannan',
      title: '盐南高新区首次入库科技型中小企业奖励',
      issuer: '盐城市盐南高新技术产业开发区管理委员会',
      documentNo: `盐南管发〔${y}〕13号`,
      summary: '对本年度首次评价入库的科技型中小企业给予奖励，鼓励符合条件的企业及时申请入库。',
      regionScope: '3209',
      ...thisYear,
      applyFrom: `${y}-01-01`,
      applyTo: `${y}-12-31`,
      benefits: [{ kind: 'subsidy', amount: 20_000, text: '首次入库的科技型中小企业奖励 2 万元' }],
      conditions: {
        all: [
          { kind: 'universe_local' },
          { kind: 'employees', max: 500 },
          { kind: 'revenue', max: 200_000_000 },
        ],
        anyOf: [
          { kind: 'tier_held', tier: 'tech_sme', issuedFrom: `${y}-01-01`, firstTime: true },
          { kind: 'tier_eligible', tier: 'tech_sme', includeHolding: false },
        ],
      },
    },
    {
      org: 'yannan',
      title: '盐南高新区专精特新中小企业奖励',
      issuer: '盐城市盐南高新技术产业开发区管理委员会',
      documentNo: `盐南管发〔${y}〕15号`,
      summary: '对首次认定为省级专精特新中小企业的区内企业给予奖励（已获“小巨人”奖励的不重复奖励）。',
      regionScope: '3209',
      ...thisYear,
      applyFrom: `${y}-04-01`,
      applyTo: `${y}-12-31`,
      benefits: [{ kind: 'subsidy', amount: 300_000, text: '首次认定的专精特新中小企业一次性奖励 30 万元' }],
      conditions: {
        all: [
          { kind: 'universe_local' },
          { kind: 'tier_not_held', tier: 'little_giant' },
          { kind: 'revenue', min: 10_000_000 },
          { kind: 'rd_ratio', min: 0.03 },
        ],
        anyOf: [
          { kind: 'tier_held', tier: 'specialized_sme', issuedFrom: `${y}-01-01`, firstTime: true },
          { kind: 'tier_eligible', tier: 'specialized_sme', includeHolding: false },
        ],
      },
    },
    {
      org: 'ntkfq',
      title: '南通开发区高新技术企业培育奖励',
      issuer: '南通经济技术开发区管理委员会',
      documentNo: `通开发〔${y}〕8号`,
      summary: '对列入高企培育库、研发投入达标并拥有 I 类知识产权的区内企业给予培育奖励。',
      regionScope: '3206',
      ...thisYear,
      applyFrom: `${y}-02-01`,
      applyTo: `${y}-12-31`,
      benefits: [{ kind: 'subsidy', amount: 100_000, text: '入库培育企业奖励 10 万元' }],
      conditions: {
        all: [
          { kind: 'universe_local' },
          { kind: 'age', min: 1 },
          { kind: 'rd_ratio', min: 0.03 },
          { kind: 'class1_ip', min: 1 },
          { kind: 'tier_not_held', tier: 'hnte' },
        ],
      },
    },
  ];
}

/** Inserts the demo policies of each demo org that has none yet; returns how many were added. */
export async function seedDemoPolicies(db: Tx, on = chinaToday()): Promise<number> {
  const list = demoPolicies(on);
  const orgIds = new Map(DEMO_ORGS.map((o) => [o.code, o.id]));
  const wanted = [...new Set(list.map((p) => orgIds.get(p.org) as string))];
  const seeded = await db
    .selectDistinct({ orgId: policies.orgId })
    .from(policies)
    .where(and(inArray(policies.orgId, wanted), eq(policies.demo, true)));
  const skip = new Set(seeded.map((r) => r.orgId));
  let added = 0;
  for (const { org, ...p } of list) {
    const orgId = orgIds.get(org) as string;
    if (skip.has(orgId)) continue;
    const [row] = await db
      .insert(policies)
      .values({ ...p, orgId, status: 'published', demo: true })
      .returning({ id: policies.id });
    await writeAudit(db, null, {
      action: 'create',
      entity: 'policy',
      entityId: row.id,
      orgId,
      after: { title: p.title, documentNo: p.documentNo },
    });
    added++;
  }
  return added;
}
