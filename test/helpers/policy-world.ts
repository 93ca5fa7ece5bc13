/** The world the 政策找企业 API tests share: 盐南 firms at, just below and far from a 3 % R&D threshold,
 *  one without figures, one registered elsewhere, one whose name is a spreadsheet formula, a 南通 firm,
 *  and 盐南's R&D policy that finds them. */
import { expect } from 'vitest';
import { enterpriseIp, enterpriseYears, qualifications } from '../../src/db/schema/index.js';
import { type Client, createTestApp, login, ORG, type TestContext } from './app.js';
import { addFirm, TEST_PROV as prov } from './firms.js';

export const Y = new Date().getUTCFullYear();
export const LAST = Y - 1;

export type FirmOpts = {
  org?: string;
  regionCode?: string;
  rd?: number | null;
  inventions?: number;
  hnte?: { issuedOn: string; expiresOn: string };
};

/** A local firm with last year's figures: 1 亿元 revenue and `rd` 元 of R&D (3,000,000 = exactly 3 %). */
export async function addPolicyFirm(t: TestContext, name: string, o: FirmOpts = {}) {
  const { db } = t.database;
  const id = await addFirm(db, name, {
    org: o.org,
    fields: { establishedOn: '2018-03-01', regionCode: o.regionCode ?? '320902', universe: 'local' },
  });
  if (o.rd !== null)
    await db.insert(enterpriseYears).values({
      enterpriseId: id,
      year: LAST,
      employees: 100,
      revenue: 100_000_000,
      rdExpense: o.rd ?? 3_000_000,
      provenance: prov,
    });
  if (o.inventions)
    await db
      .insert(enterpriseIp)
      .values({ enterpriseId: id, kind: 'invention_patent', count: o.inventions, provenance: prov });
  if (o.hnte)
    await db.insert(qualifications).values({ enterpriseId: id, tier: 'hnte', ...o.hnte, provenance: prov });
  return id;
}

export const EVIL = '=HYPERLINK("http://evil")';

export const RD_POLICY = {
  title: '盐南研发投入奖励（测试）',
  issuer: '盐城市盐南高新技术产业开发区管理委员会',
  documentNo: `盐南管发〔${Y}〕99号`,
  regionScope: '3209',
  applyFrom: `${Y}-01-01`,
  applyTo: `${Y + 1}-06-30`,
  benefits: [{ kind: 'subsidy', amount: 100_000, text: '研发投入达标企业奖励 10 万元' }],
  conditions: { all: [{ kind: 'universe_local' }, { kind: 'age', min: 1 }, { kind: 'rd_ratio', min: 0.03 }] },
  status: 'published',
};

export type PolicyWorld = {
  t: TestContext;
  officer: Client;
  leader: Client;
  ntOfficer: Client;
  firms: Record<string, string>;
  rdPolicy: { id: string; version: number };
};

export async function setUpPolicyWorld(): Promise<PolicyWorld> {
  const t = await createTestApp();
  const addFirm = (name: string, o?: FirmOpts) => addPolicyFirm(t, name, o);
  const firms: Record<string, string> = {};
  const officer = await login(t.app, 'officer');
  const leader = await login(t.app, 'leader');
  const ntOfficer = await login(t.app, 'nt_officer');
  firms.at = await addFirm('盐南政策甲科技有限公司'); // exactly 3 %
  firms.below = await addFirm('盐南政策乙科技有限公司', { rd: 2_900_000 }); // 2.9 %: within 20 %
  firms.far = await addFirm('盐南政策丙科技有限公司', { rd: 1_000_000 });
  firms.noFigures = await addFirm('盐南政策丁科技有限公司', { rd: null });
  firms.elsewhere = await addFirm('盐南政策戊科技有限公司', { regionCode: '320612' });
  firms.evil = await addFirm(EVIL, { rd: 5_000_000 });
  firms.nantong = await addFirm('南通政策甲科技有限公司', {
    org: ORG.ntkfq,
    regionCode: '320671',
    rd: 5_000_000,
    inventions: 1,
  });
  const res = await officer.post('/api/v1/policies', RD_POLICY);
  expect(res.statusCode, res.body).toBe(201);
  return { t, officer, leader, ntOfficer, firms, rdPolicy: res.json() };
}

export type Item = {
  name: string;
  enterpriseId: string;
  unmet: { clause: string; actual: string; text: string }[];
};
export const names = (items: Item[]) => items.map((i) => i.name).sort();
