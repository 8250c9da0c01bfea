import type {
  Channel,
  DeliveryReceipt,
  MessageKind,
  Notifier,
  OutboundMessage,
  Recipient,
  RefundOrder,
  RefundProvider,
} from './types.js';

/** A message the log notifier "delivered": what the playground's Requests tab lists. */
export interface LoggedMessage {
  readonly type: 'notification';
  /** The outbox row id; a redelivered row appears again with the same id. */
  readonly id: string;
  readonly channel: Channel;
  readonly tenant: string;
  readonly kind: MessageKind;
  readonly to: Recipient;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sms: string;
  readonly deliveredAt: string;
}

/** A refund the log refund provider "issued". */
export interface LoggedRefund {
  readonly type: 'refund';
  readonly id: string;
  readonly tenant: string;
  readonly refundId: string;
  readonly sessionId: string;
  readonly clientId: string;
  readonly amount: RefundOrder['amount'];
  readonly issuedAt: string;
}

/** One entry of the log: a message or a refund. */
export type LoggedDelivery = LoggedMessage | LoggedRefund;

/** Development delivery: nothing leaves the process, everything is listed. */
export interface LogNotifier extends Notifier {
  /** Refunds "issued" into the same list. */
  readonly refunds: RefundProvider;
  /** What was delivered, oldest first; only a tenant's when given. */
  list(filter?: { readonly tenant?: string }): readonly LoggedDelivery[];
  /** Forgets everything listed (a playground reset). */
  clear(): void;
}

/** The channels the log notifier serves unless told otherwise. */
export const LOG_CHANNELS: readonly Channel[] = ['email', 'sms', 'phone', 'push'];

/** How the log notifier logs and what it keeps. */
export interface LogNotifierOptions {
  /** The channels it serves (default {@link LOG_CHANNELS}). */
  readonly channels?: readonly Channel[];
  /** Where the one line per delivery goes (default `console.log`); `false` for none. */
  readonly log?: ((line: string) => void) | false;
  /** The most it keeps; older entries are dropped first (default 1000), so a long development run stays small. */
  readonly limit?: number;
  /** The clock for `deliveredAt` / `issuedAt` (the host's, a test clock in fixtures mode). */
  readonly now?: () => Date;
  /** Masks phone numbers and email addresses in the logged lines (outside development: stdout is kept by log collectors). */
  readonly maskContacts?: boolean;
}

/** `+447700900123` → `+44•••••••123`, `ben.carter@example.com` → `b•••@example.com`. */
export function maskContact(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]!}•••${address.slice(at)}`;
  return address.length <= 6
    ? '•'.repeat(address.length)
    : `${address.slice(0, 3)}${'•'.repeat(address.length - 6)}${address.slice(-3)}`;
}

/**
 * The development default (`--seed demo`): records each delivered message and refund in memory and
 * logs one line for each, so the playground can show what a client would have been sent.
 */
export function createLogNotifier(options: LogNotifierOptions = {}): LogNotifier {
  const entries: LoggedDelivery[] = [];
  const limit = options.limit ?? 1000;
  const log = options.log === false ? () => {} : (options.log ?? ((line: string) => console.log(line)));
  const now = () => (options.now?.() ?? new Date()).toISOString();
  const keep = (entry: LoggedDelivery) => {
    entries.push(entry);
    if (entries.length > limit) entries.splice(0, entries.length - limit);
  };
  const receipt = (id: string): Promise<DeliveryReceipt> => Promise.resolve({ providerId: `log:${id}` });
  return {
    channels: options.channels ?? LOG_CHANNELS,
    deliver(message: OutboundMessage) {
      const { subject, text, html, sms } = message.rendered;
      keep({
        type: 'notification',
        id: message.id,
        channel: message.channel,
        tenant: message.tenant,
        kind: message.facts.kind,
        to: message.to,
        subject,
        text,
        html,
        sms,
        deliveredAt: now(),
      });
      const address = message.channel === 'email' ? message.to.email : message.to.phone;
      const shown = address && options.maskContacts ? maskContact(address) : address;
      log(
        `[delivery:log] ${message.channel} to ${message.to.name}${shown ? ` <${shown}>` : ''} (${message.tenant}, ${message.id}): ${subject}`,
      );
      return receipt(message.id);
    },
    refunds: {
      issue(order: RefundOrder) {
        keep({
          type: 'refund',
          id: order.id,
          tenant: order.tenant,
          refundId: order.refundId,
          sessionId: order.sessionId,
          clientId: order.clientId,
          amount: order.amount,
          issuedAt: now(),
        });
        log(
          `[delivery:log] refund ${order.amount.amount} ${order.amount.currency} minor units to client ${order.clientId} (${order.tenant}, ${order.id})`,
        );
        return receipt(order.id);
      },
    },
    list(filter = {}) {
      return entries.filter((entry) => filter.tenant === undefined || entry.tenant === filter.tenant);
    },
    clear() {
      entries.length = 0;
    },
  };
}
