-- Siblings that already share a name (made before the check, or by two admins at once) are told apart
-- first: the later ones get a number, oldest kept as is, so the unique index can be built and nothing
-- is lost. An admin can rename them afterwards.
UPDATE "chain_nodes" n SET "name" = n."name" || '（' || d."rn" || '）', "updated_at" = now()
  FROM (
    SELECT "id", row_number() OVER (PARTITION BY "parent_id", "name" ORDER BY "created_at", "id") AS "rn"
      FROM "chain_nodes" WHERE "parent_id" IS NOT NULL
  ) d
 WHERE d."id" = n."id" AND d."rn" > 1;--> statement-breakpoint
CREATE UNIQUE INDEX "chain_nodes_sibling_name_idx" ON "chain_nodes" USING btree ("parent_id","name") WHERE "chain_nodes"."parent_id" is not null;
