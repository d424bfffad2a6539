-- Every change to an API key, as history: created, rotated, revoked. api_keys holds the keys as
-- they are now (a rotation rewrites the secret's hash); this table is what happened to them, in the
-- same statement as the change, append-only and sealed with the rest of the audit trail. It never
-- holds a secret or a secret's hash.
CREATE TABLE key_events (
  id      uuid PRIMARY KEY,
  seq     bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  txid    xid8 NOT NULL DEFAULT pg_current_xact_id(),
  key_id  text NOT NULL,
  kind    text NOT NULL CHECK (kind IN ('created', 'rotated', 'revoked')),
  at      timestamptz NOT NULL,
  -- What the key is after the change: name, role, owner, domains, rate limit; a rotation's grace end.
  details jsonb NOT NULL,
  hash    text NOT NULL
);
CREATE INDEX key_events_key ON key_events (key_id, seq);
CREATE INDEX key_events_txid ON key_events (txid);
CREATE TRIGGER key_events_append_only BEFORE UPDATE OR DELETE ON key_events FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER key_events_no_truncate BEFORE TRUNCATE ON key_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Keys made before this migration have no creation event; their later rotations and revocations do.
INSERT INTO audit_sealed_tables (name) VALUES ('key_events');
