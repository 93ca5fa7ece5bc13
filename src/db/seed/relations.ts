import { type DemoFirm, today } from './enterprises/generate.js';
import type { IndustryKey } from './enterprises/industries.js';
import { mix32, Rng } from './enterprises/random.js';
import {
  BY_INDUSTRY,
  CITY_OF_ORG,
  CUSTOMERS,
  LOCAL_FUNDS,
  NATIONAL,
  NATIONAL_FUNDS,
  NEAR,
  personNameAt,
} from './relation-parties.js';

export type RelationFirm = Pick<
  DemoFirm,
  'id' | 'orgId' | 'universe' | 'index' | 'industry' | 'name' | 'fundingRounds'
>;

export type DemoParty = { id: string; orgId: string; kind: 'person' | 'institution'; name: string };

export type DemoRelation = {
  orgId: string;
  kind: 'shareholding' | 'investment' | 'supply' | 'cooperation' | 'same_controller';
  fromType: 'enterprise' | 'party';
  fromId: string;
  toType: 'enterprise' | 'party';
  toId: string;
  share: number | null;
  round: string | null;
  /** 元. */
  amount: number | null;
  asOf: string;
  dedupeKey: string;
};

export type GeneratedRelations = { parties: DemoParty[]; relations: DemoRelation[] };

/** Firms per block: relations between firms are drawn within one block of one org. */
export const RELATION_BLOCK = 4096;

// ---------------------------------------------------------------------------------------------------
// Ids

/** A 32-bit hash of a string (FNV-1a then mixed). */
function hashString(s: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return mix32(h);
}

const hex = (n: number, len: number) => (n >>> 0).toString(16).padStart(8, '0').slice(-len);

/** A stable v4-shaped party id from the org, kind and name. */
export function partyId(orgId: string, kind: string, name: string): string {
  const s = `${orgId}|${kind}|${name}`;
  const [a, b, c, d] = [1, 2, 3, 4].map((k) => hashString(s, k * 0x9e3779b9));
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b, 3)}-b${hex(c, 3)}-${hex(c >>> 12, 4)}${hex(d, 8)}`;
}

// ---------------------------------------------------------------------------------------------------
// Generation

const r4 = (x: number) => Math.floor(x * 10000) / 10000;
const pad = (n: number) => String(n).padStart(2, '0');
const dateBefore = (rng: Rng, asOf: string, years: number) =>
  `${Number(asOf.slice(0, 4)) - rng.int(1, years)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;

/** `shares` drawn so they sum to `total` (≤ 1) at most, largest first, each at least 0.01. */
function splitShares(rng: Rng, n: number, total: number): number[] {
  if (n <= 0 || total < 0.01 * n) return [];
  const w = Array.from({ length: n }, (_, i) => rng.uniform(0.5, 1) * (n - i) ** 1.5);
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Math.max(0.01, r4((x / sum) * total - 0.0001)));
}

type Holding = { holder: number; share: number };

/** Relations of firms (all of one or several orgs, in a stable order): deterministic for the seed and the
 *  firm list. Firms are split by org, then into blocks of RELATION_BLOCK in list order. */
export function generateRelations(
  firms: readonly RelationFirm[],
  opts: { seed: number; asOf?: string },
): GeneratedRelations {
  const byOrg = new Map<string, RelationFirm[]>();
  for (const f of firms) {
    const list = byOrg.get(f.orgId);
    if (list) list.push(f);
    else byOrg.set(f.orgId, [f]);
  }
  const out: GeneratedRelations = { parties: [], relations: [] };
  const seen = new Set<string>();
  for (const list of byOrg.values())
    for (let b = 0; b * RELATION_BLOCK < list.length; b++) {
      const got = generateBlock(list.slice(b * RELATION_BLOCK, (b + 1) * RELATION_BLOCK), b, opts);
      for (const p of got.parties) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        out.parties.push(p);
      }
      out.relations.push(...got.relations);
    }
  return out;
}

/** Relations of one block (firms of one org, at most RELATION_BLOCK), block number `block` of that org. */
export function generateBlock(
  firms: readonly RelationFirm[],
  block: number,
  opts: { seed: number; asOf?: string },
): GeneratedRelations {
  const n = firms.length;
  const asOf = opts.asOf ?? today();
  const orgId = firms[0]?.orgId ?? '';
  const orgKey = hashString(orgId);
  const rng = new Rng(opts.seed, 0x7e1 ^ orgKey, block);
  const city = CITY_OF_ORG.get(orgId) ?? 'yancheng';
  const parties = new Map<string, DemoParty>();
  const relations = new Map<string, DemoRelation>();
  const party = (kind: DemoParty['kind'], name: string) => {
    const id = partyId(orgId, kind, name);
    if (!parties.has(id)) parties.set(id, { id, orgId, kind, name });
    return id;
  };
  const add = (
    kind: DemoRelation['kind'],
    from: { type: 'enterprise' | 'party'; id: string },
    to: { type: 'enterprise' | 'party'; id: string },
    x: { share?: number; round?: string; amount?: number; asOf?: string } = {},
  ) => {
    if (from.id === to.id) return false;
    const dedupeKey = `${kind}|${from.id}|${to.id}|${x.round ?? ''}`;
    const known = relations.get(dedupeKey);
    if (known) {
      // The same investor twice in one round: one relation with both amounts.
      if (known.amount !== null && x.amount !== undefined) known.amount += x.amount;
      return false;
    }
    relations.set(dedupeKey, {
      orgId,
      kind,
      fromType: from.type,
      fromId: from.id,
      toType: to.type,
      toId: to.id,
      share: x.share ?? null,
      round: x.round ?? null,
      amount: x.amount ?? null,
      asOf: x.asOf ?? asOf,
      dedupeKey,
    });
    return true;
  };
  const firm = (i: number) => ({ type: 'enterprise' as const, id: firms[i].id });

  // --- Groups: ~15 % of the firms held 51–100 % by another firm, in trees of 2–4 levels.
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const parentOf = new Map<number, Holding>(); // subsidiary → parent firm and share
  const crossIn = new Map<number, Holding>(); // parent → a subsidiary's small stake in it
  const roots: number[] = [];
  let cursor = 0;
  const wantSubs = Math.round(n * 0.15);
  let subs = 0;
  while (subs < wantSubs && cursor < n - 1) {
    const root = order[cursor++];
    roots.push(root);
    const levels = rng.weighted([
      [2, 5],
      [3, 3],
      [4, 2],
    ] as const);
    // A spine of `levels` firms, then 0–3 more subsidiaries hung anywhere above the bottom.
    const members = [root];
    const levelOf = new Map([[root, 1]]);
    let up = root;
    for (let l = 2; l <= levels && cursor < n && subs < wantSubs; l++) {
      const sub = order[cursor++];
      const share = rng.chance(0.35) ? 1 : r4(rng.uniform(0.51, 0.95));
      parentOf.set(sub, { holder: up, share });
      levelOf.set(sub, l);
      members.push(sub);
      subs++;
      up = sub;
    }
    for (let k = rng.int(0, 3); k > 0 && cursor < n && subs < wantSubs; k--) {
      const parent = members[rng.int(0, members.length - 1)];
      if ((levelOf.get(parent) ?? 4) >= 4) continue;
      const sub = order[cursor++];
      parentOf.set(sub, { holder: parent, share: rng.chance(0.35) ? 1 : r4(rng.uniform(0.51, 0.95)) });
      levelOf.set(sub, (levelOf.get(parent) ?? 1) + 1);
      members.push(sub);
      subs++;
    }
    // A few groups: the bottom firm holds a small stake in the root (交叉持股).
    if (members.length >= 3 && rng.chance(0.12)) {
      crossIn.set(root, { holder: members[members.length - 1], share: r4(rng.uniform(0.02, 0.1)) });
    }
  }

  // --- Shareholders: persons for every firm, after the corporate holdings.
  const topPerson = new Map<number, string>();
  const personKey = mix32(opts.seed ^ orgKey);
  const wantPairs = Math.max(n >= 40 ? 1 : 0, Math.round(n * 0.01));
  // Same-controller pairs among the firms no other firm holds: the second's largest holder is the first's.
  const free = order.slice(cursor).filter((i) => !parentOf.has(i));
  const sameAs = new Map<number, number>();
  for (let k = 0; k + 1 < free.length && k / 2 < wantPairs; k += 2) sameAs.set(free[k + 1], free[k]);
  const firstOf = [...sameAs.values()];
  const byHolderFirst = [...firstOf, ...Array.from({ length: n }, (_, i) => i).filter((i) => !sameAs.has(i))];
  // Every firm whose controller is shared is drawn before the firm that shares it.
  const drawn = new Set<number>();
  for (const i of [...byHolderFirst, ...sameAs.keys()]) {
    if (drawn.has(i)) continue;
    drawn.add(i);
    const fr = new Rng(opts.seed, 0x5a0 ^ orgKey, block * RELATION_BLOCK + i);
    const parent = parentOf.get(i);
    const cross = crossIn.get(i);
    let room = 1;
    if (parent) {
      add('shareholding', firm(parent.holder), firm(i), { share: parent.share });
      room -= parent.share;
    }
    if (cross) {
      add('shareholding', firm(cross.holder), firm(i), { share: cross.share });
      room -= cross.share;
    }
    // A subsidiary: the rest held by 0–2 managers, or by nobody listed.
    const count = parent
      ? room >= 0.02 && fr.chance(0.6)
        ? fr.int(1, 2)
        : 0
      : fr.weighted([
          [1, 45],
          [2, 35],
          [3, 20],
        ] as const);
    // Not every share is listed: a slice is sometimes held by an employee platform we do not name.
    const listed = parent ? room : room * (fr.chance(0.75) ? 1 : r4(fr.uniform(0.8, 0.98)));
    const shares = splitShares(fr, count, r4(listed));
    const slot = (block * RELATION_BLOCK + i) * 3;
    for (const [j, share] of shares.entries()) {
      const shared = j === 0 && sameAs.has(i) ? topPerson.get(sameAs.get(i) as number) : undefined;
      const pid = shared ?? party('person', personNameAt(slot + j, personKey));
      if (j === 0) topPerson.set(i, pid);
      add('shareholding', { type: 'party', id: pid }, firm(i), { share });
    }
  }
  for (const [second, first] of sameAs) {
    const pid = topPerson.get(first);
    if (pid && topPerson.get(second) === pid) add('same_controller', firm(first), firm(second), { asOf });
  }

  // --- Investment: one relation per named investor of each round, some rounds with a known fund.
  for (let i = 0; i < n; i++) {
    const f = firms[i];
    if (!f.fundingRounds.length) continue;
    const fr = new Rng(opts.seed, 0x1f0 ^ orgKey, block * RELATION_BLOCK + i);
    for (const r of f.fundingRounds) {
      const investors = [...r.investors];
      if (fr.chance(0.35))
        investors.push(
          f.universe === 'local' && fr.chance(0.6)
            ? fr.pick(LOCAL_FUNDS[city] ?? NATIONAL_FUNDS)
            : fr.pick(NATIONAL_FUNDS),
        );
      const yuan = r.currency === 'USD' ? r.amount * 7.1 : r.amount;
      const each = Math.round(yuan / investors.length / 10000) * 10000;
      for (const name of investors)
        add('investment', { type: 'party', id: party('institution', name) }, firm(i), {
          round: r.round,
          amount: each,
          asOf: r.date,
        });
    }
  }

  // --- Supply: each firm supplies ~0.7 customers of related industries in the block.
  const byIndustry = new Map<IndustryKey, number[]>();
  for (let i = 0; i < n; i++) {
    const list = byIndustry.get(firms[i].industry);
    if (list) list.push(i);
    else byIndustry.set(firms[i].industry, [i]);
  }
  for (let i = 0; i < n; i++) {
    const kinds = CUSTOMERS[firms[i].industry];
    for (let k = rng.poisson(0.7); k > 0; k--) {
      // Likelier the first industries of the list.
      const ind = kinds[Math.min(kinds.length - 1, Math.floor(rng.next() ** 2 * kinds.length))];
      const pool = byIndustry.get(ind) ?? byIndustry.get(firms[i].industry) ?? [];
      if (!pool.length) continue;
      add('supply', firm(i), firm(pool[rng.int(0, pool.length - 1)]), { asOf: dateBefore(rng, asOf, 3) });
    }
  }

  // --- 产学研: about a quarter of the firms with one or two universities or institutes.
  const near = NEAR[city] ?? NATIONAL;
  for (let i = 0; i < n; i++) {
    const f = firms[i];
    const fr = new Rng(opts.seed, 0xc00 ^ orgKey, block * RELATION_BLOCK + i);
    if (!fr.chance(f.universe === 'target' ? 0.26 : 0.22)) continue;
    for (let k = fr.chance(0.3) ? 2 : 1; k > 0; k--) {
      const name = fr.weighted([
        [BY_INDUSTRY[f.industry], 4],
        [near, 4],
        [NATIONAL, 2],
      ] as const);
      add(
        'cooperation',
        firm(i),
        { type: 'party', id: party('institution', fr.pick(name)) },
        {
          asOf: dateBefore(fr, asOf, 4),
        },
      );
    }
  }
  return { parties: [...parties.values()], relations: [...relations.values()] };
}
