CREATE TABLE "pipeline_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"stale_days" integer DEFAULT 30 NOT NULL,
	"assessment_formula" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"category" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_ratings" (
	"review_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"rater_id" uuid NOT NULL,
	"rater_name" text NOT NULL,
	"rating" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_ratings_review_id_project_id_rater_id_pk" PRIMARY KEY("review_id","project_id","rater_id")
);
--> statement-breakpoint
CREATE TABLE "project_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"page" text NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "arrived_investment" numeric(20, 2);--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "last_follow_up_date" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "next_follow_up_date" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "overlap_cleared" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pipeline_settings" ADD CONSTRAINT "pipeline_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attachments" ADD CONSTRAINT "project_attachments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_ratings" ADD CONSTRAINT "project_ratings_review_id_project_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."project_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_ratings" ADD CONSTRAINT "project_ratings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_ratings" ADD CONSTRAINT "project_ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_attachments_project_idx" ON "project_attachments" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_ratings_project_idx" ON "project_ratings" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reviews_org_period_idx" ON "project_reviews" USING btree ("org_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_page_name_idx" ON "saved_views" USING btree ("user_id","page","name");--> statement-breakpoint
CREATE INDEX "follow_ups_date_idx" ON "follow_ups" USING btree ("date");--> statement-breakpoint
CREATE INDEX "project_events_stage_at_idx" ON "project_events" USING btree ("to_stage","at");--> statement-breakpoint
CREATE INDEX "projects_org_updated_idx" ON "projects" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "projects_owner_idx" ON "projects" USING btree ("owner_id");--> statement-breakpoint
UPDATE "projects" p SET
  "last_follow_up_date" = (SELECT max(f."date") FROM "follow_ups" f WHERE f."project_id" = p."id"),
  "next_follow_up_date" = (SELECT f."next_date" FROM "follow_ups" f WHERE f."project_id" = p."id" ORDER BY f."date" DESC, f."created_at" DESC LIMIT 1);
