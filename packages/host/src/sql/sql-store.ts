import type { Refund, Slot } from '@raincheck/host-api';
import type { HistoryEntry } from '@raincheck/policy';
import type {
  HostStore,
  StoreTransaction,
  StoredAnswer,
  StoredClient,
  StoredOffer,
  StoredPolicy,
  StoredSession,
  StoredTeamRequest,
  StoredTherapist,
} from '../core/store.js';
import type { Db, Queryable } from './db.js';
import { OUTBOX_COLUMNS, paramsOf, rowOf, type OutboxSqlRow } from './outbox-rows.js';

type Row<T> = { data: T };

/**
 * The host core's store on SQL (PGlite or PostgreSQL, the same statements). In a write
 * transaction, every record a handler reads to decide on (therapist, session, offer, team request,
 * idempotency key) is read `FOR UPDATE`, so a second writer of the same records waits for the first
 * to commit and then decides on what it wrote: no lost update across processes.
 */
export function createSqlStore(db: Db): HostStore {
  return {
    write: (work) => db.transaction((tx) => work(transactionOn(tx, true))),
    read: (work) => db.transaction((tx) => work(transactionOn(tx, false)), { readOnly: true }),
  };
}

function transactionOn(db: Queryable, writing: boolean): StoreTransaction {
  const lock = writing ? ' FOR UPDATE' : '';
  let savepoints = 0;
  const one = async <T>(sql: string, params: readonly unknown[]): Promise<T | undefined> =>
    (await db.query<Row<T>>(sql, params))[0]?.data;
  const all = async <T>(sql: string, params: readonly unknown[]): Promise<T[]> =>
    (await db.query<Row<T>>(sql, params)).map((row) => row.data);
  const json = (value: unknown) => JSON.stringify(value);
  return {
    therapist: (id) => one<StoredTherapist>(`SELECT data FROM therapists WHERE id = $1${lock}`, [id]),
    putTherapist: async (therapist) => {
      await db.query(
        'INSERT INTO therapists (id, tenant_id, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, data = EXCLUDED.data',
        [therapist.id, therapist.tenant, json(therapist)],
      );
    },
    client: (id) => one<StoredClient>('SELECT data FROM clients WHERE id = $1', [id]),
    putClient: async (client) => {
      await db.query(
        'INSERT INTO clients (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data',
        [client.id, json(client)],
      );
    },
    session: (id) => one<StoredSession>(`SELECT data FROM sessions WHERE id = $1${lock}`, [id]),
    putSession: async (session) => {
      await db.query(
        'INSERT INTO sessions (id, therapist_id, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET therapist_id = EXCLUDED.therapist_id, data = EXCLUDED.data',
        [session.id, session.therapistId, json(session)],
      );
    },
    sessionsOf: (therapistId) =>
      all<StoredSession>('SELECT data FROM sessions WHERE therapist_id = $1 ORDER BY id', [therapistId]),
    slots: (therapistId) =>
      all<Slot>('SELECT data FROM slots WHERE therapist_id = $1 ORDER BY starts_at, id', [therapistId]),
    takeSlot: async (therapistId, slotId) =>
      (await db.query('DELETE FROM slots WHERE therapist_id = $1 AND id = $2 RETURNING id', [therapistId, slotId]))
        .length === 1,
    addSlot: async (therapistId, slot) => {
      await db.query(
        'INSERT INTO slots (therapist_id, id, starts_at, data) VALUES ($1, $2, $3, $4) ON CONFLICT (therapist_id, id) DO UPDATE SET starts_at = EXCLUDED.starts_at, data = EXCLUDED.data',
        [therapistId, slot.id, slot.startsAt, json(slot)],
      );
    },
    history: (therapistId) =>
      all<HistoryEntry>('SELECT data FROM therapist_changes WHERE therapist_id = $1 ORDER BY seq', [therapistId]),
    addHistory: async (therapistId, entry) => {
      await db.query('INSERT INTO therapist_changes (therapist_id, data) VALUES ($1, $2)', [therapistId, json(entry)]);
    },
    offer: (tokenHash) => one<StoredOffer>(`SELECT data FROM offers WHERE token_sha256 = $1${lock}`, [tokenHash]),
    putOffer: async (offer) => {
      await db.query(
        'INSERT INTO offers (token_sha256, session_id, data) VALUES ($1, $2, $3) ON CONFLICT (token_sha256) DO UPDATE SET data = EXCLUDED.data',
        [offer.tokenHash, offer.sessionId, json(offer)],
      );
    },
    refundOf: (sessionId) => one<Refund>(`SELECT data FROM refunds WHERE session_id = $1${lock}`, [sessionId]),
    refund: (id) => one<Refund>(`SELECT data FROM refunds WHERE id = $1${lock}`, [id]),
    putRefund: async (refund) => {
      await db.query(
        'INSERT INTO refunds (id, session_id, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data',
        [refund.id, refund.sessionId, json(refund)],
      );
    },
    teamRequest: (id) => one<StoredTeamRequest>(`SELECT data FROM team_requests WHERE id = $1${lock}`, [id]),
    teamRequests: (tenant, { status, kind }) =>
      // Newest first by when they were raised (instants with offsets compare as timestamptz), then the later written.
      all<StoredTeamRequest>(
        "SELECT data FROM team_requests WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3) ORDER BY (data->>'createdAt')::timestamptz DESC, seq DESC",
        [tenant, status ?? null, kind ?? null],
      ),
    putTeamRequest: async (request) => {
      await db.query(
        'INSERT INTO team_requests (id, tenant_id, status, kind, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, data = EXCLUDED.data',
        [request.id, request.tenant, request.status, request.kind, json(request)],
      );
    },
    addOutbox: async (row) =>
      (
        await db.query(
          `INSERT INTO outbox (${OUTBOX_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
          paramsOf(row),
        )
      ).length === 1,
    outboxRow: async (id) => {
      const [row] = await db.query<OutboxSqlRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE id = $1${lock}`, [id]);
      return row && rowOf(row);
    },
    putOutbox: async (row) => {
      const p = paramsOf(row);
      // Only what changes after the insert: the schedule, the state and the data (a sealed token goes).
      await db.query(
        'UPDATE outbox SET run_at = $2, deadline_at = $3, attempts = $4, locked_by = $5, locked_until = $6, last_error = $7, escalated_at = $8, outcome = $9, done_at = $10, data = $11 WHERE id = $1',
        [p[0], ...p.slice(7)],
      );
    },
    outboxOf: async (sessionId) =>
      (
        await db.query<OutboxSqlRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE session_id = $1 ORDER BY seq`, [
          sessionId,
        ])
      ).map(rowOf),
    claimOutbox: async ({ worker, now, leaseUntil, limit }) =>
      // Earliest deadline first; rows another worker is claiming right now are skipped, not waited for.
      (
        await db.query<OutboxSqlRow>(
          `UPDATE outbox SET locked_by = $1, locked_until = $3, attempts = attempts + 1
           WHERE id IN (SELECT id FROM outbox WHERE done_at IS NULL AND run_at <= $2 AND (locked_until IS NULL OR locked_until <= $2)
                        ORDER BY deadline_at NULLS LAST, run_at, seq LIMIT $4 FOR UPDATE SKIP LOCKED)
           RETURNING ${OUTBOX_COLUMNS}`,
          [worker, now, leaseUntil, limit],
        )
      )
        .map(rowOf)
        // RETURNING keeps no order: the claim's own.
        .sort(
          (a, b) =>
            (a.deadlineAt === null ? Infinity : Date.parse(a.deadlineAt)) -
              (b.deadlineAt === null ? Infinity : Date.parse(b.deadlineAt)) ||
            Date.parse(a.runAt) - Date.parse(b.runAt),
        ),
    overdueOutbox: async ({ deadlineBefore, now, limit }) =>
      (
        await db.query<OutboxSqlRow>(
          `SELECT ${OUTBOX_COLUMNS} FROM outbox
           WHERE done_at IS NULL AND escalated_at IS NULL AND deadline_at < $1 AND (locked_until IS NULL OR locked_until <= $2)
           ORDER BY deadline_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED`,
          [deadlineBefore, now, limit],
        )
      ).map(rowOf),
    addAudit: async (entry) => {
      await db.query('INSERT INTO audit_log (id, tenant_id, mismatch, data) VALUES ($1, $2, $3, $4)', [
        entry.id,
        entry.tenant,
        entry.mismatch,
        json(entry),
      ]);
    },
    currentPolicy: (tenant) =>
      one<StoredPolicy>('SELECT data FROM policies WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1', [tenant]),
    policyVersion: (tenant, id, version) =>
      one<StoredPolicy>('SELECT data FROM policies WHERE tenant_id = $1 AND id = $2 AND version = $3', [
        tenant,
        id,
        version,
      ]),
    addPolicy: async (policy) => {
      // A second publisher of the version waits here for the first to commit, then sees its row:
      // with the same files the version becomes current again (a new seq), with others nothing changes.
      const [inserted] = await db.query<Row<StoredPolicy>>(
        "INSERT INTO policies (tenant_id, id, version, hash, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, id, version) DO UPDATE SET seq = nextval(pg_get_serial_sequence('policies', 'seq')) WHERE policies.hash = EXCLUDED.hash RETURNING data",
        [policy.tenant, policy.id, policy.version, policy.hash, json(policy)],
      );
      return (
        inserted?.data ??
        (await one<StoredPolicy>('SELECT data FROM policies WHERE tenant_id = $1 AND id = $2 AND version = $3', [
          policy.tenant,
          policy.id,
          policy.version,
        ]))!
      );
    },
    answer: async (scope, now) => {
      // Two writes with one key wait for each other, across processes: the second then replays the first's answer.
      if (writing) await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [scope]);
      const [row] = await db.query<{
        fingerprint: string;
        status: number;
        body: string;
        headers: [string, string][];
        expires_at: number;
      }>(
        'SELECT fingerprint, status, body, headers, expires_at::float8 AS expires_at FROM idempotency_keys WHERE scope = $1 AND expires_at > $2',
        [scope, now],
      );
      return (
        row &&
        ({
          scope,
          fingerprint: row.fingerprint,
          status: row.status,
          body: row.body,
          headers: row.headers,
          expiresAt: row.expires_at,
        } satisfies StoredAnswer)
      );
    },
    putAnswer: async (answer) => {
      await db.query(
        'INSERT INTO idempotency_keys (scope, fingerprint, status, body, headers, expires_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scope) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, body = EXCLUDED.body, headers = EXCLUDED.headers, expires_at = EXCLUDED.expires_at',
        [answer.scope, answer.fingerprint, answer.status, answer.body, json(answer.headers), answer.expiresAt],
      );
    },
    newId: async (prefix) => {
      const [row] = await db.query<{ n: string }>("SELECT nextval('record_ids')::text AS n");
      return `${prefix}-${row!.n}`;
    },
    savepoint: async (work) => {
      const name = `rc_savepoint_${++savepoints}`;
      await db.query(`SAVEPOINT ${name}`);
      try {
        const result = await work();
        await db.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await db.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}
