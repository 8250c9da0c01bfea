import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  ConflictError,
  ContractError,
  createHostClient,
  HostResponseError,
  NetworkError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ServerError,
  TimeoutError,
  type DecisionShown,
  type HostClient,
} from '@raincheck/host-api';
import { createMockHost, type MockHost } from '../../src/index.js';
import { startMockHostServer } from '../../src/node.js';
import { rejection } from '../shared/rejection.js';

const BASE = 'https://partner.test/api/raincheck';
const NOW = Date.parse('2027-06-01T09:00:00Z');
const shown: DecisionShown = { policyId: 'raincheck-default', policyVersion: '1.0.0', policyHash: 'x', outcome: 'allowed' };

let host: MockHost;
let waits: number[];
let client: HostClient;
let server: ReturnType<typeof startMockHostServer>;

function newClient(options: Partial<Parameters<typeof createHostClient>[0]> = {}): HostClient {
  return createHostClient({
    baseUrl: BASE,
    timeoutMs: 200,
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

describe('reads', () => {
  it('reads a session, open slots, the policy facts and the rules', async () => {
    const { session } = await client.getSession({ sessionId: 'ses-1' });
    assert.equal(session.status, 'scheduled');
    assert.equal(session.client.displayName, 'Ben Carter');
    assert.equal((await openSlotIds(50)).length > 10, true);
    const facts = await client.getPolicyFacts({ sessionId: 'ses-1' });
    assert.deepEqual(facts.client, { id: 'cli-ben', isNew: false, attendedSessions: 6 });
    const rules = await client.getRules({});
    assert.equal(rules.id, 'raincheck-default');
    assert.equal(Object.keys(rules.files).length, 5);
  });

  it('a missing session is a HostResponseError with the host message', async () => {
    const error = await rejection(client.getSession({ sessionId: 'nope' }));
    assert.ok(error instanceof HostResponseError);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not-found');
    assert.match(error.message, /No session "nope"/);
  });
});

describe('cancelling and rearranging', () => {
  it('cancels with alternatives and a refund offer; the host records the notification and the change', async () => {
    const alternativeSlotIds = await openSlotIds(2);
    const result = await client.cancelSession({
      sessionId: 'ses-1',
      version: '1',
      body: { reason: 'illness', alternativeSlotIds, refundOffered: true, decision: shown },
    });
    assert.equal(result.session.status, 'cancelled');
    assert.equal(result.session.version, '2');
    assert.ok(result.offer);
    assert.deepEqual(host.records.notifications.map((n) => [n.kind, n.channels]), [['session-cancelled', ['email']]]);
    const { offer } = await client.getOffer({ token: result.offer.token });
    assert.deepEqual(offer.alternatives.map((s) => s.id), alternativeSlotIds);
    assert.deepEqual(offer.refund, { amount: { amount: 6500, currency: 'GBP' }, needsTeamReview: false });
  });

  it('refuses what the policy refuses, with the policy’s own explanation', async () => {
    const tooFew = await rejection(
      client.cancelSession({ sessionId: 'ses-1', version: '1', body: { reason: 'illness', alternativeSlotIds: [], refundOffered: false, decision: shown } }),
    );
    assert.ok(tooFew instanceof HostResponseError);
    assert.equal(tooFew.status, 422);
    assert.equal(tooFew.code, 'policy-refused');
    assert.match(tooFew.message, /at least 2/);
    host.reset('already-started');
    const started = await rejection(
      client.cancelSession({ sessionId: 'ses-1', version: '1', body: { reason: 'illness', alternativeSlotIds: await openSlotIds(2), refundOffered: false, decision: shown } }),
    );
    assert.ok(started instanceof HostResponseError);
    assert.equal(started.code, 'policy-refused');
    assert.match(started.message, /start time has passed/);
    assert.equal(host.state.session('ses-1')?.status, 'scheduled', 'nothing half-done');
  });

  it('a stale version is PreconditionFailedError (412) and is not retried', async () => {
    const error = await rejection(client.rescheduleSession({ sessionId: 'ses-1', version: '7', body: { slotId: 'x', decision: shown } }));
    assert.ok(error instanceof PreconditionFailedError);
    assert.deepEqual(error.details, { currentVersion: '1' });
    assert.equal(host.records.requests.length, 1);
  });

  it('a slot taken meanwhile is ConflictError (409), not retried, and changes nothing', async () => {
    const [slotId] = await openSlotIds(1);
    await client.rescheduleSession({ sessionId: 'ses-1', version: '1', body: { slotId: slotId!, decision: shown } });
    const error = await rejection(client.rescheduleSession({ sessionId: 'ses-1', version: '2', body: { slotId: slotId!, decision: shown } }));
    assert.ok(error instanceof ConflictError);
    assert.equal(error.code, 'slot-taken');
    assert.equal(host.state.session('ses-1')?.version, '2');
    assert.equal(host.records.requests.filter((r) => r.endpoint === 'rescheduleSession').length, 2);
  });

  it('a write without If-Match is 428 at the host; the client refuses to send one', async () => {
    const response = await host.fetchAt(BASE)(`${BASE}/sessions/ses-1/reschedule`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k', authorization: `Bearer ${await host.token('therapist')}` },
      body: JSON.stringify({ slotId: 'x', decision: shown }),
    });
    assert.equal(response.status, 428);
    const mapped = await rejection(newClient({ fetch: () => Promise.resolve(response.clone()) }).rescheduleSession({ sessionId: 'ses-1', version: '1', body: { slotId: 'x', decision: shown } }));
    assert.ok(mapped instanceof PreconditionRequiredError);
    const refused = await rejection(client.rescheduleSession({ sessionId: 'ses-1', version: '', body: { slotId: 'x', decision: shown } }));
    assert.ok(refused instanceof ContractError);
    assert.equal(refused.field, '$.version');
  });
});

describe('idempotency: one effect per intent', () => {
  it('a double submit with one key cancels once; both callers get the same answer', async () => {
    const body = { reason: 'illness' as const, alternativeSlotIds: await openSlotIds(2), refundOffered: true, decision: shown };
    const key = client.newIdempotencyKey();
    const [a, b] = await Promise.all([
      client.cancelSession({ sessionId: 'ses-1', version: '1', idempotencyKey: key, body }),
      client.cancelSession({ sessionId: 'ses-1', version: '1', idempotencyKey: key, body }),
    ]);
    assert.deepEqual(a, b);
    assert.equal(host.records.notifications.length, 1);
    assert.equal(host.state.seed.history['th-ana']!.length, 1);
    assert.deepEqual(host.records.requests.filter((r) => r.endpoint === 'cancelSession').map((r) => r.replayed), [false, true]);
  });

  it('the same key with another body is 422', async () => {
    const key = client.newIdempotencyKey();
    await client.createTeamRequest({ idempotencyKey: key, body: { kind: 'other', therapistId: 'th-ana', reason: 'First.' } });
    const error = await rejection(client.createTeamRequest({ idempotencyKey: key, body: { kind: 'other', therapistId: 'th-ana', reason: 'Second.' } }));
    assert.ok(error instanceof HostResponseError);
    assert.equal(error.code, 'idempotency-key-reused');
    assert.equal(host.records.teamRequests.length, 1);
  });

  it('a refund is issued once, whatever the retries and repeats', async () => {
    host.reset('client-offer');
    host.faults.set('refundSession', { status: 503, times: 1 });
    const key = client.newIdempotencyKey();
    const first = await client.refundSession({ sessionId: 'ses-1', version: '1', idempotencyKey: key, body: { decision: shown } });
    const again = await client.refundSession({ sessionId: 'ses-1', version: '1', idempotencyKey: key, body: { decision: shown } });
    assert.deepEqual(again, first);
    assert.equal(first.refund.status, 'issued');
    const other = await rejection(client.refundSession({ sessionId: 'ses-1', version: '1', body: { decision: shown } }));
    assert.ok(other instanceof ConflictError);
    assert.equal(other.code, 'already-refunded');
    assert.equal(host.records.refunds.length, 1);
  });
});

describe('retries', () => {
  it('retries 503 with backoff and succeeds; the write happens once', async () => {
    host.faults.set('createTeamRequest', { status: 503, times: 2 });
    const { teamRequest } = await client.createTeamRequest({ body: { kind: 'other', therapistId: 'th-ana', reason: 'Help.' } });
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
    const error = await rejection(client.getSession({ sessionId: 'ses-1' }));
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
    assert.match(error.message, /getSession response breaks the host API contract: \$\.session\.id: expected string, got number 42/);
  });

  it('a request that breaks the contract is refused before it is sent', async () => {
    const error = await rejection(
      client.cancelSession({
        sessionId: 'ses-1',
        version: '1',
        body: { reason: 'flu' as 'illness', alternativeSlotIds: [], refundOffered: false, decision: shown },
      }),
    );
    assert.ok(error instanceof ContractError);
    assert.equal(error.side, 'request');
    assert.equal(error.field, '$.body.reason');
    assert.equal(host.records.requests.length, 0);
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

describe('the client’s answer to an offer', () => {
  beforeEach(() => host.reset('client-offer'));

  it('takes an offered slot; the session is booked there', async () => {
    const { offer } = await client.getOffer({ token: host.offerTokens.open! });
    assert.equal(offer.status, 'open');
    const slotId = offer.alternatives[1]!.id;
    const answered = await client.answerOffer({ token: host.offerTokens.open!, body: { choice: 'alternative', slotId } });
    assert.equal(answered.offer.status, 'answered');
    assert.equal(host.state.session('ses-1')?.status, 'scheduled');
    assert.equal(host.state.session('ses-1')?.startsAt, offer.alternatives[1]!.startsAt);
  });

  it('a slot taken meanwhile is 409; an expired offer is 410; an answered one is 409', async () => {
    const { offer } = await client.getOffer({ token: host.offerTokens.open! });
    const taken = await rejection(client.answerOffer({ token: host.offerTokens.open!, body: { choice: 'alternative', slotId: offer.alternatives[0]!.id } }));
    assert.ok(taken instanceof ConflictError);
    assert.equal(taken.code, 'slot-taken');
    const expired = await rejection(client.answerOffer({ token: host.offerTokens.expired!, body: { choice: 'refund' } }));
    assert.ok(expired instanceof HostResponseError);
    assert.equal(expired.status, 410);
    const answered = await rejection(client.answerOffer({ token: host.offerTokens.answered!, body: { choice: 'refund' } }));
    assert.ok(answered instanceof ConflictError);
    assert.equal(answered.code, 'offer-answered');
  });

  it('chooses the refund instead', async () => {
    const { refund } = await client.answerOffer({ token: host.offerTokens.open!, body: { choice: 'refund' } });
    assert.equal(refund?.status, 'issued');
    assert.equal(host.records.refunds.length, 1);
  });
});

describe('the new client’s refund, attendance, visibility and absences', () => {
  it('a new client’s refund goes to the team for review, with the reason', async () => {
    host.reset('new-client-refund');
    const cancelled = await client.cancelSession({ sessionId: 'ses-1', version: '1', body: { reason: 'illness', note: 'Flu, cannot work', alternativeSlotIds: await openSlotIds(2), refundOffered: true, decision: shown } });
    const token = cancelled.offer!.token;
    const { offer } = await client.getOffer({ token });
    assert.equal(offer.refund?.needsTeamReview, true);
    const { refund } = await client.answerOffer({ token, body: { choice: 'refund' } });
    assert.equal(refund?.status, 'pending-review');
    assert.deepEqual(host.records.teamRequests.map((t) => t.kind), ['new-client-refund']);
  });

  it('a new client’s cancellation without a written reason is refused', async () => {
    host.reset('new-client-refund');
    const error = await rejection(
      client.cancelSession({ sessionId: 'ses-1', version: '1', body: { reason: 'illness', alternativeSlotIds: await openSlotIds(2), refundOffered: true, decision: shown } }),
    );
    assert.ok(error instanceof HostResponseError);
    assert.equal(error.code, 'reason-required');
  });

  it('completes an attendance update the therapist could not hold, with a refund', async () => {
    host.reset('already-started');
    const result = await client.updateAttendance({ sessionId: 'ses-1', version: '1', body: { outcome: 'therapist-unable', refund: true, decision: shown } });
    assert.equal(result.session.status, 'completed');
    assert.equal(result.refund?.status, 'issued');
    // Recorded once: a second update (a new intent, another key) is refused, and nothing is refunded again.
    const again = await rejection(client.updateAttendance({ sessionId: 'ses-1', version: result.session.version, body: { outcome: 'attended', refund: false, decision: shown } }));
    assert.ok(again instanceof HostResponseError);
    assert.equal(again.code, 'attendance-recorded');
    assert.equal(host.records.refunds.length, 1);
  });

  it('refuses an attendance update before the session has started', async () => {
    host.reset('ordinary-cancellation');
    const error = await rejection(client.updateAttendance({ sessionId: 'ses-1', version: '1', body: { outcome: 'attended', refund: false, decision: shown } }));
    assert.ok(error instanceof HostResponseError);
    assert.equal(error.code, 'not-yet-held');
  });

  it('hides the profile until a date, shows it again, and reports an absence to the team', async () => {
    const hidden = await client.setVisibility({ therapistId: 'th-ana', body: { visible: false, hiddenUntil: '2027-07-01' } });
    assert.deepEqual([hidden.therapist.profileVisible, hidden.therapist.hiddenUntil], [false, '2027-07-01']);
    const shownAgain = await client.setVisibility({ therapistId: 'th-ana', body: { visible: true } });
    assert.equal(shownAgain.therapist.hiddenUntil, undefined);
    const { teamRequest } = await client.reportAbsence({ therapistId: 'th-ana', body: { from: '2027-06-05', until: '2027-06-26', certainty: 'sure', informTeam: true } });
    assert.equal(teamRequest?.kind, 'extended-absence');
  });

  it("reads a therapist's standing, and the sessions in a range of days in their zone", async () => {
    host.reset('near-frequency-threshold');
    const { therapist, history } = await client.getTherapist({ therapistId: 'th-ana' });
    assert.equal(therapist.profileVisible, true);
    assert.equal(history.length, 5);
    host.reset('extended-absence');
    // Sessions 4, 11 and 30 days ahead; the range is 2027-06-02 .. 2027-06-12 (London days).
    const { sessions } = await client.listSessions({ therapistId: 'th-ana', query: { from: '2027-06-02', to: '2027-06-12' } });
    assert.deepEqual(sessions.map((s) => s.id), ['ses-1', 'ses-2']);
    const byInstant = await client.listSessions({ therapistId: 'th-ana', query: { from: '2027-06-01T09:00:00Z', to: '2027-06-06T09:00:00Z' } });
    assert.deepEqual(byInstant.sessions.map((s) => s.id), ['ses-1']);
    await assert.rejects(client.getTherapist({ therapistId: 'nobody' }), (error) => error instanceof HostResponseError && error.status === 404);
  });
});
