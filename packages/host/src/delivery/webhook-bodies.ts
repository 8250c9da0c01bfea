import type { Channel, MessageFacts, MessageKind, Recipient } from './types.js';

/** The JSON body of a notification webhook (an SMS, a call, a push the partner's provider sends). */
export interface NotificationWebhookBody {
  readonly type: 'notification';
  /** The outbox row id, also in `Idempotency-Key`: the same on every attempt. */
  readonly id: string;
  readonly channel: Channel;
  readonly tenant: string;
  readonly kind: MessageKind;
  readonly locale: string;
  readonly to: Recipient;
  /** The short text (at most 320 characters, link included): what an SMS says. */
  readonly sms: string;
  /** A title, for a push notification. */
  readonly subject: string;
  /** The long text, for a call script or an in-app message. */
  readonly text: string;
  /** What the message is about, for providers that write their own text. */
  readonly facts: MessageFacts;
}

/** The JSON body of a refund webhook (the partner's billing carries the refund out). */
export interface RefundWebhookBody {
  readonly type: 'refund';
  /** The refund's outbox row id, also in `Idempotency-Key`: issue the money once per id. */
  readonly id: string;
  readonly tenant: string;
  readonly refundId: string;
  readonly sessionId: string;
  readonly clientId: string;
  /** In minor units, e.g. 8000 GBP is £80.00. */
  readonly amount: { readonly amount: number; readonly currency: string };
}
