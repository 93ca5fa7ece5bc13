CREATE TABLE "screening_firms" (
	"run_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"standings" text[] NOT NULL,
	"unmet_counts" smallint[] NOT NULL,
	"scores" real[] NOT NULL,
	"details" jsonb NOT NULL,
	CONSTRAINT "screening_firms_run_id_enterprise_id_pk" PRIMARY KEY("run_id","enterprise_id")
);
--> statement-breakpoint
ALTER TABLE "screening_runs" ADD COLUMN "phrases" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_runs" ADD COLUMN "counts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_firms" ADD CONSTRAINT "screening_firms_run_id_screening_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."screening_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A page filters and sorts on the narrow arrays; the verdict text goes out of line so that a scan over
-- a run's 100,000 rows does not read it (see screeningFirms in src/db/schema/cultivation.ts).
-- The arrays are tiny and read for every row a page scans: stored plainly, never compressed or moved.
ALTER TABLE "screening_firms" SET (toast_tuple_target = 128);--> statement-breakpoint
ALTER TABLE "screening_firms" ALTER COLUMN "standings" SET STORAGE PLAIN;--> statement-breakpoint
ALTER TABLE "screening_firms" ALTER COLUMN "unmet_counts" SET STORAGE PLAIN;--> statement-breakpoint
ALTER TABLE "screening_firms" ALTER COLUMN "scores" SET STORAGE PLAIN;--> statement-breakpoint
-- Runs kept from before: one row per (firm, tier) becomes one row per firm, arrays in TIER_KEYS order.
INSERT INTO "screening_firms" ("run_id", "enterprise_id", "standings", "unmet_counts", "scores", "details")
SELECT r.run_id, r.enterprise_id,
       array_agg(r.status ORDER BY k.i),
       array_agg(jsonb_array_length(r.unmet)::smallint ORDER BY k.i),
       array_agg(r.score ORDER BY k.i),
       jsonb_object_agg(r.tier, jsonb_strip_nulls(jsonb_build_object(
         'heldUntil', r.held_until, 'eligible', r.eligible, 'score', r.score, 'scoreMin', r.score_min,
         'scoreMax', r.score_max, 'ruleset', r.ruleset,
         'unmet', CASE WHEN jsonb_array_length(r.unmet) > 0 THEN r.unmet END,
         'gap', CASE WHEN jsonb_array_length(r.gap) > 0 THEN r.gap END,
         'missing', CASE WHEN jsonb_array_length(r.missing) > 0 THEN r.missing END)))
  FROM "screening_results" r
  JOIN unnest(ARRAY['tech_sme', 'innovative_sme', 'hnte', 'specialized_sme', 'little_giant', 'gazelle',
                    'potential_unicorn', 'unicorn']) WITH ORDINALITY AS k(tier, i) ON k.tier = r.tier
 GROUP BY r.run_id, r.enterprise_id
HAVING count(*) = 8;--> statement-breakpoint
UPDATE "screening_runs" s SET "counts" = c.counts
  FROM (SELECT run_id, jsonb_object_agg(tier, by_status) AS counts
          FROM (SELECT run_id, tier, jsonb_object_agg(status, n) AS by_status
                  FROM (SELECT run_id, tier, status, count(*) AS n FROM "screening_results"
                         GROUP BY run_id, tier, status) x
                 GROUP BY run_id, tier) y
         GROUP BY run_id) c
 WHERE c.run_id = s.id;
