import assert from 'node:assert/strict';
import type { DecisionShown } from '@raincheck/host-api';
import { mintToken } from '@raincheck/host-api/tokens';
import { MOCK_IDENTITIES, seedScenario, type MockIdentity, type ScenarioName } from '@raincheck/mock-host';
import { linkSeal } from '../../src/core/link-seal.js';
import type { OutboxRow } from '../../src/core/outbox.js';
import { createTestClock, type TestClock } from '../../src/core/test-clock.js';
import { createHost, type Host } from '../../src/host.js';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from '../../src/outbox/worker.js';
import { seedStore } from '../../src/seed.js';
import { migrate } from '../../src/sql/migrate.js';
import { createSqlStore } from '../../src/sql/sql-store.js';
import type { HostStore } from '../../src/core/store.js';
import type { TestDatabase } from './databases.js';

// A reference host on a fresh database in one of the mock host's scenarios, with a test clock and
// workers the test steps itself (`drain`), so nothing depends on timing.

const SECRETS: Readonly<Record<string, string>> = {
  'practice-a': 'delivery-tests-secret-of-practice-a-32b',
  'practice-b': 'delivery-tests-secret-of-practice-b-32b',
};
export const LINK_SECRET = 'delivery-tests-offer-link-secret';
export const OFFER_URL = (token: string) => `https://practice.example/offer/${token}`;

export interface DeliveryHarness {
  readonly host: Host;
  readonly store: HostStore;
  readonly clock: TestClock;
  /** A worker on the host's database and clock; the options the test gives win. */
  worker(options: Pick<OutboxWorkerOptions, 'notifiers'> & Partial<OutboxWorkerOptions>): OutboxWorker;
  /** Calls the host as one of the scenario's people (or with no token: an offer link). */
  call(
    who: MockIdentity | null,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test's view of JSON answers; the contract's own tests check their shapes
  ): Promise<{ status: number; body: any }>;
  /** The session's outbox rows, oldest first. */
  rows(sessionId?: string): Promise<readonly OutboxRow[]>;
  close(): Promise<void>;
}

/** Starts a harness on `database` (dropped by `close`), in `scenario` at `nowMs`. */
export async function deliveryHarness(
  database: TestDatabase,
  scenario: ScenarioName,
  nowMs: number,
): Promise<DeliveryHarness> {
  const { db } = database;
  await migrate(db);
  const { offers: _offers, ...seed } = seedScenario(scenario, nowMs);
  const store = createSqlStore(db);
  await seedStore(store, { ...seed, offers: [] });
  const clock = createTestClock(nowMs);
  const host = await createHost({
    database: { ...db, close: database.drop },
    auth: { secret: (tenant) => SECRETS[tenant] },
    testClock: clock,
    linkSecret: LINK_SECRET,
  });
  const workers: OutboxWorker[] = [];
  return {
    host,
    store,
    clock,
    worker: (options) => {
      const worker = createOutboxWorker({
        store,
        policy: () => host.policy,
        render: (facts) => ({ subject: facts.kind, text: JSON.stringify(facts), html: '', sms: facts.kind }),
        now: () => clock.now(),
        linkSeal: linkSeal(LINK_SECRET),
        offerUrl: OFFER_URL,
        random: () => 0.5,
        ...options,
      });
      workers.push(worker);
      return worker;
    },
    call: async (who, method, path, body, headers = {}) => {
      const authorization: Record<string, string> =
        who === null
          ? {}
          : {
              authorization: `Bearer ${await mintToken({ ...MOCK_IDENTITIES[who], secret: SECRETS[MOCK_IDENTITIES[who].tenant]!, now: () => clock.now() })}`,
            };
      const response = await host.fetch(
        new Request(`https://host.test${path}`, {
          method,
          headers: {
            ...authorization,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(method === 'GET' ? {} : { 'idempotency-key': crypto.randomUUID() }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    rows: (sessionId = 'ses-1') => store.read((tx) => tx.outboxOf(sessionId)),
    close: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await host.close();
    },
  };
}

/** What the therapist's widget says it showed (the host re-decides; its own decision stands). */
export const SHOWN: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};

/** The therapist cancels `ses-1`, offering two alternatives (and a refund, unless told not to); the offer link's token and expiry. */
export async function cancelWithOffer(
  h: DeliveryHarness,
  refundOffered = true,
): Promise<{ token: string; expiresAt: string; alternatives: string[] }> {
  const slots = await h.call(
    'therapist',
    'GET',
    '/therapists/th-ana/slots?from=2027-06-01T00:00:00Z&to=2027-06-20T00:00:00Z',
  );
  // Two days out: the offer is open past the 24-hour follow-up (it closes at the first offered time).
  const alternativeSlotIds = (slots.body.slots as { id: string }[]).slice(4, 6).map((s) => s.id);
  const answer = await h.call(
    'therapist',
    'POST',
    '/sessions/ses-1/cancel',
    { reason: 'illness', alternativeSlotIds, refundOffered, decision: SHOWN },
    { 'if-match': '"1"' },
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const offer = answer.body.offer as { token: string; expiresAt: string };
  return { ...offer, alternatives: alternativeSlotIds };
}
