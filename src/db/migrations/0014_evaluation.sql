CREATE TABLE "due_diligence_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"veto" boolean DEFAULT false NOT NULL,
	"status" text,
	"notes" text,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"updated_by_name" text,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_decisions" (
	"evaluation_id" uuid PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"conditions" text,
	"fused" real,
	"recommendation" jsonb NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"checklist" jsonb,
	"fusion" jsonb,
	"disagreement" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"attachment_id" uuid,
	"document_hash" text,
	"model_version" integer,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"profile" jsonb,
	"memo" jsonb,
	"profiled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_project_id_unique" UNIQUE("project_id")
);
--> statement-breakpoint
CREATE TABLE "expert_reviews" (
	"evaluation_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"conflicted" boolean DEFAULT false NOT NULL,
	"conflict" jsonb,
	"scores" jsonb,
	"comments" text,
	"recommendation" text,
	"submitted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_reviews_evaluation_id_expert_id_pk" PRIMARY KEY("evaluation_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"affiliation" text,
	"party_id" uuid,
	"employer_id" uuid,
	"declared_firm_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"declaration" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "llm_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_hash" text NOT NULL,
	"model" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text NOT NULL,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"ms" integer,
	"response" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"model" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "due_diligence_items" ADD CONSTRAINT "due_diligence_items_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_decisions" ADD CONSTRAINT "evaluation_decisions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_settings" ADD CONSTRAINT "evaluation_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_attachment_id_project_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."project_attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_employer_id_enterprises_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_models" ADD CONSTRAINT "scoring_models_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "due_diligence_items_evaluation_idx" ON "due_diligence_items" USING btree ("evaluation_id","position");--> statement-breakpoint
CREATE INDEX "evaluations_project_idx" ON "evaluations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "experts_org_idx" ON "experts" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "llm_calls_hash_idx" ON "llm_calls" USING btree ("document_hash","model","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_models_org_version_idx" ON "scoring_models" USING btree ("org_id","version");