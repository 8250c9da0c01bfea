import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  ConflictError,
  ContractError,
  createHostClient,
  HostResponseError,
  NetworkError,
  ServerError,
  TimeoutError,
  type DecisionShown,
  type HostClient,
} from '@raincheck/host-api';
import { clientHostSuite } from '../../../host/test/shared/client-host-suite.js';
import { createMockHost, type MockHost } from '../../src/index.js';
import { startMockHostServer } from '../../src/node.js';
import { mockHostUnderTest } from '../shared/mock-host-under-test.js';
import { rejection } from '../shared/rejection.js';

// The Node client × host suite, as on the reference host on PGlite and on PostgreSQL
// (packages/host/test/shared/client-host-suite.ts): the same behaviour is the point.
clientHostSuite('the mock host', () => Promise.resolve(mockHostUnderTest()));

// What only the mock host has: fault injection (the client's retries, timeouts and contract checks
// against a misbehaving host) and its records of every request, served through msw.
describe('the mock host only: faults and its records', () => {
  const BASE = 'https://partner.test/api/raincheck';
  const NOW = Date.parse('2027-06-01T09:00:00Z');
  const shown: DecisionShown = {
    policyId: 'raincheck-default',
    policyVersion: '1.0.0',
    policyHash: 'x',
    outcome: 'allowed',
  };

  let host: MockHost;
  let waits: number[];
  let client: HostClient;
  let server: ReturnType<typeof startMockHostServer>;

  function newClient(options: Partial<Parameters<typeof createHostClient>[0]> = {}): HostClient {
    return createHostClient({
      baseUrl: BASE,
      // Generous: an answer must never time out on a loaded machine, or it is retried (an extra
      // request, an extra wait) and the counts below are off. The timeout test sets its own.
      timeoutMs: 30_000,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      token: () => host.token('therapist'),
      ...options,
    });
  }

  before(() => {
    host = createMockHost({ now: () => NOW });
    server = startMockHostServer(host, BASE);
  });
  after(() => server.close());
  beforeEach(() => {
    host.reset('ordinary-cancellation');
    waits = [];
    client = newClient();
  });
  afterEach(() => host.faults.clear());

  async function openSlotIds(count: number): Promise<string[]> {
    const { slots } = await client.listSlots({
      therapistId: 'th-ana',
      query: { from: '2027-06-01T00:00:00Z', to: '2027-06-20T00:00:00Z' },
    });
    return slots.slice(0, count).map((s) => s.id);
  }

  describe('idempotency in the records', () => {
    it('a double submit with one key is recorded once as done and once as replayed', async () => {
      const body = {
        reason: 'illness' as const,
        alternativeSlotIds: await openSlotIds(2),
        refundOffered: true,
        decision: shown,
      };
      const key = client.newIdempotencyKey();
      const [a, b] = await Promise.all([
        client.cancelSession({ sessionId: 'ses-1', version: '1', idempotencyKey: key, body }),
        client.cancelSession({ sessionId: 'ses-1', version: '1', idempotencyKey: key, body }),
      ]);
      assert.deepEqual(a, b);
      assert.equal(host.records.notifications.length, 1);
      assert.equal(host.state.seed.history['th-ana']!.length, 1);
      assert.deepEqual(
        host.records.requests.filter((r) => r.endpoint === 'cancelSession').map((r) => r.replayed),
        [false, true],
      );
    });

    it('a refund is issued once, whatever the retries (an injected 503) and repeats', async () => {
      host.reset('client-offer');
      host.faults.set('refundSession', { status: 503, times: 1 });
      const key = client.newIdempotencyKey();
      const first = await client.refundSession({
        sessionId: 'ses-1',
        version: '1',
        idempotencyKey: key,
        body: { decision: shown },
      });
      const again = await client.refundSession({
        sessionId: 'ses-1',
        version: '1',
        idempotencyKey: key,
        body: { decision: shown },
      });
      assert.deepEqual(again, first);
      assert.equal(first.refund.status, 'pending', 'the answer: decided, for the refund provider to carry out');
      const other = await rejection(
        client.refundSession({ sessionId: 'ses-1', version: '1', body: { decision: shown } }),
      );
      assert.ok(other instanceof ConflictError);
      assert.equal(other.code, 'already-refunded');
      assert.deepEqual(
        host.records.refunds.map((r) => r.status),
        ['issued'],
        'carried out once by the in-process provider',
      );
      assert.equal(host.records.refundOrders.length, 1);
    });
  });

  describe('retries', () => {
    it('retries 503 with backoff and succeeds; the write happens once', async () => {
      host.faults.set('createTeamRequest', { status: 503, times: 2 });
      const { teamRequest } = await client.createTeamRequest({
        body: { kind: 'other', therapistId: 'th-ana', reason: 'Help.' },
      });
      assert.equal(teamRequest.status, 'open');
      assert.deepEqual(waits, [500, 750]);
      assert.equal(host.records.teamRequests.length, 1);
      const keys = new Set(host.records.requests.map((r) => r.idempotencyKey));
      assert.equal(keys.size, 1, 'every attempt carries the same key');
    });

    it('gives up after 3 attempts with ServerError', async () => {
      host.faults.set('getSession', { status: 502 });
      const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
      assert.ok(error instanceof ServerError);
      assert.equal(error.status, 502);
      assert.equal(host.records.requests.length, 3);
    });

    it('does not retry a 500', async () => {
      host.faults.set('getSession', { status: 500 });
      const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
      assert.ok(error instanceof ServerError);
      assert.equal(host.records.requests.length, 1);
    });

    it('honours Retry-After on 429, and gives up when it is too long', async () => {
      host.faults.set('getSession', { status: 429, retryAfterSeconds: 2, times: 1 });
      await client.getSession({ sessionId: 'ses-1' });
      assert.deepEqual(waits, [2000]);
      host.faults.set('getSession', { status: 429, retryAfterSeconds: 3600 });
      const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
      assert.ok(error instanceof HostResponseError);
      assert.equal(error.status, 429);
    });

    it('a timeout is retried, then TimeoutError', async () => {
      host.faults.set('getSession', { timeout: true });
      const error = await rejection(newClient({ timeoutMs: 200 }).getSession({ sessionId: 'ses-1' }));
      assert.ok(error instanceof TimeoutError);
      assert.equal(waits.length, 2);
    });

    it('a network failure is retried, then NetworkError', async () => {
      let calls = 0;
      const offline = newClient({
        fetch: () => {
          calls++;
          return Promise.reject(new TypeError('fetch failed'));
        },
      });
      const error = await rejection(offline.getSession({ sessionId: 'ses-1' }));
      assert.ok(error instanceof NetworkError);
      assert.equal(calls, 3);
      const once = newClient({ retries: 0, fetch: () => Promise.reject(new TypeError('fetch failed')) });
      assert.ok((await rejection(once.getSession({ sessionId: 'ses-1' }))) instanceof NetworkError);
    });
  });

  describe('the contract', () => {
    it('a response that breaks the contract is a ContractError naming the endpoint and field', async () => {
      host.faults.set('getSession', { malformed: true });
      const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
      assert.ok(error instanceof ContractError);
      assert.equal(error.side, 'response');
      assert.equal(error.endpoint, 'getSession');
      assert.equal(error.field, '$.session.id');
      assert.match(
        error.message,
        /getSession response breaks the host API contract: \$\.session\.id: expected string, got number 42/,
      );
    });

    it('an aborted call rejects with the abort reason and is not retried', async () => {
      host.faults.set('getSession', { latencyMs: 50 });
      const controller = new AbortController();
      const pending = client.getSession({ sessionId: 'ses-1', signal: controller.signal });
      setTimeout(() => controller.abort(), 5);
      const error = await rejection(pending);
      assert.equal(error.name, 'AbortError');
      assert.equal(waits.length, 0);
    });
  });
});
