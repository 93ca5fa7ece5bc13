/** A firm put straight into the registry for a test, with the search terms an import would give it,
 *  so search, pickers and the graph find it like any other. */
import type { Db } from '../../src/db/client.js';
import { enterprises } from '../../src/db/schema/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { ORG } from './app.js';

/** Where a test's own facts say they came from: the API, as of a fixed day. */
export const TEST_PROV = { source: { kind: 'api' as const, client: 'test' }, asOf: '2026-01-01' };

export async function addFirm(
  db: Db,
  name: string,
  opts: { org?: string; uscc?: string | null; fields?: Partial<typeof enterprises.$inferInsert> } = {},
): Promise<string> {
  const [row] = await db
    .insert(enterprises)
    .values({
      orgId: opts.org ?? ORG.yannan,
      name,
      uscc: opts.uscc ?? null,
      ...searchTerms(name),
      ...opts.fields,
      provenance: TEST_PROV,
    })
    .returning({ id: enterprises.id });
  return row.id;
}
