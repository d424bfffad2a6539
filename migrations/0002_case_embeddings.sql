-- Nearest-case search by a GiST index over a low-dimensional embedding of the structured features.
-- The extensions live in public so every schema (and every replica's search_path) sees them.
CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;
ALTER TABLE cases ADD COLUMN embedding public.cube;
ALTER TABLE cases ADD COLUMN embedding_version text;
CREATE INDEX cases_embedding ON cases USING gist (domain, embedding);
