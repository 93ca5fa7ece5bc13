/** Firms for the chain and 靶向招商 tests, written straight to the registry, and the placement job run
 *  through the API as a user starts it. */
import { expect } from 'vitest';
import { enterpriseYears, qualifications } from '../../src/db/schema/index.js';
import type { Client, TestContext } from './app.js';
import { addFirm as addTestFirm, TEST_PROV } from './firms.js';

export const prov = TEST_PROV;

export type FirmSpec = {
  products?: string;
  scope?: string;
  division?: string;
  revenue?: number;
  hnte?: boolean;
  org?: string;
  target?: boolean;
  uscc?: string;
};

export async function addFirm(t: TestContext, name: string, f: FirmSpec) {
  const { db } = t.database;
  const id = await addTestFirm(db, name, {
    org: f.org,
    uscc: f.uscc,
    fields: {
      mainProducts: f.products ?? null,
      businessScope: f.scope ?? null,
      industryDivision: f.division ?? null,
      universe: f.target ? 'target' : 'local',
    },
  });
  if (f.revenue)
    await db
      .insert(enterpriseYears)
      .values({ enterpriseId: id, year: 2025, revenue: f.revenue, provenance: prov });
  if (f.hnte)
    await db.insert(qualifications).values({
      enterpriseId: id,
      tier: 'hnte',
      issuedOn: '2025-01-01',
      expiresOn: '2027-12-31',
      provenance: prov,
    });
  return id;
}

/** Starts 产业链企业匹配 and waits for it to succeed. */
export async function place(t: TestContext, client: Client) {
  const res = await client.post('/api/v1/chains/placement', {});
  expect(res.statusCode).toBe(202);
  t.runner?.wake();
  for (let i = 0; i < 300; i++) {
    const j = (await client.get(`/api/v1/jobs/${res.json().id}`)).json();
    if (j.status === 'succeeded') return j;
    if (j.status === 'failed') throw new Error(j.error);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('placement timed out');
}

export const chainId = async (client: Client, key: string) =>
  (await client.get('/api/v1/chains')).json().find((c: { key: string }) => c.key === key).id as string;
export const tree = async (client: Client, id: string) => (await client.get(`/api/v1/chains/${id}`)).json();

/** A chain node as GET /api/v1/chains/:id gives it. */
export type ChainNode = {
  id: string;
  parentId: string | null;
  name: string;
  depth: number;
  version: number;
  figures: { firms: number; revenue: number; hnte: number; leaders: number };
  strength: string;
  strengthReason: string;
};

/** The node of that name, or a failure that lists the names there are. */
export const nodeNamed = (nodes: ChainNode[], name: string) => {
  const n = nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name}: ${nodes.map((x) => x.name).join('、')}`);
  return n;
};
