-- Replay: the text of every policy version the service has run under, so a replay can show what a
-- policy change changed, and a record of every replay (who replayed what, and what differed).
-- refuse_change() is defined by 0004; OR REPLACE keeps this migration whole on its own.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new row instead.';
END;
$$;

-- One row per (domain, version), inserted at start-up by whichever replica loads it first. The
-- version is `sha256:<hex>` of the YAML's bytes, as evaluations.policy_version holds it, so the
-- text proves itself (a text that does not hash to its version is never used); the row hash
-- covers it and first_seen as well.
CREATE TABLE policy_versions (
  domain     text NOT NULL,
  version    text NOT NULL,
  text       text NOT NULL,
  first_seen timestamptz NOT NULL,
  seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  txid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
  hash       text NOT NULL,
  PRIMARY KEY (domain, version)
);
CREATE INDEX policy_versions_txid ON policy_versions (txid);
CREATE TRIGGER policy_versions_append_only BEFORE UPDATE OR DELETE ON policy_versions FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER policy_versions_no_truncate BEFORE TRUNCATE ON policy_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- One row per replay asked over HTTP: who (key and owner), when, under which policy and model, and a
-- bounded summary of the diff. A replay stores no evaluation; this row is its only trace.
CREATE TABLE replays (
  id                  uuid PRIMARY KEY,
  seq                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  txid                xid8 NOT NULL DEFAULT pg_current_xact_id(),
  evaluation_id       uuid NOT NULL REFERENCES evaluations (id),
  created_at          timestamptz NOT NULL,
  replayed_by_key_id  text NOT NULL,
  replayed_by_owner   text NOT NULL,
  replayed_by_name    text NOT NULL,
  replayed_by_role    text NOT NULL,
  domain              text NOT NULL,
  policy_version_then text NOT NULL,
  policy_version_now  text NOT NULL,
  world_model_then    text NOT NULL,
  world_model_now     text NOT NULL,
  decision_then       text NOT NULL CHECK (decision_then IN ('approve', 'escalate')),
  decision_now        text NOT NULL CHECK (decision_now IN ('approve', 'escalate')),
  summary             jsonb NOT NULL,
  hash                text NOT NULL
);
CREATE INDEX replays_evaluation ON replays (evaluation_id, seq);
CREATE INDEX replays_txid ON replays (txid);
CREATE TRIGGER replays_append_only BEFORE UPDATE OR DELETE ON replays FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER replays_no_truncate BEFORE TRUNCATE ON replays FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Replays join the sealed audit trail: every block from here on commits to their new rows. Policy
-- texts need no block: each is named by its own sha256, which the sealed evaluations hold.
INSERT INTO audit_sealed_tables (name) VALUES ('replays');

-- `foresight replay --since …` pages through a time window in (created_at, id) order.
CREATE INDEX evaluations_created_id ON evaluations (created_at, id);
