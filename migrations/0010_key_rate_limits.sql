-- Per-key rate limits, and a tag inside every new key so that a made-up token is refused without a
-- database read.

-- A key's own token bucket: `rate_limit_per_second` tokens a second, at most `rate_limit_burst` held.
-- NULL: the service's default (RATE_LIMIT_PER_KEY, RATE_LIMIT_BURST).
ALTER TABLE api_keys ADD COLUMN rate_limit_per_second double precision;
ALTER TABLE api_keys ADD COLUMN rate_limit_burst integer;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_rate_limit_whole CHECK ((rate_limit_per_second IS NULL) = (rate_limit_burst IS NULL));
ALTER TABLE api_keys ADD CONSTRAINT api_keys_rate_limit_positive CHECK (rate_limit_per_second > 0 AND rate_limit_per_second < 'Infinity' AND rate_limit_burst >= 1);

-- The last 4 bytes of every new secret are an HMAC of the key id and the rest of the secret under this
-- key (src/keys/token.ts): each replica checks it in memory, so a forged or mistyped token costs no
-- query. It is not a credential: knowing it lets one make tokens that reach the lookup, nothing more.
-- 244 random bits from gen_random_uuid() (core PostgreSQL, strong randomness), one row only.
CREATE TABLE api_key_tag_key (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  tag_key   bytea NOT NULL CHECK (length(tag_key) = 32)
);
INSERT INTO api_key_tag_key (tag_key)
VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Keys made before tags existed keep working: their tokens, untagged, are still looked up while any
-- such key is live. A rotation without grace gives the key a tagged secret and clears the flag.
ALTER TABLE api_keys ADD COLUMN untagged_secret boolean NOT NULL DEFAULT false;
UPDATE api_keys SET untagged_secret = true;
