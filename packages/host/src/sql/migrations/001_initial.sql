-- The reference host's tables. Records are kept whole as jsonb (exactly as the contract shows
-- them, so instants keep their offsets), beside the columns that carry lookups, locks and
-- constraints. Every id is unique across the database; tenant columns scope what a caller sees.

CREATE TABLE therapists (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  data jsonb NOT NULL
);

CREATE TABLE clients (
  id text PRIMARY KEY,
  data jsonb NOT NULL
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  therapist_id text NOT NULL REFERENCES therapists (id),
  data jsonb NOT NULL
);
CREATE INDEX sessions_by_therapist ON sessions (therapist_id);

-- Open slots only: taking one deletes it, so two takers cannot both succeed.
CREATE TABLE slots (
  therapist_id text NOT NULL REFERENCES therapists (id),
  id text NOT NULL,
  starts_at timestamptz NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (therapist_id, id)
);

-- The therapists' cancellations and rearrangements, which the policy counts.
CREATE TABLE therapist_changes (
  seq bigserial PRIMARY KEY,
  therapist_id text NOT NULL REFERENCES therapists (id),
  data jsonb NOT NULL
);
CREATE INDEX therapist_changes_by_therapist ON therapist_changes (therapist_id, seq);

-- Offers by the SHA-256 of their link's token: the token itself is never stored.
CREATE TABLE offers (
  token_sha256 text PRIMARY KEY,
  session_id text NOT NULL REFERENCES sessions (id),
  data jsonb NOT NULL
);

-- At most one refund per session, by constraint.
CREATE TABLE refunds (
  id text PRIMARY KEY,
  session_id text NOT NULL UNIQUE REFERENCES sessions (id),
  data jsonb NOT NULL
);

CREATE TABLE team_requests (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  status text NOT NULL,
  kind text NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX team_requests_queue ON team_requests (tenant_id, status, seq);

-- What the host decided to tell clients: delivered after the write commits, by a worker.
CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Idempotent writes' answers, by tenant, caller, endpoint and key.
CREATE TABLE idempotency_keys (
  scope text PRIMARY KEY,
  fingerprint text NOT NULL,
  status integer NOT NULL,
  body text NOT NULL,
  headers jsonb NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

CREATE SEQUENCE record_ids;
