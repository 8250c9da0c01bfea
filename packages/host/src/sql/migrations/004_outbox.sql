-- The outbox as the worker polls it: every external effect of a write (a message per channel, a
-- follow-up, an offer's expiry, a refund) is a row written in the write's transaction. Workers claim
-- due rows with FOR UPDATE SKIP LOCKED and a lease; the row id is the provider's idempotency key.
-- Rows of 001's outbox were never delivered (no worker existed) and are stale now: dropped, not
-- sent days late.
DROP TABLE outbox;

CREATE TABLE outbox (
  seq bigserial UNIQUE,
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('message', 'offer-expiry', 'refund')),
  channel text,
  session_id text NOT NULL,
  dedupe_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  run_at timestamptz NOT NULL,
  deadline_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  escalated_at timestamptz,
  outcome text CHECK (outcome IN ('sent', 'late', 'obsolete', 'failed')),
  done_at timestamptz,
  -- The rest of the row (message kind, client, refund, offer hash, sealed offer token): ids, no PII.
  data jsonb NOT NULL
);
CREATE INDEX outbox_due ON outbox (run_at) WHERE done_at IS NULL;
CREATE INDEX outbox_by_session ON outbox (session_id, seq);
