-- Every key has an owner (the person or system it belongs to, recorded as the actor), roles gain
-- `operator`, supervisors may be scoped to domains, and a rotated-out secret keeps working until
-- `previous_valid_until` (its grace period).
ALTER TABLE api_keys ADD COLUMN owner text;
-- Keys made before owners existed: the bootstrap ones are the service's own; any other has no
-- recorded owner, which an operator sees in `keys list` and should replace.
UPDATE api_keys SET owner = CASE WHEN name LIKE 'bootstrap-%' THEN 'bootstrap' ELSE 'unrecorded' END;
ALTER TABLE api_keys ALTER COLUMN owner SET NOT NULL;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_owner_present CHECK (length(btrim(owner)) > 0);
ALTER TABLE api_keys ADD CONSTRAINT api_keys_name_present CHECK (length(btrim(name)) > 0);

ALTER TABLE api_keys DROP CONSTRAINT api_keys_role_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_role_check CHECK (role IN ('agent', 'supervisor', 'auditor', 'operator', 'admin'));

-- NULL: every domain. Only supervisors are scoped.
ALTER TABLE api_keys ADD COLUMN domains text[];
ALTER TABLE api_keys ADD CONSTRAINT api_keys_domains_supervisor_only CHECK (domains IS NULL OR (role = 'supervisor' AND cardinality(domains) > 0));

ALTER TABLE api_keys ADD COLUMN rotated_at timestamptz;
ALTER TABLE api_keys ADD COLUMN previous_secret_hash text;
ALTER TABLE api_keys ADD COLUMN previous_valid_until timestamptz;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_previous_secret_bounded CHECK ((previous_secret_hash IS NULL) = (previous_valid_until IS NULL));

CREATE INDEX api_keys_owner ON api_keys (owner);
