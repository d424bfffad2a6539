-- The sign-off tables join the sealed audit trail: from here on every block commits to the rows of
-- escalations and sign_offs written in its transaction range, as it does to evaluations. Rows
-- written before this migration, in a range an earlier block already sealed, stay outside the
-- blocks (their own hashes still cover their content).
INSERT INTO audit_sealed_tables (name) VALUES ('escalations'), ('sign_offs');
