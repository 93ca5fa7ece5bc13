import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchTerms } from '../../../domain/enterprise/search-terms.js';
import { normalizeCompanyName } from '../../../domain/text/company-name.js';
import { type Database, openDatabase } from '../../client.js';
import { migrate } from '../../migrate.js';
import { enterprises } from '../../schema/index.js';
import { seedDemo } from '../seed.js';
import { generateEnterprises } from './generate.js';
import { seedEnterprises } from './seed-enterprises.js';

const AS_OF = '2026-11-21';
let database: Database;

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await seedDemo(database.db);
}, 120_000);
afterAll(() => database.close());

const count = async (table: string) => {
  const r = (await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return r.rows[0].n;
};

describe('seedEnterprises', () => {
  it('writes the generated firms with their figures, titles and sources, then skips seeded orgs', async () => {
    const progress: number[] = [];
    const opts = { count: 240, targetCount: 60, seed: 9, asOf: AS_OF, batchSize: 100 };
    const all = [...generateEnterprises(opts)];
    // A firm someone imported already: the demo seed must keep it and skip its own copy.
    const clash = all[7];
    await database.db.insert(enterprises).values({
      orgId: clash.orgId,
      uscc: clash.uscc,
      name: '已导入的企业有限公司',
      nameNormalized: '已导入的企业有限公司',
      nameCore: '已导入的企业',
      provenance: { source: { kind: 'user', userId: 'u', userName: '张专员' }, asOf: AS_OF },
    });
    const first = await seedEnterprises(database.db, { ...opts, onProgress: (p) => progress.push(p.done) });
    expect(first).toMatchObject({ inserted: 299, skipped: 1 });
    expect(first.byOrg.yannan).toBeGreaterThan(60);
    expect(progress.at(-1)).toBe(300);

    const firms = all.filter((f) => f !== clash);
    const rows = await database.db.select().from(enterprises);
    expect(rows).toHaveLength(300);
    expect(rows.find((r) => r.uscc === clash.uscc)?.name).toBe('已导入的企业有限公司');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.has(clash.id)).toBe(false);
    for (const f of firms) {
      const row = byId.get(f.id);
      expect(row?.orgId).toBe(f.orgId);
      expect(row?.uscc).toBe(f.uscc);
      expect(row?.universe).toBe(f.universe);
      expect(row?.nameNormalized).toBe(normalizeCompanyName(f.name).normalized);
      expect(row?.nameCore).toBe(normalizeCompanyName(f.name).core);
      expect(row?.searchGrams).toEqual(searchTerms(f.name, f.aliases).searchGrams);
      expect(row?.registeredCapital).toBe(f.registeredCapital);
      expect(row?.provenance).toEqual({ source: { kind: 'api', client: 'demo-seed' }, asOf: AS_OF });
    }
    const sum = (pick: (f: (typeof firms)[number]) => number) => firms.reduce((n, f) => n + pick(f), 0);
    expect(await count('enterprise_years')).toBe(sum((f) => f.years.length));
    expect(await count('enterprise_ip')).toBe(sum((f) => Object.keys(f.ip).length));
    expect(await count('qualifications')).toBe(sum((f) => f.qualifications.length));
    expect(await count('funding_rounds')).toBe(sum((f) => f.fundingRounds.length));
    expect(await count('rd_institutions')).toBe(sum((f) => f.rdInstitutions.length));
    const target = await database.db.select().from(enterprises).where(eq(enterprises.universe, 'target'));
    expect(target).toHaveLength(60);

    const again = await seedEnterprises(database.db, { ...opts, count: 500 });
    expect(again.inserted).toBe(0);
    expect(again.skippedGroups).toContain('yannan:target');
    expect(await count('enterprises')).toBe(300);
  }, 120_000);
});
