CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"level" text,
	"year" integer,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_ip" (
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"provenance" jsonb NOT NULL,
	CONSTRAINT "enterprise_ip_enterprise_id_kind_pk" PRIMARY KEY("enterprise_id","kind")
);
--> statement-breakpoint
CREATE TABLE "enterprise_years" (
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"employees" integer,
	"tech_staff" integer,
	"rd_staff" integer,
	"revenue" numeric(20, 2),
	"main_revenue" numeric(20, 2),
	"hightech_revenue" numeric(20, 2),
	"rd_expense" numeric(20, 2),
	"rd_expense_domestic" numeric(20, 2),
	"total_cost" numeric(20, 2),
	"net_profit" numeric(20, 2),
	"total_assets" numeric(20, 2),
	"total_liabilities" numeric(20, 2),
	"tax_paid" numeric(20, 2),
	"provenance" jsonb NOT NULL,
	CONSTRAINT "enterprise_years_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"uscc" text,
	"name" text NOT NULL,
	"name_normalized" text NOT NULL,
	"name_core" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legal_rep" text,
	"established_on" date,
	"registered_capital" numeric(20, 2),
	"region_code" text,
	"address" text,
	"industry_section" text,
	"industry_division" text,
	"business_scope" text,
	"main_products" text,
	"listed" boolean DEFAULT false NOT NULL,
	"universe" text DEFAULT 'local' NOT NULL,
	"review_reason" text,
	"merged_into" uuid,
	"provenance" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"date" date,
	"round" text NOT NULL,
	"amount" numeric(20, 2),
	"currency" text DEFAULT 'CNY' NOT NULL,
	"post_money_valuation" numeric(20, 2),
	"investors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"granted_on" date,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"certificate_no" text,
	"issued_on" date,
	"expires_on" date,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rd_institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"recognized_on" date,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_ip" ADD CONSTRAINT "enterprise_ip_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_years" ADD CONSTRAINT "enterprise_years_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_rounds" ADD CONSTRAINT "funding_rounds_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_items" ADD CONSTRAINT "ip_items_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_institutions" ADD CONSTRAINT "rd_institutions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_org_uscc_idx" ON "enterprises" USING btree ("org_id","uscc") WHERE "enterprises"."uscc" is not null and "enterprises"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "enterprises_org_name_idx" ON "enterprises" USING btree ("org_id","name_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_org_name_idx" ON "import_mappings" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "ip_items_enterprise_idx" ON "ip_items" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qualifications_enterprise_tier_idx" ON "qualifications" USING btree ("enterprise_id","tier","issued_on");