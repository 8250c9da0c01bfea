import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { freshPglite } from '../shared/databases.js';
import { cancelWithOffer, deliveryHarness, SHOWN, type DeliveryHarness } from '../shared/delivery-harness.js';
import { recordingNotifier } from '../shared/delivery-fakes.js';
import { linkSeal } from '../../src/core/link-seal.js';
import { DeliveryError, type Notifier } from '../../src/delivery/types.js';
import { renderMessage } from '../../src/delivery/render-message.js';

// The reviewer's findings on issue 17 (REVIEW-17.md), each as what a user would notice.

const NOW = Date.parse('2027-06-01T09:00:00Z');

let harness: DeliveryHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(scenario: Parameters<typeof deliveryHarness>[1] = 'starting-soon'): Promise<DeliveryHarness> {
  harness = await deliveryHarness(await freshPglite(), scenario, NOW);
  return harness;
}

describe('review 17', () => {
  it('7: outbox row ids (idempotency keys, Message-IDs) are random, not per-database sequence numbers', async () => {
    const h = await start();
    await cancelWithOffer(h);
    const ids = (await h.rows()).map((r) => r.id);
    assert.ok(ids.length > 0);
    for (const id of ids) assert.match(id, /^ob_[0-9a-f]{32}$/);
    const email = recordingNotifier(['email', 'sms', 'phone']);
    await h.worker({ notifiers: [email] }).drain();
    assert.ok(
      email.delivered.every((m) => /^ob_[0-9a-f]{32}$/.test(m.id)),
      'the notifier gets the random id as its idempotency key',
    );
  });

  it("3: a worker whose link secret is not serve's fails the offer message loudly (the team told) instead of sending it without its link", async () => {
    const h = await start();
    const email = recordingNotifier(['email', 'sms', 'phone']);
    await cancelWithOffer(h);
    await h.worker({ notifiers: [email], linkSeal: linkSeal('another-process-secret-0123456789') }).drain();
    assert.deepEqual(
      email.delivered.filter((m) => m.facts.kind === 'session-cancelled'),
      [],
      'nothing sent without its link',
    );
    const told = (await h.rows()).filter((r) => r.message === 'session-cancelled');
    assert.ok(told.length > 0 && told.every((r) => r.outcome === 'failed'), JSON.stringify(told.map((r) => r.outcome)));
    assert.match(told[0]!.lastError ?? '', /link secret/);
    const requests = (await h.call('team', 'GET', '/team-requests')).body.teamRequests as {
      kind: string;
      reason: string;
    }[];
    assert.ok(
      requests.some((r) => r.kind === 'notification-failed' && /link secret/.test(r.reason)),
      JSON.stringify(requests),
    );
  });

  it("2: an attempt may take as long as its notifier's own timeout (--webhook-timeout), not the worker's default", async () => {
    const h = await start();
    await cancelWithOffer(h);
    const slow = recordingNotifier(['email', 'sms', 'phone']);
    // A relay that answers after 300 ms, within its notifier's 2 s limit but past the worker's 100 ms default.
    const patient = {
      ...slow,
      timeoutMs: 2_000,
      deliver: async (...args: Parameters<typeof slow.deliver>) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return slow.deliver(...args);
      },
    };
    await h.worker({ notifiers: [patient], sendTimeoutMs: 100 }).drain();
    const told = (await h.rows()).filter((r) => r.message === 'session-cancelled');
    assert.deepEqual(
      told.map((r) => r.outcome),
      ['sent', 'sent', 'sent'],
      JSON.stringify(told.map((r) => r.lastError)),
    );
    assert.throws(
      () => h.worker({ notifiers: [patient], leaseMs: 2_500 }),
      /lease \(2500 ms\) must be longer than its longest delivery attempt \(3000 ms/,
    );
  });

  it('6: a follow-up a worker already holds when the client answers is left to finish: its outcome is what went out', async () => {
    const h = await start();
    const email = recordingNotifier(['email', 'sms', 'phone']);
    const offer = await cancelWithOffer(h);
    await h.worker({ notifiers: [email] }).drain();
    // Another worker has claimed the follow-ups (its send under way) when the client answers.
    const at = (ms: number) => new Date(ms).toISOString();
    const claimed = await h.store.write((tx) =>
      tx.claimOutbox({
        worker: 'worker-busy',
        now: at(NOW + 25 * 3_600_000),
        leaseUntil: at(NOW + 26 * 3_600_000),
        limit: 100,
      }),
    );
    assert.ok(claimed.some((r) => r.message === 'offer-reminder'));
    const answered = await h.call(null, 'POST', `/offers/${offer.token}/answer`, {
      choice: 'alternative',
      slotId: offer.alternatives[1],
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const reminders = (await h.rows()).filter((r) => r.message === 'offer-reminder');
    assert.ok(reminders.length > 0);
    assert.deepEqual(
      reminders.map((r) => [r.outcome, r.lockedBy]),
      reminders.map(() => [null, 'worker-busy']),
      'not marked obsolete under the worker sending it',
    );
  });

  it('5: a row past its deadline whose next retry is later still (a long Retry-After) is escalated once when the deadline passes', async () => {
    const h = await start();
    await cancelWithOffer(h);
    const slowToRetry: Notifier = {
      channels: ['email', 'sms', 'phone'],
      deliver: () => Promise.reject(new DeliveryError('the provider answered 503', true, { retryAfterMs: 3_600_000 })),
    };
    const worker = h.worker({ notifiers: [slowToRetry] });
    await worker.drain();
    const deadlines = (await h.rows())
      .filter((r) => r.message === 'session-cancelled')
      .map((r) => Date.parse(r.deadlineAt!));
    h.clock.set(Math.max(...deadlines) + 30 * 60_000);
    await worker.drain();
    await worker.drain();
    const requests = (await h.call('team', 'GET', '/team-requests')).body.teamRequests as {
      kind: string;
      reason: string;
    }[];
    const overdue = requests.filter((r) => r.kind === 'notification-failed' && /past its deadline/.test(r.reason));
    assert.equal(overdue.length, 3, `one per channel, once: ${JSON.stringify(requests.map((r) => r.reason))}`);
    assert.ok(
      (await h.rows()).filter((r) => r.message === 'session-cancelled').every((r) => r.outcome === null),
      'still to be retried',
    );
  });

  it('4: an attendance "therapist-unable" without a refund tells the client as the decision promises (EN and DE)', async () => {
    const h = await start('already-started');
    const updated = await h.call(
      'therapist',
      'POST',
      '/sessions/ses-1/attendance',
      { outcome: 'therapist-unable', refund: false, decision: SHOWN },
      { 'if-match': '"1"' },
    );
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    const email = recordingNotifier(['email', 'sms', 'phone']);
    await h.worker({ notifiers: [email] }).drain();
    const told = email.delivered.filter((m) => m.facts.kind === 'session-not-held');
    assert.ok(
      told.some((m) => m.channel === 'email'),
      `emailed: ${JSON.stringify(email.delivered.map((m) => [m.channel, m.facts.kind]))}`,
    );
    const history = await h.call('therapist', 'GET', '/sessions/ses-1/notifications');
    assert.equal(history.status, 200, JSON.stringify(history.body));
    assert.match(JSON.stringify(history.body), /session-not-held/);
    const facts = told[0]!.facts;
    assert.match(renderMessage(facts).text, /was unable to hold your session/);
    assert.match(renderMessage({ ...facts, locale: 'de' }).text, /konnte Ihren Termin .* nicht wahrnehmen/);
  });

  it('nit: an attempt that outlives its lease is not recorded by the worker that lost it; the row is claimed again', async () => {
    const h = await start();
    await cancelWithOffer(h);
    const inner = recordingNotifier(['email', 'sms', 'phone']);
    let stalled = false;
    const slow: Notifier = {
      channels: inner.channels,
      deliver: async (...args) => {
        if (!stalled) {
          stalled = true;
          h.clock.advance(60_000); // past the 30 s lease, mid-send
        }
        return inner.deliver(...args);
      },
    };
    const worker = h.worker({ notifiers: [slow], batchSize: 1 });
    await worker.runOnce();
    const first = (await h.rows()).find((r) => r.id === inner.delivered[0]!.id)!;
    assert.equal(first.outcome, null, 'not recorded as sent after the lease ran out');
    await worker.drain();
    assert.ok(
      ['sent', 'late'].includes((await h.rows()).find((r) => r.id === first.id)!.outcome ?? ''),
      'recorded once delivered again',
    );
    assert.equal(inner.delivered.filter((m) => m.id === first.id).length, 2, 'delivered again under the same key');
  });
});
