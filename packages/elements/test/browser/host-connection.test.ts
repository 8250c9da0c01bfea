import { expect, fixture, html } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { setRaincheckLocale, type RcCancelSession, type RcProvider } from '@raincheck/elements';
import { BASE, waitUntil } from './widget-harness.js';

// What shapes the widget's host client (base URL, fetch, headers, token source) and what does not (the locale).

/** A fetch that counts the calls it made, before handing them to `through`. */
function counted(through: typeof fetch): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const wrapped = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(new Request(input, init).url);
    return through(input, init);
  }) as typeof fetch & { calls: string[] };
  wrapped.calls = calls;
  return wrapped;
}

afterEach(() => setRaincheckLocale('en'));

describe('the host connection', () => {
  it('a locale change on <rc-provider> re-renders the widgets in the new language without loading again', async () => {
    const host = createMockHost();
    const wrapper =
      await fixture<RcProvider>(html`<rc-provider base-url=${BASE} locale="en" .fetch=${host.fetchAt(BASE)} .getAccessToken=${() => host.token('therapist')}>
      <rc-cancel-session session-id="ses-1"></rc-cancel-session>
    </rc-provider>`);
    const el = wrapper.querySelector<RcCancelSession>('rc-cancel-session')!;
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 5000 });
    const sessionReads = () => host.records.requests.filter((r) => r.endpoint === 'getSession').length;
    expect(sessionReads()).to.equal(1);
    const states: string[] = [];
    new MutationObserver(() => states.push(el.getAttribute('state') ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['state'],
    });

    wrapper.locale = 'de';
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part~="heading"]')!.textContent.includes('absagen'),
      'the heading is in German',
      { timeout: 5000 },
    );
    await el.updateComplete;
    expect(sessionReads(), 'no second GET of the session').to.equal(1);
    expect(states, 'no loading state').to.deep.equal([]);
    expect(el.state).to.equal('ready');
  });

  it('a fetch set after the first load takes effect: the widget loads again through it', async () => {
    const host = createMockHost();
    const first = counted(host.fetchAt(BASE));
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .fetch=${first} .getAccessToken=${() => host.token('therapist')}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 5000 });
    const second = counted(host.fetchAt(BASE));
    const before = first.calls.length;
    el.fetch = second;
    await waitUntil(
      () => second.calls.some((url) => url.endsWith('/sessions/ses-1')),
      'the session is read through the new fetch',
      { timeout: 5000 },
    );
    await waitUntil(() => el.state === 'ready', 'ready again', { timeout: 5000 });
    expect(first.calls.length, 'the old fetch is no longer used').to.equal(before);
  });

  it('headers set after the first load go with the next calls', async () => {
    const host = createMockHost();
    const seen: (string | null)[] = [];
    const hostFetch = host.fetchAt(BASE);
    const recording: typeof fetch = (input, init) => {
      seen.push(new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('x-partner'));
      return hostFetch(input, init);
    };
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .fetch=${recording} .headers=${{ 'x-partner': 'one' }} .getAccessToken=${() => host.token('therapist')}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'ready', 'ready', { timeout: 5000 });
    expect(seen.at(-1)).to.equal('one');
    el.headers = { 'x-partner': 'two' };
    await waitUntil(() => seen.at(-1) === 'two', 'the new headers are sent', { timeout: 5000 });
  });

  it('a token source set after a refused load loads the widget; one set after a good load serves the next calls without loading again', async () => {
    const host = createMockHost();
    const other = await host.token('other-therapist');
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .fetch=${host.fetchAt(BASE)} .getAccessToken=${() => other}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'error', 'refused', { timeout: 5000 });
    el.getAccessToken = () => host.token('therapist');
    await waitUntil(() => el.state === 'ready', 'loaded with the new token', { timeout: 5000 });
    const sessionReads = () => host.records.requests.filter((r) => r.endpoint === 'getSession').length;
    const reads = sessionReads();
    // A partner rotating a good token must not make the form flash back to loading.
    el.accessToken = await host.token('therapist');
    el.getAccessToken = undefined;
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(sessionReads()).to.equal(reads);
  });
});
