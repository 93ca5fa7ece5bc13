CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "projects_stage_updated_idx" ON "projects" USING btree ("stage","updated_at");