/** What the demo's target universe (外地目标企业) makes. Local firms keep their industry's short product
 *  list, which is why the demo regions have missing links; firms elsewhere also make what those links
 *  need — the products of the shipped chain's nodes — so 靶向招商 finds candidates for a missing node
 *  instead of an empty list. */
import type { ChainNodeInput } from '../../../domain/chain/chain-schema.js';
import { CHAIN_TEMPLATES } from '../../../domain/chain/templates.js';
import type { IndustryKey } from './industries.js';

/** The demo industry's chain template, where one ships (汽车零部件 sits on the 新能源汽车 chain). */
const CHAIN_OF: Partial<Record<IndustryKey, string>> = {
  pv: 'pv',
  wind: 'wind',
  storage: 'storage',
  newmat: 'newmat',
  auto: 'nev',
  biomed: 'biomed',
  ic: 'ic',
  equip: 'equip',
};

/** Every node's products, or its first keyword when it lists none (a node like 硅料 names its product). */
function nodeProducts(nodes: ChainNodeInput[], out: Set<string>) {
  for (const n of nodes) {
    if (n.products.length) for (const p of n.products) out.add(p);
    else if (n.keywords.length) out.add(n.keywords[0]);
    nodeProducts(n.children, out);
  }
}

const BY_CHAIN = new Map(
  CHAIN_TEMPLATES.map((c) => {
    const out = new Set<string>();
    for (const s of c.segments) nodeProducts(s.children, out);
    return [c.key, [...out]] as const;
  }),
);

/** The products a target firm of this industry draws from: its industry's own and its chain's. */
export function targetProducts(industry: IndustryKey, own: readonly string[]): readonly string[] {
  const chain = CHAIN_OF[industry];
  const extra = chain ? (BY_CHAIN.get(chain) ?? []) : [];
  return [...new Set([...own, ...extra])];
}
