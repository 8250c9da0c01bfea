import { postSigned } from './signed-post.js';
import type { RefundWebhookBody } from './webhook-bodies.js';
import { DEFAULT_WEBHOOK_TIMEOUT_MS } from './webhook-notifier.js';
import { checkWebhookSecret, checkWebhookUrl } from './webhook-url.js';
import type { RefundProvider } from './types.js';

/** The partner's billing endpoint that carries refunds out. */
export interface RefundWebhookOptions {
  /** The billing endpoint (http(s)). */
  readonly url: string;
  /** The secret the refund webhooks are signed with (at least 16 characters). */
  readonly secret: string;
  /** One attempt's limit in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** The clock the signature's timestamp is taken from (default the real one). */
  readonly now?: () => Date;
}

/**
 * Refunds as signed webhooks to the partner's billing (see {@link RefundWebhookBody}); the refund's
 * outbox row id is the `Idempotency-Key`, so the billing issues the money once however often it is asked.
 */
export function createRefundWebhook(options: RefundWebhookOptions): RefundProvider {
  const target = {
    url: checkWebhookUrl(options.url, '--refund-webhook-url'),
    secret: checkWebhookSecret(options.secret, '--refund-webhook-secret', 'the refund webhook'),
    timeoutMs: options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    ...(options.now ? { now: options.now } : {}),
  };
  return {
    timeoutMs: target.timeoutMs,
    issue(order, { signal }) {
      const body: RefundWebhookBody = {
        type: 'refund',
        id: order.id,
        tenant: order.tenant,
        refundId: order.refundId,
        sessionId: order.sessionId,
        clientId: order.clientId,
        amount: order.amount,
      };
      return postSigned(target, body, order.id, signal);
    },
  };
}
