-- The audit trail, version 2: rows are inserted freely, each hashed over all its content; a leased
-- sealer commits them to signed blocks (a Merkle root over their hashes, chained to the previous block).

-- Append-only tables refuse UPDATE, DELETE and TRUNCATE for everyone who cannot switch triggers off.
-- Shared by every append-only table; OR REPLACE, so whichever migration comes first defines it.
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is refused: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'Record a new row instead.';
END;
$$;

-- The transaction that wrote a row: the sealer seals only below the oldest transaction still in
-- flight, so a row that commits late lands in a later block instead of being skipped.
-- Rows written before this migration all get the migration's transaction id: the first block seals them.
ALTER TABLE evaluations ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
-- Existing rows keep their old chain hash (scheme 1); new rows say which scheme hashed them.
ALTER TABLE evaluations ADD COLUMN hash_scheme smallint NOT NULL DEFAULT 1 CHECK (hash_scheme IN (1, 2));
ALTER TABLE evaluations ALTER COLUMN hash_scheme DROP DEFAULT;
CREATE INDEX evaluations_txid ON evaluations (txid);

CREATE TRIGGER evaluations_append_only BEFORE UPDATE OR DELETE ON evaluations FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER evaluations_no_truncate BEFORE TRUNCATE ON evaluations FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER futures_append_only BEFORE UPDATE OR DELETE ON futures FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER futures_no_truncate BEFORE TRUNCATE ON futures FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The tables the sealer seals. A table joins by a migration that adds it here (with a `txid` column
-- as above, a `seq`, a `hash`, and the refuse_change triggers); a replica whose code does not know
-- a listed table refuses to seal rather than seal past its rows.
CREATE TABLE audit_sealed_tables (
  name     text PRIMARY KEY,
  added_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO audit_sealed_tables (name) VALUES ('evaluations');
CREATE TRIGGER audit_sealed_tables_append_only BEFORE UPDATE OR DELETE ON audit_sealed_tables FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Public halves of the signing keys, by id, so blocks signed before a rotation stay verifiable.
CREATE TABLE audit_signing_keys (
  key_id     text PRIMARY KEY,
  algorithm  text NOT NULL CHECK (algorithm = 'ed25519'),
  public_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER audit_signing_keys_append_only BEFORE UPDATE OR DELETE ON audit_signing_keys FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Block h seals every row of `tables` whose transaction id is in [lo_xid, hi_xid); block h+1 starts where h ends.
CREATE TABLE audit_blocks (
  height      bigint PRIMARY KEY CHECK (height >= 1),
  lo_xid      xid8 NOT NULL,
  hi_xid      xid8 NOT NULL,
  tables      text[] NOT NULL,
  row_count   integer NOT NULL CHECK (row_count >= 1),
  merkle_root text NOT NULL,
  -- Unique: two sealers racing (a lease taken over mid-seal) cannot fork the chain.
  prev_hash   text UNIQUE,
  sealed_at   timestamptz NOT NULL,
  key_id      text NOT NULL REFERENCES audit_signing_keys (key_id),
  hash        text NOT NULL UNIQUE,
  signature   text NOT NULL
);
CREATE INDEX audit_blocks_hi ON audit_blocks (hi_xid);
CREATE TRIGGER audit_blocks_append_only BEFORE UPDATE OR DELETE ON audit_blocks FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_blocks_no_truncate BEFORE TRUNCATE ON audit_blocks FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Leases on database time: one holder per name (the sealer; reusable by other singletons).
CREATE TABLE audit_leases (
  name       text PRIMARY KEY,
  holder     text NOT NULL,
  expires_at timestamptz NOT NULL
);
