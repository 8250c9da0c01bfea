import type { Channel, MessageKind } from '../delivery/types.js';

// The outbox: every external effect a write decides on (a message per channel, a follow-up, an
// offer's expiry, a refund) is a row written in the write's own transaction. A worker claims due
// rows after the commit, carries them out and records how it went; nothing external happens inside
// a transaction.

/** What a row asks the worker to do. */
export type OutboxKind =
  /** Send one message on one channel. */
  | 'message'
  /** At the offer's expiry: close it, and do what the policy says happens next (a refund, the team). */
  | 'offer-expiry'
  /** Carry out a refund through the refund provider. */
  | 'refund';

/**
 * How a row ended. `sent`: delivered by its deadline; `late`: delivered after it (the team was told);
 * `obsolete`: no longer needed (the client answered first, the offer closed); `failed`: it could
 * not be delivered (not retryable, or out of attempts; the team was told).
 */
export type OutboxOutcome = 'sent' | 'late' | 'obsolete' | 'failed';

/** One outbox row. Instants are ISO strings of the host's clock. */
export interface OutboxRow {
  /** The provider's idempotency key and the email's `Message-ID`. */
  readonly id: string;
  readonly tenant: string;
  readonly kind: OutboxKind;
  /** The message a `message` row sends. */
  readonly message?: MessageKind;
  /** The channel a `message` row goes out on; null for other kinds. */
  readonly channel: Channel | null;
  readonly sessionId: string;
  readonly clientId: string;
  readonly refundId?: string;
  /** The offer a row is about (its token's hash). */
  readonly offerTokenHash?: string;
  /**
   * The offer's token sealed with the host's link key (AES-GCM), so the worker can put the link in
   * the message; cleared when the row is done. Never the token in plain text.
   */
  readonly sealedOfferToken?: string;
  /** The session's time as the write found it (a rearranged or rebooked session's old time). */
  readonly times?: { readonly startsAt: string; readonly endsAt: string };
  /** The session's new time (rearranged, or the alternative the client chose). */
  readonly newTime?: { readonly startsAt: string; readonly endsAt: string };
  /** The rows one effect wrote (one per channel) share it: the notification as the history shows it. */
  readonly effectId: string;
  /** At most one row per key: a repeated enqueue is refused. */
  readonly dedupeKey: string;
  readonly createdAt: string;
  /** Not before. */
  readonly runAt: string;
  /** Delivered after this (and the grace), the row is `late`; still undelivered, the team is told. */
  readonly deadlineAt: string | null;
  readonly attempts: number;
  readonly lockedBy: string | null;
  readonly lockedUntil: string | null;
  readonly lastError: string | null;
  /** When the team was told that this row missed its deadline (once). */
  readonly escalatedAt: string | null;
  readonly outcome: OutboxOutcome | null;
  readonly doneAt: string | null;
}

/** A claim: rows due at `now`, not leased by anyone else, leased to `worker` until `leaseUntil`. */
export interface OutboxClaim {
  readonly worker: string;
  readonly now: string;
  readonly leaseUntil: string;
  readonly limit: number;
}
