/** Migrations 0007–0008 turn the screening results kept before them (one row per firm and tier) into one
 *  row per firm, and the ladder counts onto the run: a run screened before the upgrade reads the same
 *  after it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/migrate.js';
import { enterprises } from '../../src/db/schema/index.js';
import { TIER_KEYS } from '../../src/domain/eligibility/index.js';
import { searchTerms } from '../../src/domain/enterprise/search-terms.js';
import { createTestApp, login, ORG, type TestContext } from '../helpers/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const statements = (file: string, keep: (s: string) => boolean = () => true) =>
  readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8').split('--> statement-breakpoint').filter(keep);

it('keeps every firm’s standing, text and the ladder of a run screened before the upgrade', async () => {
  const { db } = t.database;
  const exec = async (s: string) => {
    await db.execute(sql.raw(s));
  };
  // Back to the schema before 0007: the old table from 0004, no counts on the run.
  await exec('drop table screening_firms');
  await exec('alter table screening_runs drop column counts');
  await exec('alter table screening_runs drop column phrases');
  for (const s of statements('0004_cultivation.sql', (s) => s.includes('"screening_results"'))) await exec(s);

  const firms = await db
    .insert(enterprises)
    .values(
      ['迁移测试甲科技有限公司', '迁移测试乙科技有限公司'].map((name) => ({
        orgId: ORG.yannan,
        name,
        ...searchTerms(name),
        provenance: { source: { kind: 'api' as const, client: 'test' }, asOf: '2026-01-01' },
      })),
    )
    .returning({ id: enterprises.id });
  const run = (
    (await db.execute(sql`
      insert into screening_runs (org_id, assessed_on, close_rule, status)
      values (${ORG.yannan}, '2026-03-01', '{"maxUnmet": 2, "scoreMargin": 10}', 'done') returning id`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows[0];
  const unmet = [{ criterion: '第 5 条：研究开发费用占同期销售收入比例', actual: '4.54%', required: '≥ 5%' }];
  for (const [k, firm] of firms.entries())
    for (const tier of TIER_KEYS) {
      const close = k === 0 && tier === 'hnte';
      await db.execute(sql`
        insert into screening_results (run_id, enterprise_id, tier, status, eligible, score, ruleset, unmet, gap, missing)
        values (${run.id}, ${firm.id}, ${tier}, ${close ? 'close' : tier === 'tech_sme' ? 'eligible' : 'far'},
                ${close ? false : null}, ${close ? 68 : null}, ${`${tier}-2022`},
                ${JSON.stringify(close ? unmet : [])}::jsonb,
                ${JSON.stringify(close ? ['研发费用占比 4.54% < 5%：近三年研发投入还需增加 32.68 万元'] : [])}::jsonb,
                '[]'::jsonb)`);
    }

  for (const s of statements('0007_screening_firms.sql')) await exec(s);
  for (const s of statements('0008_drop_screening_results.sql')) await exec(s);

  const admin = await login(t.app, 'admin');
  const ladder = (await admin.get(`/api/v1/cultivation/screenings/${run.id}/ladder`)).json();
  const rung = (tier: string) => ladder.rungs.find((r: { tier: string }) => r.tier === tier);
  expect(rung('tech_sme')).toMatchObject({ eligible: 2, far: 0 });
  expect(rung('hnte')).toMatchObject({ close: 1, far: 1 });
  const page = (
    await admin.get(`/api/v1/cultivation/screenings/${run.id}/results?tier=hnte&status=close`)
  ).json();
  expect(page.total).toBe(1);
  expect(page.items[0]).toMatchObject({
    enterpriseId: firms[0].id,
    status: 'close',
    eligible: false,
    score: 68,
    ruleset: 'hnte-2022',
    unmet,
    gap: ['研发费用占比 4.54% < 5%：近三年研发投入还需增加 32.68 万元'],
    missing: [],
  });
  const gone = await db.execute(sql`select to_regclass('screening_results') as t`);
  expect((gone as unknown as { rows: { t: string | null }[] }).rows[0].t).toBeNull();
});
