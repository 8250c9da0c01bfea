import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { DeliveryConfigError } from '../../src/delivery/config-error.js';
import { createEmailNotifier } from '../../src/delivery/email-notifier.js';
import { renderMessage } from '../../src/delivery/render-message.js';
import { DeliveryError, type MessageFacts, type OutboundMessage } from '../../src/delivery/types.js';

// The email notifier against a real SMTP server on loopback; what arrives is parsed as a mail client would.

const facts: MessageFacts = {
  kind: 'session-cancelled',
  locale: 'de-DE',
  client: { name: 'Jonas Weber', timeZone: 'America/New_York' },
  therapist: { name: 'Ana Lind', timeZone: 'Europe/Berlin' },
  session: { startsAt: '2026-12-08T19:00:00Z', endsAt: '2026-12-08T19:50:00Z' },
  alternatives: [{ startsAt: '2026-12-09T19:00:00Z', endsAt: '2026-12-09T19:50:00Z' }],
  offerUrl: 'https://practice.example/offer/tok_abc',
  chooseBy: '2026-12-09T12:00:00Z',
  refund: { amount: 8000, currency: 'EUR', status: 'pending' },
};

const message = (id: string, email: string, overrides: Partial<MessageFacts> = {}): OutboundMessage => {
  const all = { ...facts, ...overrides };
  return {
    id,
    channel: 'email',
    tenant: 'practice-a',
    to: { name: all.client.name, email },
    facts: all,
    rendered: renderMessage(all),
  };
};

interface SmtpSink {
  readonly url: string;
  readonly received: ParsedMail[];
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1:0 that parses what it receives; `onRcptTo` may refuse recipients. */
async function smtpSink(extra: Partial<SMTPServerOptions> = {}, port = 0): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS lookup of each connecting client: it costs a lookup per connection on loopback.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
    ...extra,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const signal = () => AbortSignal.timeout(10_000);

/** The DeliveryError a failed attempt threw. */
async function failure(attempt: Promise<unknown>): Promise<DeliveryError> {
  try {
    await attempt;
  } catch (error) {
    assert.ok(error instanceof DeliveryError, `expected a DeliveryError, got ${String(error)}`);
    return error;
  }
  assert.fail('the attempt was delivered');
}

describe('email notifier (SMTP)', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await smtpSink({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@'))
          callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
        else if (address.address.startsWith('busy@'))
          callback(Object.assign(new Error('4.2.1 Mailbox busy, try later'), { responseCode: 451 }));
        else callback();
      },
    });
  });
  after(() => sink.close());

  it('sends both parts in German with the zone names, the row id as Message-ID, from the configured address', async () => {
    const notifier = createEmailNotifier({ smtpUrl: sink.url, from: 'Praxis Lind <noreply@practice.example>' });
    try {
      const receipt = await notifier.deliver(message('ob_01HZX5', 'jonas@client.example'), { signal: signal() });
      assert.match(receipt.providerId ?? '', /^250/);
    } finally {
      await notifier.close();
    }
    const mail = sink.received.at(-1)!;
    assert.equal(mail.messageId, '<ob_01HZX5@practice.example>');
    assert.equal(mail.from?.text, '"Praxis Lind" <noreply@practice.example>');
    assert.deepEqual(Array.isArray(mail.to) ? [] : mail.to?.value.map((v) => [v.name, v.address]), [
      ['Jonas Weber', 'jonas@client.example'],
    ]);
    assert.equal(mail.subject, 'Ihr Termin am Di., 8. Dez., 14:00 fällt aus');
    assert.equal(mail.headers.get('content-language'), 'de');
    assert.ok(
      mail.text?.includes('Dienstag, 8. Dezember 2026, 14:00–14:50 Uhr, Nordamerikanische Ostküstenzeit (New York)'),
      mail.text,
    );
    assert.ok(mail.text?.includes('Für Ana Lind ist das 20:00–20:50 Uhr, Mitteleuropäische Zeit (Berlin).'), mail.text);
    assert.ok(mail.text?.includes('80,00 €'), mail.text);
    assert.ok(
      typeof mail.html === 'string' &&
        mail.html.includes('<a href="https://practice.example/offer/tok_abc">Hier wählen</a>'),
      String(mail.html),
    );
    assert.ok(typeof mail.html === 'string' && mail.html.includes('Mitteleuropäische Zeit (Berlin)'));
  });

  it('a 550 for the recipient is not retryable; a 451 is', async () => {
    const notifier = createEmailNotifier({ smtpUrl: sink.url, from: 'noreply@practice.example' });
    try {
      const rejected = await failure(notifier.deliver(message('ob_2', 'nobody@client.example'), { signal: signal() }));
      assert.equal(rejected.retryable, false);
      assert.match(rejected.message, /550.*No such mailbox/);
      const busy = await failure(notifier.deliver(message('ob_3', 'busy@client.example'), { signal: signal() }));
      assert.equal(busy.retryable, true);
      assert.match(busy.message, /451/);
      // The pool still works after both refusals.
      await notifier.deliver(message('ob_4', 'jonas@client.example'), { signal: signal() });
      assert.equal(sink.received.at(-1)?.messageId, '<ob_4@practice.example>');
    } finally {
      await notifier.close();
    }
  });

  it('a server that is down is retryable, and the same row is delivered once it is back', async () => {
    const down = await smtpSink();
    const url = down.url;
    await down.close();
    const notifier = createEmailNotifier({ smtpUrl: url, from: 'noreply@practice.example' });
    const refused = await failure(notifier.deliver(message('ob_5', 'jonas@client.example'), { signal: signal() }));
    assert.equal(refused.retryable, true);
    assert.match(refused.message, /ECONNECTION|ECONNREFUSED/);
    const back = await smtpSink({}, Number(new URL(url).port));
    try {
      await notifier.deliver(message('ob_5', 'jonas@client.example'), { signal: signal() });
      assert.deepEqual(
        back.received.map((mail) => mail.messageId),
        ['<ob_5@practice.example>'],
      );
    } finally {
      await notifier.close();
      await back.close();
    }
  });

  it('an attempt the worker stops (its signal aborted) sends nothing and is retryable', async () => {
    const notifier = createEmailNotifier({ smtpUrl: sink.url, from: 'noreply@practice.example' });
    const before = sink.received.length;
    const controller = new AbortController();
    controller.abort(new Error('lease lost'));
    const stopped = await failure(
      notifier.deliver(message('ob_abort', 'jonas@client.example'), { signal: controller.signal }),
    );
    await notifier.close();
    assert.equal(stopped.retryable, true);
    assert.equal(sink.received.length, before);
  });

  it('a recipient without an email address is not retryable', async () => {
    const notifier = createEmailNotifier({ smtpUrl: sink.url, from: 'noreply@practice.example' });
    const error = await failure(
      notifier.deliver({ ...message('ob_6', ''), to: { name: 'Jonas Weber' } }, { signal: signal() }),
    );
    assert.equal(error.retryable, false);
    assert.match(error.message, /No email address for Jonas Weber \(outbox row ob_6\)/);
    await notifier.close();
  });

  it('an id that is not a dot-atom still gives a stable Message-ID', async () => {
    const notifier = createEmailNotifier({
      smtpUrl: sink.url,
      from: 'noreply@practice.example',
      messageIdDomain: 'mail.practice.example',
    });
    await notifier.deliver(message('row 7 <x>', 'jonas@client.example'), { signal: signal() });
    await notifier.close();
    assert.equal(
      sink.received.at(-1)?.messageId,
      `<${Buffer.from('row 7 <x>').toString('base64url')}@mail.practice.example>`,
    );
  });

  it('refuses a URL that is not smtp:// or smtps://, and a From that is no address, naming the flag', () => {
    assert.throws(
      () => createEmailNotifier({ smtpUrl: 'http://mail.example', from: 'a@b.example' }),
      (error: unknown) =>
        error instanceof DeliveryConfigError &&
        /^--smtp-url "http:\/\/mail.example": the scheme must be smtp:\/\/ or smtps:\/\//.test(error.message),
    );
    assert.throws(
      () => createEmailNotifier({ smtpUrl: 'mail.example:25', from: 'a@b.example' }),
      /--smtp-url "mail.example:25": the scheme must be/,
    );
    assert.throws(() => createEmailNotifier({ smtpUrl: 'not a url', from: 'a@b.example' }), /--smtp-url: not a URL/);
    assert.throws(
      () => createEmailNotifier({ smtpUrl: 'smtp:///relay', from: 'a@b.example' }),
      /--smtp-url "smtp:\/\/\/relay": no host/,
    );
    assert.throws(
      () => createEmailNotifier({ smtpUrl: 'ftp://user:hunter2@mail.example', from: 'a@b.example' }),
      (error: unknown) =>
        error instanceof Error &&
        /ftp:\/\/user:\*\*\*@mail.example/.test(error.message) &&
        !error.message.includes('hunter2'),
    );
    assert.throws(
      () => createEmailNotifier({ smtpUrl: sink.url, from: 'Practice' }),
      /--smtp-from "Practice": not an email address/,
    );
  });
});
