import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { parseDeliveryOptions, type DeliveryConfig } from '../../src/delivery/config.js';
import { freshPglite } from '../shared/databases.js';
import { cancelWithOffer, deliveryHarness, SHOWN, type DeliveryHarness } from '../shared/delivery-harness.js';
import { smtpSink, webhookReceiver, type SmtpSink, type WebhookReceiver } from '../shared/transports.js';

// Every message a decision shows, through real transports: email to an SMTP server on loopback
// (parsed with mailparser), SMS and calls as signed webhooks to a local receiver, refunds as a signed
// webhook to "billing". The reference host on PGlite; a test clock moves time; workers are stepped.

const NOW = Date.parse('2027-06-01T09:00:00Z');
const HOUR = 3_600_000;
const SECRET = 'end-to-end-webhook-secret-32-bytes!';

interface World {
  readonly h: DeliveryHarness;
  readonly smtp: SmtpSink;
  readonly hooks: WebhookReceiver;
  readonly delivery: DeliveryConfig;
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function world(scenario: Parameters<typeof deliveryHarness>[1], smtpPort = 0): Promise<World> {
  const smtp = await smtpSink(smtpPort);
  const hooks = await webhookReceiver(SECRET);
  const h = await deliveryHarness(await freshPglite(), scenario, NOW);
  const delivery = parseDeliveryOptions({
    'smtp-url': smtp.url,
    'smtp-from': 'Practice <noreply@practice.example>',
    'webhook-url': [`sms,phone=${hooks.url}/messages`],
    'webhook-secret': [SECRET],
    'refund-webhook-url': `${hooks.url}/refunds`,
    'offer-url': 'https://practice.example/offer/{token}',
  });
  open.push(async () => {
    await h.close();
    await delivery.close();
    await hooks.close();
    await smtp.close().catch(() => undefined);
  });
  return { h, smtp, hooks, delivery };
}

const text = (mail: { text?: string | undefined }) => mail.text ?? '';

describe('delivery end to end (SMTP, signed webhooks)', () => {
  it('a cancel 3 hours ahead: an email in both parts and the SMS and call by webhook, in time, with the time in the client’s zone, the link and the language', async () => {
    const { h, smtp, hooks, delivery } = await world('starting-soon');
    const offer = await cancelWithOffer(h, false);
    await h.worker({ ...delivery }).drain();
    const rows = (await h.rows()).filter((r) => r.message === 'session-cancelled');
    assert.deepEqual(
      rows.map((r) => r.outcome),
      ['sent', 'sent', 'sent'],
      'each within its deadline',
    );
    assert.equal(smtp.received.length, 1);
    const [mail] = smtp.received;
    const emailRow = rows.find((r) => r.channel === 'email')!;
    assert.equal(mail!.messageId, `<${emailRow.id}@practice.example>`, 'the row id is the Message-ID');
    assert.ok(mail!.html, 'an HTML part');
    assert.match(
      text(mail!),
      new RegExp(`https://practice\\.example/offer/${offer.token}`),
      'the link with the offer’s token',
    );
    assert.match(text(mail!), /UK time|London/, 'the zone by its name');
    assert.match(
      text(mail!),
      /12:00/,
      'the session’s time in the client’s zone (11:00 UTC is 12:00 in London in June)',
    );
    assert.match(mail!.subject ?? '', /cancel/i, 'in English (en-GB)');
    const sms = hooks.received.filter((r) => r.path === '/messages');
    assert.deepEqual(sms.map((r) => r.body.channel).sort(), ['phone', 'sms']);
    for (const hook of sms) {
      assert.equal(
        hook.idempotencyKey,
        rows.find((r) => r.channel === hook.body.channel)!.id,
        'the row id is the webhook’s Idempotency-Key',
      );
      assert.ok(String(hook.body.sms).length <= 320);
      assert.match(String(hook.body.sms), new RegExp(offer.token));
    }
  });

  it('in German for a German-speaking client', async () => {
    const { h, smtp, delivery } = await world('starting-soon');
    await h.store.write(async (tx) => tx.putClient({ ...(await tx.client('cli-ben'))!, locale: 'de-DE' }));
    await cancelWithOffer(h, false);
    await h.worker({ ...delivery }).drain();
    assert.equal(smtp.received[0]!.headers.get('content-language'), 'de');
    assert.match(smtp.received[0]!.subject ?? '', /fällt aus|abgesagt/);
  });

  it('the follow-up email after the configured 24 hours (test clock), none for a client who answered', async () => {
    const { h, smtp, delivery } = await world('ordinary-cancellation');
    const offer = await cancelWithOffer(h, true);
    const worker = h.worker({ ...delivery });
    await worker.drain();
    const before = smtp.received.length;
    h.clock.advance(24 * HOUR);
    await worker.drain();
    assert.equal(smtp.received.length, before + 1, 'one reminder');
    assert.match(text(smtp.received.at(-1)!), new RegExp(offer.token));

    const other = await world('ordinary-cancellation');
    const answered = await cancelWithOffer(other.h, true);
    const otherWorker = other.h.worker({ ...other.delivery });
    await otherWorker.drain();
    assert.equal(
      (await other.h.call(null, 'POST', `/offers/${answered.token}/answer`, { choice: 'refund' })).status,
      200,
    );
    await otherWorker.drain();
    assert.equal(
      other.smtp.received.length,
      2,
      'the cancellation, then the answer’s confirmation (by email, as the offer came)',
    );
    other.h.clock.advance(25 * HOUR);
    await otherWorker.drain();
    assert.equal(other.smtp.received.length, 2, 'no reminder after the answer');
  });

  it('an expired offer closes and the offered refund goes to billing once', async () => {
    const { h, hooks, delivery } = await world('ordinary-cancellation');
    const offer = await cancelWithOffer(h, true);
    const workers = [h.worker({ ...delivery }), h.worker({ ...delivery })];
    h.clock.set(Date.parse(offer.expiresAt) + 60_000);
    for (let i = 0; i < 3; i++) await Promise.all(workers.map((w) => w.drain()));
    const refunds = hooks.received.filter((r) => r.path === '/refunds');
    assert.equal(refunds.length, 1, 'one refund order');
    assert.equal((refunds[0]!.body.amount as { amount: number }).amount, 6500);
    assert.equal((await h.call('therapist', 'GET', '/sessions/ses-1')).body.session.refund.status, 'issued');
    assert.equal((await h.call(null, 'GET', `/offers/${offer.token}`)).body.offer.status, 'expired');
  });

  it('billing failing, then recovering: one refund issued under one key, its status visible throughout', async () => {
    const { h, hooks, delivery } = await world('client-offer');
    hooks.answers.push(500, 503);
    const worker = h.worker({ ...delivery });
    await h.call('therapist', 'POST', '/sessions/ses-1/refund', { decision: SHOWN }, { 'if-match': '"1"' });
    const status = async () =>
      (await h.call('therapist', 'GET', '/sessions/ses-1')).body.session.refund.status as string;
    await worker.drain();
    assert.equal(await status(), 'pending');
    for (let i = 0; i < 3; i++) {
      h.clock.advance(HOUR);
      await worker.drain();
    }
    assert.equal(await status(), 'issued');
    const calls = hooks.received.filter((r) => r.path === '/refunds');
    assert.deepEqual(
      calls.map((c) => c.status),
      [500, 503, 200],
    );
    assert.equal(new Set(calls.map((c) => c.idempotencyKey)).size, 1, 'one idempotency key: billing refunds once');
  });

  it('SMTP down, then back: retried, delivered once', async () => {
    const { h, smtp, delivery } = await world('starting-soon');
    const port = smtp.port;
    await smtp.close();
    await cancelWithOffer(h, false);
    const worker = h.worker({ ...delivery });
    await worker.drain();
    const email = async () => (await h.rows()).find((r) => r.channel === 'email' && r.message === 'session-cancelled')!;
    assert.equal((await email()).outcome, null);
    assert.ok((await email()).lastError, 'the failure is recorded');
    const back = await smtpSink(port);
    open.push(() => back.close());
    h.clock.advance(HOUR);
    await worker.drain();
    h.clock.advance(HOUR);
    await worker.drain();
    assert.equal(back.received.length, 1, 'delivered once');
    assert.ok(['sent', 'late'].includes((await email()).outcome ?? ''), 'done');
  });

  it('a webhook answering 500 is retried with growing waits, then delivered once', async () => {
    const { h, hooks, delivery } = await world('starting-soon');
    // Two 500s for each of the SMS and the call: each row fails twice before it is delivered.
    hooks.answers.push(500, 500, 500, 500);
    const worker = h.worker({ ...delivery, notifiers: delivery.notifiers });
    await cancelWithOffer(h, false);
    await worker.drain();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const row = (await h.rows()).find(
        (r) => r.message === 'session-cancelled' && r.outcome === null && r.channel === 'sms',
      );
      if (!row) break;
      waits.push(Date.parse(row.runAt) - h.clock.now());
      h.clock.set(Date.parse(row.runAt));
      await worker.drain();
    }
    assert.equal(waits.length, 2, `the SMS waited twice: ${waits.join(', ')}`);
    assert.ok(waits[1]! > waits[0]!, `growing waits: ${waits.join(', ')}`);
    // The call's retries have their own jittered times, which may fall after the SMS's: let them come due.
    for (let i = 0; i < 4; i++) {
      const pending = (await h.rows()).filter(
        (r) => r.message === 'session-cancelled' && r.outcome === null && r.channel !== 'email',
      );
      if (pending.length === 0) break;
      h.clock.set(Math.max(...pending.map((r) => Date.parse(r.runAt))));
      await worker.drain();
    }
    const delivered = hooks.received.filter((r) => r.path === '/messages' && r.status === 200);
    assert.deepEqual(delivered.map((r) => r.body.channel).sort(), ['phone', 'sms'], 'each delivered once');
  });
});
