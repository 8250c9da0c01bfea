import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { RETRY_BASE_MS } from '../../src/outbox/backoff.js';
import { DEADLINE_GRACE_MS } from '../../src/outbox/worker.js';
import { freshPglite } from '../shared/databases.js';
import {
  cancelWithOffer,
  deliveryHarness,
  SHOWN,
  OFFER_URL,
  type DeliveryHarness,
} from '../shared/delivery-harness.js';
import { recordingNotifier, recordingRefunds } from '../shared/delivery-fakes.js';

// The outbox worker on the reference host (PGlite), with recording notifiers: what is sent, when,
// how often, and what the team is told when it cannot be. A test clock moves time; nothing sleeps.

const NOW = Date.parse('2027-06-01T09:00:00Z');
const HOUR = 3_600_000;

let harness: DeliveryHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(scenario: Parameters<typeof deliveryHarness>[1] = 'starting-soon'): Promise<DeliveryHarness> {
  harness = await deliveryHarness(await freshPglite(), scenario, NOW);
  return harness;
}

const teamRequests = async (h: DeliveryHarness) =>
  (await h.call('team', 'GET', '/team-requests')).body.teamRequests as {
    kind: string;
    reason: string;
    sessionId?: string;
  }[];

describe('the outbox worker', () => {
  it('delivers a cancel on every channel the decision names, once, with the facts the message needs', async () => {
    const h = await start();
    const email = recordingNotifier(['email']);
    const phone = recordingNotifier(['sms', 'phone']);
    const offer = await cancelWithOffer(h);
    const worker = h.worker({ notifiers: [email, phone] });
    await worker.drain();
    const rows = await h.rows();
    const told = rows.filter((r) => r.message === 'session-cancelled');
    assert.deepEqual(
      told.map((r) => r.outcome),
      ['sent', 'sent', 'sent'],
    );
    assert.deepEqual([...email.delivered, ...phone.delivered].map((m) => m.channel).sort(), ['email', 'phone', 'sms']);
    const [message] = email.delivered;
    assert.ok(message);
    assert.equal(message.id, told.find((r) => r.channel === 'email')!.id, 'the row id is the idempotency key');
    assert.deepEqual(message.to, { name: 'Ben Carter', email: 'ben.carter@example.com', phone: '+447700900123' });
    assert.equal(message.facts.locale, 'en-GB');
    assert.equal(message.facts.offerUrl, OFFER_URL(offer.token), 'the link carries the token the therapist was given');
    assert.equal(message.facts.chooseBy, offer.expiresAt);
    assert.equal(message.facts.alternatives?.length, 2);
    assert.equal(message.facts.client.timeZone, 'Europe/London');
    assert.equal(message.facts.therapist.name, 'Ana Lima');
    const again = await worker.drain();
    assert.equal(again, 0, 'nothing due twice');
    assert.equal(email.delivered.length, 1);
    assert.ok(
      told.every((r) => r.sealedOfferToken === undefined),
      'the sealed token is forgotten once sent',
    );
  });

  it('sends the follow-up after the configured hours, not before; none once the client answered', async () => {
    const h = await start();
    const email = recordingNotifier(['email', 'sms', 'phone']);
    const worker = h.worker({ notifiers: [email] });
    await cancelWithOffer(h);
    await worker.drain();
    h.clock.advance(23 * HOUR);
    await worker.drain();
    assert.equal(email.delivered.filter((m) => m.facts.kind === 'offer-reminder').length, 0, 'not after 23 hours');
    h.clock.advance(HOUR);
    await worker.drain();
    const reminders = email.delivered.filter((m) => m.facts.kind === 'offer-reminder');
    assert.deepEqual(reminders.map((m) => m.channel).sort(), ['email', 'phone', 'sms'], 'after 24 hours');
    assert.ok(reminders[0]!.facts.offerUrl, 'the reminder carries the link too');
  });

  it('sends no follow-up to a client who answered first', async () => {
    const h = await start();
    const email = recordingNotifier(['email', 'sms', 'phone']);
    const worker = h.worker({ notifiers: [email] });
    const offer = await cancelWithOffer(h);
    await worker.drain();
    const answered = await h.call(null, 'POST', `/offers/${offer.token}/answer`, {
      choice: 'alternative',
      slotId: offer.alternatives[1],
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    await worker.drain();
    h.clock.advance(25 * HOUR);
    await worker.drain();
    assert.deepEqual(
      email.delivered.filter((m) => m.facts.kind === 'offer-reminder'),
      [],
    );
    const confirmations = email.delivered.filter((m) => m.facts.kind === 'offer-answered');
    assert.equal(confirmations.length, 3, 'the answer is confirmed on each channel');
    assert.ok(confirmations[0]!.facts.newTime, 'with the new time');
  });

  it('closes an expired offer and refunds once, whatever the repeats', async () => {
    const h = await start('ordinary-cancellation');
    const email = recordingNotifier(['email', 'sms', 'phone']);
    const offer = await cancelWithOffer(h);
    const workers = [h.worker({ notifiers: [email] }), h.worker({ notifiers: [email] })];
    h.clock.set(Date.parse(offer.expiresAt) + 1);
    await Promise.all(workers.map((w) => w.drain()));
    await Promise.all(workers.map((w) => w.drain()));
    const session = (await h.call('therapist', 'GET', '/sessions/ses-1')).body.session;
    assert.ok(session.refund, 'refunded');
    assert.equal((await h.rows()).filter((r) => r.kind === 'offer-expiry' && r.outcome === 'sent').length, 1);
    const expired = email.delivered.filter((m) => m.facts.kind === 'offer-expired');
    assert.equal(expired.length, 1, 'told once');
    assert.equal(expired[0]!.facts.refund?.amount, 6500);
    const read = await h.call(null, 'GET', `/offers/${offer.token}`);
    assert.equal(read.body.offer.status, 'expired');
    assert.equal(
      (await h.call(null, 'POST', `/offers/${offer.token}/answer`, { choice: 'refund' })).status,
      410,
      'closed: no second refund through the link',
    );
  });

  it('retries a failing channel with growing backoff, then delivers once', async () => {
    const h = await start();
    const sms = recordingNotifier(['sms']);
    sms.failures.push('retryable', 'retryable');
    const worker = h.worker({ notifiers: [recordingNotifier(['email', 'phone']), sms] });
    await cancelWithOffer(h);
    await worker.drain();
    const row = async () => (await h.rows()).find((r) => r.channel === 'sms' && r.message === 'session-cancelled')!;
    const first = await row();
    assert.equal(first.outcome, null);
    assert.equal(first.lastError, 'the provider answered 500');
    const firstWait = Date.parse(first.runAt) - h.clock.now();
    assert.ok(firstWait > 0 && firstWait <= RETRY_BASE_MS, `first retry within ${RETRY_BASE_MS} ms, was ${firstWait}`);
    await worker.drain();
    assert.equal(sms.attempts.length, 1, 'not retried before its time');
    h.clock.advance(firstWait);
    await worker.drain();
    const second = await row();
    const secondWait = Date.parse(second.runAt) - h.clock.now();
    assert.ok(secondWait > firstWait, `the second wait (${secondWait} ms) is longer than the first (${firstWait} ms)`);
    h.clock.advance(secondWait);
    await worker.drain();
    assert.deepEqual(sms.attempts.length, 3);
    assert.equal(sms.delivered.length, 1);
    assert.equal((await row()).attempts, 3);
    assert.equal((await row()).outcome, 'late', 'over a minute after "within 0 minutes": late, and the team knows');
  });

  it('tells the team when a message misses its deadline, and when it cannot be delivered at all', async () => {
    const h = await start();
    const sms = recordingNotifier(['sms']);
    const phone = recordingNotifier(['phone']);
    sms.failures.push('retryable', 'retryable', 'retryable');
    phone.failures.push('final');
    const worker = h.worker({ notifiers: [recordingNotifier(['email']), sms, phone] });
    await cancelWithOffer(h);
    await worker.drain();
    const failed = (await h.rows()).find((r) => r.channel === 'phone' && r.message === 'session-cancelled')!;
    assert.equal(failed.outcome, 'failed');
    h.clock.advance(DEADLINE_GRACE_MS + RETRY_BASE_MS);
    await worker.drain();
    const requests = await teamRequests(h);
    assert.deepEqual(
      requests.map((r) => r.kind),
      ['notification-failed', 'notification-failed'],
    );
    assert.match(
      requests.map((r) => r.reason).join(' | '),
      /The phone call to the client could not be delivered \(1 attempts\): the provider refused the address/,
    );
    assert.match(requests.map((r) => r.reason).join(' | '), /The SMS to the client is past its deadline/);
    h.clock.advance(HOUR);
    await worker.drain();
    h.clock.advance(HOUR);
    await worker.drain();
    const sent = (await h.rows()).find((r) => r.channel === 'sms' && r.message === 'session-cancelled')!;
    assert.equal(sent.outcome, 'late', 'delivered after its deadline: late');
    assert.equal((await teamRequests(h)).length, 2, 'the team is told once per row');
  });

  it('a message its templates cannot write fails at once, with a team request, instead of retrying', async () => {
    const h = await start('ordinary-cancellation');
    const email = recordingNotifier(['email']);
    const worker = h.worker({
      notifiers: [email],
      render: () => {
        throw new RangeError('unknown time zone "Mars/Olympus"');
      },
    });
    await cancelWithOffer(h);
    await worker.drain();
    const row = (await h.rows()).find((r) => r.message === 'session-cancelled')!;
    assert.equal(row.outcome, 'failed');
    assert.match(row.lastError ?? '', /cannot be written: unknown time zone/);
    assert.equal(email.attempts.length, 0, 'nothing sent');
    assert.deepEqual(
      (await teamRequests(h)).map((r) => r.kind),
      ['notification-failed'],
    );
  });

  it('a refund provider failing, then recovering, issues one refund under one idempotency key; the status is visible', async () => {
    const h = await start('client-offer');
    const refunds = recordingRefunds();
    refunds.failures.push('retryable', 'stall');
    const worker = h.worker({ notifiers: [recordingNotifier(['email', 'sms', 'phone'])], refunds, sendTimeoutMs: 50 });
    const answer = await h.call(
      'therapist',
      'POST',
      '/sessions/ses-1/refund',
      { decision: SHOWN },
      { 'if-match': '"1"' },
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.refund.status, 'pending');
    const status = async () =>
      (await h.call('therapist', 'GET', '/sessions/ses-1')).body.session.refund.status as string;
    for (let i = 0; i < 2; i++) {
      await worker.drain();
      assert.equal(await status(), 'pending', 'still pending while the provider fails');
      h.clock.advance(HOUR);
    }
    await worker.drain();
    await worker.drain();
    assert.equal(await status(), 'issued');
    assert.equal(refunds.issued.length, 1, 'one refund');
    assert.equal(new Set(refunds.attempts).size, 1, 'every attempt under the same idempotency key');
    assert.deepEqual(refunds.issued[0]!.amount, { amount: 6500, currency: 'GBP' });
    assert.deepEqual(await teamRequests(h), [], 'no deadline on money: retried quietly');
  });

  it('a refund the provider refuses is failed, for therapist and team to see, with a team request', async () => {
    const h = await start('client-offer');
    const refunds = recordingRefunds();
    refunds.failures.push('final');
    const worker = h.worker({ notifiers: [recordingNotifier(['email', 'sms', 'phone'])], refunds });
    await h.call('therapist', 'POST', '/sessions/ses-1/refund', { decision: SHOWN }, { 'if-match': '"1"' });
    await worker.drain();
    assert.equal((await h.call('therapist', 'GET', '/sessions/ses-1')).body.session.refund.status, 'failed');
    const [request, ...others] = await teamRequests(h);
    assert.equal(others.length, 0);
    assert.equal(request!.kind, 'refund-failed');
    assert.match(request!.reason, /The refund could not be delivered \(1 attempts\): the provider refused/);
    const detail = await h.call('team', 'GET', `/team-requests/${(request as { id?: string }).id}`);
    assert.equal(detail.body.refund.status, 'failed');
  });
});
