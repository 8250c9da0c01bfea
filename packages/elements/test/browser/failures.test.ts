import { expect, fixture } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { setRaincheckLocale, type RcCancelSession, type WidgetErrorDetail } from '@raincheck/elements';
import { $, BASE, text, waitUntil } from './widget-harness.js';

// Every class of failure, as the person reads it: unreachable (try again), failed on the host's
// side (try again), refused (what the host said, no retry when that cannot help), and mistakes in
// the page's setup (what to change, never "try again"), in English and German.

const host = createMockHost();
const SESSION_URL = `${BASE}/sessions/ses-1`;

/** A 200 whose headers arrive with the start of the body, which then never ends. */
function stalledResponse(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"session":'));
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/json' } });
}

/** The mock host's session ses-1, starting at `startsAt`. */
async function startingAt(startsAt: string): Promise<Response> {
  const { session } = (await (
    await host.fetchAt(BASE)(SESSION_URL, { headers: { authorization: `Bearer ${await host.token('therapist')}` } })
  ).json()) as { session: Record<string, unknown> };
  return Response.json({ session: { ...session, startsAt } });
}

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : String(input));

/** The mock host, except where `answer` gives its own response for a URL. */
function hostExcept(answer: (url: string) => Response | Promise<Response> | undefined): typeof fetch {
  const hostFetch = host.fetchAt(BASE);
  return (input, init) => Promise.resolve(answer(urlOf(input)) ?? hostFetch(input, init));
}

const pageFetch = globalThis.fetch;
/** The page's own `fetch` (which loads a `rules-url`), answering `url` itself until the test ends. */
function pageAnswers(url: string, answer: () => Response): void {
  globalThis.fetch = (input, init) =>
    urlOf(input) === new URL(url, location.href).href ? Promise.resolve(answer()) : pageFetch(input, init);
}

/** `<rc-cancel-session>` for ses-1 with `attributes`, talking to the host through `fetch`, once it has failed. */
async function failing(
  attributes: Readonly<Record<string, string>>,
  fetch: typeof globalThis.fetch = host.fetchAt(BASE),
): Promise<RcCancelSession> {
  const el = document.createElement('rc-cancel-session');
  el.setAttribute('session-id', 'ses-1');
  el.setAttribute('base-url', BASE);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.fetch = fetch;
  el.getAccessToken = () => host.token('therapist');
  await fixture(el);
  await waitUntil(() => el.state === 'error', `<rc-cancel-session> should end in its error state, not "${el.state}"`, {
    timeout: 8000,
  });
  return el;
}

/** What the widget made of the failure (a load fires no event: it is the widget's own state). */
const failureOf = (el: RcCancelSession) => (el as unknown as { failure: WidgetErrorDetail }).failure;

/** The error the widget shows: announced, accessible, with "Try again" exactly when `retry`. */
async function expectFailure(el: RcCancelSession, { says, retry }: { says: string; retry: boolean }): Promise<void> {
  const alert = $(el, '[part~="error"]');
  expect(alert.getAttribute('role')).to.equal('alert');
  expect(alert.textContent).to.contain(says);
  const button = el.shadowRoot!.querySelector('[part~="retry"]');
  if (retry) expect(button, '"Try again" where it can help').not.to.equal(null);
  else {
    expect(button, 'no "Try again" where it cannot help').to.equal(null);
    expect(alert.textContent).not.to.match(/try again|erneut|noch einmal/i);
  }
  await expect(el).to.be.accessible();
}

beforeEach(() => {
  host.reset('ordinary-cancellation');
  sessionStorage.clear();
});

afterEach(async () => {
  globalThis.fetch = pageFetch;
  host.faults.clear();
  await setRaincheckLocale('en');
});

describe('failures, by class', () => {
  for (const locale of ['en', 'de'] as const) {
    const words = <T>(en: T, de: T) => (locale === 'en' ? en : de);

    describe(`in ${locale === 'en' ? 'English' : 'German'}`, () => {
      beforeEach(() => setRaincheckLocale(locale));

      it('a host whose body stalls after the headers: the timeout ends it, then "Try again" loads', async () => {
        let stall = true;
        const el = await failing(
          { 'timeout-ms': '200' },
          hostExcept((url) => (stall && url === SESSION_URL ? stalledResponse() : undefined)),
        );
        expect(failureOf(el)).to.include({ code: 'timeout', retryable: true });
        await expectFailure(el, {
          says: words('did not answer in time', 'nicht rechtzeitig geantwortet'),
          retry: true,
        });
        expect(text(el)).not.to.contain(words('Loading', 'wird geladen'));
        stall = false;
        $<HTMLButtonElement>(el, '[part~="retry"]').click();
        await waitUntil(() => el.state === 'ready', 'ready once the host answers');
      });

      it("<rc-provider timeout-ms> bounds its widgets' calls the same way", async () => {
        const provider = document.createElement('rc-provider');
        provider.setAttribute('base-url', BASE);
        provider.setAttribute('timeout-ms', '200');
        provider.fetch = hostExcept((url) => (url === SESSION_URL ? stalledResponse() : undefined));
        provider.getAccessToken = () => host.token('therapist');
        const el = document.createElement('rc-cancel-session');
        el.setAttribute('session-id', 'ses-1');
        provider.append(el);
        await fixture(provider);
        await waitUntil(() => el.state === 'error', 'the error state', { timeout: 8000 });
        expect(failureOf(el)).to.include({ code: 'timeout', retryable: true });
        await expectFailure(el, {
          says: words('did not answer in time', 'nicht rechtzeitig geantwortet'),
          retry: true,
        });
      });

      it('a host that cannot be reached: try again', async () => {
        const el = await failing({}, () => Promise.reject(new TypeError('Failed to fetch')));
        await expectFailure(el, { says: words('could not be reached', 'nicht erreichbar'), retry: true });
      });

      it('a 500 failed on the host’s side: it was reached, and trying again may help', async () => {
        host.faults.set('getSession', { status: 500 });
        const el = await failing({});
        expect(failureOf(el)).to.include({ retryable: true });
        await expectFailure(el, {
          says: words('ran into a problem of its own (500)', 'eigener Fehler aufgetreten (500)'),
          retry: true,
        });
        expect(text(el)).not.to.contain(words('could not be reached', 'nicht erreichbar'));
      });

      it('a refusal without the host’s own sentence: says so, no "Try again"', async () => {
        const el = await failing(
          {},
          hostExcept((url) => (url === SESSION_URL ? new Response('', { status: 404 }) : undefined)),
        );
        expect(failureOf(el)).to.include({ code: 'http-404', retryable: false });
        await expectFailure(el, { says: words('refused this request (404)', 'abgelehnt (404)'), retry: false });
      });

      it('a session id of "..": refused before anything is sent, naming the parameter, no "Try again"', async () => {
        const el = await failing({ 'session-id': '..' });
        expect(failureOf(el)).to.include({ code: 'contract', retryable: false });
        await expectFailure(el, {
          says: words("Check the page's settings", 'Prüfen Sie die Einstellungen der Seite'),
          retry: false,
        });
        expect($(el, '[part~="error"]').textContent).to.contain('$.sessionId');
        expect(host.records.requests, 'nothing sent').to.have.length(0);
      });

      it('a session whose start has an impossible offset (+24:00): the contract error, not a crash', async () => {
        const el = await failing(
          {},
          hostExcept((url) => (url === SESSION_URL ? startingAt('2027-06-02T10:00:00+24:00') : undefined)),
        );
        expect(failureOf(el)).to.include({ code: 'contract' });
        await expectFailure(el, { says: words('does not understand', 'nicht versteht'), retry: true });
      });

      it('a rules-url that answers 404: check the rules URL, no "Try again"', async () => {
        const el = await failing({ 'rules-url': '/no-such-rules.json' });
        expect(failureOf(el)).to.include({ code: 'rules-url-refused', retryable: false });
        await expectFailure(el, {
          says: words('Check the rules URL (rules-url)', 'Prüfen Sie die Regel-URL (rules-url)'),
          retry: false,
        });
        expect($(el, '[part~="error"]').textContent).to.contain('/no-such-rules.json');
      });

      it('a rules-url that answers 403: the same', async () => {
        pageAnswers('/forbidden-rules.json', () => new Response('no', { status: 403 }));
        const el = await failing({ 'rules-url': '/forbidden-rules.json' });
        expect(failureOf(el)).to.include({ code: 'rules-url-refused', retryable: false });
        await expectFailure(el, { says: words('answered 403', 'antwortete mit 403'), retry: false });
      });

      it('a rules-url that is not JSON: check the rules URL, no "Try again"', async () => {
        const el = await failing({ 'rules-url': '/README.md' });
        expect(failureOf(el)).to.include({ code: 'rules-url-not-rules', retryable: false });
        await expectFailure(el, {
          says: words('did not send rule files as JSON', 'keine Regeldateien als JSON'),
          retry: false,
        });
      });

      it('a rules-url whose server fails (500): try again, and not "could not be reached"; trying again loads them', async () => {
        let failingNow = true;
        pageAnswers('/failing-rules.json', () =>
          failingNow ? new Response('oops', { status: 500 }) : Response.json({ files: defaultRuleFiles }),
        );
        const el = await failing({ 'rules-url': '/failing-rules.json' });
        expect(failureOf(el)).to.include({ code: 'rules-url-failed', retryable: true });
        await expectFailure(el, {
          says: words('could not send them (500)', 'konnte sie nicht senden (500)'),
          retry: true,
        });
        expect(text(el)).not.to.contain(words('could not be reached', 'nicht erreichbar'));
        failingNow = false;
        $<HTMLButtonElement>(el, '[part~="retry"]').click();
        await waitUntil(() => el.state === 'ready', 'ready once the rules arrive');
      });

      it('a rules-url whose body stalls: the timeout ends it, try again', async () => {
        pageAnswers('/stalled-rules.json', stalledResponse);
        const el = await failing({ 'rules-url': '/stalled-rules.json', 'timeout-ms': '200' });
        expect(failureOf(el)).to.include({ code: 'rules-url-timeout', retryable: true });
        await expectFailure(el, {
          says: words('did not answer in time', 'nicht rechtzeitig geantwortet'),
          retry: true,
        });
      });

      it('a rules-url nothing answers at: could not be reached, try again', async () => {
        const el = await failing({ 'rules-url': 'http://127.0.0.1:9/rules.json' });
        expect(failureOf(el)).to.include({ code: 'rules-url-unreachable', retryable: true });
        await expectFailure(el, { says: words('could not be reached at', 'nicht erreichbar'), retry: true });
      });

      it('a base-url that is not http(s): what to change, no "Try again"', async () => {
        const el = await failing({ 'base-url': 'javascript:alert(1)' });
        expect(failureOf(el)).to.include({ code: 'configuration', retryable: false });
        await expectFailure(el, { says: words('not set up correctly', 'nicht richtig eingerichtet'), retry: false });
        expect(host.records.requests, 'nothing sent').to.have.length(0);
      });

      for (const timeout of ['-5', '0', '1.5', 'soon']) {
        it(`a timeout-ms of "${timeout}": what to change, no "Try again", nothing sent`, async () => {
          const el = await failing({ 'timeout-ms': timeout });
          expect(failureOf(el)).to.include({ code: 'configuration', retryable: false });
          await expectFailure(el, { says: words('not set up correctly', 'nicht richtig eingerichtet'), retry: false });
          expect(host.records.requests, 'nothing sent').to.have.length(0);
        });
      }
    });
  }
});
