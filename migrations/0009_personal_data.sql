-- Personal data: the values a domain marks personal are kept apart from the evaluation row, so they can
-- be erased while the row and its hash, which the sealed blocks commit to, stay exactly as they were.
-- Every erasure and every read of personal values is recorded, append-only and sealed.
-- refuse_change() is defined by 0004; OR REPLACE keeps this migration whole on its own.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new row instead.';
END;
$$;

-- Hash scheme 3: the row stores (and hashes) a salted digest in place of each personal value, and the
-- list of those digests. Rows without personal values keep scheme 2.
ALTER TABLE evaluations DROP CONSTRAINT evaluations_hash_scheme_check;
ALTER TABLE evaluations ADD CONSTRAINT evaluations_hash_scheme_check CHECK (hash_scheme IN (1, 2, 3));
ALTER TABLE evaluations ADD COLUMN personal_digests text[];
ALTER TABLE evaluations ADD CONSTRAINT evaluations_personal_scheme CHECK ((hash_scheme = 3) = (personal_digests IS NOT NULL));

-- Finding evaluations (GET /v1/evaluations): newest first by seq, within a scope.
CREATE INDEX evaluations_domain_seq ON evaluations (domain, seq DESC);
CREATE INDEX evaluations_key_seq ON evaluations (api_key_id, seq DESC);
CREATE INDEX evaluations_agent_seq ON evaluations (agent_id, seq DESC);
CREATE INDEX evaluations_created ON evaluations (created_at);

-- The personal values themselves, one row per value (a field of the request, or text of the answer that
-- repeats one). Not append-only: a value may be erased, and that is the only change allowed. The
-- digest stays (the row commits to it); salt and value go, so the digest can no longer be linked to it.
CREATE TABLE personal_fields (
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  digest        text NOT NULL,
  path          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('field', 'echo')),
  salt          text,
  value         jsonb,
  erased_at     timestamptz,
  PRIMARY KEY (evaluation_id, digest),
  CONSTRAINT personal_fields_held_or_erased CHECK ((erased_at IS NULL) = (salt IS NOT NULL AND value IS NOT NULL))
);
-- A data subject's values are found by field and value (erasure on request).
CREATE INDEX personal_fields_subject ON personal_fields (path, md5(value::text)) WHERE kind = 'field' AND erased_at IS NULL;

CREATE OR REPLACE FUNCTION personal_fields_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.salt IS NULL AND NEW.value IS NULL
     AND NEW.evaluation_id = OLD.evaluation_id AND NEW.digest = OLD.digest AND NEW.path = OLD.path AND NEW.kind = OLD.kind THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% on personal_fields is refused: a personal value is only ever erased (salt and value removed, the digest kept)', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Erase it with POST /v1/evaluations/:id/erase.';
END;
$$;
CREATE TRIGGER personal_fields_erase_only BEFORE UPDATE OR DELETE ON personal_fields FOR EACH ROW EXECUTE FUNCTION personal_fields_erase_only();
CREATE TRIGGER personal_fields_no_truncate BEFORE TRUNCATE ON personal_fields FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Who erased which values of which evaluation, when and why. One erasure takes every value still held.
CREATE TABLE personal_erasures (
  id            uuid PRIMARY KEY,
  seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  txid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  digests       text[] NOT NULL CHECK (cardinality(digests) >= 1),
  reason        text NOT NULL CHECK (length(btrim(reason)) > 0 AND length(reason) <= 2000),
  actor_key_id  text NOT NULL,
  actor_owner   text NOT NULL,
  actor_name    text NOT NULL,
  actor_role    text NOT NULL,
  request_id    text,
  created_at    timestamptz NOT NULL,
  hash          text NOT NULL
);
CREATE UNIQUE INDEX personal_erasures_one_per_evaluation ON personal_erasures (evaluation_id);
CREATE INDEX personal_erasures_txid ON personal_erasures (txid);
CREATE TRIGGER personal_erasures_append_only BEFORE UPDATE OR DELETE ON personal_erasures FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER personal_erasures_no_truncate BEFORE TRUNCATE ON personal_erasures FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Every read of personal values: who saw those of which evaluations, by which route, when.
CREATE TABLE personal_data_reads (
  id             uuid PRIMARY KEY,
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  txid           xid8 NOT NULL DEFAULT pg_current_xact_id(),
  route          text NOT NULL,
  evaluation_ids uuid[] NOT NULL CHECK (cardinality(evaluation_ids) >= 1),
  reader_key_id  text NOT NULL,
  reader_owner   text NOT NULL,
  reader_name    text NOT NULL,
  reader_role    text NOT NULL,
  request_id     text,
  created_at     timestamptz NOT NULL,
  hash           text NOT NULL
);
CREATE INDEX personal_data_reads_evaluations ON personal_data_reads USING gin (evaluation_ids);
CREATE INDEX personal_data_reads_txid ON personal_data_reads (txid);
CREATE TRIGGER personal_data_reads_append_only BEFORE UPDATE OR DELETE ON personal_data_reads FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER personal_data_reads_no_truncate BEFORE TRUNCATE ON personal_data_reads FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Sealed with the other audit tables (src/privacy/pg-privacy-sealed-tables.ts).
INSERT INTO audit_sealed_tables (name) VALUES ('personal_erasures'), ('personal_data_reads');
