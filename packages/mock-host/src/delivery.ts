import type { MessageFacts, Notifier, RefundOrder, RefundProvider } from '@raincheck/host/core';

// The mock host delivers for real, in-process: the same outbox worker as the reference host, with a
// notifier that keeps each message in the host's records (what the playground shows as delivered)
// and a refund provider that always succeeds.

/** A message the mock host's worker delivered. */
export interface DeliveredMessage {
  /** The outbox row's id: the message's idempotency key. */
  readonly id: string;
  readonly channel: string;
  readonly to: string;
  readonly kind: MessageFacts['kind'];
  readonly subject: string;
  /** The short form (SMS), or the text of an email. */
  readonly text: string;
  /** When it was delivered, on the host's clock (ISO). */
  readonly at: string;
}

/** Every channel a policy can name: the mock host tells clients on all of them. */
const CHANNELS = ['email', 'sms', 'phone', 'push'] as const;

/** A notifier that records what it delivered. */
export function recordingNotifier(delivered: DeliveredMessage[], now: () => string): Notifier {
  return {
    channels: CHANNELS,
    deliver: (message) => {
      const to =
        message.channel === 'email' ? (message.to.email ?? message.to.name) : (message.to.phone ?? message.to.name);
      delivered.push({
        id: message.id,
        channel: message.channel,
        to,
        kind: message.facts.kind,
        subject: message.rendered.subject,
        text: message.channel === 'email' ? message.rendered.text : message.rendered.sms,
        at: now(),
      });
      return Promise.resolve({ providerId: `mock-${message.id}` });
    },
  };
}

/** A refund provider that carries out every order, recording it. */
export function recordingRefunds(issued: RefundOrder[]): RefundProvider {
  return {
    issue: (order) => {
      issued.push(order);
      return Promise.resolve({ providerId: `mock-refund-${order.id}` });
    },
  };
}
