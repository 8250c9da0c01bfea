import type {
  DecisionRecord,
  DecisionShown,
  EndpointId,
  Refund,
  Role,
  Session,
  Slot,
  TeamRequest,
  Therapist,
} from '@raincheck/host-api';
import type { ClientFacts, HistoryEntry } from '@raincheck/policy';
import type { MessageKind } from '../delivery/types.js';
import type { OutboxClaim, OutboxRow } from './outbox.js';

// What the core keeps, and the store interface it keeps it through. A store is a set of tables and
// transactions over them: the in-memory store (mock host) and the SQL store (reference host) both
// implement it, so every endpoint behaves the same on either.

/**
 * A therapist as stored: the contract's therapist, the tenant (the partner's practice) they belong
 * to, and the name messages to clients use.
 */
export type StoredTherapist = Therapist & {
  readonly id: string;
  readonly tenant: string;
  readonly displayName?: string;
};

/** A client as stored: the policy's facts and a name to show. */
export interface StoredClient extends ClientFacts {
  readonly displayName: string;
  /** The client's own zone, when the host knows it. */
  readonly timeZone?: string;
  /** Where messages reach the client, when the host knows it. */
  readonly email?: string;
  /** For SMS and phone, E.164 (`+447700900123`). */
  readonly phone?: string;
  /** The language messages are written in (BCP 47: `en`, `de-DE`); default English. */
  readonly locale?: string;
}

/** A session as stored: the contract's session, with its client by id and no refund (that is a record of its own). */
export type StoredSession = Omit<Session, 'client' | 'refund'> & { readonly clientId: string };

/**
 * An offer as stored: found by the SHA-256 of its capability token, never the token itself, so a
 * copy of the store gives no one a working link.
 */
export interface StoredOffer {
  readonly tokenHash: string;
  readonly sessionId: string;
  readonly alternatives: readonly Slot[];
  readonly refund: {
    readonly amount: { readonly amount: number; readonly currency: string };
    readonly needsTeamReview: boolean;
  } | null;
  readonly expiresAt: string;
  readonly answer?: { readonly choice: 'alternative' | 'refund'; readonly slotId?: string; readonly at: string };
}

/** A team request as stored: the contract's, with its tenant and the decision the write was made under. */
export type StoredTeamRequest = TeamRequest & { readonly tenant: string; readonly decision: DecisionRecord | null };

/**
 * A notification the host decided to send, as one effect: its outbox rows (one per channel) grouped.
 * `id` is the rows' `effectId`.
 */
export interface StoredNotification {
  readonly id: string;
  readonly clientId: string;
  readonly sessionId: string;
  readonly kind: MessageKind;
  readonly channels: readonly string[];
  readonly at: string;
}

/** One write as the audit log keeps it: who acted, on what, what the host decided and answered. */
export interface StoredAuditEntry {
  readonly id: string;
  /** The caller's tenant; `null` on an offer link (the client has no account). */
  readonly tenant: string | null;
  readonly actor: { readonly role: Role; readonly subject: string } | { readonly role: 'offer-link' };
  readonly endpoint: EndpointId;
  /** The path's parameters; an offer link's token only as its hash. */
  readonly target: Readonly<Record<string, string>>;
  readonly at: string;
  readonly status: number;
  /** The error code of a refused write. */
  readonly errorCode?: string;
  /** The decision the widget says it showed (`body.decision`), if the write carried one. */
  readonly shown: DecisionShown | null;
  /** The host's own decisions for the write, with their traces. */
  readonly decisions: readonly DecisionRecord[];
  /** The widget showed another policy (hash) or outcome than the host decided: the host's decision stands. */
  readonly mismatch: boolean;
}

/** A published policy version of a tenant: immutable once written. */
export interface StoredPolicy {
  readonly tenant: string;
  readonly id: string;
  readonly version: string;
  /** `Policy.hash` of exactly these files. */
  readonly hash: string;
  readonly files: Readonly<Record<string, unknown>>;
  readonly publishedAt: string;
  /** The admin's subject. */
  readonly publishedBy: string;
}

/** A remembered answer to an idempotent write, by its scoped key. */
export interface StoredAnswer {
  /** SHA-256 of tenant, caller, endpoint and the client's key: one caller's key never answers another's request. */
  readonly scope: string;
  /** The request's canonical form, to tell a retry from another request under the same key. */
  readonly fingerprint: string;
  readonly status: number;
  /** The answer's body, sealed with a key derived from the client's idempotency key (the core's `sealAnswer`). */
  readonly body: string;
  readonly headers: readonly (readonly [string, string])[];
  /** When the key is forgotten (epoch ms). */
  readonly expiresAt: number;
}

/**
 * One transaction's view of the store. Reads see the transaction's own writes. In a write
 * transaction, reading a session, offer, therapist or team request also locks it until the end
 * (the SQL store's `SELECT … FOR UPDATE`), so the check, the decision and the effect are one step.
 * Records are replaced whole, never changed in place.
 */
export interface StoreTransaction {
  therapist(id: string): Promise<StoredTherapist | undefined>;
  putTherapist(therapist: StoredTherapist): Promise<void>;
  client(id: string): Promise<StoredClient | undefined>;
  putClient(client: StoredClient): Promise<void>;
  session(id: string): Promise<StoredSession | undefined>;
  putSession(session: StoredSession): Promise<void>;
  /** A therapist's sessions, any status. */
  sessionsOf(therapistId: string): Promise<readonly StoredSession[]>;
  /** A therapist's open slots, by start. */
  slots(therapistId: string): Promise<readonly Slot[]>;
  /** Takes an open slot; false when it is not open (taken meanwhile, or never was). */
  takeSlot(therapistId: string, slotId: string): Promise<boolean>;
  addSlot(therapistId: string, slot: Slot): Promise<void>;
  /** The therapist's cancellations and rearrangements, oldest first. */
  history(therapistId: string): Promise<readonly HistoryEntry[]>;
  addHistory(therapistId: string, entry: HistoryEntry): Promise<void>;
  offer(tokenHash: string): Promise<StoredOffer | undefined>;
  putOffer(offer: StoredOffer): Promise<void>;
  /** The session's refund, if it has one (a session is refunded at most once). */
  refundOf(sessionId: string): Promise<Refund | undefined>;
  refund(id: string): Promise<Refund | undefined>;
  putRefund(refund: Refund): Promise<void>;
  teamRequest(id: string): Promise<StoredTeamRequest | undefined>;
  /** A tenant's team requests, newest first (by `createdAt`, then the later written). */
  teamRequests(
    tenant: string,
    filter: { readonly status?: TeamRequest['status']; readonly kind?: TeamRequest['kind'] },
  ): Promise<readonly StoredTeamRequest[]>;
  putTeamRequest(request: StoredTeamRequest): Promise<void>;
  /** Adds an outbox row; false (and nothing written) when a row with its `dedupeKey` exists. */
  addOutbox(row: OutboxRow): Promise<boolean>;
  /** One outbox row (locked in a write transaction). */
  outboxRow(id: string): Promise<OutboxRow | undefined>;
  /** Replaces an outbox row whole (its state: attempts, lease, outcome). */
  putOutbox(row: OutboxRow): Promise<void>;
  /** A session's outbox rows, oldest first. */
  outboxOf(sessionId: string): Promise<readonly OutboxRow[]>;
  /**
   * Claims up to `limit` rows due at `claim.now` (not done, `runAt` reached, no live lease),
   * earliest deadline first: each gets the lease and one more attempt. Rows another transaction is
   * claiming are skipped, not waited for (SQL: `FOR UPDATE SKIP LOCKED`), so workers share the work.
   */
  claimOutbox(claim: OutboxClaim): Promise<readonly OutboxRow[]>;
  /**
   * Up to `limit` rows whose deadline passed before `deadlineBefore` undelivered, not escalated yet
   * and with no live lease at `now` (a retry scheduled later included), locked for this transaction;
   * rows another transaction holds are skipped (SQL: `FOR UPDATE SKIP LOCKED`).
   */
  overdueOutbox(query: {
    readonly deadlineBefore: string;
    readonly now: string;
    readonly limit: number;
  }): Promise<readonly OutboxRow[]>;
  addAudit(entry: StoredAuditEntry): Promise<void>;
  /** The tenant's current policy: the version it published last, if any. */
  currentPolicy(tenant: string): Promise<StoredPolicy | undefined>;
  /** One published version, by its id and version. */
  policyVersion(tenant: string, id: string, version: string): Promise<StoredPolicy | undefined>;
  /**
   * Publishes a version; it becomes the tenant's current policy. A version already published with
   * the same files becomes current again; with other files nothing changes.
   * @returns the version as stored now under its id and version: compare its hash to see which happened.
   */
  addPolicy(policy: StoredPolicy): Promise<StoredPolicy>;
  /** The answer remembered for a scoped key, if not yet expired at `now` (epoch ms). */
  answer(scope: string, now: number): Promise<StoredAnswer | undefined>;
  putAnswer(answer: StoredAnswer): Promise<void>;
  /** A new id for a record: `refund-…`, `team-…`. */
  newId(prefix: string): Promise<string>;
  /**
   * Runs `work` so that if it throws, its writes are undone and the transaction goes on without them
   * (SQL: a savepoint): a refused write's idempotency answer is still saved.
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

/** Where the core keeps everything. */
export interface HostStore {
  /**
   * Runs `work` in one transaction: all its writes happen, or, if it throws, none. Write
   * transactions that touch the same records run one after the other.
   */
  write<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Runs `work` on a consistent view, for reads; it must not write. */
  read<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
}
