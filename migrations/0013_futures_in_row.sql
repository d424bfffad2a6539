-- An evaluation's futures as one value in its own row, instead of a row each in `futures`.
-- Nothing queries inside a future: they are read whole, with their evaluation, and hashed with it.
-- A row each cost a tuple, a primary-key entry and WAL per future (88 for an approval under the
-- upper-bound rule). `json`, not `jsonb`: the value is kept as the text that was hashed, and the
-- bulk of every evaluation is not parsed into a binary form no query reads.
ALTER TABLE evaluations ADD COLUMN futures json NOT NULL DEFAULT '[]'::json;

-- Earlier evaluations keep their futures, moved as they were (index order, the same fields), so
-- their hashes still verify. The append-only trigger is lifted for this one statement only.
ALTER TABLE evaluations DISABLE TRIGGER evaluations_append_only;
UPDATE evaluations e SET futures = f.list::json
FROM (
  SELECT evaluation_id,
    jsonb_agg(jsonb_build_object('index', idx, 'final_outcome', final_outcome, 'incident', incident, 'adverse', adverse,
      'steps', steps, 'risk_factors', risk_factors) ORDER BY idx) AS list
  FROM futures GROUP BY evaluation_id
) f
WHERE f.evaluation_id = e.id;
ALTER TABLE evaluations ENABLE TRIGGER evaluations_append_only;
ALTER TABLE evaluations ALTER COLUMN futures DROP DEFAULT;

DROP TABLE futures;
