-- Each tenant's published policy versions: immutable, the latest one current. Every decision and
-- audit entry names the version (and hash) it was made under.
CREATE TABLE policies (
  seq bigserial UNIQUE,
  tenant_id text NOT NULL,
  id text NOT NULL,
  version text NOT NULL,
  hash text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id, version)
);
CREATE INDEX policies_current ON policies (tenant_id, seq DESC);
