ALTER TABLE "chain_nodes" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- A node never changed (version 1) was made when it was last updated; one changed since was kept
-- through those changes, so it is taken to be as old as its chain (already placed if a job ran since).
UPDATE "chain_nodes" n SET "created_at" = CASE WHEN n."version" = 1 THEN n."updated_at" ELSE c."created_at" END
  FROM "chains" c WHERE c."id" = n."chain_id";--> statement-breakpoint
ALTER TABLE "chain_settings" ADD COLUMN "thresholds_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "chain_settings" ADD COLUMN "weights_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Thresholds and weights shared one version; each now starts from it, so a dialog open during the
-- upgrade still saves (or meets 409) as before.
UPDATE "chain_settings" SET "thresholds_version" = "version", "weights_version" = "version";--> statement-breakpoint
ALTER TABLE "chain_settings" DROP COLUMN "version";
