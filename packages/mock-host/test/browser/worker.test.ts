import { assert } from '@open-wc/testing';
import { ConflictError, ContractError, createHostClient, type DecisionShown } from '@raincheck/host-api';
import { createMockHost } from '@raincheck/mock-host';
import { startMockHostWorker } from '@raincheck/mock-host/browser';
import { rejection } from '../shared/rejection.js';

const BASE = '/api/raincheck';
const shown: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};
const host = createMockHost({ now: () => Date.parse('2027-06-01T09:00:00Z') });
const client = createHostClient({
  baseUrl: BASE,
  sleep: () => Promise.resolve(),
  token: () => host.token('therapist'),
});
let worker: Awaited<ReturnType<typeof startMockHostWorker>>;

describe('the mock host in a service worker, with the client, in Chromium', () => {
  before(async () => {
    worker = await startMockHostWorker(host, { baseUrl: BASE });
  });
  after(() => worker.stop());
  beforeEach(() => host.reset('ordinary-cancellation'));

  it('answers the page’s real fetch through the service worker', async () => {
    assert.equal((await fetch(`${BASE}/sessions/ses-1`)).status, 401, 'no token, no session');
    const response = await fetch(`${BASE}/sessions/ses-1`, {
      headers: { authorization: `Bearer ${await host.token('therapist')}` },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('etag'), '"1"');
    const { session } = await client.getSession({ sessionId: 'ses-1' });
    assert.equal(session.client.displayName, 'Ben Carter');
  });

  it('a double-clicked cancel with one key cancels once', async () => {
    const { slots } = await client.listSlots({
      therapistId: 'th-ana',
      query: { from: '2027-06-01T00:00:00Z', to: '2027-06-20T00:00:00Z' },
    });
    const body = {
      reason: 'illness' as const,
      alternativeSlotIds: slots.slice(0, 2).map((s) => s.id),
      refundOffered: true,
      decision: shown,
    };
    const idempotencyKey = client.newIdempotencyKey();
    const [a, b] = await Promise.all([
      client.cancelSession({ sessionId: 'ses-1', version: '1', idempotencyKey, body }),
      client.cancelSession({ sessionId: 'ses-1', version: '1', idempotencyKey, body }),
    ]);
    assert.deepEqual(a, b);
    assert.equal(host.records.notifications.length, 1);
  });

  it('a retried 503 then succeeds; a malformed response is a ContractError; a taken slot a ConflictError', async () => {
    host.faults.set('getSession', { status: 503, times: 1 });
    assert.equal((await client.getSession({ sessionId: 'ses-1' })).session.id, 'ses-1');
    host.faults.set('getSession', { malformed: true, times: 1 });
    const broken = await rejection(client.getSession({ sessionId: 'ses-1' }));
    assert.instanceOf(broken, ContractError);
    assert.equal(broken.field, '$.session.id');
    const taken = await rejection(
      client.rescheduleSession({ sessionId: 'ses-1', version: '1', body: { slotId: 'gone', decision: shown } }),
    );
    assert.instanceOf(taken, ConflictError);
  });
});
