import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMessage } from '../../src/delivery/render-message.js';
import type { MessageFacts, MessageKind } from '../../src/delivery/types.js';

// Messages as a client reads them: their language, their zone (by name), the therapist's time beside
// it, the alternatives with the link, the refund in their currency, until when to choose.

const KINDS: readonly MessageKind[] = [
  'session-cancelled',
  'session-rearranged',
  'refund-issued',
  'refund-declined',
  'offer-reminder',
  'offer-answered',
  'offer-expired',
];
const LINK = 'https://practice.example/offer/tok_3xAmpleT0kenOfFortyThreeCharactersLong12345';

/** A client in New York, a therapist in Berlin: 19:00 UTC is 14:00 for one and 20:00 for the other. */
const cancelled: MessageFacts = {
  kind: 'session-cancelled',
  locale: 'en-US',
  client: { name: 'Ben Carter', timeZone: 'America/New_York' },
  therapist: { name: 'Ana Lind', timeZone: 'Europe/Berlin' },
  session: { startsAt: '2026-12-08T19:00:00Z', endsAt: '2026-12-08T19:50:00Z' },
  alternatives: [
    { startsAt: '2026-12-09T19:00:00Z', endsAt: '2026-12-09T19:50:00Z' },
    { startsAt: '2026-12-10T15:00:00Z', endsAt: '2026-12-10T15:50:00Z' },
  ],
  offerUrl: LINK,
  chooseBy: '2026-12-09T12:00:00Z',
  refund: { amount: 8000, currency: 'USD', status: 'pending' },
};

const factsOf = (kind: MessageKind, locale: string): MessageFacts => ({
  ...cancelled,
  kind,
  locale,
  ...(kind === 'session-rearranged' || kind === 'offer-answered' ? { newTime: cancelled.alternatives![0]! } : {}),
  ...(kind === 'refund-declined'
    ? { refund: { amount: 8000, currency: 'USD', status: 'declined' as const }, note: 'Attended in full.' }
    : {}),
  ...(kind === 'refund-issued' ? { refund: { amount: 8000, currency: 'USD', status: 'issued' as const } } : {}),
});

describe('renderMessage', () => {
  for (const locale of ['en-US', 'de-DE']) {
    for (const kind of KINDS) {
      it(`${kind} (${locale}): every part says it in the client's zone by name, never by id, and the SMS fits two segments`, () => {
        const message = renderMessage(factsOf(kind, locale));
        const zone = locale === 'de-DE' ? 'Nordamerikanische Ostküstenzeit (New York)' : 'Eastern Time (New York)';
        for (const part of ['subject', 'text', 'html', 'sms'] as const) {
          const text = message[part];
          assert.ok(text.length > 0, `${part} is empty`);
          assert.doesNotMatch(text, /America\/New_York|Europe\/Berlin/, `${part} shows a raw zone id`);
          if (part !== 'subject')
            assert.ok(
              text.includes(locale === 'de-DE' ? 'Nordamerikanische Ostküstenzeit' : 'Eastern Time'),
              `${part} lacks the zone name: ${text}`,
            );
        }
        assert.ok(message.text.includes(zone), message.text);
        assert.ok(message.sms.length <= 320, `SMS is ${message.sms.length} characters`);
        assert.match(message.html, new RegExp(`<html lang="${locale.slice(0, 2)}">`));
      });
    }
  }

  it('a cancel in English: the time in New York, the therapist’s in Berlin, both alternatives, the refund, the deadline and the link', () => {
    const { subject, text, html, sms } = renderMessage(cancelled);
    assert.equal(subject, 'Your session on Tue, Dec 8, 2:00 PM is cancelled');
    assert.ok(
      text.includes(
        'Ana Lind has had to cancel your session on Tuesday, December 8, 2026, 2:00 – 2:50 PM, Eastern Time (New York).',
      ),
      text,
    );
    assert.ok(text.includes('For Ana Lind that is 8:00 – 8:50 PM, Central European Time (Berlin).'), text);
    assert.ok(text.includes('- Wednesday, December 9, 2026, 2:00 – 2:50 PM, Eastern Time (New York)'), text);
    assert.ok(text.includes('- Thursday, December 10, 2026, 10:00 – 10:50 AM, Eastern Time (New York)'), text);
    assert.ok(text.includes('Or you can choose a refund of $80.00.'), text);
    assert.ok(text.includes('Please choose by Wednesday, December 9, 2026 at 7:00 AM, Eastern Time (New York).'), text);
    assert.ok(text.includes(`Choose here: ${LINK}`), text);
    assert.ok(html.includes(`<a href="${LINK}">Choose here</a>`), html);
    assert.ok(sms.endsWith(LINK), sms);
    assert.ok(sms.includes('Tue, Dec 8, 2:00 PM Eastern Time (New York)'), sms);
    assert.ok(sms.includes('by Wed, Dec 9, 7:00 AM'), sms);
  });

  it('the same cancel in German, with the amount formatted the German way', () => {
    const { subject, text, sms } = renderMessage({
      ...cancelled,
      locale: 'de-DE',
      refund: { amount: 8000, currency: 'EUR', status: 'pending' },
    });
    assert.equal(subject, 'Ihr Termin am Di., 8. Dez., 14:00 fällt aus');
    assert.ok(text.startsWith('Guten Tag Ben Carter,'), text);
    assert.ok(
      text.includes('Dienstag, 8. Dezember 2026, 14:00–14:50 Uhr, Nordamerikanische Ostküstenzeit (New York)'),
      text,
    );
    assert.ok(text.includes('Für Ana Lind ist das 20:00–20:50 Uhr, Mitteleuropäische Zeit (Berlin).'), text);
    assert.ok(text.includes('Oder Sie wählen eine Erstattung von 80,00 €.'), text);
    assert.ok(
      text.includes(
        'Bitte wählen Sie bis Mittwoch, 9. Dezember 2026 um 07:00, Nordamerikanische Ostküstenzeit (New York).',
      ),
      text,
    );
    assert.ok(text.includes(`Hier wählen: ${LINK}`), text);
    assert.ok(sms.endsWith(LINK), sms);
  });

  it('never shows a choose-by later than the first alternative', () => {
    const { text, sms, subject } = renderMessage({
      ...cancelled,
      kind: 'offer-reminder',
      chooseBy: '2026-12-12T00:00:00Z',
    });
    assert.ok(text.includes('Please choose by Wednesday, December 9, 2026 at 2:00 PM, Eastern Time (New York).'), text);
    assert.doesNotMatch(text, /December 11/);
    assert.ok(sms.includes('by Wed, Dec 9, 2:00 PM'), sms);
    assert.equal(subject, 'Reminder: please choose by Wed, Dec 9, 2:00 PM');
  });

  it('leaves the therapist’s time out when both read the same clock and zone', () => {
    const { text } = renderMessage({ ...cancelled, therapist: { name: 'Ana Lind', timeZone: 'America/New_York' } });
    assert.doesNotMatch(text, /For Ana Lind that is/);
    assert.ok(text.includes('2:00 – 2:50 PM, Eastern Time (New York)'));
  });

  it('gives the date beside the therapist’s time when it is another day there', () => {
    const { text } = renderMessage({
      ...cancelled,
      session: { startsAt: '2026-12-09T02:00:00Z', endsAt: '2026-12-09T02:50:00Z' },
    });
    assert.ok(text.includes('For Ana Lind that is Dec 9, 2026, 3:00 – 3:50 AM, Central European Time (Berlin).'), text);
  });

  it('escapes what people typed in the HTML part', () => {
    const evil = '<script>alert("x")</script> & Co';
    const { html, text } = renderMessage({
      ...cancelled,
      kind: 'refund-declined',
      client: { name: evil, timeZone: 'America/New_York' },
      note: '<img src=x onerror=alert(1)>',
      offerUrl: 'https://x.example/"><b>',
      refund: { amount: 8000, currency: 'USD', status: 'declined' },
    });
    assert.doesNotMatch(html, /<script>|<img|"><b>/);
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co'), html);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
    assert.ok(text.includes(evil), 'the plain text part keeps the name as typed');
  });

  it('shortens a long SMS but keeps the whole link', () => {
    const { sms } = renderMessage({
      ...cancelled,
      therapist: { name: 'Dr '.padEnd(400, 'x'), timeZone: 'Europe/Berlin' },
    });
    assert.ok(sms.length <= 320, `SMS is ${sms.length} characters`);
    assert.ok(sms.endsWith(`…: ${LINK}`), sms);
  });

  it('writes other languages in English, formatted for the client’s locale where it can', () => {
    assert.ok(renderMessage({ ...cancelled, locale: 'fr-FR' }).text.startsWith('Dear Ben Carter,'));
    assert.ok(
      renderMessage({ ...cancelled, locale: 'en-GB' }).text.includes(
        'Tuesday, 8 December 2026, 14:00–14:50, Eastern Time (New York)',
      ),
    );
    assert.ok(renderMessage({ ...cancelled, locale: 'not a locale!' }).text.startsWith('Dear Ben Carter,'));
  });

  it('offers a refund the team confirms first as a choice, not as a refund under review', () => {
    const { text } = renderMessage({
      ...cancelled,
      refund: { amount: 8000, currency: 'USD', status: 'pending-review' },
    });
    assert.ok(text.includes('Or you can choose a refund of $80.00, which the platform team confirms first.'), text);
    assert.doesNotMatch(text, /is with the platform team/);
    const german = renderMessage({
      ...cancelled,
      locale: 'de',
      refund: { amount: 8000, currency: 'EUR', status: 'pending-review' },
    }).text;
    assert.ok(
      german.includes('Oder Sie wählen eine Erstattung von 80,00 €, die das Plattform-Team vorher bestätigt.'),
      german,
    );
  });

  it('refuses facts it cannot say plainly: an unknown zone, a link that is not http(s), a currency that is no code', () => {
    assert.throws(
      () => renderMessage({ ...cancelled, client: { name: 'Ben', timeZone: 'Mars/Olympus' } }),
      /renderMessage \(session-cancelled\): client\.timeZone "Mars\/Olympus" is not an IANA time zone/,
    );
    assert.throws(
      () => renderMessage({ ...cancelled, offerUrl: 'javascript:alert(1)' }),
      /offerUrl must be an http\(s\) URL/,
    );
    assert.throws(
      () => renderMessage({ ...cancelled, refund: { amount: 1, currency: 'usd', status: 'issued' } }),
      /refund\.currency "usd" is not an ISO 4217 code/,
    );
  });

  it('says where the refund stands after the answer, and what happens when the offer closes unanswered', () => {
    assert.ok(
      renderMessage({
        ...cancelled,
        kind: 'offer-answered',
        alternatives: [],
        refund: { amount: 8000, currency: 'USD', status: 'issued' },
      }).text.includes('A refund of $80.00 has been issued to you.'),
    );
    const expired = renderMessage({ ...cancelled, kind: 'offer-expired', refund: undefined });
    assert.ok(expired.text.includes('The platform team will get in touch with you'), expired.text);
    assert.doesNotMatch(expired.text, /Choose here/);
    const failed = renderMessage({
      ...cancelled,
      kind: 'refund-issued',
      refund: { amount: 1250, currency: 'JPY', status: 'failed' },
    });
    assert.ok(failed.text.includes('We could not issue your refund of ¥1,250 yet.'), failed.text);
  });
});
