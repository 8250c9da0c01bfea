/**
 * @raincheck/host/core — what every host API endpoint does, over a pluggable store: authenticate,
 * check the request against the contract, and for a write, in one transaction: the idempotency
 * check, `If-Match`, the policy's own decision, the effects and the remembered answer. The mock
 * host runs it on an in-memory store; the reference host on SQL.
 * @packageDocumentation
 */
export { createHostCore } from './core.js';
export type { HostCore, HostCoreOptions, CoreAnswer } from './core.js';
export type { Authenticate, Caller } from './access.js';
export { DEFAULT_IDEMPOTENCY_TTL_MS } from './idempotency.js';
export { HttpError, errorResponse } from './http-error.js';
export { matchRoute, pathUnder } from './router.js';
export type { Route } from './router.js';
export { newOfferToken, offerTokenHash } from './offer-token.js';
export { recordDecision } from './decision-record.js';
export { linkSeal } from './link-seal.js';
export type { LinkSeal } from './link-seal.js';
export { notificationsOf } from './notifications.js';
export { createTestClock } from './test-clock.js';
export type { TestClock } from './test-clock.js';
export { createOutboxWorker, DEADLINE_GRACE_MS } from '../outbox/worker.js';
export type { AttemptEvent, OutboxWorker, OutboxWorkerOptions } from '../outbox/worker.js';
export type {
  Channel,
  DeliveryReceipt,
  MessageFacts,
  MessageKind,
  Notifier,
  OutboundMessage,
  Recipient,
  RefundOrder,
  RefundProvider,
  RenderedMessage,
} from '../delivery/types.js';
export { DeliveryError } from '../delivery/types.js';
// Browser-safe: the mock host renders its messages with the reference host's templates.
export { renderMessage } from '../delivery/render-message.js';
export type { OutboxClaim, OutboxKind, OutboxOutcome, OutboxRow } from './outbox.js';
export { sessionFacts } from './policy-gate.js';
export type {
  HostStore,
  StoreTransaction,
  StoredAnswer,
  StoredAuditEntry,
  StoredClient,
  StoredNotification,
  StoredOffer,
  StoredPolicy,
  StoredSession,
  StoredTeamRequest,
  StoredTherapist,
} from './store.js';
