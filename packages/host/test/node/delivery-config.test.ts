import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import {
  DELIVERY_CLI_OPTIONS,
  DeliveryConfigError,
  parseDeliveryOptions,
  renderMessage,
  verifyWebhook,
  type DeliveryFlags,
  type MessageFacts,
  type OutboundMessage,
} from '../../src/delivery/index.js';

// The delivery flags as an operator types them: what they configure, and every refusal naming the flag.

const SECRET = 'whsec_0123456789abcdefghij';
const flags = (...args: string[]): DeliveryFlags =>
  parseArgs({ args, options: DELIVERY_CLI_OPTIONS, strict: true }).values;

/** Asserts the flags are refused with a DeliveryConfigError for `flag` whose message matches. */
function refused(
  args: string[],
  flag: string,
  pattern: RegExp,
  options: Parameters<typeof parseDeliveryOptions>[1] = {},
) {
  assert.throws(
    () => parseDeliveryOptions(flags(...args), options),
    (error: unknown) => {
      assert.ok(error instanceof DeliveryConfigError, `expected a DeliveryConfigError, got ${String(error)}`);
      assert.equal(error.option, flag);
      assert.match(error.message, pattern);
      return true;
    },
  );
}

const facts: MessageFacts = {
  kind: 'offer-reminder',
  locale: 'en-GB',
  client: { name: 'Ben Carter', timeZone: 'Europe/London' },
  therapist: { name: 'Ana Lind', timeZone: 'Europe/London' },
  session: { startsAt: '2026-12-08T14:00:00Z', endsAt: '2026-12-08T14:50:00Z' },
  alternatives: [{ startsAt: '2026-12-09T14:00:00Z', endsAt: '2026-12-09T14:50:00Z' }],
  chooseBy: '2026-12-09T09:00:00Z',
};
const outbound = (channel: string, offerUrl?: string): OutboundMessage => {
  const all = offerUrl === undefined ? facts : { ...facts, offerUrl };
  return {
    id: `ob_${channel}`,
    channel,
    tenant: 'practice-a',
    to: { name: 'Ben Carter', phone: '+447700900123', email: 'ben@client.example' },
    facts: all,
    rendered: renderMessage(all),
  };
};
const signal = () => AbortSignal.timeout(5000);

describe('parseDeliveryOptions', () => {
  it('builds the notifiers by channel, one webhook for several channels, each with its own secret, and fills the offer link', async () => {
    const bodies: { channel: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        bodies.push({ channel: request.url ?? '', headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const config = parseDeliveryOptions(
        flags(
          '--smtp-url',
          'smtp://127.0.0.1:2525',
          '--smtp-from',
          'Practice <noreply@practice.example>',
          '--webhook-url',
          `sms,phone=${base}/relay`,
          '--webhook-url',
          `push=${base}/push`,
          '--webhook-secret',
          `push=${SECRET}-push`,
          '--webhook-secret',
          SECRET,
          '--offer-url',
          'https://practice.example/offer/{token}?lang=en',
        ),
      );
      try {
        assert.deepEqual([...config.configuredChannels].sort(), ['email', 'phone', 'push', 'sms']);
        assert.equal(config.notifiers.length, 3, 'one email, one sms/phone and one push notifier');
        assert.equal(config.notifierFor('sms'), config.notifierFor('phone'));
        assert.equal(config.notifierFor('whatsapp'), undefined, 'no notifier and no log: nothing serves whatsapp');
        assert.equal(config.refunds, undefined);
        assert.equal(config.offerUrl?.('a/b c'), 'https://practice.example/offer/a%2Fb%20c?lang=en');
        await config.notifierFor('sms')!.deliver(outbound('sms'), { signal: signal() });
        await config.notifierFor('push')!.deliver(outbound('push'), { signal: signal() });
        assert.equal(verifyWebhook(SECRET, bodies[0]!.headers, bodies[0]!.body).idempotencyKey, 'ob_sms');
        assert.equal(bodies[0]!.channel, '/relay');
        assert.doesNotThrow(() => verifyWebhook(`${SECRET}-push`, bodies[1]!.headers, bodies[1]!.body));
        assert.throws(() => verifyWebhook(SECRET, bodies[1]!.headers, bodies[1]!.body), /does not match/);
        assert.ok(config.summary.some((line) => line.startsWith('email: SMTP 127.0.0.1:2525')));
        assert.ok(
          config.summary.every((line) => !line.includes(SECRET)),
          'no secret in the summary',
        );
      } finally {
        await config.close();
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('takes the webhook secrets from the environment, the refund webhook its own first', () => {
    const config = parseDeliveryOptions(
      flags(
        '--webhook-url',
        'sms=https://relay.example/sms',
        '--refund-webhook-url',
        'https://billing.example/refunds',
      ),
      { env: { RAINCHECK_WEBHOOK_SECRET: SECRET, RAINCHECK_REFUND_WEBHOOK_SECRET: `${SECRET}-billing` } },
    );
    assert.ok(config.notifierFor('sms'));
    assert.ok(config.refunds);
  });

  it('in development logs every channel nothing else serves, and the refunds, and lists them', async () => {
    const config = parseDeliveryOptions(
      flags('--webhook-url', 'sms=https://relay.example/sms', '--webhook-secret', SECRET),
      { development: true },
    );
    const log = config.log!;
    assert.notEqual(config.notifierFor('sms'), log, 'a configured channel keeps its notifier');
    // The worker takes the first notifier serving a channel: the configured one comes before the log.
    assert.equal(
      config.notifiers.find((notifier) => notifier.channels.includes('sms')),
      config.notifierFor('sms'),
    );
    assert.equal(
      config.notifiers.find((notifier) => notifier.channels.includes('email')),
      log,
    );
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      await config.notifierFor('email')!.deliver(outbound('email'), { signal: signal() });
      await config.refunds!.issue(
        {
          id: 'ob_rf',
          tenant: 'practice-a',
          refundId: 'rf_1',
          sessionId: 'ses_1',
          clientId: 'cl_1',
          amount: { amount: 8000, currency: 'GBP' },
        },
        { signal: signal() },
      );
    } finally {
      console.log = original;
    }
    assert.deepEqual(
      log.list().map((entry) => [entry.type, entry.id]),
      [
        ['notification', 'ob_email'],
        ['refund', 'ob_rf'],
      ],
    );
    assert.equal(log.list({ tenant: 'practice-b' }).length, 0);
    assert.match(
      lines[0]!,
      /email to Ben Carter <ben@client\.example> \(practice-a, ob_email\): Reminder: please choose by/,
    );
    assert.equal(lines.length, 2);
    assert.ok(config.summary.includes('refunds: the log (development: no money moves)'));
  });

  it('--log-notifications logs outside development too; without it nothing is logged', () => {
    assert.ok(parseDeliveryOptions(flags('--log-notifications')).notifierFor('sms'));
    const none = parseDeliveryOptions(flags());
    assert.equal(none.notifierFor('email'), undefined);
    assert.equal(none.log, undefined);
    assert.deepEqual(none.notifiers, []);
    assert.ok(
      none.summary.includes('no notifiers: nothing is sent, and the outbox worker tells the team about each message'),
    );
  });

  describe('refuses at start, naming the flag', () => {
    it('--smtp-url', () => {
      refused(
        ['--smtp-url', 'http://mail.example', '--smtp-from', 'a@b.example'],
        '--smtp-url',
        /^--smtp-url "http:\/\/mail\.example": the scheme must be smtp:\/\/ or smtps:\/\//,
      );
      refused(
        ['--smtp-url', 'smtp//mail.example', '--smtp-from', 'a@b.example'],
        '--smtp-url',
        /^--smtp-url: not a URL/,
      );
      refused(['--smtp-url', 'smtp://mail.example'], '--smtp-from', /--smtp-url needs --smtp-from/);
      refused(['--smtp-from', 'a@b.example'], '--smtp-from', /--smtp-from needs --smtp-url/);
      refused(
        ['--smtp-url', 'smtp://mail.example', '--smtp-from', 'Practice'],
        '--smtp-from',
        /--smtp-from "Practice": not an email address/,
      );
    });

    it('--webhook-url', () => {
      refused(
        ['--webhook-url', 'https://relay.example/sms', '--webhook-secret', SECRET],
        '--webhook-url',
        /--webhook-url "https:\/\/relay\.example\/sms": give CHANNEL=URL, e\.g\. sms=https:\/\//,
      );
      refused(
        ['--webhook-url', 'sms=ftp://relay.example/sms', '--webhook-secret', SECRET],
        '--webhook-url',
        /--webhook-url "ftp:\/\/relay\.example\/sms": the scheme must be https:\/\//,
      );
      refused(
        ['--webhook-url', 'SMS!=https://relay.example/sms', '--webhook-secret', SECRET],
        '--webhook-url',
        /give CHANNEL=URL/,
      );
      refused(
        [
          '--webhook-url',
          'sms=https://a.example',
          '--webhook-url',
          'sms=https://b.example',
          '--webhook-secret',
          SECRET,
        ],
        '--webhook-url',
        /sms has two webhooks/,
      );
      refused(
        [
          '--smtp-url',
          'smtp://mail.example',
          '--smtp-from',
          'a@b.example',
          '--webhook-url',
          'email=https://a.example',
          '--webhook-secret',
          SECRET,
        ],
        '--webhook-url',
        /email is already sent through --smtp-url/,
      );
    });

    it('--webhook-secret', () => {
      refused(
        ['--webhook-url', 'sms=https://relay.example/sms'],
        '--webhook-secret',
        /the sms webhook needs a secret to sign with: give --webhook-secret/,
      );
      refused(
        ['--webhook-url', 'sms=https://relay.example/sms', '--webhook-secret', 'tooshort'],
        '--webhook-secret',
        /the secret has 8 characters; give at least 16/,
      );
      refused(
        ['--webhook-url', 'sms=https://relay.example/sms', '--webhook-secret', `push=${SECRET}`],
        '--webhook-secret',
        /--webhook-secret push=…: no --webhook-url for push/,
      );
      refused(
        [
          '--webhook-url',
          'sms=https://relay.example/sms',
          '--webhook-secret',
          SECRET,
          '--webhook-secret',
          `${SECRET}x`,
        ],
        '--webhook-secret',
        /two shared secrets/,
      );
      refused(
        [
          '--webhook-url',
          'sms,phone=https://relay.example/sms',
          '--webhook-secret',
          `sms=${SECRET}`,
          '--webhook-secret',
          `phone=${SECRET}x`,
        ],
        '--webhook-secret',
        /the sms,phone webhook has 2 different secrets/,
      );
      // A shared secret may end in base64 padding.
      assert.ok(
        parseDeliveryOptions(
          flags('--webhook-url', 'sms=https://relay.example/sms', '--webhook-secret', 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=='),
        ).notifierFor('sms'),
      );
    });

    it('--webhook-timeout', () => {
      refused(
        ['--webhook-timeout', 'soon'],
        '--webhook-timeout',
        /--webhook-timeout "soon": give a duration like 10s, 500ms or 2m/,
      );
      refused(['--webhook-timeout', '5m'], '--webhook-timeout', /must be from 100 ms to 120 s/);
    });

    it('--refund-webhook-url and its secret', () => {
      refused(
        ['--refund-webhook-url', 'billing.example/refunds', '--webhook-secret', SECRET],
        '--refund-webhook-url',
        /--refund-webhook-url "billing\.example\/refunds": not a URL/,
      );
      refused(
        ['--refund-webhook-url', 'https://billing.example/refunds'],
        '--refund-webhook-secret',
        /the refund webhook needs a secret to sign with: give --refund-webhook-secret/,
      );
      refused(
        ['--refund-webhook-secret', SECRET],
        '--refund-webhook-secret',
        /--refund-webhook-secret needs --refund-webhook-url/,
      );
    });

    it('--offer-url', () => {
      refused(
        ['--offer-url', 'https://x/{tokn}'],
        '--offer-url',
        /^--offer-url "https:\/\/x\/\{tokn\}": unknown placeholder \{tokn\}; use \{token\}$/,
      );
      refused(['--offer-url', 'https://practice.example/offer/'], '--offer-url', /no \{token\} placeholder/);
      refused(['--offer-url', 'https://practice.example/offer/{token'], '--offer-url', /an unmatched \{ or \}/);
      refused(['--offer-url', 'javascript:alert({token})'], '--offer-url', /the scheme must be https:\/\//);
      refused(['--offer-url', 'practice.example/{token}'], '--offer-url', /not a URL once filled/);
      refused(
        ['--offer-url', `https://practice.example/${'o'.repeat(200)}/{token}`],
        '--offer-url',
        /characters with a token; keep it within 240/,
      );
    });
  });
});
