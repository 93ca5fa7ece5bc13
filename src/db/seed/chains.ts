/** The chain templates at the platform's root org, and the demo orgs' leading chains ("3+1"):
 *  盐南高新区 新能源 (光伏、风电、储能) + 集成电路; 南通开发区 高端装备、新能源汽车、新材料. Idempotent. */
import { and, eq, inArray } from 'drizzle-orm';
import { CHAIN_TEMPLATES } from '../../domain/chain/templates.js';
import { writeChain } from '../../server/modules/chains/import.js';
import type { Tx } from '../client.js';
import { chains, jobs, orgChains } from '../schema/index.js';
import { DEMO_ORGS, ROOT_ORG } from './demo-data.js';

const LEADING: Record<string, string[]> = {
  yannan: ['pv', 'wind', 'storage', 'ic'],
  ntkfq: ['equip', 'nev', 'newmat'],
};

export async function seedChainTemplates(tx: Tx) {
  for (const c of CHAIN_TEMPLATES) {
    const [have] = await tx
      .select({ id: chains.id })
      .from(chains)
      .where(and(eq(chains.orgId, ROOT_ORG.id), eq(chains.key, c.key)));
    if (!have) await writeChain(tx, ROOT_ORG.id, c);
  }
  for (const [code, keys] of Object.entries(LEADING)) {
    const org = DEMO_ORGS.find((o) => o.code === code);
    if (!org) continue;
    const rows = await tx
      .select({ id: chains.id, key: chains.key })
      .from(chains)
      .where(and(eq(chains.orgId, ROOT_ORG.id), inArray(chains.key, keys)));
    const values = keys
      .map((k, position) => ({ orgId: org.id, chainId: rows.find((r) => r.key === k)?.id, position }))
      .filter((v): v is { orgId: string; chainId: string; position: number } => Boolean(v.chainId));
    if (values.length) await tx.insert(orgChains).values(values).onConflictDoNothing();
  }
}

/** After the demo firms are written: place them on the chains, as background jobs of the demo orgs that
 *  have leading chains (the 任务中心 shows their progress). */
export async function queueDemoPlacements(tx: Tx) {
  for (const code of Object.keys(LEADING)) {
    const org = DEMO_ORGS.find((o) => o.code === code);
    if (org)
      await tx.insert(jobs).values({ kind: 'chain.placement', params: { orgId: org.id }, orgId: org.id });
  }
}
