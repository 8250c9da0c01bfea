// Delivery: what the outbox worker and the CLI use to render and send messages and to move money.
export * from './types.js';
export { renderMessage } from './render-message.js';
export {
  compileMessageTemplates,
  TEMPLATE_PARTS,
  type MessageTemplates,
  type TemplatePart,
} from './messages/templates.js';
export { effectiveChooseBy } from './choose-by.js';
export { SMS_LIMIT } from './sms.js';
export { DeliveryConfigError } from './config-error.js';
export {
  DELIVERY_CLI_OPTIONS,
  DELIVERY_USAGE,
  parseDeliveryOptions,
  type DeliveryConfig,
  type DeliveryEnvironment,
  type DeliveryFlags,
} from './config.js';
export { createEmailNotifier, messageIdFor, type EmailNotifier, type EmailNotifierOptions } from './email-notifier.js';
export { createWebhookNotifier, DEFAULT_WEBHOOK_TIMEOUT_MS, type WebhookNotifierOptions } from './webhook-notifier.js';
export { createRefundWebhook, type RefundWebhookOptions } from './refund-webhook.js';
export {
  createLogNotifier,
  LOG_CHANNELS,
  type LogNotifier,
  type LogNotifierOptions,
  type LoggedDelivery,
  type LoggedMessage,
  type LoggedRefund,
} from './log-notifier.js';
export { offerUrlTemplate, OFFER_TOKEN_PLACEHOLDER } from './offer-url.js';
export * from './webhooks.js';
