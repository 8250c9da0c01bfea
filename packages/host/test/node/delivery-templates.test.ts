import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  compileMessageTemplates,
  DeliveryConfigError,
  parseDeliveryOptions,
  renderMessage,
  type MessageFacts,
} from '../../src/delivery/index.js';

// A partner's own wording (--message-templates): used where it fits, checked at start.

const LINK = 'https://practice.example/offer/tok_abc';
const cancelled: MessageFacts = {
  kind: 'session-cancelled',
  locale: 'de-DE',
  client: { name: 'Jonas Weber', timeZone: 'Europe/Berlin' },
  therapist: { name: 'Ana Lind', timeZone: 'Europe/Berlin' },
  session: { startsAt: '2026-12-08T13:00:00Z', endsAt: '2026-12-08T13:50:00Z' },
  alternatives: [{ startsAt: '2026-12-09T13:00:00Z', endsAt: '2026-12-09T13:50:00Z' }],
  offerUrl: LINK,
  chooseBy: '2026-12-09T08:00:00Z',
};

const refusedWith = (pattern: RegExp) => (error: unknown) =>
  error instanceof DeliveryConfigError && error.option === '--message-templates' && pattern.test(error.message);

describe('message templates', () => {
  it('replace the subject, what happened, the SMS and the sign-off of one kind and language; the link is still appended', () => {
    const templates = compileMessageTemplates(
      {
        de: {
          'session-cancelled': {
            subject: 'Praxis Lind: Termin {sessionShort} entfällt',
            happened: 'leider fällt Ihr Termin am {session} aus.\n\nWir melden uns <bald>.',
            sms: 'Praxis Lind: Termin {sessionShort} entfällt. Bitte bis {chooseByShort} wählen',
            signOff: 'Ihre Praxis Lind',
          },
        },
      },
      'templates.json',
    );
    const message = renderMessage(cancelled, templates);
    assert.equal(message.subject, 'Praxis Lind: Termin Di., 8. Dez., 14:00 entfällt');
    assert.ok(
      message.text.includes(
        'leider fällt Ihr Termin am Dienstag, 8. Dezember 2026, 14:00–14:50 Uhr, Mitteleuropäische Zeit (Berlin) aus.\n\nWir melden uns <bald>.',
      ),
      message.text,
    );
    assert.ok(message.text.includes('Hier wählen: https://practice.example/offer/tok_abc'), 'the built-in parts stay');
    assert.ok(message.text.trimEnd().endsWith('Ihre Praxis Lind'));
    assert.ok(message.html.includes('<p>Wir melden uns &lt;bald&gt;.</p>'), 'template text is escaped like any other');
    assert.equal(
      message.sms,
      `Praxis Lind: Termin Di., 8. Dez., 14:00 entfällt. Bitte bis Mi., 9. Dez., 9:00 wählen: ${LINK}`,
    );
    // Other kinds and languages keep the built-in wording.
    assert.equal(
      renderMessage({ ...cancelled, locale: 'en-GB' }, templates).subject,
      'Your session on Tue 8 Dec, 14:00 is cancelled',
    );
    assert.equal(
      renderMessage({ ...cancelled, kind: 'offer-reminder' }, templates).subject,
      renderMessage({ ...cancelled, kind: 'offer-reminder' }).subject,
    );
  });

  it('a message lacking a value a template needs gets the built-in part instead', () => {
    const templates = compileMessageTemplates(
      { de: { 'session-cancelled': { sms: 'Bitte bis {chooseByShort} wählen', subject: 'Neu: {newTimeShort}' } } },
      'templates.json',
    );
    const { chooseBy: _omitted, ...withoutDeadline } = cancelled;
    const message = renderMessage(withoutDeadline, templates);
    assert.equal(message.sms, renderMessage(withoutDeadline).sms);
    assert.equal(message.subject, renderMessage(withoutDeadline).subject);
  });

  it('refuses unknown placeholders, languages, kinds and parts, naming the file and the place', () => {
    assert.throws(
      () => compileMessageTemplates({ de: { 'session-cancelled': { sms: 'Termin {tokn}' } } }, 't.json'),
      refusedWith(
        /^--message-templates t\.json: de\.session-cancelled\.sms: unknown placeholder \{tokn\}; known: \{client\}, \{therapist\}, \{session\}/,
      ),
    );
    assert.throws(
      () => compileMessageTemplates({ fr: {} }, 't.json'),
      refusedWith(/t\.json: fr: unknown language; messages exist in en, de/),
    );
    assert.throws(
      () => compileMessageTemplates({ en: { 'session-canceled': {} } }, 't.json'),
      refusedWith(/en\.session-canceled: unknown message kind; known: session-cancelled/),
    );
    assert.throws(
      () => compileMessageTemplates({ en: { 'session-cancelled': { body: 'x' } } }, 't.json'),
      refusedWith(/en\.session-cancelled\.body: unknown part; known: subject, happened, sms, signOff/),
    );
    assert.throws(
      () => compileMessageTemplates({ en: { 'session-cancelled': { sms: 42 } } }, 't.json'),
      refusedWith(/en\.session-cancelled\.sms: expected a non-empty string/),
    );
    assert.throws(
      () => compileMessageTemplates({ en: { 'session-cancelled': { subject: 'one\ntwo' } } }, 't.json'),
      refusedWith(/a subject is one line/),
    );
    assert.throws(
      () => compileMessageTemplates({ en: { 'session-cancelled': { sms: 'at {sessionShort' } } }, 't.json'),
      refusedWith(/en\.session-cancelled\.sms: an unmatched \{ or \}/),
    );
    assert.throws(() => compileMessageTemplates([], 't.json'), refusedWith(/expected an object of languages/));
  });

  describe('--message-templates', () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'raincheck-templates-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('reads the file at start; config.render uses it', async () => {
      const file = join(dir, 'ok.json');
      await writeFile(
        file,
        JSON.stringify({ en: { 'session-cancelled': { subject: '{therapist} cancelled {sessionShort}' } } }),
      );
      const config = parseDeliveryOptions({ 'message-templates': file });
      assert.equal(config.render({ ...cancelled, locale: 'en-GB' }).subject, 'Ana Lind cancelled Tue 8 Dec, 14:00');
      assert.equal(
        parseDeliveryOptions({}).render({ ...cancelled, locale: 'en-GB' }).subject,
        'Your session on Tue 8 Dec, 14:00 is cancelled',
      );
    });

    it('refuses a file that is missing, not JSON, or has an unknown placeholder', async () => {
      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{ "en": ');
      const typo = join(dir, 'typo.json');
      await writeFile(typo, JSON.stringify({ en: { 'offer-reminder': { sms: 'Choose by {choseBy}' } } }));
      assert.throws(
        () => parseDeliveryOptions({ 'message-templates': join(dir, 'missing.json') }),
        refusedWith(/missing\.json: cannot be read \(ENOENT\)/),
      );
      assert.throws(() => parseDeliveryOptions({ 'message-templates': broken }), refusedWith(/broken\.json: not JSON/));
      assert.throws(
        () => parseDeliveryOptions({ 'message-templates': typo }),
        refusedWith(/typo\.json: en\.offer-reminder\.sms: unknown placeholder \{choseBy\}/),
      );
    });
  });
});
