/** Migration 0003 gives firms written before it the skip-grams that searchTerms() now indexes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { enterprises } from '../../src/db/schema/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { createTestApp, ORG, type TestContext } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('fills in the skip-grams of firms indexed before them, exactly as searchTerms() computes them', async () => {
  const name = '中交慧运（盐城）科技有限公司';
  const terms = searchTerms(name);
  const [row] = await t.database.db
    .insert(enterprises)
    .values({
      orgId: ORG.yannan,
      name,
      ...terms,
      // As an older version indexed it: bigrams only.
      searchGrams: terms.searchGrams.filter((g) => !g.startsWith('~')),
      provenance: { source: { kind: 'api', client: 'test' }, asOf: '2026-01-01' },
    } as typeof enterprises.$inferInsert)
    .returning({ id: enterprises.id });
  const migration = readFileSync(path.join(MIGRATIONS_DIR, '0003_search_skip_grams.sql'), 'utf8');
  await t.database.db.execute(sql.raw(migration));
  const [after] = await t.database.db
    .select({ grams: enterprises.searchGrams })
    .from(enterprises)
    .where(eq(enterprises.id, row.id));
  expect(after.grams?.toSorted()).toEqual(terms.searchGrams.toSorted());
  expect(after.grams).toContain('~交运');
});
