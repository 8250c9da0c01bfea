import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DeliveryConfigError } from '../../src/delivery/config-error.js';
import { createRefundWebhook } from '../../src/delivery/refund-webhook.js';
import { renderMessage } from '../../src/delivery/render-message.js';
import { DeliveryError, type MessageFacts, type OutboundMessage } from '../../src/delivery/types.js';
import { createWebhookNotifier } from '../../src/delivery/webhook-notifier.js';
import {
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
  type NotificationWebhookBody,
  type WebhookRejection,
} from '../../src/delivery/webhooks.js';

// Signed webhooks against a local HTTP server that verifies them as a partner would, with the helper
// from @raincheck/host/webhooks.

const SECRET = 'whsec_the-sms-relays-secret-0123456789';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the server does with the next request: answer a status, or never answer. */
type Step = number | 'hang';

const facts: MessageFacts = {
  kind: 'session-cancelled',
  locale: 'en-GB',
  client: { name: 'Ben Carter', timeZone: 'Europe/London' },
  therapist: { name: 'Ana Lind', timeZone: 'Europe/Berlin' },
  session: { startsAt: '2026-12-08T14:00:00Z', endsAt: '2026-12-08T14:50:00Z' },
  offerUrl: 'https://practice.example/offer/tok_abc',
  alternatives: [{ startsAt: '2026-12-09T14:00:00Z', endsAt: '2026-12-09T14:50:00Z' }],
};
const sms: OutboundMessage = {
  id: 'ob_sms_1',
  channel: 'sms',
  tenant: 'practice-a',
  to: { name: 'Ben Carter', phone: '+447700900123' },
  facts,
  rendered: renderMessage(facts),
};

const signal = () => AbortSignal.timeout(10_000);

async function failure(attempt: Promise<unknown>): Promise<DeliveryError> {
  try {
    await attempt;
  } catch (error) {
    assert.ok(error instanceof DeliveryError, `expected a DeliveryError, got ${String(error)}`);
    return error;
  }
  assert.fail('the attempt was delivered');
}

describe('signed webhooks', () => {
  const received: Received[] = [];
  let steps: Step[] = [];
  const hanging: ServerResponse[] = [];
  let url: string;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const step = steps.shift() ?? 200;
      if (step === 'hang') hanging.push(response);
      else if (step >= 300 && step < 400)
        response.writeHead(step, { location: 'https://elsewhere.example/hook' }).end();
      else if (step === 429) response.writeHead(429, { 'retry-after': '120' }).end();
      else
        response
          .writeHead(step, { 'content-type': 'application/json' })
          .end(
            step < 300
              ? JSON.stringify({ id: `prov_${received.length}` })
              : JSON.stringify({ error: `answer ${step}` }),
          );
    });
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sms`;
  });
  beforeEach(() => {
    received.length = 0;
    steps = [];
  });
  after(async () => {
    for (const response of hanging) response.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('an SMS webhook the partner verifies: signed body, row id as Idempotency-Key, the short text and the phone', async () => {
    const notifier = createWebhookNotifier({ channels: ['sms'], url, secret: SECRET });
    const receipt = await notifier.deliver(sms, { signal: signal() });
    assert.deepEqual(receipt, { providerId: 'prov_1' });
    const [request] = received;
    const verified = verifyWebhook(SECRET, request!.headers, request!.body);
    assert.equal(verified.idempotencyKey, 'ob_sms_1');
    assert.match(String(request!.headers['raincheck-signature']), /^t=\d+,v1=[0-9a-f]{64}$/);
    const body = JSON.parse(request!.body) as NotificationWebhookBody;
    assert.equal(body.type, 'notification');
    assert.equal(body.channel, 'sms');
    assert.deepEqual(body.to, { name: 'Ben Carter', phone: '+447700900123' });
    assert.equal(body.sms, sms.rendered.sms);
    assert.ok(body.sms.includes('United Kingdom Time (London)'), body.sms);
  });

  it('500 is retried and the retry carries the same key and body; 408 and 429 are retryable too', async () => {
    const notifier = createWebhookNotifier({ channels: ['sms'], url, secret: SECRET });
    steps = [500, 200];
    const first = await failure(notifier.deliver(sms, { signal: signal() }));
    assert.equal(first.retryable, true);
    assert.match(
      first.message,
      /127\.0\.0\.1:\d+\/hooks\/sms answered 500$/,
      "the message (the history's lastError) keeps the status only",
    );
    assert.ok(first instanceof DeliveryError);
    assert.equal(first.providerDetail, '{"error":"answer 500"}', "the partner's body is for the team");
    await notifier.deliver(sms, { signal: signal() });
    assert.equal(received.length, 2);
    assert.equal(received[0]!.headers['idempotency-key'], received[1]!.headers['idempotency-key']);
    assert.equal(received[0]!.body, received[1]!.body);
    for (const status of [408, 429, 503]) {
      steps = [status];
      const error = await failure(notifier.deliver(sms, { signal: signal() }));
      assert.equal(error.retryable, true, `${status} should be retryable`);
      assert.equal(error.retryAfterMs, status === 429 ? 120_000 : undefined, 'Retry-After is passed on to the worker');
    }
  });

  it('other 4xx and redirects are not retryable', async () => {
    const notifier = createWebhookNotifier({ channels: ['sms'], url, secret: SECRET });
    for (const status of [400, 401, 404, 422]) {
      steps = [status];
      const error = await failure(notifier.deliver(sms, { signal: signal() }));
      assert.equal(error.retryable, false, `${status} should not be retryable`);
      assert.match(error.message, new RegExp(`answered ${status}`));
    }
    steps = [302];
    const redirected = await failure(notifier.deliver(sms, { signal: signal() }));
    assert.equal(redirected.retryable, false);
    assert.match(redirected.message, /302, a redirect to https:\/\/elsewhere\.example\/hook: configure the final URL/);
  });

  it('a webhook that does not answer in time, or cannot be reached, is retryable', async () => {
    const notifier = createWebhookNotifier({ channels: ['sms'], url, secret: SECRET, timeoutMs: 200 });
    steps = ['hang'];
    const slow = await failure(notifier.deliver(sms, { signal: signal() }));
    assert.equal(slow.retryable, true);
    assert.match(slow.message, /did not answer within 200 ms/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await failure(
      createWebhookNotifier({ channels: ['sms'], url: `http://127.0.0.1:${port}/`, secret: SECRET }).deliver(sms, {
        signal: signal(),
      }),
    );
    assert.equal(unreachable.retryable, true);
    assert.match(unreachable.message, /could not be reached: .*ECONNREFUSED/);
  });

  it('a refund webhook: the billing gets the refund once per Idempotency-Key, signed with its own secret', async () => {
    const billingSecret = 'whsec_billing-secret-abcdefghijklmnop';
    const provider = createRefundWebhook({ url, secret: billingSecret });
    steps = [503, 200];
    const order = {
      id: 'ob_refund_9',
      tenant: 'practice-a',
      refundId: 'rf_1',
      sessionId: 'ses_1',
      clientId: 'cl_1',
      amount: { amount: 8000, currency: 'GBP' },
    };
    assert.equal((await failure(provider.issue(order, { signal: signal() }))).retryable, true);
    assert.deepEqual(await provider.issue(order, { signal: signal() }), { providerId: 'prov_2' });
    for (const request of received) {
      assert.equal(verifyWebhook(billingSecret, request.headers, request.body).idempotencyKey, 'ob_refund_9');
      assert.throws(() => verifyWebhook(SECRET, request.headers, request.body), /does not match/);
      assert.deepEqual(JSON.parse(request.body), { type: 'refund', ...order });
    }
  });

  it('refuses at start a URL that is not http(s), a URL with credentials, and a missing or short secret', () => {
    const refused = (make: () => unknown, pattern: RegExp) =>
      assert.throws(make, (error: unknown) => error instanceof DeliveryConfigError && pattern.test(error.message));
    refused(
      () => createWebhookNotifier({ channels: ['sms'], url: 'ftp://relay.example/sms', secret: SECRET }),
      /^--webhook-url "ftp:\/\/relay.example\/sms": the scheme must be https:\/\/ \(or http:\/\/\), not ftp:\/\//,
    );
    refused(
      () => createWebhookNotifier({ channels: ['sms'], url: 'relay.example/sms', secret: SECRET }),
      /^--webhook-url "relay.example\/sms": not a URL/,
    );
    refused(
      () => createWebhookNotifier({ channels: ['sms'], url: 'https://u:p@relay.example/', secret: SECRET }),
      /no user or password in the URL/,
    );
    refused(
      () => createWebhookNotifier({ channels: ['sms'], url, secret: '' }),
      /the sms webhook needs a secret to sign with: give --webhook-secret/,
    );
    refused(
      () => createWebhookNotifier({ channels: ['sms'], url, secret: 'short' }),
      /the secret has 5 characters; give at least 16/,
    );
    refused(
      () => createRefundWebhook({ url: 'mailto:billing@practice.example', secret: SECRET }),
      /^--refund-webhook-url "mailto:billing@practice.example": the scheme must be/,
    );
  });
});

describe('verifyWebhook', () => {
  const body = '{"type":"refund","id":"ob_1"}';
  const now = new Date('2026-12-01T12:00:00Z');
  const t = Math.floor(now.getTime() / 1000);
  const rejected = (reason: WebhookRejection, pattern: RegExp) => (error: unknown) =>
    error instanceof WebhookVerificationError && error.reason === reason && pattern.test(error.message);

  it('accepts the signature over the raw body within the tolerance, from Node headers, Fetch headers or bytes', () => {
    const signature = signWebhook(SECRET, body, t - 299);
    assert.equal(
      verifyWebhook(SECRET, { 'raincheck-signature': signature, 'idempotency-key': 'ob_1' }, body, { now })
        .idempotencyKey,
      'ob_1',
    );
    assert.equal(
      verifyWebhook(SECRET, new Headers({ 'Raincheck-Signature': signature }), new TextEncoder().encode(body), { now })
        .timestamp,
      t - 299,
    );
  });

  it('is what the package entry @raincheck/host/webhooks exports (built)', async () => {
    const entry = await import('@raincheck/host/webhooks');
    const signature = entry.signWebhook(SECRET, body, t);
    assert.equal(entry.verifyWebhook(SECRET, { [entry.SIGNATURE_HEADER]: signature }, body, { now }).timestamp, t);
    assert.throws(() => entry.verifyWebhook(SECRET, {}, body), entry.WebhookVerificationError);
  });

  it('hands back the signed id as the idempotency key, and refuses a replay under another Idempotency-Key', () => {
    const signature = signWebhook(SECRET, body, t);
    assert.equal(
      verifyWebhook(SECRET, { 'raincheck-signature': signature }, body, { now }).idempotencyKey,
      'ob_1',
      "the key is the signed body's id",
    );
    assert.throws(
      () => verifyWebhook(SECRET, { 'raincheck-signature': signature, 'idempotency-key': 'ob_fresh' }, body, { now }),
      rejected('mismatch', /Idempotency-Key "ob_fresh" is not the signed body's id "ob_1"/),
    );
  });

  it('accepts either secret while one is rotated', () => {
    const signature = signWebhook('whsec_the-new-secret-0123456789', body, t);
    assert.doesNotThrow(() =>
      verifyWebhook([SECRET, 'whsec_the-new-secret-0123456789'], { 'raincheck-signature': signature }, body, { now }),
    );
  });

  it('refuses a missing, malformed, stale, future or wrong signature, and a changed body', () => {
    assert.throws(() => verifyWebhook(SECRET, {}, body, { now }), rejected('missing', /No Raincheck-Signature header/));
    assert.throws(
      () => verifyWebhook(SECRET, { 'raincheck-signature': 'sha256=abc' }, body, { now }),
      rejected('malformed', /is not t=<unix seconds>,v1=<64 hex digits>/),
    );
    assert.throws(
      () => verifyWebhook(SECRET, { 'raincheck-signature': signWebhook(SECRET, body, t - 301) }, body, { now }),
      rejected('stale', /made 301 s ago, outside the tolerance of 300 s/),
    );
    assert.throws(
      () =>
        verifyWebhook(SECRET, { 'raincheck-signature': signWebhook(SECRET, body, t + 3600) }, body, {
          now,
          toleranceSeconds: 60,
        }),
      rejected('stale', /3600 s in the future, outside the tolerance of 60 s/),
    );
    assert.throws(
      () =>
        verifyWebhook(SECRET, { 'raincheck-signature': signWebhook('whsec_someone-elses-secret-000', body, t) }, body, {
          now,
        }),
      rejected('mismatch', /does not match the body/),
    );
    assert.throws(
      () =>
        verifyWebhook(SECRET, { 'raincheck-signature': signWebhook(SECRET, body, t) }, body.replace('ob_1', 'ob_2'), {
          now,
        }),
      rejected('mismatch', /does not match/),
    );
    // A signature moved to another timestamp no longer matches: the time is signed with the body.
    const moved = signWebhook(SECRET, body, t - 10).replace(`t=${t - 10}`, `t=${t}`);
    assert.throws(
      () => verifyWebhook(SECRET, { 'raincheck-signature': moved }, body, { now }),
      rejected('mismatch', /does not match/),
    );
  });
});
