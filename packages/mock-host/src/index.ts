/**
 * @raincheck/mock-host — an in-memory host API that behaves like a real one (the host core of
 * @raincheck/host on an in-memory store): for the playground, the SDK's tests and partners' own
 * test suites. Serve it with `@raincheck/mock-host/browser` (service worker) or
 * `@raincheck/mock-host/node` (msw's setupServer), or pass `host.fetchAt(baseUrl)` to `createHostClient`.
 * @packageDocumentation
 */
export { createMockHost, DEFAULT_IDEMPOTENCY_TTL_MS } from './host.js';
export type {
  MockHost,
  MockHostOptions,
  MockHostRecords,
  MockTokenOptions,
  Fault,
  RecordedRequest,
  SentNotification,
} from './host.js';
export { mockHostHandlers } from './handlers.js';
export type { DeliveredMessage } from './delivery.js';
export { MOCK_IDENTITIES, MOCK_TENANT_SECRETS } from './identities.js';
export type { MockIdentity } from './identities.js';
export { SCENARIOS, seedScenario } from './scenarios.js';
export { fillTeamQueue } from './team-queue.js';
export type { SendAs } from './team-queue.js';
export type { ScenarioName, ScenarioTweaks, Seed, SeedOffer, HostState, MockClient } from './scenarios.js';
export type { StoredOffer, StoredSession, StoredTherapist, StoredTeamRequest } from '@raincheck/host/core';
export {
  createMockFixturesHost,
  MOCK_FIXTURES_SECRET,
  type MockFixturesHost,
  type MockFixturesHostOptions,
} from './fixtures-host.js';
