/**
 * @raincheck/mock-host — an in-memory host API that behaves like a real one: for the playground,
 * the SDK's tests and partners' own test suites. Serve it with `@raincheck/mock-host/browser`
 * (service worker) or `@raincheck/mock-host/node` (msw's setupServer), or pass `host.fetch` to
 * `createHostClient`.
 * @packageDocumentation
 */
export { createMockHost, DEFAULT_IDEMPOTENCY_TTL_MS } from './host.js';
export type { MockHost, MockHostOptions, MockHostRecords, Fault, RecordedRequest, SentNotification } from './host.js';
export { mockHostHandlers } from './handlers.js';
export { SCENARIOS, seedScenario } from './scenarios.js';
export type { ScenarioName, ScenarioTweaks, Seed, MockClient, StoredOffer, StoredSession } from './scenarios.js';
