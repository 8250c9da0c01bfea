import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { parseDeliveryOptions } from '../../src/delivery/config.js';
import { createLogNotifier, renderMessage, type MessageFacts, type OutboundMessage } from '../../src/delivery/index.js';

// The development notifier: what it lists is what the playground's Requests tab shows.

const facts: MessageFacts = {
  kind: 'session-rearranged',
  locale: 'de',
  client: { name: 'Jonas Weber', timeZone: 'Europe/Berlin' },
  therapist: { name: 'Ana Lind', timeZone: 'Europe/Berlin' },
  session: { startsAt: '2026-12-08T14:00:00Z', endsAt: '2026-12-08T14:50:00Z' },
  newTime: { startsAt: '2026-12-09T14:00:00Z', endsAt: '2026-12-09T14:50:00Z' },
};
const message = (id: string, tenant = 'practice-a'): OutboundMessage => ({
  id,
  channel: 'sms',
  tenant,
  to: { name: 'Jonas Weber', phone: '+4915100000000' },
  facts,
  rendered: renderMessage(facts),
});
const options = { signal: new AbortController().signal };

describe('log notifier', () => {
  it('lists each delivery with what was sent and when, a redelivered row again, per tenant', async () => {
    const lines: string[] = [];
    const log = createLogNotifier({ log: (line) => lines.push(line), now: () => new Date('2026-12-01T10:00:00Z') });
    assert.deepEqual(await log.deliver(message('ob_1'), options), { providerId: 'log:ob_1' });
    await log.deliver(message('ob_1'), options);
    await log.deliver(message('ob_2', 'practice-b'), options);
    const listed = log.list({ tenant: 'practice-a' });
    assert.deepEqual(
      listed.map((entry) => entry.id),
      ['ob_1', 'ob_1'],
    );
    const [first] = listed;
    assert.ok(first?.type === 'notification');
    assert.equal(first.deliveredAt, '2026-12-01T10:00:00.000Z');
    assert.equal(first.sms, renderMessage(facts).sms);
    assert.match(first.subject, /^Ihr Termin wurde verlegt auf Mi\., 9\. Dez\., 15:00$/);
    assert.equal(lines.length, 3);
    assert.match(
      lines[2]!,
      /^\[delivery:log\] sms to Jonas Weber <\+4915100000000> \(practice-b, ob_2\): Ihr Termin wurde verlegt/,
    );
  });

  it('keeps at most its limit, dropping the oldest, and forgets everything on clear', async () => {
    const log = createLogNotifier({ log: false, limit: 2 });
    for (const id of ['ob_1', 'ob_2', 'ob_3']) await log.deliver(message(id), options);
    assert.deepEqual(
      log.list().map((entry) => entry.id),
      ['ob_2', 'ob_3'],
    );
    log.clear();
    assert.deepEqual(log.list(), []);
  });

  it('--log-notifications outside development masks phone numbers in stdout (the demo shows them whole)', async () => {
    const logged = mock.method(console, 'log', () => undefined);
    try {
      const production = parseDeliveryOptions({ 'log-notifications': true }, { development: false });
      await production.notifierFor('sms')!.deliver(message('ob_9'), options);
      const demo = parseDeliveryOptions({}, { development: true });
      await demo.notifierFor('sms')!.deliver(message('ob_10'), options);
    } finally {
      logged.mock.restore();
    }
    const lines = logged.mock.calls.map((call) => String(call.arguments[0]));
    const [production, demo] = [
      lines.find((l) => l.includes('ob_9')) ?? '',
      lines.find((l) => l.includes('ob_10')) ?? '',
    ];
    assert.doesNotMatch(production, /4915100000000/);
    assert.match(production, /<\+49•+000>/);
    assert.match(demo, /<\+4915100000000>/);
  });
});
