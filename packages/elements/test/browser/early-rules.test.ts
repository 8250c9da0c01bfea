import { expect, fixture, html } from '@open-wc/testing';
import { createMockHost, type MockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import type { RcCancelSession, RcProvider, WidgetErrorDetail } from '@raincheck/elements';
import { attachWidget, BASE, waitUntil } from './widget-harness.js';

// A widget asks for the rules (GET /policy/rules) and imports its decided-phase module (the engine)
// as its load starts, beside its first call to the host, not once that call has answered.

type Widget = HTMLElement & { state: string };

const MOUNT = new URL(BASE).pathname;
const pathOf = (input: RequestInfo | URL) =>
  new URL(input instanceof Request ? input.url : String(input)).pathname.slice(MOUNT.length);

/**
 * `host`'s fetch, holding back the answer to the first call (`first`: the session, the therapist)
 * until the rules have been asked for, or a second has passed: a widget that asks for them only
 * after that answer then fails the test instead of hanging. `events` says, in order, what was sent
 * and when the first call was answered.
 */
function holdingFirstAnswer(host: MockHost, first: string) {
  const events: string[] = [];
  let rulesAsked = () => {};
  const rules = new Promise<void>((resolve) => (rulesAsked = resolve));
  let answeredAt = Infinity;
  const hostFetch = host.fetchAt(BASE);
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = pathOf(input);
    events.push(`sent ${path}`);
    if (path === '/policy/rules') rulesAsked();
    const response = await hostFetch(input, init);
    if (path === first && answeredAt === Infinity) {
      await Promise.race([rules, new Promise((resolve) => setTimeout(resolve, 1000))]);
      answeredAt = performance.now();
      events.push(`answered ${path}`);
    }
    return response;
  };
  return { fetch, events, answeredAt: () => answeredAt };
}

/** When this page started importing `folder`'s decided-phase module (`<folder>.decided` or `<folder>.flow.decided`), from the resource timings. */
function decidedImportStart(folder: string): number | undefined {
  return performance
    .getEntriesByType('resource')
    .find((entry) => new RegExp(`/${folder}(\\.flow)?\\.decided`).test(new URL(entry.name).pathname))?.startTime;
}

// The page's own modules fill the default 250 entries: room for the widgets' imports.
performance.setResourceTimingBufferSize(10_000);
const host = createMockHost();
const failureOf = (el: Widget) => (el as unknown as { failure: WidgetErrorDetail | undefined }).failure;

beforeEach(() => host.reset('ordinary-cancellation'));

describe('the rules and the engine load beside the first call', () => {
  const cases: { tag: string; folder: string; attributes: Readonly<Record<string, string>>; first: string }[] = [
    {
      tag: 'rc-cancel-session',
      folder: 'cancel-session',
      attributes: { 'session-id': 'ses-1' },
      first: '/sessions/ses-1',
    },
    {
      tag: 'rc-refund-request',
      folder: 'refund-request',
      attributes: { 'session-id': 'ses-1' },
      first: '/sessions/ses-1',
    },
    {
      tag: 'rc-availability',
      folder: 'availability',
      attributes: { 'therapist-id': 'th-ana' },
      first: '/therapists/th-ana',
    },
    {
      tag: 'rc-cancellation-standing',
      folder: 'cancellation-standing',
      attributes: { 'therapist-id': 'th-ana' },
      first: '/therapists/th-ana',
    },
  ];
  for (const { tag, folder, attributes, first } of cases) {
    it(`<${tag}>: the rules are asked for, and the engine imported, before its first call (${first}) is answered`, async () => {
      const holding = holdingFirstAnswer(host, first);
      const el = document.createElement(tag) as Widget & { fetch: typeof fetch; getAccessToken: () => Promise<string> };
      for (const [name, value] of Object.entries({ ...attributes, 'base-url': BASE })) el.setAttribute(name, value);
      el.fetch = holding.fetch;
      el.getAccessToken = () => host.token('therapist');
      await fixture(el);
      await waitUntil(() => el.state !== 'loading', `<${tag}> should finish loading`, { timeout: 8000 });
      expect(el.state, JSON.stringify(failureOf(el))).to.equal('ready');
      const { events } = holding;
      expect(events.indexOf('sent /policy/rules'), events.join(' → ')).to.be.within(
        0,
        events.indexOf(`answered ${first}`),
      );
      expect(
        events.filter((e) => e === 'sent /policy/rules'),
        'asked for once',
      ).to.have.length(1);
      const imported = decidedImportStart(folder);
      expect(imported, `${folder}.decided was imported`).to.be.a('number');
      expect(imported!, 'the engine import started before the answer').to.be.below(holding.answeredAt());
      await expect(el).to.be.accessible();
    });
  }

  it('inside <rc-provider>: the same, with the base URL and the token from the provider', async () => {
    const holding = holdingFirstAnswer(host, '/sessions/ses-1');
    const provider = await fixture<RcProvider>(
      html`<rc-provider base-url=${BASE} .fetch=${holding.fetch} .getAccessToken=${() => host.token('therapist')}><rc-cancel-session session-id="ses-1"></rc-cancel-session></rc-provider>`,
    );
    const el = provider.querySelector<RcCancelSession>('rc-cancel-session')!;
    await waitUntil(() => el.state !== 'loading', 'should finish loading', { timeout: 8000 });
    expect(el.state).to.equal('ready');
    const { events } = holding;
    expect(events.indexOf('sent /policy/rules'), events.join(' → ')).to.be.within(
      0,
      events.indexOf('answered /sessions/ses-1'),
    );
  });

  it('a therapist id the contract refuses (".."): nothing is sent, the rules neither', async () => {
    const el = await attachWidget<Widget>(host, 'rc-availability', { 'therapist-id': '..' });
    await waitUntil(() => el.state === 'error', `error, not "${el.state}"`, { timeout: 8000 });
    expect(failureOf(el)).to.include({ code: 'contract', retryable: false });
    expect(host.records.requests, 'nothing sent').to.have.length(0);
  });
});

describe('a token the host refuses though the page cannot see it has expired', () => {
  // The host's clock is 15 minutes ahead of the page's: a token it minted 11 minutes ago by its
  // clock, for 5 minutes, still looks valid here, so the rules go beside the session and both are refused.
  const ahead = createMockHost({ now: () => Date.now() + 15 * 60_000 });
  beforeEach(() => ahead.reset('ordinary-cancellation'));

  it('the calls refused together get one fresh token between them, and the widget loads with no error', async () => {
    const asked: boolean[] = [];
    let current = ahead.token('therapist', { expired: true });
    const getAccessToken = ({ refresh }: { refresh: boolean }) => {
      asked.push(refresh);
      if (refresh) current = ahead.token('therapist');
      return current;
    };
    // The session's refusal is held back until the rules have been asked for, so both go with the old token.
    const holding = holdingFirstAnswer(ahead, '/sessions/ses-1');
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .fetch=${holding.fetch} .getAccessToken=${getAccessToken}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state !== 'loading', 'should finish loading', { timeout: 8000 });
    expect(el.state, JSON.stringify(failureOf(el))).to.equal('ready');
    const refused = ahead.records.requests.filter((r) => r.status === 401).map((r) => r.endpoint);
    expect(refused.sort(), 'the session and the rules were sent together, and refused').to.deep.equal([
      'getRules',
      'getSession',
    ]);
    expect(asked.filter(Boolean), 'refreshed once').to.have.length(1);
    for (const endpoint of ['getSession', 'getRules'])
      expect(
        ahead.records.requests.filter((r) => r.endpoint === endpoint).map((r) => r.status),
        `${endpoint}: refused, then answered with the fresh token`,
      ).to.deep.equal([401, 200]);
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });
});
