-- Skip-grams (characters two apart, marked '~') of each firm's core name join its search grams, so a
-- query with one mistyped character still meets the firm through a selective GIN containment.
-- New rows get them from searchTerms(); this fills in the rows written before. Aliases' skip-grams
-- come with the next edit or import of the firm.
UPDATE "enterprises" AS e SET "search_grams" = (
  SELECT array_agg(DISTINCT t.g) FROM (
    SELECT unnest(e."search_grams") AS g
    UNION
    SELECT '~' || substr(e."name_core", i, 1) || substr(e."name_core", i + 2, 1)
      FROM generate_series(1, char_length(e."name_core") - 2) AS i
  ) AS t
)
WHERE e."search_grams" IS NOT NULL AND char_length(e."name_core") >= 3;
