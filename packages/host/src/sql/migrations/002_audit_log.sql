-- Every write: who acted, on what, the decision the widget showed beside the host's own with its
-- trace, and the answer. Append-only; pruned by age (createHost's auditRetentionDays).
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  tenant_id text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  mismatch boolean NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, seq);
CREATE INDEX audit_log_by_age ON audit_log (recorded_at);
