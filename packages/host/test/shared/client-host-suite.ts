import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  ConflictError,
  ContractError,
  createHostClient,
  HostResponseError,
  PreconditionFailedError,
  PreconditionRequiredError,
  type DecisionShown,
  type EndpointId,
  type HostClient,
  type HostClientOptions,
} from '@raincheck/host-api';
import type { MockIdentity, ScenarioName } from '@raincheck/mock-host';
import { matchRoute } from '../../src/core/router.js';
import type { StoredNotification, StoreTransaction } from '../../src/core/store.js';

// The Node client × host suite: the typed client against a host, on every host there is (the mock
// host, the reference host on PGlite and on PostgreSQL), with the same assertions. The same
// behaviour is the point: a test that passes on one host and fails on another is a bug in one of
// them. What a host does is read through the API wherever it shows it, and otherwise through the
// host's store (`observe`), never through one host's own records.

/** The API base the suite calls every host at: the path the reference host is mounted under, too. */
export const SUITE_BASE_URL = 'https://partner.test/api/raincheck';

/** One scenario running on a host under test: its data fresh, at the clock it was started at. */
export interface ScenarioUnderTest {
  /** Where the client calls the API. */
  readonly baseUrl: string;
  /** What the client sends its requests with: straight to the host, no network. */
  readonly fetch: typeof fetch;
  /** A bearer token for one of the scenario's people (tenant practice-a: `therapist` th-ana, `team` team-zoe …). */
  token(who: MockIdentity): Promise<string>;
  /** The scenario's offer links' tokens by name (`client-offer`: `open`, `expired`, `answered`). */
  readonly offerTokens: Readonly<Record<string, string>>;
  /** Reads the host's store through the HostStore interface, for what the API does not show (refunds). */
  observe<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** The host's outbox, oldest first: the store interface only adds to it, and the API never shows it. */
  outbox(): Promise<readonly StoredNotification[]>;
  /** Runs the host's outbox worker until nothing is due (messages delivered, refunds carried out by a provider that succeeds). */
  deliver(): Promise<void>;
}

/** A host the suite runs on. */
export interface HostUnderTest {
  /** Starts `scenario` with the clock standing at `now` (epoch ms), replacing any scenario before it. */
  scenario(scenario: ScenarioName, now: number): Promise<ScenarioUnderTest>;
  /** Ends the last scenario and frees what the host holds. */
  close(): Promise<void>;
}

/** One request the client sent, and the status it got. */
interface SentRequest {
  readonly endpoint: EndpointId | null;
  readonly idempotencyKey: string | null;
  readonly status: number;
}

const NOW = Date.parse('2027-06-01T09:00:00Z');
const shown: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};

/** The error a call rejects with; fails the test when it resolves instead. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * Runs the client × host suite on the host `open` makes (once for the file; each test starts its
 * scenarios on it).
 */
export function clientHostSuite(hostName: string, open: () => Promise<HostUnderTest>): void {
  describe(`the Node client × ${hostName}`, () => {
    let host: HostUnderTest;
    let current: ScenarioUnderTest;
    let sent: SentRequest[];
    let client: HostClient;

    /** Records what the client sends (the endpoint by the host core's router), then lets the host answer. */
    const recordingFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const path = new URL(request.url).pathname.slice(new URL(current.baseUrl).pathname.length) || '/';
      let endpoint: EndpointId | null = null;
      try {
        endpoint = matchRoute(request.method, path)?.route.endpoint ?? null;
      } catch {
        // A path the router cannot decode: recorded without an endpoint.
      }
      const response = await current.fetch(request);
      sent.push({ endpoint, idempotencyKey: request.headers.get('idempotency-key'), status: response.status });
      return response;
    };

    /** A client of the current scenario's, acting as its therapist; retries do not wait. */
    function newClient(options: Partial<HostClientOptions> = {}): HostClient {
      return createHostClient({
        baseUrl: current.baseUrl,
        fetch: recordingFetch,
        // Generous: a database host shares the machine with other tests; timeouts are the mock host's own tests'.
        timeoutMs: 30_000,
        sleep: () => Promise.resolve(),
        random: () => 0.5,
        token: () => current.token('therapist'),
        ...options,
      });
    }

    /** Starts `scenario` at NOW, with a fresh client and nothing sent yet. */
    async function start(scenario: ScenarioName): Promise<void> {
      current = await host.scenario(scenario, NOW);
      sent = [];
      client = newClient();
    }

    const sentTo = (endpoint: EndpointId) => sent.filter((r) => r.endpoint === endpoint);
    const session = async (id: string) => (await client.getSession({ sessionId: id })).session;
    /** Every refund of the therapist's sessions, read from the host's store (the API shows one session's at a time). */
    const refunds = () =>
      current.observe(async (tx) =>
        (await Promise.all((await tx.sessionsOf('th-ana')).map((s) => tx.refundOf(s.id)))).filter(
          (r) => r !== undefined,
        ),
      );
    const teamRequests = async () =>
      (await newClient({ token: () => current.token('team') }).listTeamRequests({ query: {} })).teamRequests;

    async function openSlotIds(count: number): Promise<string[]> {
      const { slots } = await client.listSlots({
        therapistId: 'th-ana',
        query: { from: '2027-06-01T00:00:00Z', to: '2027-06-20T00:00:00Z' },
      });
      return slots.slice(0, count).map((s) => s.id);
    }

    before(async () => {
      host = await open();
    });
    after(() => host?.close());
    beforeEach(() => start('ordinary-cancellation'));

    describe('reads', () => {
      it('reads a session, open slots, the policy facts and the rules', async () => {
        const read = await session('ses-1');
        assert.equal(read.status, 'scheduled');
        assert.equal(read.client.displayName, 'Ben Carter');
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
        assert.deepEqual(
          (await current.outbox()).map((n) => [n.kind, n.channels]),
          [['session-cancelled', ['email']]],
        );
        const { offer } = await client.getOffer({ token: result.offer.token });
        assert.deepEqual(
          offer.alternatives.map((s) => s.id),
          alternativeSlotIds,
        );
        assert.deepEqual(offer.refund, { amount: { amount: 6500, currency: 'GBP' }, needsTeamReview: false });
      });

      it('refuses what the policy refuses, with the policy’s own explanation', async () => {
        const tooFew = await rejection(
          client.cancelSession({
            sessionId: 'ses-1',
            version: '1',
            body: { reason: 'illness', alternativeSlotIds: [], refundOffered: false, decision: shown },
          }),
        );
        assert.ok(tooFew instanceof HostResponseError);
        assert.equal(tooFew.status, 422);
        assert.equal(tooFew.code, 'policy-refused');
        assert.match(tooFew.message, /at least 2/);
        await start('already-started');
        const started = await rejection(
          client.cancelSession({
            sessionId: 'ses-1',
            version: '1',
            body: {
              reason: 'illness',
              alternativeSlotIds: await openSlotIds(2),
              refundOffered: false,
              decision: shown,
            },
          }),
        );
        assert.ok(started instanceof HostResponseError);
        assert.equal(started.code, 'policy-refused');
        assert.match(started.message, /start time has passed/);
        assert.equal((await session('ses-1')).status, 'scheduled', 'nothing half-done');
      });

      it('a stale version is PreconditionFailedError (412) and is not retried', async () => {
        const error = await rejection(
          client.rescheduleSession({ sessionId: 'ses-1', version: '7', body: { slotId: 'x', decision: shown } }),
        );
        assert.ok(error instanceof PreconditionFailedError);
        assert.deepEqual(error.details, { currentVersion: '1' });
        assert.equal(sent.length, 1);
      });

      it('a slot taken meanwhile is ConflictError (409), not retried, and changes nothing', async () => {
        const [slotId] = await openSlotIds(1);
        await client.rescheduleSession({
          sessionId: 'ses-1',
          version: '1',
          body: { slotId: slotId!, decision: shown },
        });
        const error = await rejection(
          client.rescheduleSession({ sessionId: 'ses-1', version: '2', body: { slotId: slotId!, decision: shown } }),
        );
        assert.ok(error instanceof ConflictError);
        assert.equal(error.code, 'slot-taken');
        assert.equal((await session('ses-1')).version, '2');
        assert.equal(sentTo('rescheduleSession').length, 2);
      });

      it('a write without If-Match is 428 at the host; the client refuses to send one', async () => {
        const response = await current.fetch(`${current.baseUrl}/sessions/ses-1/reschedule`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': 'k',
            authorization: `Bearer ${await current.token('therapist')}`,
          },
          body: JSON.stringify({ slotId: 'x', decision: shown }),
        });
        assert.equal(response.status, 428);
        const mapped = await rejection(
          newClient({ fetch: () => Promise.resolve(response.clone()) }).rescheduleSession({
            sessionId: 'ses-1',
            version: '1',
            body: { slotId: 'x', decision: shown },
          }),
        );
        assert.ok(mapped instanceof PreconditionRequiredError);
        const refused = await rejection(
          client.rescheduleSession({ sessionId: 'ses-1', version: '', body: { slotId: 'x', decision: shown } }),
        );
        assert.ok(refused instanceof ContractError);
        assert.equal(refused.field, '$.version');
      });
    });

    describe('idempotency: one effect per intent', () => {
      it('a double submit with one key cancels once; both callers get the same answer', async () => {
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
        assert.equal((await current.outbox()).length, 1);
        assert.equal((await client.getTherapist({ therapistId: 'th-ana' })).history.length, 1);
        assert.deepEqual(
          sentTo('cancelSession').map((r) => [r.idempotencyKey, r.status]),
          [
            [key, 200],
            [key, 200],
          ],
          'both reached the host',
        );
      });

      it('a cancel writes its outbox in the same write: a row per channel due now, the follow-up, the expiry; the answer ends the follow-up', async () => {
        await start('starting-soon');
        const alternativeSlotIds = await openSlotIds(2);
        const { offer } = await client.cancelSession({
          sessionId: 'ses-1',
          version: '1',
          body: { reason: 'illness', alternativeSlotIds, refundOffered: true, decision: shown },
        });
        assert.ok(offer);
        const outbox = () => current.observe((tx) => tx.outboxOf('ses-1'));
        const rows = await outbox();
        const told = rows.filter((r) => r.message === 'session-cancelled');
        assert.deepEqual(
          told.map((r) => r.channel).sort(),
          ['email', 'phone', 'sms'],
          'within 4 hours: email, SMS and a call',
        );
        for (const row of told) {
          assert.equal(row.runAt, row.createdAt, 'due at the commit');
          assert.equal(
            Date.parse(row.deadlineAt!),
            Date.parse(row.createdAt),
            'within 0 minutes: the deadline is the commit',
          );
        }
        const reminders = rows.filter((r) => r.message === 'offer-reminder');
        assert.equal(reminders.length, told.length, 'a follow-up per channel');
        for (const row of reminders)
          assert.equal(Date.parse(row.runAt) - Date.parse(row.createdAt), 24 * 3_600_000, 'after 24 hours');
        const [expiry, ...more] = rows.filter((r) => r.kind === 'offer-expiry');
        assert.equal(more.length, 0);
        const first = (await client.getOffer({ token: offer.token })).offer.alternatives[0]!;
        assert.equal(
          Date.parse(expiry!.runAt),
          Date.parse(offer.expiresAt),
          'the expiry row is due when the offer expires',
        );
        assert.ok(
          Date.parse(offer.expiresAt) <= Date.parse(first.startsAt),
          'the client chooses before the first offered time',
        );
        assert.ok(!JSON.stringify(rows).includes(offer.token), 'no offer token readable in the outbox');

        await current.deliver();
        assert.deepEqual(
          (await outbox()).filter((r) => r.message === 'session-cancelled').map((r) => r.outcome),
          ['sent', 'sent', 'sent'],
          'delivered',
        );
        await client.answerOffer({ token: offer.token, body: { choice: 'alternative', slotId: first.id } });
        const after = await outbox();
        assert.deepEqual(
          after.filter((r) => r.message === 'offer-reminder').map((r) => r.outcome),
          reminders.map(() => 'obsolete'),
          'answered first: no follow-up',
        );
        assert.deepEqual(
          after
            .filter((r) => r.message === 'offer-answered')
            .map((r) => r.channel)
            .sort(),
          ['email', 'phone', 'sms'],
          'the answer is confirmed the way the offer came',
        );
      });

      it('shows the therapist and the team what was sent, on which channel, and when; a follow-up as scheduled', async () => {
        await start('starting-soon');
        const alternativeSlotIds = await openSlotIds(2);
        await client.cancelSession({
          sessionId: 'ses-1',
          version: '1',
          body: { reason: 'illness', alternativeSlotIds, refundOffered: false, decision: shown },
        });
        await current.deliver();
        const { notifications } = await client.getSessionNotifications({ sessionId: 'ses-1' });
        const [told, reminder, ...rest] = notifications;
        assert.equal(rest.length, 0, JSON.stringify(notifications));
        assert.equal(told?.kind, 'session-cancelled');
        assert.deepEqual(told.deliveries.map((d) => [d.channel, d.status, d.attempts]).sort(), [
          ['email', 'sent', 1],
          ['phone', 'sent', 1],
          ['sms', 'sent', 1],
        ]);
        assert.ok(
          told.deliveries.every((d) => d.doneAt !== undefined && Date.parse(d.doneAt) >= Date.parse(told.at)),
          'when each went out',
        );
        assert.equal(reminder?.kind, 'offer-reminder');
        assert.ok(
          reminder.deliveries.every((d) => d.status === 'scheduled'),
          'due in 24 hours',
        );
        const team = newClient({ token: () => current.token('team') });
        assert.deepEqual(
          (await team.getOfferNotifications({ sessionId: 'ses-1' })).notifications,
          notifications,
          "the offer's messages, for the team too",
        );
        const stranger = await rejection(
          newClient({ token: () => current.token('other-therapist') }).getSessionNotifications({ sessionId: 'ses-1' }),
        );
        assert.ok(stranger instanceof HostResponseError);
        assert.equal(stranger.status, 403);
      });

      it('the same key with another body is 422', async () => {
        const key = client.newIdempotencyKey();
        await client.createTeamRequest({
          idempotencyKey: key,
          body: { kind: 'other', therapistId: 'th-ana', reason: 'First.' },
        });
        const error = await rejection(
          client.createTeamRequest({
            idempotencyKey: key,
            body: { kind: 'other', therapistId: 'th-ana', reason: 'Second.' },
          }),
        );
        assert.ok(error instanceof HostResponseError);
        assert.equal(error.code, 'idempotency-key-reused');
        assert.deepEqual(
          (await teamRequests()).map((t) => t.reason),
          ['First.'],
        );
      });

      it('a refund is issued once, whatever the retries and repeats', async () => {
        await start('client-offer');
        // The first answer is lost on its way back (a proxy's 503 after the host wrote): the client retries with the same key.
        let lost = 0;
        const losing = newClient({
          fetch: async (input, init) => {
            const response = await recordingFetch(input, init);
            if (lost > 0) return response;
            lost++;
            return new Response('{}', { status: 503, headers: { 'content-type': 'application/json' } });
          },
        });
        const key = client.newIdempotencyKey();
        const first = await losing.refundSession({
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
        assert.equal(first.refund.status, 'pending', 'decided; the refund provider carries it out after the commit');
        assert.deepEqual(
          sentTo('refundSession').map((r) => r.idempotencyKey),
          [key, key, key],
          'the lost answer, the retry and the repeat: one key',
        );
        const other = await rejection(
          client.refundSession({ sessionId: 'ses-1', version: '1', body: { decision: shown } }),
        );
        assert.ok(other instanceof ConflictError);
        assert.equal(other.code, 'already-refunded');
        await current.deliver();
        const issued = { ...first.refund, status: 'issued' };
        assert.deepEqual(await refunds(), [issued], 'issued once by the provider');
        assert.deepEqual((await session('ses-1')).refund, issued);
      });
    });

    describe('the contract', () => {
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
        assert.equal(sent.length, 0);
      });
    });

    describe('the client’s answer to an offer', () => {
      beforeEach(() => start('client-offer'));

      it('takes an offered slot; the session is booked there', async () => {
        const { offer } = await client.getOffer({ token: current.offerTokens.open! });
        assert.equal(offer.status, 'open');
        const slotId = offer.alternatives[1]!.id;
        const answered = await client.answerOffer({
          token: current.offerTokens.open!,
          body: { choice: 'alternative', slotId },
        });
        assert.equal(answered.offer.status, 'answered');
        const booked = await session('ses-1');
        assert.equal(booked.status, 'scheduled');
        assert.equal(booked.startsAt, offer.alternatives[1]!.startsAt);
      });

      it('a slot taken meanwhile is 409; an expired offer is 410; an answered one is 409', async () => {
        const { offer } = await client.getOffer({ token: current.offerTokens.open! });
        const taken = await rejection(
          client.answerOffer({
            token: current.offerTokens.open!,
            body: { choice: 'alternative', slotId: offer.alternatives[0]!.id },
          }),
        );
        assert.ok(taken instanceof ConflictError);
        assert.equal(taken.code, 'slot-taken');
        const expired = await rejection(
          client.answerOffer({ token: current.offerTokens.expired!, body: { choice: 'refund' } }),
        );
        assert.ok(expired instanceof HostResponseError);
        assert.equal(expired.status, 410);
        const answered = await rejection(
          client.answerOffer({ token: current.offerTokens.answered!, body: { choice: 'refund' } }),
        );
        assert.ok(answered instanceof ConflictError);
        assert.equal(answered.code, 'offer-answered');
      });

      it('chooses the refund instead', async () => {
        const { refund } = await client.answerOffer({ token: current.offerTokens.open!, body: { choice: 'refund' } });
        assert.equal(refund?.status, 'pending');
        await current.deliver();
        assert.deepEqual(await refunds(), [{ ...refund, status: 'issued' }]);
      });
    });

    describe('the new client’s refund, attendance, visibility and absences', () => {
      it('a new client’s refund goes to the team for review, with the reason', async () => {
        await start('new-client-refund');
        const cancelled = await client.cancelSession({
          sessionId: 'ses-1',
          version: '1',
          body: {
            reason: 'illness',
            note: 'Flu, cannot work',
            alternativeSlotIds: await openSlotIds(2),
            refundOffered: true,
            decision: shown,
          },
        });
        const token = cancelled.offer!.token;
        const { offer } = await client.getOffer({ token });
        assert.equal(offer.refund?.needsTeamReview, true);
        const { refund } = await client.answerOffer({ token, body: { choice: 'refund' } });
        assert.equal(refund?.status, 'pending-review');
        assert.deepEqual(
          (await teamRequests()).map((t) => t.kind),
          ['new-client-refund'],
        );
      });

      it('a new client’s cancellation without a written reason is refused', async () => {
        await start('new-client-refund');
        const error = await rejection(
          client.cancelSession({
            sessionId: 'ses-1',
            version: '1',
            body: { reason: 'illness', alternativeSlotIds: await openSlotIds(2), refundOffered: true, decision: shown },
          }),
        );
        assert.ok(error instanceof HostResponseError);
        assert.equal(error.code, 'reason-required');
      });

      it('completes an attendance update the therapist could not hold, with a refund', async () => {
        await start('already-started');
        const result = await client.updateAttendance({
          sessionId: 'ses-1',
          version: '1',
          body: { outcome: 'therapist-unable', refund: true, decision: shown },
        });
        assert.equal(result.session.status, 'completed');
        assert.equal(result.refund?.status, 'pending');
        await current.deliver();
        // Recorded once: a second update (a new intent, another key) is refused, and nothing is refunded again.
        const again = await rejection(
          client.updateAttendance({
            sessionId: 'ses-1',
            version: result.session.version,
            body: { outcome: 'attended', refund: false, decision: shown },
          }),
        );
        assert.ok(again instanceof HostResponseError);
        assert.equal(again.code, 'attendance-recorded');
        assert.deepEqual(await refunds(), [{ ...result.refund, status: 'issued' }]);
      });

      it('refuses an attendance update before the session has started', async () => {
        await start('ordinary-cancellation');
        const error = await rejection(
          client.updateAttendance({
            sessionId: 'ses-1',
            version: '1',
            body: { outcome: 'attended', refund: false, decision: shown },
          }),
        );
        assert.ok(error instanceof HostResponseError);
        assert.equal(error.code, 'not-yet-held');
      });

      it('hides the profile until a date, shows it again, and reports an absence to the team', async () => {
        const hidden = await client.setVisibility({
          therapistId: 'th-ana',
          body: { visible: false, hiddenUntil: '2027-07-01' },
        });
        assert.deepEqual([hidden.therapist.profileVisible, hidden.therapist.hiddenUntil], [false, '2027-07-01']);
        const shownAgain = await client.setVisibility({ therapistId: 'th-ana', body: { visible: true } });
        assert.equal(shownAgain.therapist.hiddenUntil, undefined);
        const { teamRequest } = await client.reportAbsence({
          therapistId: 'th-ana',
          body: { from: '2027-06-05', until: '2027-06-26', certainty: 'sure', informTeam: true },
        });
        assert.equal(teamRequest?.kind, 'extended-absence');
      });

      it("reads a therapist's standing, and the sessions in a range of days in their zone", async () => {
        await start('near-frequency-threshold');
        const { therapist, history } = await client.getTherapist({ therapistId: 'th-ana' });
        assert.equal(therapist.profileVisible, true);
        assert.equal(history.length, 5);
        await start('extended-absence');
        // Sessions 4, 11 and 30 days ahead; the range is 2027-06-02 .. 2027-06-12 (London days).
        const { sessions } = await client.listSessions({
          therapistId: 'th-ana',
          query: { from: '2027-06-02', to: '2027-06-12' },
        });
        assert.deepEqual(
          sessions.map((s) => s.id),
          ['ses-1', 'ses-2'],
        );
        const byInstant = await client.listSessions({
          therapistId: 'th-ana',
          query: { from: '2027-06-01T09:00:00Z', to: '2027-06-06T09:00:00Z' },
        });
        assert.deepEqual(
          byInstant.sessions.map((s) => s.id),
          ['ses-1'],
        );
        await assert.rejects(
          client.getTherapist({ therapistId: 'nobody' }),
          (error) => error instanceof HostResponseError && error.status === 404,
        );
      });
    });
  });
}
