CREATE TABLE "target_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"node_id" uuid,
	"chain_name" text NOT NULL,
	"node_path" text NOT NULL,
	"name" text NOT NULL,
	"weights" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chain_settings" ADD COLUMN "target_weights" jsonb;--> statement-breakpoint
ALTER TABLE "target_lists" ADD CONSTRAINT "target_lists_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_lists" ADD CONSTRAINT "target_lists_node_id_chain_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."chain_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_lists_org_idx" ON "target_lists" USING btree ("org_id","created_at");