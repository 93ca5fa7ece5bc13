/** Merging stays inside one org's registry, keeps what either record knew, and leaves the merged-away
 *  record readable but closed to edits that nobody would ever see. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { makeUscc } from '../helpers/enterprise-files.js';
import { importCsv } from '../helpers/import-job.js';

let t: TestContext;
let officer: Client;
let ntOfficer: Client;
let sysadmin: Client;

const USCC = makeUscc(41);
const OTHER = makeUscc(42);
type Firm = { id: string; name: string; version: number; uscc: string | null };
const firm = async (client: Client, q: string): Promise<Firm> =>
  (await client.get(`/api/v1/enterprises?q=${encodeURIComponent(q)}`)).json().items[0];

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
  ntOfficer = await login(t.app, 'nt_officer');
  sysadmin = await login(t.app, 'sysadmin');
  await importCsv(
    officer,
    [
      '统一社会信用代码,企业名称,行政区划代码,是否上市',
      `${USCC},盐南合并测试科技有限公司,320904,否`,
      `,盐南合并测试科技(江苏)有限公司,320904,是`,
      `${OTHER},盐南另一家测试有限公司,320904,否`,
    ].join('\n'),
  );
  // 南通 holds the same firm as its own target record.
  await importCsv(
    ntOfficer,
    `统一社会信用代码,企业名称,行政区划代码\n${USCC},盐南合并测试科技有限公司,320904\n`,
  );
});
afterAll(() => t.close());

describe('merging', () => {
  it('never pairs or merges firms of two orgs, even with one uscc', async () => {
    const pairs = (await sysadmin.get('/api/v1/enterprises/duplicates?pageSize=100')).json();
    const crossOrg = pairs.items.filter(
      (p: { a: { uscc: string | null }; b: { uscc: string | null } }) =>
        p.a.uscc === USCC && p.b.uscc === USCC,
    );
    expect(crossOrg).toEqual([]);
    const mine = await firm(officer, USCC);
    const theirs = await firm(ntOfficer, USCC);
    expect(theirs.id).not.toBe(mine.id);
    const res = await sysadmin.post('/api/v1/enterprises/merge', {
      keepId: mine.id,
      mergeId: theirs.id,
      keepVersion: mine.version,
      mergeVersion: theirs.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('enterprise.merge_other_org');
    expect((await firm(ntOfficer, USCC)).id).toBe(theirs.id);
  });

  it('keeps 是否上市 from either record and names the merged firm in the history', async () => {
    const keep = await firm(officer, USCC);
    const gone = await firm(officer, '盐南合并测试科技(江苏)有限公司');
    expect(gone.uscc).toBeNull();
    const res = await officer.post('/api/v1/enterprises/merge', {
      keepId: keep.id,
      mergeId: gone.id,
      keepVersion: keep.version,
      mergeVersion: gone.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().listed).toBe(true);
    const merge = res.json().history.find((h: { after: { mergedFrom?: string } }) => h.after?.mergedFrom);
    expect(merge.after.mergedFrom).toBe('盐南合并测试科技(江苏)有限公司');
  });

  it('shows the merged-away record with where it went, and refuses edits to it', async () => {
    const keep = await firm(officer, USCC);
    const kept = (await officer.get(`/api/v1/enterprises/${keep.id}`)).json();
    const goneId = kept.history.find((h: { entityId: string }) => h.entityId !== keep.id).entityId;
    const gone = (await officer.get(`/api/v1/enterprises/${goneId}`)).json();
    expect(gone.mergedInto).toEqual({ id: keep.id, name: '盐南合并测试科技有限公司' });
    const edit = await officer.patch(`/api/v1/enterprises/${goneId}`, {
      version: gone.version,
      address: '幽灵地址',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('enterprise.merged');
    expect(edit.json().message).toContain('已并入“盐南合并测试科技有限公司”');
    const year = await officer.request('PUT', `/api/v1/enterprises/${goneId}/years/2024`, {
      version: gone.version,
      revenue: 1_000_000,
    });
    expect(year.json().code).toBe('enterprise.merged');
    expect((await officer.get(`/api/v1/enterprises/${keep.id}`)).json().mergedInto).toBeNull();
  });
});

describe('the credit code on edit', () => {
  it('names the firm that already holds a code, on the uscc field', async () => {
    const other = await firm(officer, OTHER);
    const res = await officer.patch(`/api/v1/enterprises/${other.id}`, {
      version: other.version,
      uscc: USCC,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().details[0]).toMatchObject({ field: 'body.uscc' });
    expect(res.json().details[0].message).toContain('已属于本组织的“盐南合并测试科技有限公司”');
  });

  it('reads an emptied code as no code', async () => {
    const other = await firm(officer, OTHER);
    const res = await officer.patch(`/api/v1/enterprises/${other.id}`, { version: other.version, uscc: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().uscc).toBeNull();
  });
});

describe('pairs whatever the order of their ids', () => {
  it('pairs a firm with a code and its code-less twin, with the code-less one first or second', async () => {
    const { sql } = await import('drizzle-orm');
    const db = t.database.db;
    const source = await firm(officer, USCC);
    // Copies of one firm without its code, one id sorting before every other and one after: a pair
    // with one code missing was dropped when the code-less firm came second (a null in the join).
    for (const [id, name] of [
      ['00000000-0000-4000-8000-00000000aaaa', '盐南合并测试科技有限公司（前）'],
      ['ffffffff-ffff-4fff-bfff-ffffffffaaaa', '盐南合并测试科技有限公司（后）'],
    ]) {
      // One statement (a pool may run separate ones on separate connections).
      await db.execute(sql`
        insert into enterprises
        select (jsonb_populate_record(null::enterprises,
                  to_jsonb(e) || jsonb_build_object('id', ${id}::text, 'uscc', null, 'name', ${name}::text))).*
          from enterprises e where e.id = ${source.id}`);
    }
    const pairs = (await officer.get('/api/v1/enterprises/duplicates?pageSize=100')).json();
    const withSource = pairs.items.filter(
      (p: { a: { id: string }; b: { id: string } }) => p.a.id === source.id || p.b.id === source.id,
    );
    const others = withSource.map((p: { a: { id: string }; b: { id: string } }) =>
      p.a.id === source.id ? p.b.id : p.a.id,
    );
    expect(others.sort()).toEqual([
      '00000000-0000-4000-8000-00000000aaaa',
      'ffffffff-ffff-4fff-bfff-ffffffffaaaa',
    ]);
  });
});
