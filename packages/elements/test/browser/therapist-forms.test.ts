import { expect, fixture } from '@open-wc/testing';
import { createMockHost, type ScenarioName } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, $$, text, BASE, waitUntil } from './widget-harness.js';
import type { RcCancelSession } from '@raincheck/elements';
import type { Slot } from '@raincheck/host-api/client';

// What a therapist trips over in <rc-cancel-session> (issue 20): wording, a refund already ticked,
// a reason field before its explanation, and the very time being cancelled offered back.

const host = createMockHost();

/**
 * The mock host, with one more open slot listed: the session's own hour, as a host whose calendar
 * frees it may list it. The widget must not offer it.
 */
function listingOwnHour(): typeof fetch {
  const fetchHost = host.fetchAt(BASE);
  return async (input, init) => {
    const response = await fetchHost(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/slots(\?|$)/.test(url) || !response.ok) return response;
    const session = host.state.session('ses-1')!;
    const body = (await response.json()) as { slots: Slot[] };
    const own: Slot = { id: 'slot-own-hour', startsAt: session.startsAt, endsAt: session.endsAt };
    return new Response(JSON.stringify({ slots: [own, ...body.slots] }), { status: 200, headers: response.headers });
  };
}

async function mount(
  scenario: ScenarioName = 'ordinary-cancellation',
  fetcher = host.fetchAt(BASE),
): Promise<RcCancelSession> {
  host.reset(scenario);
  sessionStorage.clear();
  const el = document.createElement('rc-cancel-session');
  el.setAttribute('session-id', 'ses-1');
  el.setAttribute('base-url', BASE);
  el.fetch = fetcher;
  el.getAccessToken = () => host.token('therapist');
  await fixture(el);
  await waitUntil(() => el.state === 'ready', `ready, not ${el.state}: ${text(el)}`, { timeout: 5000 });
  return el;
}

describe('<rc-cancel-session>, as a therapist sees it', () => {
  it('the heading and the confirm button say different things', async () => {
    const el = await mount();
    expect($(el, '[part~="heading"]').textContent.trim()).to.equal('Cancel session');
    expect($(el, '[part~="submit"]').textContent.trim()).to.equal('Confirm the cancellation');
    await expect(el).to.be.accessible();
  });

  it('the refund box starts unticked (the client chooses); the keyboard ticks it; the cancel sends what was chosen', async () => {
    const el = await mount();
    const box = $<HTMLInputElement>(el, '[part~="refund"] input');
    expect(box.checked, 'a refund is offered only when the therapist chooses to').to.equal(false);
    box.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(box.checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(box.checked).to.equal(false);
    $<HTMLInputElement>(el, 'input[name="reason"]').click();
    for (const slot of $$<HTMLInputElement>(el, '[part~="slot"] input').slice(0, 2)) slot.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success', `the cancel should succeed: ${text(el)}`);
    expect(text(el)).to.contain('They can choose one of the 2 times you offered.');
    expect(text(el)).to.not.contain('or a refund');
    await expect(el).to.be.accessible();
  });

  it("a written reason's explanation comes before its field and describes it", async () => {
    const el = await mount('new-client-refund');
    const why = $(el, '[part~="note-why"]');
    const field = $<HTMLTextAreaElement>(el, 'textarea');
    expect(why, 'the explanation of the required reason').to.not.equal(null);
    expect(why.textContent.trim()).to.not.equal('');
    expect(
      why.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING,
      'the explanation is read first',
    ).to.not.equal(0);
    expect(field.getAttribute('aria-describedby')).to.equal(why.id);
    await expect(el).to.be.accessible();
  });

  it('the slot list never offers the very time being cancelled', async () => {
    const el = await mount('ordinary-cancellation', listingOwnHour());
    const session = host.state.session('ses-1')!;
    const offered = $$<HTMLInputElement>(el, '[part~="slot"] input').map((input) => input.value);
    expect(offered.length, 'other times are offered').to.be.above(0);
    expect(offered).to.not.include('slot-own-hour');
    expect($$(el, '[part~="slot"] time').map((t) => t.getAttribute('datetime'))).to.not.include(session.startsAt);
    await expect(el).to.be.accessible();
  });

  describe('a failed cancel says what happened, by class, and whether the client was told', () => {
    afterEach(() => host.faults.clear());

    async function cancelFailing(fetcher?: typeof fetch): Promise<RcCancelSession> {
      const el = await mount('ordinary-cancellation', fetcher);
      $<HTMLInputElement>(el, 'input[name="reason"]').click();
      for (const slot of $$<HTMLInputElement>(el, '[part~="slot"] input').slice(0, 2)) slot.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~="submit"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.state === 'error', `the cancel should fail: ${text(el)}`, { timeout: 8000 });
      return el;
    }

    it('failed on the host\'s side (500): not "could not be reached"; the client was not told', async () => {
      const el = await cancelFailing(async (input, init) => {
        if ((init?.method ?? 'GET') === 'POST') host.faults.set('cancelSession', { status: 500, times: 1 });
        return host.fetchAt(BASE)(input, init);
      });
      const error = $(el, '[part~="error"]').textContent;
      expect(error).to.contain('ran into a problem of its own (500)');
      expect(error).to.not.contain('could not be reached');
      expect(error).to.contain('The client was not told anything.');
      expect(host.records.notifications).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('unreachable: says so, and that the client is told only if the host got it, never twice', async () => {
      const el = await cancelFailing((input, init) =>
        (init?.method ?? 'GET') === 'POST'
          ? Promise.reject(new TypeError('Failed to fetch'))
          : host.fetchAt(BASE)(input, init),
      );
      const error = $(el, '[part~="error"]').textContent;
      expect(error).to.contain('could not be reached');
      expect(error).to.contain('If the booking system did receive it, it tells the client');
      expect(el.shadowRoot!.querySelector('[part~="retry"]'), 'unreachable is worth another try').to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });
});
