CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"document_no" text,
	"summary" text,
	"region_scope" text,
	"valid_from" date,
	"valid_to" date,
	"apply_from" date,
	"apply_to" date,
	"benefits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conditions" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"told_at" timestamp with time zone,
	"told_by" uuid,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policies_org_status_idx" ON "policies" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_pushes_policy_firm_idx" ON "policy_pushes" USING btree ("policy_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_pushes_owner_idx" ON "policy_pushes" USING btree ("owner_id","status","due_on");--> statement-breakpoint
CREATE INDEX "policy_pushes_org_idx" ON "policy_pushes" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "policy_pushes_firm_idx" ON "policy_pushes" USING btree ("enterprise_id");