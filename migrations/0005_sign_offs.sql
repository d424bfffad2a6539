-- Sign-off on escalations: who reviewed what, when a review timed out, revocations; the keys that
-- make a retried evaluate return its first answer; and every webhook delivery attempt.
-- refuse_change() is defined by 0004; OR REPLACE keeps this migration whole on its own.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new row instead.';
END;
$$;

-- One row per escalated evaluation: what its review needs, fixed when it escalated, so a policy
-- edited later changes neither the number of sign-offs nor the deadline of a review under way.
CREATE TABLE escalations (
  evaluation_id      uuid PRIMARY KEY REFERENCES evaluations (id),
  seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  txid               xid8 NOT NULL DEFAULT pg_current_xact_id(),
  created_at         timestamptz NOT NULL,
  domain             text NOT NULL,
  policy_version     text NOT NULL,
  api_key_id         text,
  -- Re-asking with the same key, domain, policy version, reading and action class finds this row.
  pending_key        text,
  action_hash        text NOT NULL,
  override_allowed   boolean NOT NULL,
  sign_offs_required integer NOT NULL CHECK (sign_offs_required >= 1),
  review_deadline    timestamptz NOT NULL,
  approval_ttl_ms    bigint NOT NULL CHECK (approval_ttl_ms > 0),
  hash               text NOT NULL
);
CREATE INDEX escalations_pending_key ON escalations (pending_key, review_deadline);
CREATE INDEX escalations_deadline ON escalations (review_deadline);
CREATE INDEX escalations_txid ON escalations (txid);
CREATE TRIGGER escalations_append_only BEFORE UPDATE OR DELETE ON escalations FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER escalations_no_truncate BEFORE TRUNCATE ON escalations FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Every decision about an evaluation, as a new row: a supervisor's approve, deny or request for
-- changes; the sweeper's timeout; a revocation. The effective decision is read from them in order.
CREATE TABLE sign_offs (
  id            uuid PRIMARY KEY,
  seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  txid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  kind          text NOT NULL CHECK (kind IN ('approve', 'deny', 'request_changes', 'timeout', 'revoke')),
  reason        text CHECK (kind = 'timeout' OR length(btrim(reason)) > 0),
  signer_key_id text,
  signer_owner  text,
  signer_name   text,
  signer_role   text,
  expires_at    timestamptz,
  created_at    timestamptz NOT NULL,
  hash          text NOT NULL,
  -- A person stands behind every kind but the sweeper's timeout.
  CONSTRAINT sign_offs_signed CHECK ((kind = 'timeout') = (signer_owner IS NULL)),
  CONSTRAINT sign_offs_expiry_on_approvals CHECK (expires_at IS NULL OR kind = 'approve')
);
-- Distinct people, not distinct keys: one owner counts once, whichever of their keys signs.
CREATE UNIQUE INDEX sign_offs_one_per_owner ON sign_offs (evaluation_id, signer_owner) WHERE kind IN ('approve', 'deny', 'request_changes');
CREATE UNIQUE INDEX sign_offs_one_timeout ON sign_offs (evaluation_id) WHERE kind = 'timeout';
CREATE UNIQUE INDEX sign_offs_one_revocation ON sign_offs (evaluation_id) WHERE kind = 'revoke';
CREATE INDEX sign_offs_evaluation ON sign_offs (evaluation_id, seq);
CREATE INDEX sign_offs_txid ON sign_offs (txid);
CREATE TRIGGER sign_offs_append_only BEFORE UPDATE OR DELETE ON sign_offs FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER sign_offs_no_truncate BEFORE TRUNCATE ON sign_offs FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- An Idempotency-Key on evaluate, per API key: the same key and body return the first answer.
CREATE TABLE idempotency_keys (
  api_key_id    text NOT NULL,
  key           text NOT NULL,
  body_hash     text NOT NULL,
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (api_key_id, key)
);
CREATE TRIGGER idempotency_keys_append_only BEFORE UPDATE OR DELETE ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- One row per attempt to deliver a webhook event, failed or not.
CREATE TABLE webhook_deliveries (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id      uuid NOT NULL,
  event_type    text NOT NULL,
  evaluation_id uuid NOT NULL,
  -- Without its query string, where receivers often put a token of their own.
  url           text NOT NULL,
  attempt       integer NOT NULL CHECK (attempt >= 1),
  status_code   integer,
  error         text,
  delivered     boolean NOT NULL,
  duration_ms   real NOT NULL,
  attempted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id, attempt);
CREATE INDEX webhook_deliveries_evaluation ON webhook_deliveries (evaluation_id);
CREATE TRIGGER webhook_deliveries_append_only BEFORE UPDATE OR DELETE ON webhook_deliveries FOR EACH ROW EXECUTE FUNCTION refuse_change();
