/** Re-importing firms already in the registry: what the import option may change, and how a firm first
 *  imported without its credit code is found again when a later file has it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../helpers/app.js';
import { makeUscc } from '../helpers/enterprise-files.js';

let t: TestContext;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  officer = await login(t.app, 'officer');
});
afterAll(() => t.close());

async function importCsv(name: string, csv: string, fields: Record<string, string> = {}) {
  const res = await officer.postForm('/api/v1/enterprises/imports', fields, {
    name,
    content: Buffer.from(csv),
  });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 300; i++) {
    const job = (await officer.get(`/api/v1/jobs/${res.json().id}`)).json();
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) {
      expect(job.status, job.error).toBe('succeeded');
      return job.result as { inserted: number; updated: number; unchanged: number; rejected: number };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

async function firmsNamed(q: string) {
  const list = (await officer.get(`/api/v1/enterprises?q=${encodeURIComponent(q)}`)).json();
  return Promise.all(
    list.items.map(async (e: { id: string }) => (await officer.get(`/api/v1/enterprises/${e.id}`)).json()),
  );
}

describe('re-importing firms', () => {
  it('keeps a target firm a target firm when its list comes again with the page’s default 本地', async () => {
    const csv = `企业名称,统一社会信用代码,营业收入(万元)\n苏州外地目标光伏有限公司,${makeUscc(8801, '320500')},100\n`;
    expect(await importCsv('目标.csv', csv, { universe: 'target' })).toMatchObject({ inserted: 1 });
    // The page sends universe=local unless the user changes it: that is not a value from the file.
    expect(await importCsv('目标.csv', csv, { universe: 'local' })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    expect((await firmsNamed('苏州外地目标光伏'))[0].universe).toBe('target');
    // A 企业类别 column is the file's own word and does change it.
    const typed = `企业名称,统一社会信用代码,企业类别\n苏州外地目标光伏有限公司,${makeUscc(8801, '320500')},本地\n`;
    expect(await importCsv('类别.csv', typed, { universe: 'target' })).toMatchObject({ updated: 1 });
    expect((await firmsNamed('苏州外地目标光伏'))[0].universe).toBe('local');
  });

  it('gives a firm imported without a credit code the code a later file has, instead of a second firm', async () => {
    const uscc = makeUscc(8802);
    await importCsv('无码.csv', '企业名称,营业收入(万元)\n盐城补码测试科技有限公司,100\n');
    const later = `企业名称,统一社会信用代码,营业收入(万元)\n盐城补码测试科技有限公司,${uscc},120\n`;
    expect(await importCsv('有码.csv', later)).toMatchObject({ inserted: 0, updated: 1 });
    const firms = await firmsNamed('盐城补码测试科技');
    expect(firms).toHaveLength(1);
    expect(firms[0]).toMatchObject({ uscc, reviewReason: null });
    const filled = firms[0].history.find((h: { before?: { uscc?: unknown } }) => h.before?.uscc === null);
    expect(filled).toMatchObject({ action: 'update', before: { uscc: null }, after: { uscc } });
    // The same file again changes nothing: the firm is now found by its code.
    expect(await importCsv('有码.csv', later)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('gives a name’s one code-less firm the first new code only; a second code is a firm of its own', async () => {
    await importCsv('同名.csv', '企业名称,营业收入(万元)\n盐城两个代码科技有限公司,10\n');
    const [a, b] = [makeUscc(8803), makeUscc(8804)];
    const two = `企业名称,统一社会信用代码\n盐城两个代码科技有限公司,${a}\n盐城两个代码科技有限公司,${b}\n`;
    expect(await importCsv('两个代码.csv', two)).toMatchObject({ inserted: 1, updated: 1 });
    const firms = await firmsNamed('盐城两个代码科技');
    expect(firms.map((f: { uscc: string }) => f.uscc).sort()).toEqual([a, b].sort());
  });

  it('does not guess between two code-less firms of the same name', async () => {
    await importCsv('双胞胎.csv', '企业名称,营业收入(万元)\n盐城双胞胎科技有限公司,10\n');
    // A second code-less twin, as a merge-pending duplicate would be; imports never make one.
    await t.database.db.execute(
      "insert into enterprises (org_id, name, name_normalized, name_core, provenance, review_reason) select org_id, name, name_normalized, name_core, provenance, review_reason from enterprises where name = '盐城双胞胎科技有限公司'",
    );
    const coded = `企业名称,统一社会信用代码\n盐城双胞胎科技有限公司,${makeUscc(8805)}\n`;
    expect(await importCsv('双胞胎有码.csv', coded)).toMatchObject({ inserted: 1, updated: 0 });
  });
});

describe('the history of figures an import changes', () => {
  it('keeps the yearly figures and IP counts a later file replaces, with who and which file', async () => {
    const uscc = makeUscc(8810);
    const head = '企业名称,统一社会信用代码,年度,营业收入(万元),员工人数,发明专利';
    await importCsv('一月.csv', `${head}\n盐城历史测试科技有限公司,${uscc},2025,12000,260,3\n`);
    expect(
      await importCsv('二月.csv', `${head}\n盐城历史测试科技有限公司,${uscc},2025,12500,270,4\n`),
    ).toMatchObject({ updated: 1 });
    await importCsv('三月.csv', `${head}\n盐城历史测试科技有限公司,${uscc},2026,13000,280,4\n`);
    const [firm] = await firmsNamed('盐城历史测试');
    type Entry = { actorName: string; before: Record<string, unknown>; after: Record<string, unknown> };
    const history = firm.history as Entry[];
    const year = history.find((h) => h.before?.fact === 'year' && h.before.revenue !== undefined);
    expect(year?.before).toMatchObject({ year: 2025, revenue: 120_000_000, employees: 260 });
    expect(year?.after).toMatchObject({ year: 2025, revenue: 125_000_000, employees: 270 });
    expect(JSON.stringify(year?.after)).toContain('二月.csv');
    expect(year?.actorName).toBeTruthy();
    const ip = history.find((h) => h.before?.fact === 'ip');
    expect(ip?.before).toMatchObject({ invention_patent: 3 });
    expect(ip?.after).toMatchObject({ invention_patent: 4 });
    // A new year is a change to the firm too.
    expect(history.some((h) => h.after?.fact === 'year' && h.after.year === 2026)).toBe(true);
  });
});
