/**
 * @raincheck/host — the reference host: the host core on SQL (PGlite embedded by default,
 * PostgreSQL at scale), as a web-standard `fetch` handler to mount anywhere, or served by
 * `raincheck-host serve`. The core alone is `@raincheck/host/core`.
 * @packageDocumentation
 */
export { createHost } from './host.js';
export type { Host, HostDelivery, HostOptions } from './host.js';
export { createOutboxWorker, DEADLINE_GRACE_MS } from './outbox/worker.js';
export type { AttemptEvent, OutboxWorker, OutboxWorkerOptions } from './outbox/worker.js';
export { retryDelayMs } from './outbox/backoff.js';
export { createTestClock } from './core/test-clock.js';
export type { TestClock } from './core/test-clock.js';
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
} from './delivery/types.js';
export { DeliveryError } from './delivery/types.js';
export { openDatabase, DataDirectoryLockedError } from './open-database.js';
export type { DatabaseLocation, OpenDatabaseOptions } from './open-database.js';
export { DEFAULT_MAX_BODY_BYTES } from './body-limit.js';
export { migrate } from './sql/migrate.js';
export { prune, DEFAULT_AUDIT_RETENTION_DAYS } from './sql/maintenance.js';
export { createSqlStore } from './sql/sql-store.js';
export type { Db, Queryable } from './sql/db.js';
export { seedStore } from './seed.js';
export type { StoreSeed } from './seed.js';
export { listen } from './serve.js';
export type { RunningHost } from './serve.js';
export type { FixturesOptions, FixtureAnswer, ScenarioSeed, PracticeWriter } from './fixtures.js';
