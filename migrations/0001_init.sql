-- API keys: only a SHA-256 of the secret is kept; the prefix finds the row.
CREATE TABLE api_keys (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('agent', 'supervisor', 'auditor', 'admin')),
  secret_hash  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  last_used_at timestamptz
);

-- Evaluations are append-only and hash-chained: each row's hash covers its content and the previous hash.
CREATE TABLE evaluations (
  id                  uuid PRIMARY KEY,
  seq                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  created_at          timestamptz NOT NULL,
  domain              text NOT NULL,
  decision            text NOT NULL CHECK (decision IN ('approve', 'escalate')),
  reason_codes        text[] NOT NULL,
  request             jsonb NOT NULL,
  response            jsonb NOT NULL,
  policy_version      text NOT NULL,
  world_model_backend text NOT NULL,
  world_model_version text NOT NULL,
  seed                bigint NOT NULL,
  degraded            boolean NOT NULL DEFAULT false,
  timing              jsonb NOT NULL,
  agent_id            text,
  api_key_id          text,
  prev_hash           text,
  hash                text NOT NULL
);
CREATE INDEX evaluations_domain_created ON evaluations (domain, created_at DESC);
CREATE INDEX evaluations_decision_created ON evaluations (decision, created_at DESC);

CREATE TABLE futures (
  evaluation_id uuid NOT NULL REFERENCES evaluations (id),
  idx           integer NOT NULL,
  final_outcome text NOT NULL,
  incident      boolean NOT NULL,
  adverse       boolean NOT NULL,
  steps         jsonb NOT NULL,
  risk_factors  jsonb NOT NULL,
  PRIMARY KEY (evaluation_id, idx)
);

-- Historical cases (the shipped bank, imports, real outcomes) for similar-case search.
CREATE TABLE cases (
  id            text PRIMARY KEY,
  domain        text NOT NULL,
  source        text NOT NULL,
  summary       text NOT NULL,
  body          text NOT NULL,
  search        tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
  features      real[] NOT NULL,
  final_outcome text NOT NULL,
  incident      boolean NOT NULL,
  adverse       boolean NOT NULL,
  state         jsonb NOT NULL,
  action        jsonb NOT NULL,
  occurred_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_search ON cases USING gin (search);
CREATE INDEX cases_domain ON cases (domain);

-- Which bank (by content hash) has been imported as cases, so start-up imports it once.
CREATE TABLE bank_imports (
  domain      text NOT NULL,
  bank_hash   text NOT NULL,
  rows        integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, bank_hash)
);
