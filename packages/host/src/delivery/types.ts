// The seam between the outbox worker (which decides what is due and records every attempt) and the
// notifiers and refund providers (which talk to the outside world). A notifier never touches the
// store; the worker never speaks SMTP or HTTP.

/** A channel a policy's `notify-client` names (`email`, `sms`, `phone`, `push`, …). */
export type Channel = string;

/** What a message is about: one template per kind, in every supported language. */
export type MessageKind =
  /** The therapist cancelled: the alternatives and the refund to choose from, by when, with the link. */
  | 'session-cancelled'
  /** The session moved to another time. */
  | 'session-rearranged'
  /** The therapist could not hold the session (attendance "therapist-unable"), with no refund issued with it. */
  | 'session-not-held'
  /** A refund was issued (attendance update, the team's approval, the client's choice, an expired offer). */
  | 'refund-issued'
  /** The platform team reviewed a refund and did not issue it. */
  | 'refund-declined'
  /** The follow-up: the offer is still open, choose by … */
  | 'offer-reminder'
  /** The client's answer is confirmed (the new time, or the refund on its way). */
  | 'offer-answered'
  /** The offer closed unanswered; what happens next (a refund, the platform team gets in touch). */
  | 'offer-expired';

/** Everything a message says, already resolved from the store by the worker. Instants are ISO strings. */
export interface MessageFacts {
  readonly kind: MessageKind;
  /** The client's language (BCP 47); messages exist in English and German, anything else falls back to English. */
  readonly locale: string;
  readonly client: { readonly name: string; readonly timeZone: string };
  readonly therapist: { readonly name: string; readonly timeZone: string };
  readonly session: { readonly startsAt: string; readonly endsAt: string };
  /** The new time of a rearranged session, or the alternative the client chose. */
  readonly newTime?: { readonly startsAt: string; readonly endsAt: string };
  /** The offered alternatives, earliest first. */
  readonly alternatives?: readonly { readonly startsAt: string; readonly endsAt: string }[];
  /** The client's offer link (the `--offer-url` template filled with the token). */
  readonly offerUrl?: string;
  /** Until when the client can choose; never later than the first alternative. */
  readonly chooseBy?: string;
  readonly refund?: {
    readonly amount: number;
    readonly currency: string;
    readonly status: 'pending' | 'pending-review' | 'issued' | 'failed' | 'declined';
  };
  /** The platform team's note (a declined refund). */
  readonly note?: string;
}

/** A message rendered for every channel: email has both parts, SMS is short. */
export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** At most 320 characters (two SMS segments), link included. */
  readonly sms: string;
}

/** Whom a message goes to. */
export interface Recipient {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
}

/** One delivery attempt's input. `id` is the outbox row id: the provider's idempotency key and the email's Message-ID. */
export interface OutboundMessage {
  readonly id: string;
  readonly channel: Channel;
  readonly tenant: string;
  readonly to: Recipient;
  readonly facts: MessageFacts;
  readonly rendered: RenderedMessage;
}

/** What a provider answered for a delivered message (its own id, if it gave one). */
export interface DeliveryReceipt {
  readonly providerId?: string;
}

/**
 * A failed attempt. `retryable: false` (a rejected address, a 4xx other than 408/429) ends the row
 * as failed; anything else is retried with backoff until its deadline, then raised to the team.
 */
export class DeliveryError extends Error {
  /** How long the provider asked to wait before the next attempt (a webhook's `Retry-After`), if it said. */
  readonly retryAfterMs?: number;
  /** The provider's own words (a response body): for the team's request only, never the history therapists read. */
  readonly providerDetail?: string;

  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown; retryAfterMs?: number; providerDetail?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    if (options?.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options?.providerDetail !== undefined) this.providerDetail = options.providerDetail;
  }
}

/** Delivers messages on one or more channels. Throws `DeliveryError` when an attempt fails. */
export interface Notifier {
  /** The channels it serves. */
  readonly channels: readonly Channel[];
  deliver(message: OutboundMessage, options: { readonly signal: AbortSignal }): Promise<DeliveryReceipt>;
  /** Its own limit on one attempt (ms), e.g. `--webhook-timeout`: the worker waits that long (its lease must be longer). */
  readonly timeoutMs?: number;
  /** Releases what it holds (an SMTP pool's connections); the worker calls it when it stops. */
  close?(): Promise<void>;
}

/** A refund to carry out: `id` is the refund's outbox row id, the provider's idempotency key. */
export interface RefundOrder {
  readonly id: string;
  readonly tenant: string;
  readonly refundId: string;
  readonly sessionId: string;
  readonly clientId: string;
  readonly amount: { readonly amount: number; readonly currency: string };
}

/** Moves money. A Stripe adapter is `issue` calling `refunds.create` with `idempotencyKey: order.id`. */
export interface RefundProvider {
  issue(order: RefundOrder, options: { readonly signal: AbortSignal }): Promise<DeliveryReceipt>;
  /** Its own limit on one attempt (ms): the worker waits that long (its lease must be longer). */
  readonly timeoutMs?: number;
  /** Releases what it holds; the worker calls it when it stops. */
  close?(): Promise<void>;
}
