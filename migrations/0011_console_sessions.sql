-- The review console (src/console): its sign-in sessions, and who has which escalation open.
-- Both are working state, not history: a session ends, a mark expires. Nothing here is evidence of a
-- decision (sign-offs, outcomes and replays are recorded, and sealed, by their own tables), so these
-- tables are not append-only and not sealed.

-- Only the SHA-256 of the session token (the cookie) is kept; the API key the session was opened
-- with is sealed under a key derived from that token, so this table alone opens nothing. A session
-- ends at expires_at, at sign-out, and as soon as its key is revoked or its secret stops working.
CREATE TABLE console_sessions (
  token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
  key_id     text NOT NULL REFERENCES api_keys (id),
  sealed_key bytea NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > created_at)
);
CREATE INDEX console_sessions_key ON console_sessions (key_id);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

-- A soft lock: a supervisor has the escalation open (the console's heartbeat refreshes seen_at while
-- they are active). Others see "being reviewed by …" until seen_at is a few minutes old. It never
-- stops anyone from signing, so an abandoned tab cannot hold a review until its timeout denies it.
CREATE TABLE console_review_marks (
  evaluation_id uuid NOT NULL,
  owner         text NOT NULL,
  key_id        text NOT NULL,
  name          text NOT NULL,
  opened_at     timestamptz NOT NULL,
  seen_at       timestamptz NOT NULL,
  PRIMARY KEY (evaluation_id, owner)
);
CREATE INDEX console_review_marks_seen ON console_review_marks (seen_at);
