CREATE INDEX "awards_enterprise_idx" ON "awards" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "funding_rounds_enterprise_idx" ON "funding_rounds" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "rd_institutions_enterprise_idx" ON "rd_institutions" USING btree ("enterprise_id");