/** 培育筛查 as a durable job: every local firm of the run's org through every tier engine, a batch
 *  at a time. Results are upserted, so a resumed attempt may redo its last batch without harm. */
import { and, count, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { bulkInsert } from '../db/bulk-insert.js';
import {
  enterprises,
  orgs,
  type RunRuleset,
  type ScreeningStatus,
  screeningFirms,
  screeningRuns,
} from '../db/schema/index.js';
import { TIER_KEYS } from '../domain/eligibility/index.js';
import { screen } from '../server/modules/cultivation/diagnose.js';
import { loadRegistryFirms } from '../server/modules/cultivation/load-firms.js';
import { Phrasebook, screenedRow } from '../server/modules/cultivation/screened-row.js';
import { orgIdsUnder } from '../server/scope.js';
import type { JobDefinition } from './types.js';

const Params = z.object({ runId: z.uuid(), batchSize: z.number().int().min(1).max(5000).default(2000) });
type Counts = Record<string, Partial<Record<ScreeningStatus, number>>>;
type State = { lastId: string | null; done: number; total: number; counts: Counts; phrases: string[] };

export const screeningJob: JobDefinition<z.infer<typeof Params>, State> = {
  kind: 'cultivation.screening',
  title: '培育筛查',
  params: Params,
  async run({ params, state, db, progress }) {
    const [run] = await db.select().from(screeningRuns).where(eq(screeningRuns.id, params.runId));
    if (!run) throw new Error('筛查记录已不存在');
    const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, run.orgId));
    if (!org) throw new Error('任务所属组织已不存在');
    // The org's own firms and those of its sub-orgs, local ones only (target firms are not cultivated).
    const orgIds = await orgIdsUnder(db, org.path);
    const scope = and(
      inArray(enterprises.orgId, orgIds),
      eq(enterprises.universe, 'local'),
      sql`${enterprises.mergedInto} is null`,
    );
    let cur: State = {
      lastId: null,
      done: 0,
      total: 0,
      ...state,
      counts: state?.counts ?? {},
      phrases: state?.phrases ?? [],
    };
    if (!state) {
      const [{ n }] = await db.select({ n: count() }).from(enterprises).where(scope);
      cur = { ...cur, total: n };
    }
    const rulesets: Record<string, RunRuleset> = {};
    for (;;) {
      const firms = await loadRegistryFirms(
        db,
        cur.lastId ? (and(scope, gt(enterprises.id, cur.lastId)) as SQL) : (scope as SQL),
        params.batchSize,
      );
      if (firms.length === 0) break;
      const counts = structuredClone(cur.counts);
      const book = new Phrasebook([...cur.phrases]);
      const rows = firms.map((f) => {
        const row = screenedRow(run.id, f.id, screen(f, run.assessedOn, run.closeRule), rulesets, book);
        row.standings.forEach((s, i) => {
          const byStatus = counts[TIER_KEYS[i]] ?? {};
          byStatus[s] = (byStatus[s] ?? 0) + 1;
          counts[TIER_KEYS[i]] = byStatus;
        });
        return row;
      });
      // A resumed attempt may redo its last batch: the upsert makes that harmless, and the counts and
      // phrases are the checkpoint's, saved together with the batch's last id. The phrasebook goes
      // on the run before the rows that refer to it.
      if (book.phrases.length > cur.phrases.length)
        await db.update(screeningRuns).set({ phrases: book.phrases }).where(eq(screeningRuns.id, run.id));
      await bulkInsert(db, screeningFirms, rows, {
        target: ['run_id', 'enterprise_id'],
        update: ['standings', 'unmet_counts', 'scores', 'details'],
      });
      cur = {
        lastId: firms[firms.length - 1].id,
        done: cur.done + firms.length,
        total: cur.total,
        counts,
        phrases: book.phrases,
      };
      const pct = cur.total ? Math.min(99, (cur.done / cur.total) * 100) : 99;
      await progress(pct, `已筛查 ${cur.done} / ${cur.total} 家企业`, cur);
    }
    // PGlite runs no autovacuum: without fresh statistics the planner takes a run's 100,000 rows for
    // a handful and pages through them by nested loops. The run column is what it estimates from;
    // sampling the text as well would read 30,000 rows' out-of-line details for nothing.
    await db.execute(sql`analyze ${screeningFirms} (run_id)`);
    await db
      .update(screeningRuns)
      .set({
        status: 'done',
        firms: cur.done,
        rulesets,
        counts: cur.counts,
        phrases: cur.phrases,
        finishedAt: new Date(),
      })
      .where(eq(screeningRuns.id, run.id));
    return { runId: run.id, firms: cur.done };
  },
};
