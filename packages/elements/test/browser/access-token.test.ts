import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import type { RcCancelSession, RcProvider } from '@raincheck/elements';
import { BASE } from './widget-harness.js';

// The partner's backend mints the caller's token; the widgets send it on every call and get a fresh
// one once when the host refuses it as expired, so an expired token never shows as an error.

const host = createMockHost();

/** The mock host behind a gate that answers 401 to any token but `valid`, recording what each call carried. */
function gatedHost(valid: string, seen: (string | null)[]): typeof fetch {
  const hostFetch = host.fetchAt(BASE);
  return (input, init) => {
    const authorization = new Headers(init?.headers).get('authorization');
    seen.push(authorization);
    if (authorization !== `Bearer ${valid}`) {
      return Promise.resolve(Response.json({ error: { code: 'unauthenticated', message: 'The token has expired.' } }, { status: 401 }));
    }
    return hostFetch(input, init);
  };
}

describe('access tokens', () => {
  beforeEach(() => host.reset('ordinary-cancellation'));

  it('accessToken on the provider goes with every call of the widgets inside', async () => {
    const seen: (string | null)[] = [];
    const provider = await fixture<RcProvider>(html`<rc-provider base-url=${BASE} .accessToken=${'tok-1'} .fetch=${gatedHost('tok-1', seen)}><rc-cancel-session session-id="ses-1"></rc-cancel-session></rc-provider>`);
    const el = provider.querySelector<RcCancelSession>('rc-cancel-session')!;
    await waitUntil(() => el.state === 'ready', `ready, not "${el.state}"`, { timeout: 5000 });
    expect(seen.length).to.be.greaterThan(0);
    expect(new Set(seen)).to.deep.equal(new Set(['Bearer tok-1']));
    await expect(el).to.be.accessible();
  });

  it('an expired token: getAccessToken is asked for a fresh one and the widget loads, with no error shown', async () => {
    const asked: boolean[] = [];
    const seen: (string | null)[] = [];
    let current = 'stale';
    const getAccessToken = ({ refresh }: { refresh: boolean }) => {
      asked.push(refresh);
      if (refresh) current = 'fresh';
      return current;
    };
    const el = await fixture<RcCancelSession>(html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .getAccessToken=${getAccessToken} .fetch=${gatedHost('fresh', seen)}></rc-cancel-session>`);
    await waitUntil(() => el.state === 'ready', `ready, not "${el.state}"`, { timeout: 5000 });
    expect(asked.filter(Boolean), 'refreshed once').to.have.length(1);
    expect(seen[0]).to.equal('Bearer stale');
    expect(seen.slice(1).every((value) => value === 'Bearer fresh')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a token the host keeps refusing ends in the error state with the host\'s words', async () => {
    const el = await fixture<RcCancelSession>(html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .getAccessToken=${() => 'revoked'} .fetch=${gatedHost('fresh', [])}></rc-cancel-session>`);
    await waitUntil(() => el.state === 'error', `error, not "${el.state}"`, { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('The token has expired.');
    await expect(el).to.be.accessible();
  });
});
