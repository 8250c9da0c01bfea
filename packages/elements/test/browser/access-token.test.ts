import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import type { RcCancelSession, RcProvider, WidgetErrorDetail } from '@raincheck/elements';
import { $, $$, BASE, mountWidget, text, waitUntil } from './widget-harness.js';

// The partner's backend mints the caller's token; the widgets send it on every call and get a fresh
// one once when the host refuses it as expired, so an expired token never shows as an error. The
// mock host enforces the tokens as a real host does.

const host = createMockHost();

/** The mock host's fetch, recording the Authorization header each call carried. */
function recordingHost(seen: (string | null)[]): typeof fetch {
  const hostFetch = host.fetchAt(BASE);
  return (input, init) => {
    seen.push(new Headers(init?.headers).get('authorization'));
    return hostFetch(input, init);
  };
}

/**
 * A partner's token function: it keeps the token it last minted, as a page does, and mints a new
 * one when asked to refresh. `expireNow()` makes the kept token one that has expired.
 */
function partnerTokens() {
  const asked: boolean[] = [];
  let current: Promise<string> = host.token('therapist');
  return {
    asked,
    expireNow: () => {
      current = host.token('therapist', { expired: true });
    },
    getAccessToken: ({ refresh }: { refresh: boolean }): Promise<string> => {
      asked.push(refresh);
      if (refresh) current = host.token('therapist');
      return current;
    },
  };
}

/** Fills the cancellation the way a therapist would: a reason and the first two times. */
async function fill(el: RcCancelSession): Promise<void> {
  $<HTMLInputElement>(el, 'input[name="reason"]').click();
  for (const box of $$<HTMLInputElement>(el, '[part~="slot"] input').slice(0, 2)) box.click();
  await el.updateComplete;
}

const failureOf = (el: HTMLElement) => (el as unknown as { failure: WidgetErrorDetail }).failure;
const statuses = (endpoint: string) =>
  host.records.requests.filter((r) => r.endpoint === endpoint).map((r) => r.status);

describe('access tokens', () => {
  beforeEach(() => {
    host.reset('ordinary-cancellation');
    sessionStorage.clear();
  });

  it('accessToken on the provider goes with every call of the widgets inside', async () => {
    const token = await host.token('therapist');
    const seen: (string | null)[] = [];
    const provider = await fixture<RcProvider>(
      html`<rc-provider base-url=${BASE} .accessToken=${token} .fetch=${recordingHost(seen)}><rc-cancel-session session-id="ses-1"></rc-cancel-session></rc-provider>`,
    );
    const el = provider.querySelector<RcCancelSession>('rc-cancel-session')!;
    await waitUntil(() => el.state === 'ready', `ready, not "${el.state}"`, { timeout: 5000 });
    expect(seen.length).to.be.greaterThan(0);
    expect(new Set(seen)).to.deep.equal(new Set([`Bearer ${token}`]));
    await expect(el).to.be.accessible();
  });

  it('an expired token: getAccessToken is asked for a fresh one and the widget loads, with no error shown', async () => {
    const tokens = partnerTokens();
    tokens.expireNow();
    const seen: (string | null)[] = [];
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .getAccessToken=${tokens.getAccessToken} .fetch=${recordingHost(seen)}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'ready', `ready, not "${el.state}"`, { timeout: 5000 });
    expect(tokens.asked.filter(Boolean), 'refreshed once').to.have.length(1);
    expect(host.records.requests[0]?.status, 'the expired token was refused').to.equal(401);
    expect(host.records.requests.slice(1).every((r) => r.status === 200)).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a token that expires before a write: refreshed once, the write goes through once, no error shown', async () => {
    const tokens = partnerTokens();
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .getAccessToken=${tokens.getAccessToken} .fetch=${host.fetchAt(BASE)}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'ready', `ready, not "${el.state}"`, { timeout: 5000 });
    expect(tokens.asked.filter(Boolean), 'no refresh while the token was good').to.have.length(0);
    await fill(el);
    tokens.expireNow();
    const succeeded = oneEvent(el, 'rc-cancel-success');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await succeeded;
    expect(el.state).to.equal('success');
    expect(tokens.asked.filter(Boolean), 'refreshed once').to.have.length(1);
    expect(statuses('cancelSession'), 'refused as expired, then sent again with the fresh token').to.deep.equal([
      401, 200,
    ]);
    const keys = host.records.requests.filter((r) => r.endpoint === 'cancelSession').map((r) => r.idempotencyKey);
    expect(keys[0], 'with the same idempotency key').to.equal(keys[1]);
    expect(host.state.session('ses-1')?.status).to.equal('cancelled');
    expect(host.records.notifications).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });

  it("a token the host keeps refusing ends in the error state with the host's words", async () => {
    const expired = await host.token('therapist', { expired: true });
    const refusal = (await (
      await host.fetchAt(BASE)(`${BASE}/sessions/ses-1`, { headers: { authorization: `Bearer ${expired}` } })
    ).json()) as { error: { message: string } };
    const el = await fixture<RcCancelSession>(
      html`<rc-cancel-session session-id="ses-1" base-url=${BASE} .getAccessToken=${() => expired} .fetch=${host.fetchAt(BASE)}></rc-cancel-session>`,
    );
    await waitUntil(() => el.state === 'error', `error, not "${el.state}"`, { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain(refusal.error.message);
    await expect(el).to.be.accessible();
  });

  it("another therapist's token: the host's 403 is shown as a refusal, not as something to try again", async () => {
    const el = await mountWidget<RcCancelSession>(
      host,
      'rc-cancel-session',
      { 'session-id': 'ses-1' },
      { as: 'other-therapist' },
    );
    expect(el.state).to.equal('error');
    expect(statuses('getSession')).to.deep.equal([403]);
    expect(failureOf(el)).to.include({ code: 'forbidden', retryable: false });
    expect(el.shadowRoot!.querySelector('[part~="retry"]'), 'no "Try again"').to.equal(null);
    expect(text(el).toLowerCase()).not.to.contain('try again');
    expect(text(el)).not.to.contain('Ben Carter');
    await expect(el).to.be.accessible();
  });
});
