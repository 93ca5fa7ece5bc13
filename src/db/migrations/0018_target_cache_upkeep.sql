-- 靶向招商 reads a node's candidates with everything it ranks them by from one index, without the table.
CREATE INDEX "chain_placements_node_cover_idx" ON "chain_placements" ("node_id")
  INCLUDE ("enterprise_id", "confidence", "status", "target_eligible", "target_org_id", "target_uscc",
           "target_name_key", "target_scale", "target_innovation", "target_growth", "target_funding");
--> statement-breakpoint
-- An org's own firms among its target universe, with the keys the exclusions compare.
CREATE INDEX "enterprises_org_local_idx" ON "enterprises" ("org_id") INCLUDE ("uscc", "name_normalized")
  WHERE "universe" = 'local' AND "merged_into" IS NULL;
--> statement-breakpoint
-- Relations by either end, carrying the other end, kind and org: 以商引商 and the graph queries read
-- the index alone.
DROP INDEX "relations_from_idx";
--> statement-breakpoint
CREATE INDEX "relations_from_idx" ON "relations" ("from_id", "kind") INCLUDE ("to_id", "org_id");
--> statement-breakpoint
DROP INDEX "relations_to_idx";
--> statement-breakpoint
CREATE INDEX "relations_to_idx" ON "relations" ("to_id", "kind") INCLUDE ("from_id", "org_id");
--> statement-breakpoint
-- The cache is emptied whenever what it is computed from changes; an empty one is filled again before a
-- ranking reads it. Statement-level triggers with transition tables cost one set-based update per
-- statement, so a 1,000-row import batch pays once.
CREATE FUNCTION target_cache_forget_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE chain_placements p SET target_eligible = NULL
      FROM (SELECT DISTINCT enterprise_id FROM changed) c
     WHERE p.enterprise_id = c.enterprise_id AND p.target_eligible IS NOT NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE chain_placements p SET target_eligible = NULL
      FROM (SELECT DISTINCT enterprise_id FROM gone) c
     WHERE p.enterprise_id = c.enterprise_id AND p.target_eligible IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enterprise_years_forget_ins AFTER INSERT ON enterprise_years REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER enterprise_years_forget_upd AFTER UPDATE ON enterprise_years REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER enterprise_years_forget_del AFTER DELETE ON enterprise_years REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER enterprise_ip_forget_ins AFTER INSERT ON enterprise_ip REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER enterprise_ip_forget_upd AFTER UPDATE ON enterprise_ip REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER enterprise_ip_forget_del AFTER DELETE ON enterprise_ip REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER qualifications_forget_ins AFTER INSERT ON qualifications REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER qualifications_forget_upd AFTER UPDATE ON qualifications REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER qualifications_forget_del AFTER DELETE ON qualifications REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER funding_rounds_forget_ins AFTER INSERT ON funding_rounds REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER funding_rounds_forget_upd AFTER UPDATE ON funding_rounds REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
CREATE TRIGGER funding_rounds_forget_del AFTER DELETE ON funding_rounds REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION target_cache_forget_facts();
--> statement-breakpoint
-- A firm moved between universes or orgs, merged into another, or renamed: the copy is out of date.
CREATE FUNCTION target_cache_forget_firm() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE chain_placements SET target_eligible = NULL
   WHERE enterprise_id = NEW.id AND target_eligible IS NOT NULL;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enterprises_forget_target_cache AFTER UPDATE ON enterprises FOR EACH ROW
  WHEN (OLD.universe IS DISTINCT FROM NEW.universe OR OLD.merged_into IS DISTINCT FROM NEW.merged_into
        OR OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.uscc IS DISTINCT FROM NEW.uscc
        OR OLD.name_normalized IS DISTINCT FROM NEW.name_normalized)
  EXECUTE FUNCTION target_cache_forget_firm();
