-- What really happened after an evaluation, as reported: append-only history, several reports per
-- evaluation. Calibration counts, per evaluation, the latest confirmed report (a supervisor's or an
-- auditor's) and shows reports made only by the guarded agent apart.
-- refuse_change() is defined by 0004; OR REPLACE keeps this migration whole on its own.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new row instead.';
END;
$$;

CREATE TABLE outcomes (
  id              uuid PRIMARY KEY,
  seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  txid            xid8 NOT NULL DEFAULT pg_current_xact_id(),
  evaluation_id   uuid NOT NULL REFERENCES evaluations (id),
  -- A value of the domain's taxonomy, and what it meant for the evaluated action when it was reported
  -- (triage: against the disposition), so calibration aggregates in SQL without the packs' code.
  outcome         text NOT NULL,
  incident        boolean NOT NULL,
  adverse         boolean NOT NULL,
  occurred_at     timestamptz NOT NULL,
  notes           text CHECK (notes IS NULL OR length(notes) <= 4000),
  -- The role of the key that reported it; `confirmed` is false for the agent, and for a key of the
  -- same owner as the key that asked for the evaluation (nobody confirms their own agent's report).
  reported_by     text NOT NULL CHECK (reported_by IN ('agent', 'supervisor', 'auditor')),
  confirmed       boolean NOT NULL CHECK (NOT (confirmed AND reported_by = 'agent')),
  reporter_key_id text NOT NULL,
  reporter_owner  text NOT NULL,
  reporter_name   text NOT NULL,
  recorded_at     timestamptz NOT NULL,
  hash            text NOT NULL,
  CONSTRAINT outcomes_not_in_future CHECK (occurred_at <= recorded_at + interval '1 minute')
);
CREATE INDEX outcomes_evaluation ON outcomes (evaluation_id, seq);
CREATE INDEX outcomes_txid ON outcomes (txid);
CREATE TRIGGER outcomes_append_only BEFORE UPDATE OR DELETE ON outcomes FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER outcomes_no_truncate BEFORE TRUNCATE ON outcomes FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Sealed with the other audit tables (src/outcomes/pg-outcome-sealed-table.ts).
INSERT INTO audit_sealed_tables (name) VALUES ('outcomes');
