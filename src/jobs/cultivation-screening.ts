/** 培育筛查 as a durable job: every local firm of the run's org through every tier engine, a batch
 *  at a time. Results are upserted, so a resumed attempt may redo its last batch without harm. */
import { and, count, eq, gt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { bulkInsert } from '../db/bulk-insert.js';
import { enterprises, orgs, type RunRuleset, screeningResults, screeningRuns } from '../db/schema/index.js';
import { TIER_KEYS } from '../domain/eligibility/index.js';
import { screen } from '../server/modules/cultivation/diagnose.js';
import { loadRegistryFirms } from '../server/modules/cultivation/load-firms.js';
import type { JobDefinition } from './types.js';

const Params = z.object({ runId: z.uuid(), batchSize: z.number().int().min(1).max(5000).default(1000) });
type State = { lastId: string | null; done: number; total: number };

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
    const scope = and(
      sql`${enterprises.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${org.path}%`})`,
      eq(enterprises.universe, 'local'),
      sql`${enterprises.mergedInto} is null`,
    );
    let cur: State = state ?? { lastId: null, done: 0, total: 0 };
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
      const rows: (typeof screeningResults.$inferInsert)[] = [];
      for (const f of firms) {
        const d = screen(f, run.assessedOn, run.closeRule);
        if (!d.ok) {
          const missing = d.errors.map((e) => `${e.field}：${e.message}`);
          for (const tier of TIER_KEYS)
            rows.push({
              runId: run.id,
              enterpriseId: f.id,
              tier,
              status: 'unknown',
              unmet: [],
              gap: [],
              missing,
            });
          continue;
        }
        for (const t of d.tiers) {
          if (t.ruleset)
            rulesets[t.tier] = {
              id: t.ruleset,
              name: t.rulesetName,
              document: t.document,
              provisional: t.provisional,
            };
          rows.push({
            runId: run.id,
            enterpriseId: f.id,
            tier: t.tier,
            status: t.status,
            heldUntil: t.heldUntil,
            eligible: t.eligible,
            score: t.score,
            scoreMin: t.scoreRange?.[0] ?? null,
            scoreMax: t.scoreRange?.[1] ?? null,
            ruleset: t.ruleset || null,
            unmet: t.unmet,
            gap: t.gap,
            missing: t.missing,
          });
        }
      }
      await bulkInsert(db, screeningResults, rows, {
        target: ['run_id', 'enterprise_id', 'tier'],
        update: [
          'status',
          'held_until',
          'eligible',
          'score',
          'score_min',
          'score_max',
          'ruleset',
          'unmet',
          'gap',
          'missing',
        ],
      });
      cur = { ...cur, lastId: firms[firms.length - 1].id, done: cur.done + firms.length };
      const pct = cur.total ? Math.min(99, (cur.done / cur.total) * 100) : 99;
      await progress(pct, `已筛查 ${cur.done} / ${cur.total} 家企业`, cur);
    }
    await db
      .update(screeningRuns)
      .set({ status: 'done', firms: cur.done, rulesets, finishedAt: new Date() })
      .where(eq(screeningRuns.id, run.id));
    return { runId: run.id, firms: cur.done };
  },
};
