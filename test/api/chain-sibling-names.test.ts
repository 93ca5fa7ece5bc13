/** Sibling chain nodes never share a name, even when two admins add the same one at once, and the
 *  upgrade that brings in the rule numbers the twins older data already held instead of failing. */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows.js';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { type ChainNode, nodeNamed, tree } from '../helpers/chain-firms.js';

let t: TestContext;
let admin: Client;
let nodes: ChainNode[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  const made = await admin.post('/api/v1/chains/import', {
    key: 'yn-sibling',
    name: '同级重名测试链',
    segments: [{ segment: 'midstream', children: [{ name: '软件' }] }],
  });
  expect(made.statusCode, made.body).toBe(200);
  ({ nodes } = await tree(admin, made.json().id));
});
afterAll(() => t.close());

const db = () => t.database.db;

describe('sibling names', () => {
  it('lets only one of two simultaneous adds of a name through, and says why to the other', async () => {
    const parentId = nodeNamed(nodes, '软件').id;
    const both = await Promise.all([
      admin.post('/api/v1/chain-nodes', { parentId, name: '工业软件' }),
      admin.post('/api/v1/chain-nodes', { parentId, name: '工业软件' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = both.find((r) => r.statusCode === 409);
    expect(refused?.json().code).toBe('chain.duplicate_name');
  });

  it('is kept by the database too, not only by the check before the write', async () => {
    const parentId = nodeNamed(nodes, '软件').id;
    const write = db().execute(sql`
      insert into chain_nodes (chain_id, parent_id, segment, depth, name)
      select chain_id, ${parentId}, segment, depth + 1, '工业软件' from chain_nodes where id = ${parentId}`);
    await expect(write).rejects.toThrow();
  });

  it('numbers the twins older data holds when the rule arrives', async () => {
    const parentId = nodeNamed(nodes, '软件').id;
    await db().execute(sql`drop index chain_nodes_sibling_name_idx`);
    for (let i = 0; i < 2; i++)
      await db().execute(sql`
        insert into chain_nodes (chain_id, parent_id, segment, depth, name, created_at)
        select chain_id, ${parentId}, segment, depth + 1, '嵌入式软件', now() + ${`${i} second`}::interval
          from chain_nodes where id = ${parentId}`);
    const migration = readFileSync('src/db/migrations/0022_chain_sibling_names.sql', 'utf8');
    for (const statement of migration.split('--> statement-breakpoint'))
      await db().execute(sql.raw(statement));
    const names = await rowsOf<{ name: string }>(
      db(),
      sql`select name from chain_nodes where parent_id = ${parentId}`,
    );
    expect(names.map((n) => n.name).sort()).toEqual(['嵌入式软件', '嵌入式软件（2）', '工业软件'].sort());
  });
});
