import type { OutboxRow } from '../core/outbox.js';

// An outbox row between SQL and the core: the columns that carry claims, leases and outcomes, and
// the rest kept whole in `data`.

/** The columns `SELECT`ed for a row, in the order {@link rowOf} reads them. */
export const OUTBOX_COLUMNS =
  'id, tenant_id, kind, channel, session_id, dedupe_key, created_at, run_at, deadline_at, attempts, locked_by, locked_until, last_error, escalated_at, outcome, done_at, data';

/** A row as the driver returns it (pg and PGlite give timestamptz as Date). */
export interface OutboxSqlRow {
  id: string;
  tenant_id: string;
  kind: OutboxRow['kind'];
  channel: string | null;
  session_id: string;
  dedupe_key: string;
  created_at: Date | string;
  run_at: Date | string;
  deadline_at: Date | string | null;
  attempts: number;
  locked_by: string | null;
  locked_until: Date | string | null;
  last_error: string | null;
  escalated_at: Date | string | null;
  outcome: OutboxRow['outcome'];
  done_at: Date | string | null;
  data: OutboxData;
}

/** What `data` holds: the row's fields that are not columns. */
type OutboxData = Pick<OutboxRow, 'clientId' | 'effectId'> &
  Partial<Pick<OutboxRow, 'message' | 'refundId' | 'offerTokenHash' | 'sealedOfferToken' | 'times' | 'newTime'>>;

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** The core's row from the database's. Instants come back as UTC ISO strings. */
export function rowOf(row: OutboxSqlRow): OutboxRow {
  return {
    ...row.data,
    id: row.id,
    tenant: row.tenant_id,
    kind: row.kind,
    channel: row.channel,
    sessionId: row.session_id,
    dedupeKey: row.dedupe_key,
    createdAt: iso(row.created_at),
    runAt: iso(row.run_at),
    deadlineAt: isoOrNull(row.deadline_at),
    attempts: row.attempts,
    lockedBy: row.locked_by,
    lockedUntil: isoOrNull(row.locked_until),
    lastError: row.last_error,
    escalatedAt: isoOrNull(row.escalated_at),
    outcome: row.outcome,
    doneAt: isoOrNull(row.done_at),
  };
}

/** The parameters of an insert or update: the columns in {@link OUTBOX_COLUMNS}' order. */
export function paramsOf(row: OutboxRow): unknown[] {
  const data: OutboxData = {
    clientId: row.clientId,
    effectId: row.effectId,
    ...(row.message ? { message: row.message } : {}),
    ...(row.refundId ? { refundId: row.refundId } : {}),
    ...(row.offerTokenHash ? { offerTokenHash: row.offerTokenHash } : {}),
    ...(row.sealedOfferToken ? { sealedOfferToken: row.sealedOfferToken } : {}),
    ...(row.times ? { times: row.times } : {}),
    ...(row.newTime ? { newTime: row.newTime } : {}),
  };
  return [
    row.id,
    row.tenant,
    row.kind,
    row.channel,
    row.sessionId,
    row.dedupeKey,
    row.createdAt,
    row.runAt,
    row.deadlineAt,
    row.attempts,
    row.lockedBy,
    row.lockedUntil,
    row.lastError,
    row.escalatedAt,
    row.outcome,
    row.doneAt,
    JSON.stringify(data),
  ];
}
