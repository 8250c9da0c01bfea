// `@raincheck/host/webhooks`: what a partner's server needs to accept Raincheck's webhooks (an SMS /
// phone / push relay, their billing for refunds). Node's crypto only; no other dependency.
export {
  DEFAULT_TOLERANCE_SECONDS,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
  type VerifiedWebhook,
  type WebhookHeaders,
  type WebhookRejection,
} from './webhook-signature.js';
export type { NotificationWebhookBody, RefundWebhookBody } from './webhook-bodies.js';
