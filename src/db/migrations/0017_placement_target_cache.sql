ALTER TABLE "chain_placements" ADD COLUMN "target_eligible" boolean;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD COLUMN "target_org_id" uuid;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD COLUMN "target_uscc" text;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD COLUMN "target_name_key" text;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD COLUMN "target_scale" real;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD COLUMN "target_innovation" real;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD COLUMN "target_growth" real;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD COLUMN "target_funding" real;