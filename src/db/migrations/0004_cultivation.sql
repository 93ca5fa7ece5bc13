CREATE TABLE "cultivation_levels" (
	"org_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	"tiers" text[] NOT NULL,
	CONSTRAINT "cultivation_levels_org_id_level_pk" PRIMARY KEY("org_id","level")
);
--> statement-breakpoint
CREATE TABLE "cultivation_targets" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"tier" text NOT NULL,
	"applications" integer,
	"certifications" integer,
	CONSTRAINT "cultivation_targets_org_id_year_tier_pk" PRIMARY KEY("org_id","year","tier")
);
--> statement-breakpoint
CREATE TABLE "cultivation_tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"year" integer NOT NULL,
	"stage" text DEFAULT 'discovered' NOT NULL,
	"owner_id" uuid,
	"batch" text,
	"reason" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_results" (
	"run_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"status" text NOT NULL,
	"held_until" date,
	"eligible" boolean,
	"score" real,
	"score_min" real,
	"score_max" real,
	"ruleset" text,
	"unmet" jsonb NOT NULL,
	"gap" jsonb NOT NULL,
	"missing" jsonb NOT NULL,
	CONSTRAINT "screening_results_run_id_enterprise_id_tier_pk" PRIMARY KEY("run_id","enterprise_id","tier")
);
--> statement-breakpoint
CREATE TABLE "screening_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"job_id" uuid,
	"assessed_on" date NOT NULL,
	"close_rule" jsonb NOT NULL,
	"rulesets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"firms" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cultivation_levels" ADD CONSTRAINT "cultivation_levels_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_targets" ADD CONSTRAINT "cultivation_targets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_tracks" ADD CONSTRAINT "cultivation_tracks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_tracks" ADD CONSTRAINT "cultivation_tracks_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_run_id_screening_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."screening_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_runs" ADD CONSTRAINT "screening_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cultivation_tracks_firm_tier_year_idx" ON "cultivation_tracks" USING btree ("enterprise_id","tier","year");--> statement-breakpoint
CREATE INDEX "cultivation_tracks_org_year_idx" ON "cultivation_tracks" USING btree ("org_id","year","tier");--> statement-breakpoint
CREATE INDEX "screening_results_run_tier_idx" ON "screening_results" USING btree ("run_id","tier","status");--> statement-breakpoint
CREATE INDEX "screening_runs_org_idx" ON "screening_runs" USING btree ("org_id","created_at");